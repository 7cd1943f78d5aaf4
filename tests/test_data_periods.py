"""Quarters and months as columns, and headers that may or may not be periods (``data.periods``,
``wide`` with ``quarter:``, ``month:`` and ``id:``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.data import load_datasets
from briefgen.data.periods import read_period
from briefgen.errors import BriefError


def _load(tmp_path: Path, text: str, **wide) -> object:
    (tmp_path / "t.csv").write_text(text, "utf-8")
    return load_datasets({"t": {"path": "t.csv", "thousands": ",", "wide": wide}}, tmp_path, "brief.yaml")["t"]


@pytest.mark.parametrize("header, kind, year, part", [
    ("2023.1/4", "quarter", 2023, 1), ("2023 2/4", "quarter", 2023, 2), ("2023년 3분기", "quarter", 2023, 3),
    ("2023 Q4", "quarter", 2023, 4), ("2023.4/4 p)", "quarter", 2023, 4), ("2023.1/4분기", "quarter", 2023, 1),
    ("2023.01", "month", 2023, 1), ("2023년 11월", "month", 2023, 11), ("2023-12", "month", 2023, 12),
    ("2022년", "year", 2022, 0), ("2023(잠정)", "year", 2023, 0), ("2022 p)", "year", 2022, 0),
])
def test_period_headers_as_kosis_writes_them(header, kind, year, part):
    period = read_period(header)
    assert (period.kind, period.year, period.part, period.measure, period.leading) == (kind, year, part, "", False)


@pytest.mark.parametrize("header", ["구분", "2023.1", "2023.13", "2023 5/4", "2023년 13월", "GDP(2015=100)", "12345"])
def test_headers_that_are_no_period(header):
    assert read_period(header) is None


def test_a_measure_above_the_period_and_text_after_it_are_told_apart():
    assert read_period("수출액 2023.1/4").measure == "수출액"
    assert not read_period("수출액 2023.1/4").leading
    assert read_period("2020년 기준 분류").leading


def test_quarter_columns_become_a_year_and_a_quarter(tmp_path):
    text = "품목,2023.1/4,2023.2/4,2023.3/4,2023.4/4 p)\n반도체,\"1,100\",\"1,200\",\"1,300\",\"1,400\"\n"
    frame = _load(tmp_path, text, year="연도", quarter="분기", value="수출액").frame
    assert list(frame.columns) == ["품목", "연도", "분기", "수출액"]
    assert frame["분기"].tolist() == [1, 2, 3, 4] and frame["연도"].tolist() == [2023] * 4
    assert frame["수출액"].tolist() == [1100, 1200, 1300, 1400]


def test_month_columns_in_korean_are_ordered_by_year_and_month(tmp_path):
    text = "품목,2023년 12월,2024년 1월,2023년 11월\n반도체,3,4,2\n"
    frame = _load(tmp_path, text, year="연도", month="월", value="수출액").frame
    assert list(zip(frame["연도"], frame["월"], frame["수출액"], strict=True)) == [(2023, 11, 2), (2023, 12, 3), (2024, 1, 4)]


def test_quarters_read_without_declaring_them_name_the_fix(tmp_path):
    with pytest.raises(BriefError, match=r"t.csv: wide: the period columns are quarters \('2023 Q1', …\); "
                                         r"name the column for the quarter: wide: \{year: 연도, quarter: 분기\}"):
        _load(tmp_path, "품목,2023 Q1,2023 Q2\n반도체,1,2\n", year="연도", value="v")


def test_a_mix_of_years_and_quarters_is_refused(tmp_path):
    with pytest.raises(BriefError, match=r"column '2022' is a year but column '2023.1/4' a quarter"):
        _load(tmp_path, "품목,2022,2023.1/4\n반도체,1,2\n", year="연도", quarter="분기", value="v")


def test_declared_months_on_quarter_headers_is_refused(tmp_path):
    with pytest.raises(BriefError, match=r"wide.month is declared but the period columns are quarters"):
        _load(tmp_path, "품목,2023.1/4,2023.2/4\n반도체,1,2\n", year="연도", month="월", value="v")


def test_a_header_beginning_with_a_year_is_ambiguous_until_id_names_the_columns(tmp_path):
    text = "2020년 기준 분류,항목,2021년,2022년\n정보통신,수출액,\"1,000\",\"1,100\"\n"
    with pytest.raises(BriefError, match=r"t.csv: wide: column '2020년 기준 분류' may be a period or a column "
                                         r"naming the rows; name the columns that identify a row: "
                                         r"wide: \{id: \[2020년 기준 분류, 항목\]\}"):
        _load(tmp_path, text, year="연도", value="v")
    frame = _load(tmp_path, text, year="연도", value="v", id=["2020년 기준 분류", "항목"]).frame
    assert list(frame.columns) == ["2020년 기준 분류", "항목", "연도", "v"] and frame["v"].tolist() == [1000, 1100]


def test_with_id_every_other_column_must_be_a_period(tmp_path):
    with pytest.raises(BriefError, match=r"wide: column '비고' is no period .* and not among wide.id \(항목\)"):
        _load(tmp_path, "항목,비고,2021\n수출액,x,1\n", year="연도", value="v", id="항목")
    with pytest.raises(BriefError, match=r"wide.id names column '분류', which the table lacks"):
        _load(tmp_path, "항목,2021\n수출액,1\n", year="연도", value="v", id="분류")


def test_years_under_a_measure_still_read_without_id(tmp_path):
    frame = _load(tmp_path, "항목,수출액 2021년,수출액 2022년\n반도체,1,2\n", year="연도").frame
    assert list(frame.columns) == ["항목", "연도", "수출액"]


@pytest.mark.parametrize("wide, message", [
    ({"year": "연도", "quarter": "분기", "month": "월"}, "wide takes quarter or month"),
    ({"year": "연도", "quarter": "연도"}, "wide.year and wide.quarter must name two different columns"),
    ({"year": "연도", "id": []}, "wide.id must be a column name or a list of them"),
])
def test_wide_key_mistakes_are_located(tmp_path, wide, message):
    with pytest.raises(BriefError, match=rf"brief.yaml, key 'data.t.wide.\w+': {message}"):
        _load(tmp_path, "항목,2021\n수출액,1\n", **wide)


def test_years_over_measures_read_once_id_names_the_row_columns(tmp_path):
    text = "품목,2021 수출,2021 수입,2022 수출,2022 수입\n반도체,1287,600,1309,650\n"
    with pytest.raises(BriefError, match=r"column '2021 수출' may be a period or a column naming the rows"):
        _load(tmp_path, text, year="연도")
    frame = _load(tmp_path, text, year="연도", id="품목").frame
    assert list(frame.columns) == ["품목", "연도", "수출", "수입"]
    assert frame[["수출", "수입"]].values.tolist() == [[1287, 600], [1309, 650]]
