"""briefgen.stats on the small fixture: every statistic type against hand-computed values.

Population (year 2020..2023): B C | D E | F G H | I J K NA  (2/2/3/4 = 11 rows).
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
import yaml
from stats_helpers import FIXTURES, fixture_datasets, stat

from briefgen.data import load_datasets
from briefgen.errors import BriefError
from briefgen.stats import Cagr, Counts, Share, compute_statistics


@pytest.fixture(scope="module")
def datasets():
    return fixture_datasets()


def test_count(datasets):
    result = stat(datasets, type="count")
    assert result.value == 11
    assert result.kind == "count"
    assert result.provenance.rows == 11
    assert result.provenance.filters == ["year between 2020 and 2023"]


def test_counts_by_year_in_label_order(datasets):
    result = stat(datasets, type="counts", by="year")
    assert isinstance(result, Counts)
    assert [(i.label, i.count) for i in result] == [
        ("2020", 2),
        ("2021", 2),
        ("2022", 3),
        ("2023", 4),
    ]
    assert result[2023].count == 4 and result["2023"].share == pytest.approx(4 / 11)
    assert result.total == 11 and len(result) == 4 and result.labels()[0] == "2020"
    assert result.provenance.columns == ["Date"]
    # the same numbers, counted independently with pandas on the raw file
    raw = pd.read_csv(FIXTURES / "models.csv", dtype=str, keep_default_na=False)
    years = pd.to_datetime(raw["Date"], format="%Y-%m-%d", errors="coerce").dt.year
    expected = years[years.between(2020, 2023)].value_counts().sort_index()
    assert [i.count for i in result] == expected.tolist()


def test_counts_multi_value_country_desc_with_top_and_other(datasets):
    full = stat(datasets, type="counts", by="country", sort="desc")
    # 미국 B G I J; ties broken by label (영 < 한 < 중 < 프 in code point order)
    assert [(i.label, i.count) for i in full] == [
        ("미국", 4),
        ("영국", 2),
        ("한국", 2),
        ("중국", 1),
        ("프랑스", 1),
    ]
    assert full.first.label == "미국"
    assert full["미국"].share == pytest.approx(4 / 11)  # share of rows, not of tokens
    top = stat(datasets, type="counts", by="country", sort="desc", top=2, other="기타")
    assert [(i.label, i.count) for i in top] == [("미국", 4), ("영국", 2), ("기타", 4)]
    assert [i.label for i in top.top(1)] == ["미국"]


def test_counts_empty_bucket_and_where(datasets):
    result = stat(
        datasets,
        type="counts",
        by="task",
        empty="미상",
        sort="desc",
        where={"column": "year", "min": 2023},
    )
    # I: Chat, 코드 생성; J: empty; K: Chat; NA: Chat
    assert [(i.label, i.count) for i in result] == [("Chat", 3), ("미상", 1), ("코드 생성", 1)]
    assert result.total == 4
    assert result.provenance.filters[-1] == "year >= 2023"
    assert result.provenance.columns == ["Task", "Date"]
    with pytest.raises(BriefError, match="no label 'Video'"):
        result["Video"]


@pytest.mark.parametrize(
    ("where", "within", "count", "total"),
    [
        ({"column": "country", "contains": "한국"}, None, 2, 11),
        ({"column": "org_category", "contains": "Industry"}, None, 9, 11),
        ({"column": "organization", "min_tokens": 2}, None, 2, 11),  # B is Google twice → 1
        ({"column": "task", "not_empty": True}, None, 9, 11),
        ({"column": "task", "min_tokens": 2}, {"column": "task", "not_empty": True}, 3, 9),
    ],
)
def test_share(datasets, where, within, count, total):
    extra = {"within": within} if within else {}
    result = stat(datasets, type="share", where=where, **extra)
    assert isinstance(result, Share)
    assert (result.count, result.total) == (count, total)
    assert result.share == pytest.approx(count / total)


def test_share_with_zero_denominator_names_the_statistic(datasets):  # S36a
    with pytest.raises(BriefError) as info:
        stat(
            datasets,
            type="share",
            where={"column": "year", "equals": 2023},
            within={"column": "year", "equals": 1999},
        )
    assert "statistic 's'" in info.value.message and "denominator of 0" in info.value.message
    assert info.value.key == "statistics.s"


def test_cagr(datasets):
    result = stat(datasets, type="cagr", by="year", **{"from": 2020, "to": 2023})
    assert isinstance(result, Cagr)
    assert result.value == pytest.approx((4 / 2) ** (1 / 3) - 1)
    assert (result.start, result.end, result.start_value, result.end_value, result.years) == (
        2020,
        2023,
        2,
        4,
        3,
    )
    with pytest.raises(BriefError, match="denominator of 0"):
        stat(datasets, type="cagr", by="year", **{"from": 2019, "to": 2023})


def test_crosstab_expands_multi_values(datasets):
    result = stat(datasets, type="crosstab", rows="year", columns="domain", col_sort="desc")
    assert result.row_labels == ["2020", "2021", "2022", "2023"]
    assert result.col_labels == ["Language", "Multimodal", "Image generation", "Vision"]
    assert result.cells == [[2, 0, 0, 0], [1, 1, 0, 0], [2, 0, 1, 1], [3, 1, 0, 0]]
    assert result.cell(2022, "Vision") == 1
    assert result.row_total("2022") == 4  # G counts in Language and Vision
    assert result.col_total("Language") == 8


@pytest.mark.parametrize(
    ("kind", "value"),
    [("max", 2.1e24), ("min", 1.1e23), ("sum", 5.36e24), ("mean", 5.36e24 / 7), ("median", 5e23)],
)
def test_aggregates_skip_empty_cells(datasets, kind, value):
    result = stat(datasets, type=kind, column="compute")
    assert result.value == pytest.approx(value)
    assert result.provenance.rows == 7  # rows with a number


def test_max_with_label(datasets):
    assert stat(datasets, type="max", column="compute", label="model").label == "I"
    assert stat(datasets, type="min", column="compute", label="model").label == "F"


def test_value_and_json(datasets):
    results = compute_statistics(
        {
            "snap": {"type": "value", "value": "2024-07"},
            "k": {
                "type": "share",
                "data": "models",
                "where": {"column": "country", "contains": "한국"},
            },
        },
        datasets,
        "brief.yaml",
    )
    assert results["snap"].value == "2024-07" and results["snap"].provenance.file == "config"
    data = json.loads(json.dumps(results["k"].to_json(), ensure_ascii=False))
    assert data == {
        "name": "k",
        "kind": "share",
        "count": 2,
        "total": 11,
        "share": 2 / 11,
        "provenance": {
            "dataset": "models",
            "file": "models.csv",
            "columns": ["Country"],
            "filters": ["year between 2020 and 2023", "country contains '한국'"],
            "rows": 11,
        },
    }


def test_non_numeric_cell_names_file_row_and_column(tmp_path):
    text = (FIXTURES / "models.csv").read_text(encoding="utf-8").replace(",8e23", ",8e23 FLOP")
    (tmp_path / "models.csv").write_text(text, encoding="utf-8")
    spec = yaml.safe_load((FIXTURES / "models.yaml").read_text(encoding="utf-8"))["data"]
    data = load_datasets(spec, tmp_path, "brief.yaml")
    with pytest.raises(BriefError) as info:
        stat(data, type="max", column="compute")
    assert str(info.value) == "models.csv: row 8, column \"Compute\": not a number: '8e23 FLOP'"


@pytest.mark.parametrize(
    ("body", "key", "text"),
    [
        ({"type": "counts", "bye": "year"}, "statistics.s.bye", "did you mean 'by'?"),
        ({"type": "cout"}, "statistics.s.type", "did you mean 'count'?"),
        ({"type": "cagr", "by": "year", "to": 2023}, "statistics.s.from", "missing required key"),
        ({"type": "counts", "by": "contry"}, "statistics.s.by", "did you mean 'country'?"),
        ({"type": "count", "data": "modles"}, "statistics.s.data", "did you mean 'models'?"),
        ({"type": "counts", "by": "year", "sort": "size"}, "statistics.s.sort", "one of"),
        (
            {"type": "share", "where": {"column": "year", "betwen": [1, 2]}},
            "statistics.s.where.betwen",
            "did you mean 'between'?",
        ),
    ],
)
def test_config_errors_are_located(datasets, body, key, text):
    with pytest.raises(BriefError) as info:
        stat(datasets, **body)
    assert info.value.source == "brief.yaml"
    assert info.value.key == key
    assert text in info.value.message


def test_statistic_name_must_be_an_identifier(datasets):
    with pytest.raises(BriefError, match="plain identifier"):
        compute_statistics({"by-year": {"type": "count", "data": "models"}}, datasets, "b.yaml")


def test_rows_lists_records_sorted_with_multi_values_joined(tmp_path):
    """`rows`: selected columns of the filtered population, usable as a table."""
    from briefgen.data.dataset import Dataset

    frame = pd.DataFrame(
        {"id": ["10", "2", "1"], "name": ["c", "b", "a"], "tags": [("x", "y"), (), ("z",)]},
        index=[2, 3, 4],
    )
    dataset = Dataset(name="d", path="d.csv", frame=frame, multi={"tags"}, encoding="utf-8",
                      rows_read=3, filters=[], sources={"id": "id", "name": "name", "tags": "tags"})
    stats = compute_statistics(
        {"table": {"type": "rows", "data": "d", "columns": ["id", "tags"], "sort": "id"}},
        {"d": dataset}, "brief.yaml",
    )
    table = stats["table"]
    assert [r["id"] for r in table] == ["1", "2", "10"]  # numeric sort of text ids
    assert [r["tags"] for r in table] == ["z", "", "x, y"]
    assert table.provenance.rows == 3 and table.columns == ["id", "tags"]
    with pytest.raises(BriefError) as caught:
        compute_statistics({"t": {"type": "rows", "data": "d", "columns": ["nme"]}}, {"d": dataset},
                           "brief.yaml")
    assert "did you mean 'name'" in str(caught.value)
