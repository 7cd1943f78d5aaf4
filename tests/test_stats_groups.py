"""Growth, sums (share of a numeric total), cumulative, ratio, ranks and largest-remainder
rounding on the small fixture (years 2020..2023 hold 2/2/3/4 rows, see test_stats_compute)."""

from __future__ import annotations

import pytest
from stats_helpers import fixture_datasets, stat

from briefgen.errors import BriefError
from briefgen.stats import compute_statistics
from briefgen.stats.rounding import largest_remainder
from briefgen.template.filters import count_share, pct, share_count


@pytest.fixture(scope="module")
def datasets():
    return fixture_datasets()


def error(datasets, **body) -> BriefError:
    with pytest.raises(BriefError) as info:
        stat(datasets, **body)
    assert info.value.source == "brief.yaml"
    return info.value


def test_growth_of_row_counts(datasets):
    result = stat(datasets, type="growth", by="year")
    rows = [(i.label, i.count, i.previous, i.change, i.rate) for i in result]
    assert rows == [
        ("2020", 2, None, None, None),
        ("2021", 2, 2, 0, 0.0),
        ("2022", 3, 2, 1, 0.5),
        ("2023", 4, 3, 1, pytest.approx(1 / 3)),
    ]
    assert result["2022"].value == 3 and result.provenance.columns == ["Date"]


def test_growth_fills_missing_years_and_a_zero_base_has_no_rate(datasets):
    result = stat(datasets, type="growth", by="year", where={"column": "year", "in": [2020, 2023]})
    assert [(i.label, i.count) for i in result] == [("2020", 2), ("2021", 0), ("2022", 0), ("2023", 4)]
    assert result["2022"].rate is None and result["2023"].rate is None  # zero base
    assert result["2023"].change == 4
    for printed in (result["2023"].rate, result["2023"], result["2020"]):  # printing: an error
        with pytest.raises(BriefError, match="growth rate is None for the first label"):
            pct(printed)
    assert pct(stat(datasets, type="growth", by="year")["2022"]) == "50.0%"  # an item's rate


def test_growth_of_a_column_sum(datasets):
    result = stat(datasets, type="growth", by="year", column="compute", agg="sum")
    assert [i.value for i in result] == pytest.approx([2e23, 8.5e23, 9.1e23, 3.4e24])
    assert result["2021"].rate == pytest.approx(3.25)
    assert result.provenance.columns == ["Date", "Compute"]


def test_sums_share_of_numeric_total_by_group(datasets):
    result = stat(datasets, type="sums", by="year", column="compute", sort="desc")
    assert [i.label for i in result] == ["2023", "2022", "2021", "2020"]
    assert result.total == pytest.approx(5.36e24) and result.provenance.rows == 7
    assert result["2023"].value == pytest.approx(3.4e24)
    assert result["2023"].share == pytest.approx(3.4 / 5.36)
    assert result["2022"].rows == 2 and result["2023"].rank == 1 and result["2020"].rank == 4
    assert pct(result["2020"]) == "3.7%"


def test_cumulative(datasets):
    result = stat(datasets, type="cumulative", by="year")
    assert [(i.label, i.count, i.cumulative) for i in result] == [
        ("2020", 2, 2), ("2021", 2, 4), ("2022", 3, 7), ("2023", 4, 11),
    ]
    assert [round(i.share, 4) for i in result] == [0.1818, 0.3636, 0.6364, 1.0]
    assert result.total == 11


def test_rank_ties_share_a_rank_and_other_has_none(datasets):
    result = stat(datasets, type="counts", by="country", sort="label", top=3, other="기타")
    # 미국 4, 영국 2, 한국 2, 중국 1, 프랑스 1 — ranks over all labels, not only those shown
    assert [(i.label, i.rank) for i in result] == [
        ("미국", 1), ("영국", 2), ("중국", 4), ("기타", None),
    ]
    assert result.rank("영국") == 2
    with pytest.raises(BriefError, match="has no rank"):
        result.rank("기타")


def test_ratio_between_two_where_groups_and_two_labels(datasets):
    result = stat(
        datasets,
        type="ratio",
        numerator={"column": "country", "contains": "미국"},
        denominator={"column": "country", "contains": "한국"},
    )
    assert (result.value, result.numerator, result.denominator) == (2.0, 4, 2)
    assert result.provenance.columns == ["Country"]
    by_country = stat(datasets, type="counts", by="country")
    assert by_country.ratio("미국", "중국") == 4.0
    summed = stat(
        datasets,
        type="ratio",
        column="compute",
        numerator={"column": "year", "equals": 2023},
        denominator={"column": "year", "equals": 2022},
    )
    assert summed.value == pytest.approx(3.4 / 0.91)


def test_ratio_with_zero_denominator_names_the_statistic(datasets):  # S36a
    exc = error(
        datasets,
        type="ratio",
        numerator={"column": "year", "equals": 2023},
        denominator={"column": "year", "equals": 1999},
    )
    assert exc.key == "statistics.s.denominator"
    assert "statistic 's'" in exc.message and "denominator of 0" in exc.message


def test_largest_remainder_sums_to_exactly_100():
    assert largest_remainder([1, 1, 1]) == [0.334, 0.333, 0.333]  # tie: the earlier first
    assert largest_remainder([2, 2, 3, 4]) == [0.182, 0.182, 0.273, 0.363]
    assert largest_remainder([1, 1, 1], digits=0) == [0.34, 0.33, 0.33]
    shares = largest_remainder([7, 13, 29, 31, 53, 17])
    assert sum(round(s * 1000) for s in shares) == 1000


def test_counts_largest_remainder_prints_adjusted_shares(datasets):
    plain = stat(datasets, type="counts", by="year")
    assert sum(float(pct(i)[:-1]) for i in plain) == pytest.approx(100.1)  # 18.2+18.2+27.3+36.4
    rounded = stat(datasets, type="counts", by="year", rounding="largest_remainder")
    printed = [pct(i) for i in rounded]
    assert printed == ["18.2%", "18.2%", "27.3%", "36.3%"]
    assert sum(float(p[:-1]) for p in printed) == pytest.approx(100.0)
    assert count_share(rounded["2023"]) == "4개(36.3%)" and share_count(rounded["2023"]) == "36.3%(4개)"
    assert rounded["2023"].share == pytest.approx(4 / 11)  # the raw share is kept


def test_largest_remainder_with_top_counts_the_cut_labels(datasets):
    result = stat(datasets, type="counts", by="year", top=2, sort="desc",
                  rounding="largest_remainder")
    assert [pct(i) for i in result] == ["36.3%", "27.3%"]  # as in the full partition


@pytest.mark.parametrize(
    ("body", "key", "text"),
    [
        ({"type": "counts", "by": "task", "empty": "미상", "rounding": "largest_remainder"},
         "rounding", "several labels"),
        ({"type": "counts", "by": "country", "where": {"column": "year", "equals": 2023},
          "rounding": "largest_remainder"}, "rounding", "add 'empty: 미상'"),
        ({"type": "counts", "by": "year", "rounding": "hamilton"}, "rounding", "one of plain"),
        ({"type": "counts", "by": "year", "digits": 2}, "digits", "only meaningful"),
        ({"type": "counts", "by": "year", "rounding": "largest_remainder", "digits": 9}, "digits",
         "0 to 4"),
        ({"type": "sums", "by": "year"}, "column", "missing required key"),
        ({"type": "growth", "by": "year", "agg": "sum"}, "agg", "needs a 'column'"),
        ({"type": "growth", "by": "year", "column": "compute", "agg": "mean"}, "agg", "must be sum"),
        ({"type": "cumulative", "by": "yaer"}, "by", "did you mean 'year'?"),
        ({"type": "ratio", "numerator": {"column": "year", "min": 2021}}, "denominator", "missing"),
        ({"type": "ratio", "numerator": {"colum": "year"}, "denominator": {"column": "year",
          "min": 1}}, "numerator.colum", "unknown key"),
    ],
)
def test_config_errors_name_the_key(datasets, body, key, text):
    exc = error(datasets, **body)
    assert exc.key == f"statistics.s.{key}"
    assert text in exc.message and "\n" not in exc.message


def test_sums_zero_total_is_an_error(datasets):
    exc = error(datasets, type="sums", by="year", column="compute",
                where={"column": "model", "equals": "C"})
    assert "denominator of 0" in exc.message and exc.key == "statistics.s"


def test_new_results_serialise_for_the_manifest(datasets):
    import json

    for kind, extra in (("growth", {}), ("cumulative", {}), ("sums", {"column": "compute"})):
        data = json.loads(json.dumps(stat(datasets, type=kind, by="year", **extra).to_json()))
        assert data["kind"] == kind and len(data["items"]) == 4


def test_sums_rounding_refuses_negative_amounts_and_allows_an_empty_population():
    import pandas as pd

    from briefgen.data.dataset import Dataset

    frame = pd.DataFrame({"g": ["a", "b", "a", "c"], "v": ["5", "-1", "3", "0"]}, index=[2, 3, 4, 5])
    data = {"d": Dataset(name="d", path="d.csv", frame=frame, multi=set(), encoding="utf-8",
                         rows_read=4, filters=[], sources={"g": "g", "v": "v"})}
    body = {"type": "sums", "data": "d", "by": "g", "column": "v", "rounding": "largest_remainder"}
    with pytest.raises(BriefError, match="non-negative amounts") as info:
        compute_statistics({"s": body}, data, "brief.yaml")
    assert info.value.key == "statistics.s.rounding"
    plain = compute_statistics({"s": {**body, "rounding": "plain"}}, data, "brief.yaml")["s"]
    assert [(i.label, i.value, i.share) for i in plain] == [
        ("a", 8.0, 8 / 7), ("b", -1.0, -1 / 7), ("c", 0.0, 0.0),
    ]
    assert plain.ratio("a", "b") == -8.0
    with pytest.raises(BriefError, match="statistic 's': ratio a/c has a denominator of 0"):
        plain.ratio("a", "c")
    counts = {"type": "counts", "data": "d", "by": "g", "rounding": "largest_remainder",
              "where": {"column": "g", "equals": "z"}}
    assert len(compute_statistics({"c": counts}, data, "brief.yaml")["c"]) == 0
