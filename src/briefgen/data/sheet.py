"""Cut the table out of a sheet's rows as laid out by ``data.layout``: the header row(s), the
title rows above them, the data, and the note rows below it.

``rows[0]`` is row 1 of the sheet (or the CSV file's first record); the frame returned is
indexed by those row numbers, so an error can name the row a user sees in Excel.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from briefgen.data.layout import Layout
from briefgen.data.shape import check_header
from briefgen.errors import BriefError

_UNIT = re.compile(r"단위\s*[:：]\s*([^)）\]]+)")


def table_from_rows(rows: list[list[str]], layout: Layout, rel: str,
                    position: Callable[[int], str]) -> tuple[pd.DataFrame, str | None]:
    """The data below the header as a frame of strings (index: row numbers) and the unit
    stated above it (when ``layout.unit_from_sheet``); ``position(i)`` names column i."""
    header_rows = list(layout.header) or _first_filled(rows, rel)
    last = header_rows[-1]
    if last > len(rows):
        raise BriefError(f"header row {last} is below the last row of the sheet ({len(rows)}); "
                         "check the dataset's header in brief.yaml", source=rel)
    if not any(any(cell.strip() for cell in rows[r - 1]) for r in header_rows):
        raise BriefError(f"header row{'s' if len(header_rows) > 1 else ''} "
                         f"{', '.join(map(str, header_rows))} {'are' if len(header_rows) > 1 else 'is'} empty",
                         source=rel, line=header_rows[0])
    body = [(number, rows[number - 1]) for number in range(last + 1, len(rows) + 1)
            if number not in layout.skip and any(cell.strip() for cell in rows[number - 1])]
    if layout.footer:
        if layout.footer >= len(body):
            raise BriefError(f"footer: {layout.footer} note rows, but only {len(body)} filled row"
                             f"{'s' if len(body) != 1 else ''} below the header (row {last}); no data is left",
                             source=rel, line=last)
        body = body[: len(body) - layout.footer]
    if not body:
        raise BriefError(f"no data rows below the header (row {last})", source=rel, line=last)
    names = _names([rows[r - 1] for r in header_rows])
    check_header(names, rel, position, line=header_rows[0])
    keep = [i for i, name in enumerate(names) if name]
    short = next(((n, c) for n, c in body if len(c) < keep[-1] + 1), None) if keep else None
    if short is not None:  # a CSV record cut short; a sheet's rows are as wide as the sheet
        number, cells = short
        raise BriefError(f"row {number} has {len(cells)} value{'s' if len(cells) != 1 else ''}, the header "
                         f"has {keep[-1] + 1} (a value missing? an empty value is written as two delimiters)",
                         source=rel)
    frame = pd.DataFrame(
        [[(cells[i] if i < len(cells) else "") for i in keep] for _, cells in body],
        columns=[names[i] for i in keep],
        index=[number for number, _ in body],
        dtype=object,
    )
    unit = _stated_unit(rows[:last], rel, header_rows[0]) if layout.unit_from_sheet else None
    return frame, unit


def _first_filled(rows: list[list[str]], rel: str) -> list[int]:
    number = next((n for n, cells in enumerate(rows, start=1) if any(cells)), None)
    if number is None:
        raise BriefError("data sheet is empty", source=rel)
    return [number]


def _names(header: list[list[str]]) -> list[str]:
    """One name per column: a single header row as written; several rows joined with a space,
    a cell repeated down the rows (a merged 구분) once."""
    width = max(map(len, header))
    if len(header) == 1:
        return header[0] + [""] * (width - len(header[0]))
    names = []
    for i in range(width):
        parts: list[str] = []
        for cells in header:
            part = " ".join(cells[i].split()) if i < len(cells) else ""
            if part and (not parts or parts[-1] != part):
                parts.append(part)
        names.append(" ".join(parts))
    return names


def _stated_unit(above: list[list[str]], rel: str, header_row: int) -> str:
    """The unit of ``(단위: 억 달러)`` in the title or header rows."""
    for cells in above:
        for cell in cells:
            found = _UNIT.search(cell)
            if found and found.group(1).strip():
                return " ".join(found.group(1).split())
    raise BriefError(f"no unit stated above the data (a cell like '(단위: 억 원)' in rows 1-{len(above)}); "
                     "declare it in brief.yaml (unit: 억 원)", source=rel, line=header_row)
