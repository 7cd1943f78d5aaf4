"""Korean number formatting (spri-style.md S34–S38, S36a; pitfall P1)."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest

from briefgen.errors import BriefError
from briefgen.korean import (
    fmt_count,
    fmt_count_share,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_range,
    fmt_share_count,
    fmt_year,
    round_half_up,
)


# S36a: half away from zero, once, on the exact (repr) value; never -0
@pytest.mark.parametrize(
    ("x", "digits", "expected"),
    [
        (0.15, 1, "0.2"),
        (2.675, 2, "2.68"),
        (-0.05, 1, "-0.1"),
        (0.05, 1, "0.1"),
        (0.5, 0, "1"),
        (1.5, 0, "2"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (-0.04, 1, "0.0"),
        (-0.4, 0, "0"),
        (1.005, 2, "1.01"),
        (Decimal("0.125"), 2, "0.13"),
        ("3.14159", 3, "3.142"),
        (7, 0, "7"),
        (1e30, 1, "1" + "0" * 30 + ".0"),
    ],
)
def test_round_half_up(x, digits, expected):
    assert str(round_half_up(x, digits)) == expected


def test_round_half_up_never_negative_zero():
    for x in (-0.0, -0.001, -0.049, Decimal("-0"), "-0.00"):
        result = round_half_up(x, 1)
        assert not result.is_signed(), x


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), "abc", "", None, True, [1], Decimal("NaN")]
)
def test_non_numbers_are_brief_errors(bad):
    with pytest.raises(BriefError):
        fmt_number(bad)


def test_negative_digits_rejected():
    with pytest.raises(BriefError):
        round_half_up(1.0, -1)


# S36: commas from 1,000 up; ASCII hyphen-minus; no -0
@pytest.mark.parametrize(
    ("x", "digits", "expected"),
    [
        (5430, 0, "5,430"),
        (999, 0, "999"),
        (1000, 0, "1,000"),
        (1234.5, 1, "1,234.5"),
        (1234.56, 1, "1,234.6"),
        (1234567.891, 2, "1,234,567.89"),
        (-1234.5, 1, "-1,234.5"),
        (-0.04, 1, "0.0"),
        (0, 2, "0.00"),
        (12.0, 1, "12.0"),
        (0.5, 0, "1"),
        ("2500", 0, "2,500"),
    ],
)
def test_fmt_number(x, digits, expected):
    assert fmt_number(x, digits) == expected


def test_fmt_number_has_no_unicode_minus():
    assert "\u2212" not in fmt_number(-5)
    assert fmt_number(-5) == "-5"


# S34: one decimal, trailing zero kept, % attached; tiny positive → 0.1% 미만
@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        (0.862, "86.2%"),
        (2.261, "226.1%"),
        (0.11, "11.0%"),
        (0, "0.0%"),
        (1, "100.0%"),
        (0.9027, "90.3%"),
        (0.0005, "0.1%"),
        (0.0004, "0.1% 미만"),
        (1e-9, "0.1% 미만"),
        (-0.0004, "0.0%"),
        (-0.123, "-12.3%"),
        (12.345, "1,234.5%"),
        (0.00015, "0.1% 미만"),
    ],
)
def test_fmt_percent(fraction, expected):
    assert fmt_percent(fraction) == expected


def test_fmt_percent_digits():
    assert fmt_percent(0.86234, 2) == "86.23%"
    assert fmt_percent(0.862, 0) == "86%"
    assert fmt_percent(0.00001, 2) == "0.01% 미만"


def test_fmt_percent_not_babel_default():  # P1: format_percent(2.261) → 226%
    assert fmt_percent(2.261) != "226%"


# S34: points from the printed shares, so the reader's arithmetic holds
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (0.4444, 0.3264, "11.8%p"),
        (0.3264, 0.4444, "-11.8%p"),
        (0.5, 0.5, "0.0%p"),
        (0.12345, 0.1, "2.3%p"),
        (0.10049, 0.10051, "-0.1%p"),  # printed 10.0% and 10.1%, exact difference -0.002
    ],
)
def test_fmt_points(a, b, expected):
    assert fmt_points(a, b) == expected


def test_fmt_points_matches_printed_percentages():
    pairs = [(i / 997, j / 991) for i in range(0, 997, 37) for j in range(0, 991, 53)]
    for a, b in pairs:
        pa, pb = (Decimal(fmt_percent(v).removesuffix("%")) for v in (a, b))
        assert Decimal(fmt_points(a, b).removesuffix("%p")) == pa - pb


# S35: counts and shares
def test_counts():
    assert fmt_count(144) == "144개"
    assert fmt_count(64, "건") == "64건"
    assert fmt_count(5430, "회") == "5,430회"
    assert fmt_count(144.0) == "144개"
    assert fmt_count_share(130, 0.9027) == "130개(90.3%)"
    assert fmt_share_count(0.519, 67) == "51.9%(67개)"
    assert fmt_share_count(0.5194, 67, "건", digits=2) == "51.94%(67건)"


def test_count_must_be_whole():
    with pytest.raises(BriefError, match="whole"):
        fmt_count(2.5)


# S37: 만/억/조, largest unit whose rounded value is ≥ 1, trailing .0 dropped
@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (67_220_000_000, "달러", "672.2억 달러"),
        (67_200_000_000, "달러", "672억 달러"),
        (1_390_000_000, "달러", "13.9억 달러"),
        (1.2e12, "원", "1.2조 원"),
        (1e12, "원", "1조 원"),
        (999_999_000_000, "달러", "1조 달러"),  # 9,999.99억 rounds to 1.0조
        (99_999_999, "달러", "1억 달러"),
        (9_999.96, "달러", "1만 달러"),
        (250_000_000_000, "달러", "2,500억 달러"),
        (10_000_000, "달러", "1,000만 달러"),
        (5000, "달러", "5,000달러"),
        (5000, "원", "5,000원"),
        (12.34, "달러", "12.3달러"),
        (0, "달러", "0달러"),
        (-67_220_000_000, "달러", "-672.2억 달러"),
        (2.5e15, "원", "2,500조 원"),
        (67_220_000_000, "", "672.2억"),
    ],
)
def test_fmt_money(value, currency, expected):
    assert fmt_money(value, currency) == expected


def test_fmt_money_digits():
    assert fmt_money(67_226_000_000, digits=2) == "672.26억 달러"
    assert fmt_money(67_250_000_000, digits=2) == "672.5억 달러"  # 672.50: zero dropped
    assert fmt_money(67_250_000_000, digits=0) == "673억 달러"


def test_fmt_money_forbidden_forms():
    values = [10**k * m for k in range(0, 16) for m in (1, 3.14159, 9.9999)]
    for value in values:
        text = fmt_money(value)
        assert "천" not in text and "US$" not in text and "₩" not in text, text
        assert not re.search(r"[만억조]달러", text), text  # S37: space after a Korean unit
        assert not re.search(r"\.0(?!\d)", text), text  # trailing .0 dropped


# S38: ranges; S36: years never grouped
@pytest.mark.parametrize(
    ("a", "b", "unit", "expected"),
    [
        (2020, 2023, "년", "2020~2023년"),
        (2020.0, 2023.0, "년", "2020~2023년"),
        ("2020", "2023", "년", "2020~2023년"),
        (20, 25, "%", "20~25%"),
        (1.5, "2.50", "배", "1.5~2.50배"),
        (1000, 2000, "개", "1,000~2,000개"),
        (3, 5, "", "3~5"),
    ],
)
def test_fmt_range(a, b, unit, expected):
    assert fmt_range(a, b, unit) == expected


def test_fmt_range_never_spaced():
    assert " " not in fmt_range(2020, 2023, "년")
    assert "~" in fmt_range(1, 2) and "\uff5e" not in fmt_range(1, 2)


def test_fmt_year():
    assert fmt_year(2023) == "2023년"
    assert fmt_year(2023.0) == "2023년"
    with pytest.raises(BriefError):
        fmt_year(2023.5)
    with pytest.raises(BriefError):
        fmt_year(math.nan)
