"""Resource limits for data files from untrusted sources (checked before and while reading).

A brief's data is small (hundreds to a few hundred thousand rows); these limits only stop
files that would exhaust memory or time: oversized files, XLSX zip bombs, absurd cells.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from briefgen.errors import BriefError

MAX_FILE_BYTES = 200 * 1024**2
"""Largest data file on disk (CSV, XLSX, JSON): 200 MB."""

MAX_XLSX_UNCOMPRESSED = 500 * 1024**2
"""Largest total uncompressed size of the parts of an XLSX archive: 500 MB."""

MAX_XLSX_RATIO = 100
"""Largest compression ratio of one XLSX part above 1 MB uncompressed (zip-bomb guard).
Real worksheets compress 5-20x; a zip bomb compresses 1000x and more."""

MAX_ROWS = 1_000_000
"""Most data rows in one file (Excel's own limit is 1,048,576)."""

MAX_CELLS = 20_000_000
"""Most cells (rows × columns) read from one file."""

MAX_CELL_CHARS = 32_767
"""Longest text of one cell, Excel's own limit."""

_RATIO_FLOOR = 1024**2


def check_file_size(path: Path, rel: str) -> None:
    """Refuse a data file larger than MAX_FILE_BYTES."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BriefError(
            f"data file is {size / 1024**2:,.0f} MB; the limit is {MAX_FILE_BYTES // 1024**2} MB",
            source=rel,
        )


def check_xlsx_archive(path: Path, rel: str) -> None:
    """Open the XLSX as a zip (without decompressing) and refuse zip bombs.

    The declared sizes are trustworthy enough: Python's ``zipfile`` (which openpyxl uses)
    never returns more than a member's declared ``file_size``.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BriefError("not a valid XLSX file (it is not a zip archive)", source=rel) from None
    total = sum(m.file_size for m in members)
    if total > MAX_XLSX_UNCOMPRESSED:
        raise BriefError(
            f"XLSX unpacks to {total / 1024**2:,.0f} MB; the limit is "
            f"{MAX_XLSX_UNCOMPRESSED // 1024**2} MB (zip bomb?)",
            source=rel,
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > MAX_XLSX_RATIO:
            raise BriefError(
                f"XLSX part '{member.filename}' is compressed {ratio:,.0f}:1; "
                f"the limit is {MAX_XLSX_RATIO}:1 (zip bomb?)",
                source=rel,
            )


def check_shape(rows: int, columns: int, rel: str) -> None:
    """Refuse more than MAX_ROWS rows or MAX_CELLS cells."""
    if rows > MAX_ROWS:
        raise BriefError(f"data file has {rows:,} rows; the limit is {MAX_ROWS:,}", source=rel)
    if rows * columns > MAX_CELLS:
        raise BriefError(
            f"data file has {rows * columns:,} cells; the limit is {MAX_CELLS:,}", source=rel
        )
