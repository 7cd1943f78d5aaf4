"""Locate the Korean TTF files that pip installs (koreanize-matplotlib ships NanumGothic).

The package is never imported (it rewrites matplotlib's global settings and imports
``distutils``); its folder is found with ``importlib.util.find_spec``, which locates a package
without running it (P7), and is searched for ``.ttf`` files.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from briefgen.errors import BriefError

FONT_PACKAGE = "koreanize-matplotlib"
FONT_MODULE = "koreanize_matplotlib"


@cache
def font_files() -> dict[str, Path]:
    """Map of family name (file stem, e.g. ``NanumGothicBold``) to the TTF path."""
    spec = importlib.util.find_spec(FONT_MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise BriefError(
            f"the Korean fonts package '{FONT_PACKAGE}' is not installed (pip install {FONT_PACKAGE})"
        )
    folder = Path(next(iter(spec.submodule_search_locations)))
    found = {path.stem: path for path in sorted(folder.rglob("*.ttf"))}
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
