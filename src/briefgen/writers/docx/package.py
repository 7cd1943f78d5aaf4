"""Deterministic packaging: rewrite the zip python-docx saved with fixed entry metadata."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_stable_zip(data: bytes, out: Path) -> None:
    """Write the package ``data`` to ``out`` with ``[Content_Types].xml`` first, the other
    entries sorted by name, a fixed timestamp and fixed permissions, so equal documents give
    byte-identical files."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {name: src.read(name) for name in src.namelist()}
    first = "[Content_Types].xml"
    order = [first] + sorted(name for name in entries if name != first)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, entries[name])
    out.write_bytes(buffer.getvalue())
