"""Korean date formats of SPRi briefs (S39, S40), written out by hand (P1: Babel's are wrong)."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.errors import BriefError

_STYLES = {
    "day": "{y}년 {m}월 {d}일",
    "month": "{y}년 {m}월",
    "dot": "{y}.{m:02d}.{d:02d}.",
    "dot_month": "{y}.{m:02d}.",
    "short_month": "\u2019{yy:02d}년 {m}월",
}
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _parse(d: dt.date | str, style: str) -> dt.date:
    if isinstance(d, dt.date):  # datetime and pandas Timestamp are dates too
        return d
    if not isinstance(d, str):
        raise BriefError(f"not a date: {d!r}")
    text = d.strip()
    try:
        if match := _YEAR_MONTH.fullmatch(text):
            if "{d" in _STYLES[style]:
                raise BriefError(f"date {d!r} has no day, which style '{style}' needs")
            return dt.date(int(match[1]), int(match[2]), 1)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise BriefError(f"not an ISO date (YYYY-MM-DD): {d!r}") from None


def fmt_date(d: dt.date | str, style: str = "day") -> str:
    """Format a date or ISO string (``2024-08-19``; ``2024-08`` for month styles).

    Styles: ``day`` 2024년 8월 19일, ``month`` 2024년 8월, ``dot`` 2024.08.19.,
    ``dot_month`` 2024.08., ``short_month`` ’24년 7월 (U+2019).
    """
    if style not in _STYLES:
        valid = ", ".join(_STYLES)
        raise BriefError(f"unknown date style '{style}' (valid: {valid})")
    day = _parse(d, style)
    return _STYLES[style].format(y=day.year, yy=day.year % 100, m=day.month, d=day.day)
