"""Korean dates (docs/house-style.md S39, S40; pitfall P1)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import BriefError
from briefgen.korean import fmt_date


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (dt.date(2024, 8, 19), "day", "2024년 8월 19일"),
        ("2024-08-19", "day", "2024년 8월 19일"),
        (dt.date(2024, 8, 19), "month", "2024년 8월"),
        (dt.date(2024, 8, 19), "dot", "2024.08.19."),
        (dt.date(2024, 1, 5), "dot", "2024.01.05."),
        (dt.date(2024, 8, 19), "dot_month", "2024.08."),
        (dt.date(2024, 7, 1), "short_month", "\u201924년 7월"),
        (dt.date(2005, 12, 31), "short_month", "\u201905년 12월"),
        (dt.datetime(2024, 8, 19, 15, 0), "day", "2024년 8월 19일"),
        ("2024-08-19T15:00:00", "dot", "2024.08.19."),
        ("2024-08", "month", "2024년 8월"),
        ("2024-08", "dot_month", "2024.08."),
        (" 2024-07 ", "short_month", "\u201924년 7월"),
    ],
)
def test_fmt_date(value, style, expected):
    assert fmt_date(value, style) == expected


def test_default_style_is_running_text():
    assert fmt_date("2024-08-19") == "2024년 8월 19일"


def test_short_year_uses_right_single_quote():  # S39, P1: Babel's ''yy gives ASCII '
    text = fmt_date("2024-07-01", "short_month")
    assert text[0] == "\u2019" and "'" not in text


def test_dot_forms_are_zero_padded_with_final_period():  # S40
    for month in range(1, 13):
        text = fmt_date(dt.date(2024, month, 3), "dot")
        assert len(text) == 11 and text.endswith(".") and text[5:7] == f"{month:02d}"


def test_unknown_style_lists_valid_styles():
    with pytest.raises(BriefError) as info:
        fmt_date("2024-08-19", "long")
    message = str(info.value)
    for style in ("day", "month", "dot", "dot_month", "short_month"):
        assert style in message


@pytest.mark.parametrize("bad", ["2024-13-01", "19 Aug 2024", "", "2024/08/19", 20240819, None])
def test_bad_dates_are_errors(bad):
    with pytest.raises(BriefError):
        fmt_date(bad)


def test_year_month_string_needs_a_month_style():
    with pytest.raises(BriefError, match="no day"):
        fmt_date("2024-08", "day")


# Issue 10: the brief's three date forms, across month and year edges
@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        ("2024-08-19", "month", "2024년 8월"),
        ("2024-12-31", "month", "2024년 12월"),
        ("2025-01-01", "month", "2025년 1월"),
        ("2024-08-19", "dot_month", "2024.08."),
        ("2024-12", "dot_month", "2024.12."),
        ("2024-08-19", "dot", "2024.08.19."),
        ("2024-02-29", "dot", "2024.02.29."),
        (dt.date(1999, 10, 9), "dot", "1999.10.09."),
        (dt.date(2024, 1, 1), "day", "2024년 1월 1일"),
        ("2000-02", "short_month", "\u201900년 2월"),
    ],
)
def test_brief_date_forms(value, style, expected):
    assert fmt_date(value, style) == expected


@pytest.mark.parametrize("bad", ["2023-02-29", "2024-00", "2024-8", "24-08-19"])
def test_impossible_or_short_dates_are_errors(bad):
    with pytest.raises(BriefError):
        fmt_date(bad, "dot_month")
