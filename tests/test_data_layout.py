"""Tables as KOSIS, e-나라지표 and ministries publish them: header rows below a title, notes below
the data, merged header cells, missing markers, thousands separators, a stated unit, years as
columns (``data.layout``, ``data.sheet``, ``data.markers``, ``data.wide``)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from briefgen.data import load_datasets
from briefgen.errors import BriefError
from briefgen.stats import compute_statistics

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kosis-ict-exports"

KOSIS_CSV = """\
소프트웨어 산업 매출 현황,,,,
(단위: 억 원),,,,
구분,세부,2021년,2022년,2023 p)
합계,전체,"1,200","1,350.5","1,500"
패키지SW,시스템SW,300,-,x
패키지SW,응용SW,…,420,"1,010"
주: p) 잠정치,,,,
자료: 가상의 통계,,,,
"""
LAYOUT = {"header": 3, "footer": 2, "missing": ["-", "…", "x"], "thousands": ",",
          "unit": {"from": "sheet"}, "wide": {"year": "연도", "value": "매출"}}


def _load(tmp_path: Path, text: str, **spec) -> object:
    (tmp_path / "t.csv").write_text(text, "utf-8")
    return load_datasets({"t": {"path": "t.csv", **spec}}, tmp_path, "brief.yaml")["t"]


def test_a_kosis_csv_reads_long_with_years_numbers_gaps_and_unit(tmp_path):
    data = _load(tmp_path, KOSIS_CSV, **LAYOUT)
    frame = data.frame
    assert list(frame.columns) == ["구분", "세부", "연도", "매출"]
    assert frame["연도"].tolist() == [2021, 2022, 2023] * 3
    values = frame["매출"].tolist()
    assert values[:3] == [1200.0, 1350.5, 1500.0] and values[3] == 300.0 and values[7:] == [420.0, 1010.0]
    assert [math.isnan(v) for v in (values[4], values[5], values[6])] == [True, True, True]
    assert data.unit == "억 원" and data.rows_read == 9


def test_statistics_run_on_the_long_table(tmp_path):
    data = _load(tmp_path, KOSIS_CSV, **LAYOUT)
    stats = compute_statistics({
        "total": {"type": "growth", "data": "t", "by": "연도", "column": "매출",
                  "where": {"column": "구분", "equals": "합계"}},
        "cagr": {"type": "cagr", "data": "t", "by": "연도", "column": "매출", "from": 2021, "to": 2023,
                 "where": {"column": "구분", "equals": "합계"}},
    }, {"t": data}, "brief.yaml")
    assert [round(i.rate, 4) if i.rate is not None else None for i in stats["total"].items] == [None, 0.1254, 0.1107]
    assert stats["cagr"].start_value == 1200 and stats["cagr"].end_value == 1500
    assert stats["cagr"].value == pytest.approx((1500 / 1200) ** 0.5 - 1)


def test_without_wide_the_markers_and_separators_are_cleaned_in_place(tmp_path):
    data = _load(tmp_path, KOSIS_CSV, header=3, footer=2, missing=["-", "x"], thousands=",")
    assert data.frame.loc[4, "2021년"] == "1200" and data.frame.loc[5, "2022년"] == ""
    assert data.frame.loc[6, "2021년"] == "…"  # not declared: kept as written
    assert list(data.frame.index) == [4, 5, 6]  # the rows of the file


def test_a_declared_minus_mark_reads_as_a_negative_number(tmp_path):
    text = "구분,2021년,2022년\n반도체,28.4,1.7\n디스플레이,19.0,△1.0\n컴퓨터,\"△1,234\",△ 0.5\n"
    data = _load(tmp_path, text, minus="△", thousands=",", wide={"year": "연도", "value": "증감률"})
    assert data.frame["증감률"].tolist() == [28.4, 1.7, 19.0, -1.0, -1234.0, -0.5]
    with pytest.raises(BriefError, match=r'row 4, column "2021년": not a number: \'△1,234\'; if △ marks a '
                                         r'negative number, declare it: minus: "△"'):
        _load(tmp_path, text, thousands=",", wide={"year": "연도", "value": "증감률"})
    with pytest.raises(BriefError, match=r"key 'data.t.minus': minus must be one of △, ▽, ▼"):
        _load(tmp_path, text, minus="-")


def test_skipped_rows_below_the_header_are_not_data(tmp_path):
    text = KOSIS_CSV.replace("합계,전체,", "(억 원),,,,\n합계,전체,", 1)
    data = _load(tmp_path, text, **{**LAYOUT, "skip": [4]})
    assert data.frame["구분"].tolist()[::3] == ["합계", "패키지SW", "패키지SW"]
    with pytest.raises(BriefError, match=r"key 'data.t.skip': skip names row 2, which is not below the header"):
        _load(tmp_path, text, **{**LAYOUT, "skip": [2, 4]})


def test_an_undeclared_marker_in_a_year_column_names_its_cell_and_the_fix(tmp_path):
    with pytest.raises(BriefError) as error:
        _load(tmp_path, KOSIS_CSV, **{**LAYOUT, "missing": ["-", "x"]})
    assert str(error.value) == ('t.csv: row 6, column "2021년": not a number: \'…\'; if it marks a '
                                'missing value, declare it: missing: ["…"]')


def test_an_undeclared_thousands_separator_is_named(tmp_path):
    spec = {k: v for k, v in LAYOUT.items() if k != "thousands"}
    with pytest.raises(BriefError, match=r'row 4, column "2021년": not a number: \'1,200\'; if "," separates '
                                         r'thousands, declare it: thousands: ","'):
        _load(tmp_path, KOSIS_CSV, **spec)


@pytest.mark.parametrize(("spec", "message"), [
    ({"header": 30}, "t.csv: header row 30 is below the last row of the sheet (8); check the dataset's header in brief.yaml"),
    ({"header": 3, "footer": 5}, "t.csv:3: footer: 5 note rows, but only 5 filled rows below the header (row 3); no data is left"),
    ({"header": 3, "footer": 2, "wide": {"year": "연도"}}, "t.csv: wide: the year columns name no measure; name their column in brief.yaml (wide: {year: 연도, value: 수출액})"),
    ({"header": 3, "footer": 2, "wide": {"year": "구분", "value": "v"}}, "t.csv: wide: column '구분' would be made twice (a column of that name is in the file); choose another name in brief.yaml"),
    ({"header": 2, "footer": 5, "wide": {"year": "y", "value": "v"}}, "t.csv: wide: no column header holds a year (2021, 2021년, 2022 p)); columns: (단위: 억 원)"),
    ({"header": 1, "unit": {"from": "sheet"}}, "t.csv:1: no unit stated above the data (a cell like '(단위: 억 원)' in rows 1-1); declare it in brief.yaml (unit: 억 원)"),
    ({"header": [3, 5]}, "brief.yaml, key 'data.t.header': header rows must follow each other (e.g. [3, 4]), at most 10; got [3, 5]"),
    ({"header": 0}, "brief.yaml, key 'data.t.header': header must be a row number (1 is the first row) or a list of them, got 0"),
    ({"footer": -1}, "brief.yaml, key 'data.t.footer': footer must be a number of rows (0 or more), got -1"),
    ({"thousands": ",,"}, "brief.yaml, key 'data.t.thousands': thousands must be one of ',', '.', ' ', \"'\", '\\xa0', got ',,'"),
    ({"missing": ["", "-"]}, "brief.yaml, key 'data.t.missing': a missing marker must not be empty (empty cells are missing anyway)"),
    ({"unit": {"from": "title"}}, "brief.yaml, key 'data.t.unit.from': unit 'from' must be sheet (the '단위' stated above the data), got 'title'"),
    ({"wide": {"value": "v"}}, "brief.yaml, key 'data.t.wide.year': missing required key 'year'"),
])
def test_layout_mistakes_are_located(tmp_path, spec, message):
    with pytest.raises(BriefError) as error:
        _load(tmp_path, KOSIS_CSV, **spec)
    assert str(error.value) == message


def test_a_short_data_record_of_a_csv_is_refused_as_without_a_layout(tmp_path):
    text = KOSIS_CSV.replace('패키지SW,시스템SW,300,-,x', '패키지SW,시스템SW,300')
    with pytest.raises(BriefError, match=r"^t.csv: row 5 has 3 values, the header has 5 \(a value missing"):
        _load(tmp_path, text, **LAYOUT)


def test_a_layout_read_from_rows_needs_a_csv_or_xlsx_and_a_query_a_declared_unit(tmp_path):
    (tmp_path / "t.json").write_text('[{"a": 1}]', "utf-8")
    with pytest.raises(BriefError, match=r"^t.json: header, footer and unit: \{from: sheet\} read the rows "
                                         r"of a CSV or XLSX file, not of a .json file$"):
        load_datasets({"t": {"path": "t.json", "header": 1}}, tmp_path, "brief.yaml")
    with pytest.raises(BriefError, match=r"key 'data.t.unit': a query has no sheet to state its unit"):
        load_datasets({"t": {"sql": "SELECT 1", "url": "sqlite:///x.db", "unit": {"from": "sheet"}}},
                      tmp_path, "brief.yaml")


def test_several_measures_under_the_years_become_one_column_each(tmp_path):
    text = "구분,매출 2021,매출 2022,수출 2021,수출 2022\n가,1,2,3,4\n나,5,6,7,8\n"
    data = _load(tmp_path, text, wide={"year": "연도"})
    assert list(data.frame.columns) == ["구분", "연도", "매출", "수출"]
    assert data.frame.values.tolist()[1] == ["가", 2022, 2.0, 4.0]
    with pytest.raises(BriefError, match=r"hold 2 measures \(매출, 수출\); each becomes a column"):
        _load(tmp_path, text, wide={"year": "연도", "value": "값"})


def test_the_bundled_kosis_xlsx_reads_with_its_declared_layout(tmp_path):
    project = tmp_path / "k"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("output", ".briefgen-cache"))
    from briefgen.yamlio import parse_yaml

    config, _ = parse_yaml((project / "brief.yaml").read_text("utf-8"), "brief.yaml")
    data = load_datasets(config["data"], project, "brief.yaml")["ict"]
    frame = data.frame
    assert data.unit == "억 달러" and len(frame) == 10 * 4
    assert list(frame.columns) == ["분류", "항목", "연도", "수출액"]
    chips = frame[frame["항목"] == "반도체"]["수출액"].tolist()
    assert math.isnan(chips[0]) and chips[1:] == [1002.5, 1287.0, 1309.0]  # '…' then "1,002.5" as text
    assert frame[frame["항목"] == "일본"]["분류"].tolist() == ["지역"] * 4  # merged down A10:A14
