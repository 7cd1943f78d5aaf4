"""Convert a DOCX to PDF with LibreOffice headless (a test aid; skips when soffice is absent)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.fonts import font_files


def install_fonts() -> None:
    """Copy the Nanum TTFs where fontconfig finds them (LibreOffice draws junk otherwise)."""
    font_dir = Path.home() / ".local/share/fonts"
    font_dir.mkdir(parents=True, exist_ok=True)
    copied = False
    for path in font_files().values():
        if not (font_dir / path.name).exists():
            shutil.copy(path, font_dir / path.name)
            copied = True
    if copied:
        subprocess.run(["fc-cache", "-f"], check=False, capture_output=True, timeout=60)


def convert_to_pdf(docx: Path, outdir: Path) -> Path:
    """``docx`` converted to ``outdir/<stem>.pdf`` with a throw-away LibreOffice profile."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    install_fonts()
    outdir.mkdir(parents=True, exist_ok=True)
    profile = f"-env:UserInstallation=file://{outdir / 'lo-profile'}"
    subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
        check=True,
        capture_output=True,
        timeout=60,
        env={**os.environ, "HOME": str(Path.home())},
    )
    pdf = outdir / f"{docx.stem}.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF (it exits 0 even when loading failed)"
    return pdf
