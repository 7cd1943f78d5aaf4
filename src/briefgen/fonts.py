"""Locate the Korean TTF files that pip installs (koreanize-matplotlib ships NanumGothic).

The package is never imported (it rewrites matplotlib's global settings and imports
``distutils``); its files are found through ``importlib.metadata`` (P7).
"""

from __future__ import annotations

import importlib.metadata
from functools import cache
from pathlib import Path

from briefgen.errors import BriefError

FONT_PACKAGE = "koreanize-matplotlib"


@cache
def font_files() -> dict[str, Path]:
    """Map of family name (file stem, e.g. ``NanumGothicBold``) to the TTF path."""
    try:
        entries = importlib.metadata.files(FONT_PACKAGE) or []
    except importlib.metadata.PackageNotFoundError:
        raise BriefError(
            f"the Korean fonts package '{FONT_PACKAGE}' is not installed (pip install {FONT_PACKAGE})"
        ) from None
    found = {Path(str(e)).stem: Path(str(e.locate())) for e in entries if str(e).endswith(".ttf")}
    if not found:
        raise BriefError(f"no .ttf files found in the '{FONT_PACKAGE}' package")
    return found


def font_path(family: str) -> Path:
    """The TTF file of ``family`` (e.g. ``NanumGothic``); BriefError if absent."""
    files = font_files()
    if family not in files:
        known = ", ".join(sorted(files))
        raise BriefError(f"font '{family}' not found; available: {known}")
    return files[family]
