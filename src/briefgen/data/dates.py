"""Dates of a data column: text in the declared ``date_format``, ISO dates (what XLSX date
cells read as) and Excel serial day numbers (``45123`` is 2023-07-16)."""

from __future__ import annotations

import pandas as pd

from briefgen.errors import BriefError

EXCEL_EPOCH = "1899-12-30"
"""Day 0 of Excel's 1900 date system (its serial 1 is 1900-01-01)."""

SERIALS = (18_264, 73_050)
"""Numbers read as Excel serial dates: 1950-01-01 to 2099-12-31 (a bare year never is one)."""

_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"


def parse_dates(
    values: pd.Series, date_format: str, rel: str, column: str
) -> pd.Series:
    """``values`` as datetimes; an unreadable cell is NaT, but a column none of whose non-empty
    cells is a date is a BriefError naming its first cell (a wrong ``date_format``?)."""
    text = values.astype(str).str.strip()
    dates = pd.to_datetime(text, format=date_format, errors="coerce")
    iso = dates.isna() & text.str.fullmatch(_ISO)
    if iso.any():
        dates[iso] = pd.to_datetime(text[iso], format="ISO8601", errors="coerce")
    numbers = pd.to_numeric(text.where(dates.isna() & (text != "")), errors="coerce")
    serial = numbers.between(*SERIALS)
    if serial.any():
        dates[serial] = pd.to_datetime(numbers[serial], unit="D", origin=EXCEL_EPOCH)
    written = text != ""
    if written.any() and dates[written].isna().all():
        row = written.idxmax()
        raise BriefError(
            f"no cell of this column is a date ({text[row]!r} is not in the form {date_format}, "
            "an ISO date or an Excel serial date); declare the form as date_format",
            source=rel,
            cell=f'row {row}, column "{column}"',
        )
    return dates
