"""Korean date and time formats of SPRi briefs (S38–S40), written out by hand (P1: Babel's are
wrong): single dates, ranges of two dates in the same style, and times of day."""

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
    "short_dot": "\u2019{yy:02d}.{m}월",
}
# Month styles in a range of one year: the year part written once before "3~5월".
_YEAR_HEADS = {"month": "{y}년 ", "short_month": "\u2019{yy:02d}년 ", "short_dot": "\u2019{yy:02d}."}
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", re.ASCII)
TIME_STYLES = ("clock", "words")


def _check_style(style: str) -> None:
    if style not in _STYLES:
        valid = ", ".join(_STYLES)
        raise BriefError(f"unknown date style '{style}' (valid: {valid})")


def _parse(d: dt.date | str, style: str) -> dt.date:
    if isinstance(d, dt.datetime):  # pandas Timestamp too
        return d.date()
    if isinstance(d, dt.date):
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


def _format(day: dt.date, pattern: str) -> str:
    return pattern.format(y=day.year, yy=day.year % 100, m=day.month, d=day.day)


def fmt_date(d: dt.date | str, style: str = "day") -> str:
    """Format a date or ISO string (``2024-08-19``; ``2024-08`` for month styles).

    Styles: ``day`` 2024년 8월 19일, ``month`` 2024년 8월, ``dot`` 2024.08.19.,
    ``dot_month`` 2024.08., ``short_month`` ’24년 7월, ``short_dot`` ’24.7월 (U+2019).
    """
    _check_style(style)
    return _format(_parse(d, style), _STYLES[style])


def fmt_date_range(a: dt.date | str, b: dt.date | str, style: str = "month") -> str:
    """Two dates as a range in one style (S38), earlier first: ``2024년 3~5월``,
    ``2024년 11월 ~ 2025년 2월``, ``’24.3~5월``, ``2024.03.~2024.05.``, ``2024년 3월 5~19일``.

    The second end leaves out the year (and month) it shares with the first in the word styles;
    the dot styles write both ends in full. A tilde between ends of several words is spaced,
    between one-word ends it is not. Ends that print the same collapse to one date
    (``2024년 3월``).
    """
    _check_style(style)
    first, last = sorted((_parse(a, style), _parse(b, style)))
    pattern = _STYLES[style]
    start, end = _format(first, pattern), _format(last, pattern)
    if start == end:
        return start
    if first.year == last.year and style in _YEAR_HEADS:
        return f"{_format(first, _YEAR_HEADS[style])}{first.month}~{last.month}월"
    if first.year == last.year and style == "day":
        if first.month == last.month:
            return f"{first.year}년 {first.month}월 {first.day}~{last.day}일"
        end = f"{last.month}월 {last.day}일"
    separator = " ~ " if " " in start or " " in end else "~"
    return f"{start}{separator}{end}"


def fmt_time(t: dt.time | dt.datetime | str, style: str = "clock") -> str:
    """A time of day in 24 hours (S40): ``clock`` 14:30 (09:05, seconds only when not zero),
    ``words`` 14시 30분 (14시 on the hour). Accepts a time, a datetime or ``HH:MM[:SS]``."""
    if style not in TIME_STYLES:
        raise BriefError(f"unknown time style '{style}' (valid: {', '.join(TIME_STYLES)})")
    hour, minute, second = _time_parts(t)
    if style == "clock":
        return f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    parts = [f"{hour}시"]
    if minute or second:
        parts.append(f"{minute}분")
    if second:
        parts.append(f"{second}초")
    return " ".join(parts)


def _time_parts(t: object) -> tuple[int, int, int]:
    if isinstance(t, dt.datetime | dt.time):
        return t.hour, t.minute, t.second
    match = _TIME.fullmatch(t.strip()) if isinstance(t, str) else None
    if match is None:
        raise BriefError(f"not a time of day (HH:MM): {t!r}")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BriefError(f"not a time of day (00:00 to 23:59): {t!r}")
    return hour, minute, second
