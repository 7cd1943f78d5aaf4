"""Issue 19's number, range, date, time and change forms (docs/house-style.md S34–S40, S56)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from briefgen.errors import BriefError
from briefgen.korean import (
    fmt_change,
    fmt_count_big,
    fmt_count_big_range,
    fmt_count_change,
    fmt_date_range,
    fmt_money,
    fmt_money_range,
    fmt_number_range,
    fmt_percent_range,
    fmt_range,
    fmt_time,
)
from briefgen.korean.wording import points_change_words, rate_change_words


# Counts in Korean units: the counter spaced after the unit, promotion as for money (S36, S37)
@pytest.mark.parametrize(
    ("n", "counter", "expected"),
    [
        (120_000, "명", "12만 명"),
        (600_000_000, "건", "6억 건"),
        (10_000_000, "명", "1,000만 명"),
        (12_345, "명", "1.2만 명"),
        (12_350, "명", "1.2만 명"),  # 1.235만 → 1.2 (1.2350 exact: half up at the 2nd decimal)
        (12_500, "명", "1.3만 명"),  # a tie rounds away from zero
        (10_000, "명", "1만 명"),  # trailing .0 dropped
        (9_999, "명", "9,999명"),  # never 1만: below the unit, shown exactly
        (9_999.0, "명", "9,999명"),
        (99_999_499, "명", "9,999.9만 명"),
        (99_999_500, "명", "1억 명"),  # 9,999.95만 rounds to 10,000.0만: moved up
        (999_995_000_000, "건", "1조 건"),  # 9,999.95억 → 10,000.0억
        (999_950_000_000, "건", "9,999.5억 건"),
        (0, "명", "0명"),
        (-120_000, "명", "-12만 명"),
        (-99_999_500, "명", "-1억 명"),
        (10**20, "건", "100,000,000조 건"),  # no unit above 조
        (5_430, "회", "5,430회"),
        (123_456, "", "12.3만"),
    ],
)
def test_count_big(n, counter, expected):
    assert fmt_count_big(n, counter) == expected


def test_count_big_digits_and_fixed_unit():
    assert fmt_count_big(123_456, "명", digits=0) == "12만 명"
    assert fmt_count_big(99_995_000, "명", digits=0) == "1억 명"  # 9,999.5만 → 10,000만
    assert fmt_count_big(99_994_999, "명", digits=0) == "9,999만 명"
    assert fmt_count_big(1_200_000_000, "명", unit="만") == "120,000만 명"
    assert fmt_count_big(5_000, "명", unit="만") == "0.5만 명"


@pytest.mark.parametrize("bad", [1.5, "12.5", "many", None, True])
def test_count_big_needs_a_whole_number(bad):
    with pytest.raises(BriefError):
        fmt_count_big(bad)


def test_money_never_rounds_up_into_a_unit_it_does_not_reach():
    assert fmt_money(9_999) == "9,999달러"  # was 1만 달러
    assert fmt_money(9_999.96) == "1만 달러"  # 9,999.96 rounds to 10,000.0: moved up
    assert fmt_money(99_999_999) == "1억 달러"
    assert fmt_money(99_940_000) == "9,994만 달러"


# Ranges of computed values (S38): low to high, unit once, equal printed ends collapse
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (0.125, 0.2, "12.5~20.0%"),
        (0.2, 0.125, "12.5~20.0%"),  # low to high
        (0.12345, 0.12349, "12.3%"),  # both print 12.3%: one value
        (0.12345, 0.12351, "12.3~12.4%"),
        (0.12349, 0.1235, "12.3~12.4%"),  # 12.35 is a tie: half up
        (-0.032, 0.015, "-3.2~1.5%"),
        (0, 0, "0.0%"),
        (0.00004, 0.02, "0.1% 미만~2.0%"),  # S34: a positive end too small to show
        (0.00004, 0.00001, "0.1% 미만"),
    ],
)
def test_percent_range(a, b, expected):
    assert fmt_percent_range(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "currency", "expected"),
    [
        (1.2e12, 1.5e12, "원", "1.2~1.5조 원"),
        (1.5e12, 1.2e12, "원", "1.2~1.5조 원"),
        (5e11, 1.5e12, "원", "5,000억~1.5조 원"),  # ends in different units keep theirs
        (5_000, 8_000, "달러", "5,000~8,000달러"),
        (9_000, 12_000, "달러", "9,000~1.2만 달러"),
        (1.2e12, 1.2e12, "원", "1.2조 원"),
        (1.204e12, 1.196e12, "원", "1.2조 원"),  # both print 1.2조: one value
        (999_995_000_000, 1.2e12, "원", "1~1.2조 원"),  # 9,999.95억 moved up to 1조
        (-5e8, 3e8, "달러", "-5~3억 달러"),
    ],
)
def test_money_range(a, b, currency, expected):
    assert fmt_money_range(a, b, currency) == expected


def test_money_range_in_a_fixed_unit():
    assert fmt_money_range(5e11, 1.5e12, "원", unit="억") == "5,000~15,000억 원"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (120_000, 150_000, "12~15만 명"),
        (9_000, 12_000, "9,000~1.2만 명"),
        (120_000, 120_400, "12만 명"),
        (99_999_500, 120_000_000, "1~1.2억 명"),
        (3, 5, "3~5명"),
    ],
)
def test_count_big_range(a, b, expected):
    assert fmt_count_big_range(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "unit", "expected"),
    [
        (2023, 2023, "년", "2023년"),  # never 2023~2023년
        ("2023", 2023.0, "년", "2023년"),
        (3, 3, "월", "3월"),
        (20, 20, "%", "20%"),
        (20, 20.0, "%", "20%"),
        (2.5, "2.50", "배", "2.5~2.50배"),  # quoted precision differs: not the same value printed
        (2020, 2023, "년", "2020~2023년"),
    ],
)
def test_span_collapses_equal_ends(a, b, unit, expected):
    assert fmt_range(a, b, unit) == expected


# Date ranges in every date style (S38, S39, S40)
SPANS = [
    # style, (a, b), expected
    ("month", ("2024-03", "2024-05"), "2024년 3~5월"),
    ("month", ("2024-11", "2025-02"), "2024년 11월 ~ 2025년 2월"),
    ("month", ("2024-03-01", "2024-03-31"), "2024년 3월"),
    ("day", ("2024-03-05", "2024-03-19"), "2024년 3월 5~19일"),
    ("day", ("2024-03-05", "2024-05-19"), "2024년 3월 5일 ~ 5월 19일"),
    ("day", ("2024-12-30", "2025-01-03"), "2024년 12월 30일 ~ 2025년 1월 3일"),
    ("day", ("2024-08-19", "2024-08-19"), "2024년 8월 19일"),
    ("dot", ("2024-03-05", "2024-05-19"), "2024.03.05.~2024.05.19."),
    ("dot", ("2024-03-05", "2024-03-05"), "2024.03.05."),
    ("dot_month", ("2024-03", "2024-05"), "2024.03.~2024.05."),
    ("dot_month", ("2024-11", "2025-02"), "2024.11.~2025.02."),
    ("dot_month", ("2024-03-02", "2024-03-30"), "2024.03."),
    ("short_month", ("2024-03", "2024-05"), "\u201924년 3~5월"),
    ("short_month", ("2023-08", "2024-04"), "\u201923년 8월 ~ \u201924년 4월"),  # S38's example
    ("short_dot", ("2024-03", "2024-05"), "\u201924.3~5월"),
    ("short_dot", ("2024-11", "2025-02"), "\u201924.11월~\u201925.2월"),
    ("short_dot", ("2024-05", "2024-03"), "\u201924.3~5월"),  # earlier first
    ("short_dot", ("2009-01", "2009-01"), "\u201909.1월"),
]


@pytest.mark.parametrize(("style", "ends", "expected"), SPANS, ids=[f"{s}-{e}" for s, _, e in SPANS])
def test_date_range(style, ends, expected):
    assert fmt_date_range(*ends, style) == expected


def test_date_range_accepts_dates_and_checks_its_style():
    assert fmt_date_range(dt.date(2024, 3, 1), dt.datetime(2024, 5, 2, 9, 0)) == "2024년 3~5월"
    with pytest.raises(BriefError, match="unknown date style"):
        fmt_date_range("2024-03", "2024-05", "long")
    with pytest.raises(BriefError, match="has no day"):
        fmt_date_range("2024-03", "2024-05", "day")
    with pytest.raises(BriefError, match="not an ISO date"):
        fmt_date_range("2024-03", "2024-13", "month")


# Times of day (S40)
@pytest.mark.parametrize(
    ("t", "style", "expected"),
    [
        ("14:30", "clock", "14:30"),
        ("14:30", "words", "14시 30분"),
        ("9:05", "clock", "09:05"),
        ("9:05", "words", "9시 5분"),
        ("15:00", "words", "15시"),
        ("00:00", "clock", "00:00"),
        ("0:00", "words", "0시"),
        ("23:59:30", "clock", "23:59:30"),
        ("23:59:30", "words", "23시 59분 30초"),
        ("14:30:00", "clock", "14:30"),
        (dt.time(8, 15), "words", "8시 15분"),
        (dt.datetime(2024, 8, 19, 14, 30), "clock", "14:30"),
    ],
)
def test_time(t, style, expected):
    assert fmt_time(t, style) == expected


@pytest.mark.parametrize(("t", "style"), [("24:00", "clock"), ("12:60", "clock"), ("2시", "clock"),
                                          (1430, "clock"), ("14:30", "ko")])
def test_bad_times_are_errors(t, style):
    with pytest.raises(BriefError):
        fmt_time(t, style)


# Changes in words, picked by the sign of the printed number (S34, S56)
@pytest.mark.parametrize(
    ("a", "b", "kwargs", "expected"),
    [
        (0.4444, 0.3264, {}, "11.8%p 증가"),
        (0.3264, 0.4444, {}, "11.8%p 감소"),
        (0.032, 0, {}, "3.2%p 증가"),
        (-0.015, 0, {}, "1.5%p 감소"),
        (0.44444, 0.44436, {}, "변동 없음"),  # exact shares differ, printed ones do not
        (0.4445, 0.4444, {}, "0.1%p 증가"),  # 44.45 is a tie: half up to 44.5
        (-0.00049, 0, {}, "변동 없음"),  # -0.049%p prints 0.0: no direction, never -0.0
        (0.5, 0.5, {"basis": "전년 대비"}, "전년 대비 변동 없음"),
        (0.032, 0, {"basis": "전년 대비"}, "전년 대비 3.2%p 증가"),
        (0.032, 0, {"verb": "상승"}, "3.2%p 상승"),
        (-0.032, 0, {"verb": "상승", "form": "다"}, "3.2%p 하락하였다"),
        (0.032, 0, {"form": "음"}, "3.2%p 증가함"),
        (0.03249, 0, {"digits": 2}, "3.25%p 증가"),
    ],
)
def test_points_change(a, b, kwargs, expected):
    assert points_change_words(a, b, **kwargs) == expected


@pytest.mark.parametrize(
    ("rate", "kwargs", "expected"),
    [
        (2.2613, {}, "226.1% 증가"),
        (-0.293, {"basis": "연평균"}, "연평균 29.3% 감소"),
        (0, {}, "변동 없음"),
        (Decimal("-0"), {}, "변동 없음"),
        (0.00004, {}, "0.1% 미만 증가"),  # non-zero, too small to show: direction kept (S34)
        (-0.00004, {}, "0.1% 미만 감소"),
        (-0.0005, {}, "0.1% 감소"),  # -0.05% is a tie: away from zero
        (0.125, {"form": "다"}, "12.5% 증가하였다"),
        (-0.125, {"verb": "상승"}, "12.5% 하락"),
    ],
)
def test_rate_change(rate, kwargs, expected):
    assert rate_change_words(rate, **kwargs) == expected


def test_unknown_verb_is_an_error():
    with pytest.raises(BriefError, match="unknown verb"):
        points_change_words(0.1, verb="늘다")


@pytest.mark.parametrize(
    ("new", "old", "kwargs", "expected"),
    [
        (1125, 1000, {"basis": "전년 대비", "form": "어"}, "전년 대비 12.5% 증가하여"),
        (875, 1000, {"form": "다"}, "12.5% 감소하였다"),
        (1000, 1000, {"form": "다"}, "변동이 없었다"),  # never "변동 없음하였다"
        (1000, 1000, {"form": "은"}, "변동이 없는"),
        (1125, 1000, {"form": "은", "verb": "상승"}, "12.5% 상승한"),
        (1000.04, 1000, {}, "0.1% 미만 증가"),
    ],
)
def test_change_in_every_form(new, old, kwargs, expected):
    assert fmt_change(new, old, **kwargs) == expected


@pytest.mark.parametrize(
    ("new", "old", "kwargs", "expected"),
    [
        (144, 136, {}, "8개 증가"),
        (3, 5, {"unit": "건", "basis": "전년 대비"}, "전년 대비 2건 감소"),
        (5, 3, {"form": "다"}, "2개 증가하였다"),
        (5, 5, {"form": "음"}, "변동 없음"),
        (120_000, 100_000, {"unit": "명"}, "20,000명 증가"),
    ],
)
def test_count_change_in_every_form(new, old, kwargs, expected):
    assert fmt_count_change(new, old, **kwargs) == expected


def test_count_change_needs_whole_counts():
    with pytest.raises(BriefError, match="not 2.5"):
        fmt_count_change(2.5, 1)


@pytest.mark.parametrize(
    ("a", "b", "digits", "unit", "expected"),
    [
        (1.46, 2.31, 1, "배", "1.5~2.3배"),
        (2.31, 1.46, 1, "배", "1.5~2.3배"),
        (1.95, 2.04, 1, "배", "2.0배"),  # both print 2.0: one value
        (1.25, 1.35, 1, "", "1.3~1.4"),  # ties half up
        (1234.5, 3456, 0, "", "1,235~3,456"),
        (-0.04, 0.04, 1, "%p", "0.0%p"),  # -0.0 never prints; equal printed ends
    ],
)
def test_number_range(a, b, digits, unit, expected):
    assert fmt_number_range(a, b, digits, unit) == expected
