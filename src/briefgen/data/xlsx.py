"""Read one sheet of an XLSX file into a frame of strings.

Without ``sheet:`` the first sheet is read, and it must be visible (a hidden first sheet is an
error naming the visible ones). Merged ranges are filled with their top-left value; the first
non-empty row is the header, and it names each column once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.utils.cell import get_column_letter

from briefgen.compat.openpyxl import worksheet_part
from briefgen.data.limits import MAX_CELLS, MAX_ROWS
from briefgen.data.merged import fill_merged, merged_ranges
from briefgen.data.shape import check_header
from briefgen.data.values import cell_text
from briefgen.errors import BriefError


def read_xlsx(path: Path, rel: str, sheet: str | int | None) -> pd.DataFrame:
    """The chosen sheet as a frame: header from the first non-empty row, empty rows dropped."""
    rows = xlsx_rows(path, rel, sheet)
    numbered = [(number, r) for number, r in enumerate(rows, start=1) if any(r)]
    if not numbered:
        raise BriefError("data sheet is empty", source=rel)
    (header_row, header), body = numbered[0], [r for _, r in numbered[1:]]
    check_header(header, rel, lambda at: get_column_letter(at + 1), line=header_row)
    keep = [i for i, name in enumerate(header) if name]
    width = len(header)
    body = [r + [""] * (width - len(r)) for r in body]
    return pd.DataFrame(
        [[r[i] for i in keep] for r in body], columns=[header[i] for i in keep], dtype=object
    )


def xlsx_rows(path: Path, rel: str, sheet: str | int | None) -> list[list[str]]:
    """Every row of the chosen sheet as cell texts (``rows[0][0]`` is A1), merged ranges
    filled with their top-left value."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise BriefError(f"cannot open XLSX: {exc}", source=rel) from None
    try:
        ws = _pick(book, sheet, rel)
        rows = _rows(ws, rel)
        part = worksheet_part(ws)
    finally:
        book.close()
    fill_merged(rows, merged_ranges(path, part, rel), rel)
    return rows


def _pick(book: Any, sheet: str | int | None, rel: str) -> Any:
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif isinstance(sheet, int):
            return book.worksheets[sheet]
        else:
            return book[sheet]
    except (KeyError, IndexError):
        raise BriefError(
            f"sheet {sheet!r} not found (sheets: {', '.join(book.sheetnames)})", source=rel
        ) from None
    if ws.sheet_state != "visible":
        visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
        raise BriefError(
            f"the first sheet {ws.title!r} is hidden; name the sheet to read in brief.yaml "
            f"(sheet: {visible[0] if visible else ws.title}; visible sheets: "
            f"{', '.join(visible) or 'none'})",
            source=rel,
        )
    return ws


def _rows(ws: Any, rel: str) -> list[list[str]]:
    """Every row from A1 on, as cell texts (``rows[0][0]`` is A1)."""
    rows = []
    cells = 0
    try:
        for row in ws.iter_rows(min_row=1, min_col=1, values_only=True):
            rows.append([cell_text(v) for v in row])
            cells += len(row)
            if len(rows) > MAX_ROWS + 1 or cells > MAX_CELLS:
                raise BriefError(
                    f"data sheet has more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells "
                    "(the limits of briefgen)",
                    source=rel,
                )
    except BriefError:
        raise
    except Exception as exc:  # a damaged sheet inside a valid archive
        raise BriefError(f"cannot read XLSX sheet: {exc}", source=rel) from None
    return rows
