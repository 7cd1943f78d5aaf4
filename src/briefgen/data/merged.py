"""Merged ranges of an XLSX worksheet, and filling them: every cell of a range takes the value
of its top-left cell, as Excel shows it (read-only openpyxl leaves the others empty)."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

from briefgen.data.limits import MAX_CELLS
from briefgen.errors import BriefError

_CHUNK = 1024**2
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)\"")


def merged_ranges(path: Path, part: str, rel: str) -> list[str]:
    """The ``ref`` of every ``mergeCell`` in worksheet ``part`` (e.g. ``A2:A4``), streamed."""
    found: list[str] = []
    tail = b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                data = tail + chunk
                end = data.rfind(b"<")  # a tag cut at the chunk's end waits for the next one
                end = len(data) if end < 0 or b">" in data[end:] else end
                found += [m.group(1).decode() for m in _MERGE.finditer(data, 0, end)]
                tail = data[end:]
    except (zipfile.BadZipFile, OSError, KeyError, zlib.error) as exc:
        raise BriefError(f"cannot read XLSX sheet: {exc}", source=rel) from None
    return found


def fill_merged(rows: list[list[str]], ranges: list[str], rel: str) -> None:
    """Give every cell of each merged range (sheet coordinates: ``rows[0][0]`` is A1) the
    value of the range's top-left cell, within the sheet's used width and rows."""
    width = max(map(len, rows), default=0)
    filled = 0
    for ref in ranges:
        first_col, first_row, last_col, last_row = range_boundaries(ref)
        last_col, last_row = min(last_col, width), min(last_row, len(rows))
        if first_row > last_row or first_col > last_col:
            continue
        value = rows[first_row - 1][first_col - 1] if first_col <= len(rows[first_row - 1]) else ""
        filled += (last_row - first_row + 1) * (last_col - first_col + 1)
        if filled > MAX_CELLS:
            raise BriefError(
                f"merged ranges cover more than {MAX_CELLS:,} cells (the limit of briefgen)",
                source=rel,
            )
        for row in rows[first_row - 1 : last_row]:
            row.extend([""] * (last_col - len(row)))
            row[first_col - 1 : last_col] = [value] * (last_col - first_col + 1)
