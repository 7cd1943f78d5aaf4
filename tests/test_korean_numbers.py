"""Korean number formatting (docs/house-style.md S34–S38, S36a; pitfall P1)."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest

from briefgen.errors import BriefError
from briefgen.korean import (
    fmt_change,
    fmt_count,
    fmt_count_change,
    fmt_count_share,
    fmt_money,
    fmt_money_mixed,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_range,
    fmt_rank,
    fmt_share_count,
    fmt_signed_percent,
    fmt_signed_points,
    fmt_year,
    growth_rate,
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


# Issue 10: ranks
@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1위"),
        (3, "3위"),
        (10, "10위"),
        (3.0, "3위"),
        ("2", "2위"),
        (Decimal(7), "7위"),
        (1024, "1,024위"),
    ],
)
def test_fmt_rank(n, expected):
    assert fmt_rank(n) == expected


@pytest.mark.parametrize("bad", [0, -1, 2.5, "first", None, True])
def test_fmt_rank_rejects_non_ranks(bad):
    with pytest.raises(BriefError):
        fmt_rank(bad)


# Issue 10: signed %p, from the printed shares; sign only when the printed value is not zero
@pytest.mark.parametrize(
    ("a", "b", "digits", "expected"),
    [
        (0.032, 0, 1, "+3.2%p"),
        (-0.015, 0, 1, "-1.5%p"),
        (0, 0, 1, "0.0%p"),
        (0.00049, 0, 1, "0.0%p"),  # printed 0.0: no sign
        (-0.0004, 0, 1, "0.0%p"),  # never -0.0%p
        (0.4444, 0.3264, 1, "+11.8%p"),
        (0.3264, 0.4444, 1, "-11.8%p"),
        (0.5, 0.5, 1, "0.0%p"),
        (0.10049, 0.10051, 1, "-0.1%p"),  # printed 10.0% and 10.1%
        (0.12345, 0.1, 2, "+2.35%p"),
        (0.862, 0.5, 0, "+36%p"),
        (12.5, 0.5, 1, "+1,200.0%p"),
    ],
)
def test_fmt_signed_points(a, b, digits, expected):
    assert fmt_signed_points(a, b, digits) == expected


def test_signed_points_agree_with_unsigned_points():
    for i in range(0, 1000, 13):
        for j in range(0, 1000, 29):
            a, b = i / 997, j / 991
            signed = fmt_signed_points(a, b)
            assert signed.removeprefix("+") == fmt_points(a, b)
            assert signed.startswith("+") == (Decimal(fmt_points(a, b)[:-2]) > 0)


# Issue 10: signed percent change
@pytest.mark.parametrize(
    ("fraction", "digits", "expected"),
    [
        (0.125, 1, "+12.5%"),
        (-0.03, 1, "-3.0%"),
        (0, 1, "0.0%"),
        (0.0004, 1, "0.0%"),
        (-0.0004, 1, "0.0%"),
        (2.2613, 1, "+226.1%"),
        (12.345, 1, "+1,234.5%"),
        (-1, 1, "-100.0%"),
        (0.12345, 2, "+12.35%"),
        (0.125, 0, "+13%"),
    ],
)
def test_fmt_signed_percent(fraction, digits, expected):
    assert fmt_signed_percent(fraction, digits) == expected


# Issue 10: the change phrase, picked by the sign of the growth rate new/old - 1 (반올림 once)
@pytest.mark.parametrize(
    ("new", "old", "basis", "digits", "expected"),
    [
        (1125, 1000, "전년 대비", 1, "전년 대비 12.5% 증가"),
        (875, 1000, "", 1, "12.5% 감소"),
        (1000, 1000, "", 1, "변동 없음"),
        (1000, 1000, "전년 대비", 1, "전년 대비 변동 없음"),
        (2, 1, "", 1, "100.0% 증가"),
        (0, 5, "", 1, "100.0% 감소"),
        (144, 45, "2020년 대비", 1, "2020년 대비 220.0% 증가"),
        (100.04, 100, "", 1, "0.1% 미만 증가"),  # not 0.0% 증가, not 변동 없음
        (99.96, 100, "", 1, "0.1% 미만 감소"),
        (1, 3, "", 1, "66.7% 감소"),  # 0.6666… rounded once
        (1, 3, "", 2, "66.67% 감소"),
        (4, 3, "", 0, "33% 증가"),
        (Decimal("1.2"), Decimal("1.0"), "", 1, "20.0% 증가"),
        ("1125", "1000", "", 1, "12.5% 증가"),
        (1_000_500, 1_000_000, "", 1, "0.1% 증가"),  # 0.05% rounds half up to 0.1
        (10_000, 1, "", 1, "999,900.0% 증가"),
    ],
)
def test_fmt_change(new, old, basis, digits, expected):
    assert fmt_change(new, old, basis, digits) == expected


@pytest.mark.parametrize("old", [0, 0.0, "0", -5])
def test_growth_rate_needs_a_positive_old_value(old):
    with pytest.raises(BriefError, match="old value above 0"):
        fmt_change(10, old)


def test_growth_rate_is_exact_until_printed():
    assert growth_rate(2, 3).quantize(Decimal("1e-20")) == Decimal("-0.33333333333333333333")
    assert growth_rate(1125, 1000) == Decimal("0.125")
    assert growth_rate(0.3, 0.1) == Decimal(2)  # repr values, no float noise


# Issue 10: count differences
@pytest.mark.parametrize(
    ("new", "old", "unit", "basis", "expected"),
    [
        (144, 136, "개", "", "8개 증가"),
        (136, 144, "개", "", "8개 감소"),
        (144, 144, "개", "", "변동 없음"),
        (64, 61, "건", "전년 대비", "전년 대비 3건 증가"),
        (6430, 1000, "회", "", "5,430회 증가"),
        (144.0, 136, "개", "", "8개 증가"),
        (0, 1200, "개", "", "1,200개 감소"),
    ],
)
def test_fmt_count_change(new, old, unit, basis, expected):
    assert fmt_count_change(new, old, unit, basis) == expected


def test_count_change_needs_whole_counts():
    with pytest.raises(BriefError, match="whole"):
        fmt_count_change(2.5, 1)


# Issue 10 / S37: the mixed money form, only when a template asks for it
@pytest.mark.parametrize(
    ("value", "currency", "unit", "expected"),
    [
        (1.2e12, "원", "만", "1조 2,000억 원"),
        (674_000_000, "달러", "만", "6억 7,400만 달러"),
        (674_012_345, "달러", "만", "6억 7,401만 달러"),
        (674_015_000, "달러", "만", "6억 7,402만 달러"),  # half up, once
        (674_012_345, "달러", "억", "7억 달러"),
        (674_012_345, "달러", "", "6억 7,401만 2,345달러"),
        (123_456_789_012_345, "원", "억", "123조 4,568억 원"),
        (1e12, "원", "만", "1조 원"),  # zero parts left out
        (1_000_050_000_000, "원", "억", "1조 1억 원"),
        (100_000_005, "달러", "", "1억 5달러"),
        (5000, "달러", "", "5,000달러"),
        (5000, "달러", "만", "1만 달러"),
        (4999, "달러", "만", "0달러"),
        (-674_049_999, "달러", "만", "-6억 7,405만 달러"),
        (-4999, "달러", "만", "0달러"),  # never -0
        (2.5e16, "원", "조", "25,000조 원"),
        (674_000_000, "", "만", "6억 7,400만"),
        (9_999_999_999_999, "원", "억", "10조 원"),  # 99,999.99…억 rounds to 10조
    ],
)
def test_fmt_money_mixed(value, currency, unit, expected):
    assert fmt_money_mixed(value, currency, unit) == expected


def test_mixed_money_default_unit_is_man():
    assert fmt_money_mixed(674_012_345) == "6억 7,401만 달러"


# Issue 10: precision and a fixed unit in the plain form
@pytest.mark.parametrize(
    ("value", "digits", "unit", "expected"),
    [
        (1.2e12, 1, "억", "12,000억 달러"),
        (67_220_000_000, 1, "조", "0.1조 달러"),
        (67_220_000_000, 2, "조", "0.07조 달러"),
        (67_220_000_000, 0, "억", "672억 달러"),
        (67_260_000_000, 0, "억", "673억 달러"),
        (67_226_000_000, 2, "억", "672.26억 달러"),
        (67_220_000_000, 1, "만", "6,722,000만 달러"),
        (1234.56, 1, "", "1,234.6달러"),
        (67_220_000_000, 0, None, "672억 달러"),
        (67_226_000_000, 2, None, "672.26억 달러"),
    ],
)
def test_fmt_money_precision_and_unit(value, digits, unit, expected):
    assert fmt_money(value, "달러", digits, unit) == expected


@pytest.mark.parametrize("bad", ["천", "백만", "billion", "억원"])
def test_unknown_money_unit_is_an_error(bad):
    with pytest.raises(BriefError, match="unknown money unit"):
        fmt_money(1e9, unit=bad)
    with pytest.raises(BriefError, match="unknown money unit"):
        fmt_money_mixed(1e9, unit=bad)


# Issue 10 / S38: month and year ranges
@pytest.mark.parametrize(
    ("a", "b", "unit", "expected"),
    [
        (3, 4, "월", "3~4월"),
        (11, 12, "월", "11~12월"),
        (3.0, "4", "월", "3~4월"),
        (2020, 2023, "년도", "2020~2023년도"),
        (1999, 2024, "년", "1999~2024년"),  # never 1,999
        (10000, 20000, "원", "10,000~20,000원"),
        (0.5, 1.25, "%p", "0.5~1.25%p"),
        (-3, 2, "℃", "-3~2℃"),
    ],
)
def test_fmt_range_units(a, b, unit, expected):
    assert fmt_range(a, b, unit) == expected


@pytest.mark.parametrize(("a", "b"), [(0, 4), (3, 13), (3.5, 4), ("삼", 4)])
def test_month_ranges_must_be_months(a, b):
    with pytest.raises(BriefError):
        fmt_range(a, b, "월")


# Issue 10: the existing house formats, one table (S34-S36)
@pytest.mark.parametrize(
    ("formatted", "expected"),
    [
        (lambda: fmt_number(1_000), "1,000"),
        (lambda: fmt_number(12_345_678), "12,345,678"),
        (lambda: fmt_number(-12_345.678, 1), "-12,345.7"),
        (lambda: fmt_number(0.05, 1), "0.1"),
        (lambda: fmt_percent(0.5), "50.0%"),
        (lambda: fmt_percent(0.5, 2), "50.00%"),
        (lambda: fmt_percent(0.12345, 3), "12.345%"),
        (lambda: fmt_percent(1.0, 0), "100%"),
        (lambda: fmt_count_share(67, 0.5194), "67개(51.9%)"),
        (lambda: fmt_count_share(1234, 0.00001, "건"), "1,234건(0.1% 미만)"),
        (lambda: fmt_count_share(144, 1.0), "144개(100.0%)"),
        (lambda: fmt_share_count(0.9027, 130), "90.3%(130개)"),
    ],
)
def test_house_formats_table(formatted, expected):
    assert formatted() == expected
