"""Template filters for issue 10's formats: rank, signed %p and %, change phrases, mixed money."""

from __future__ import annotations

import pytest

from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.stats.results import Cagr, Count, CountItem, Counts, Provenance, Share
from briefgen.template.filters import korean_filters

PROVENANCE = Provenance(dataset="models", file="models.csv")
BY_COUNTRY = Counts(
    "by_country",
    "counts",
    PROVENANCE,
    items=[
        CountItem("미국", 101, 0.7, rank=1),
        CountItem("중국", 21, 0.146, rank=2),
        CountItem("영국", 21, 0.146, rank=2),
        CountItem("기타", 1, 0.007),  # the 'other' bucket: no rank
    ],
    total=144,
)
FILTERS = korean_filters(Josa())


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("rank", (3,), "3위"),
        ("rank", (BY_COUNTRY, "미국"), "1위"),
        ("rank", (BY_COUNTRY, "영국"), "2위"),  # competition ranking: 중국 and 영국 share 2위
        ("rank", (BY_COUNTRY["중국"],), "2위"),
        ("rank", (BY_COUNTRY.rank("중국"),), "2위"),
        ("pp_signed", (0.032,), "+3.2%p"),
        ("pp_signed", (BY_COUNTRY["중국"], BY_COUNTRY["미국"]), "-55.4%p"),
        ("pp_signed", (Share("s", "share", PROVENANCE, 130, 144, 130 / 144), 0.9), "+0.3%p"),
        ("pct_signed", (Cagr("c", "cagr", PROVENANCE, 2.2613, 2020, 2023),), "+226.1%"),
        ("pct_signed", (-0.125,), "-12.5%"),
        ("change", (1125, 1000, "전년 대비"), "전년 대비 12.5% 증가"),
        (
            "change",
            (Count("n", "count", PROVENANCE, 150), Count("o", "count", PROVENANCE, 144)),
            "4.2% 증가",
        ),
        ("change", (100, 100), "변동 없음"),
        ("count_change", (Count("n", "count", PROVENANCE, 144), 136), "8개 증가"),
        ("count_change", (BY_COUNTRY["중국"], 25, "개", "전년 대비"), "전년 대비 4개 감소"),
        ("money", (1_200_000_000_000, "원"), "1.2조 원"),
        ("money", (1_200_000_000_000, "원", 1, "mixed"), "1조 2,000억 원"),
        ("money", (674_012_345, "달러", 1, "mixed", "억"), "7억 달러"),
        ("money", (1_200_000_000_000, "원", 0, "plain", "억"), "12,000억 원"),
    ],
)
def test_filters(name, args, expected):
    assert FILTERS[name](*args) == expected


@pytest.mark.parametrize(
    ("name", "args", "match"),
    [
        ("rank", (BY_COUNTRY,), "needs a label"),
        ("rank", (BY_COUNTRY, "기타"), "'기타' has no rank"),
        ("rank", (BY_COUNTRY["기타"],), "'기타' has no rank"),
        ("rank", (3, "미국"), "needs a grouped statistic"),
        ("rank", (BY_COUNTRY, "일본"), "no label '일본'"),
        ("rank", (0,), "from 1"),
        ("money", (1e9, "달러", 1, "compact"), "unknown money style"),
        ("money", (1e9, "달러", 1, "mixed", "천"), "unknown money unit"),
        ("change", (5, 0), "old value above 0"),
    ],
)
def test_filter_errors(name, args, match):
    with pytest.raises(BriefError, match=match):
        FILTERS[name](*args)


# Issue 19: the range, count, time and change filters take statistics as well as numbers
@pytest.mark.parametrize(
    ("name", "args", "kwargs", "expected"),
    [
        ("pct_span", ([BY_COUNTRY["중국"], BY_COUNTRY["미국"]],), {}, "14.6~70.0%"),
        ("pct_span", (BY_COUNTRY["미국"], BY_COUNTRY["중국"]), {}, "14.6~70.0%"),
        ("pct_span", ([BY_COUNTRY["중국"], BY_COUNTRY["영국"]],), {}, "14.6%"),  # equal ends
        ("pct_span", ([0.12345, 0.2],), {"digits": 2}, "12.35~20.00%"),
        ("count_big", (Count("c", "count", PROVENANCE, 123_456),), {}, "12.3만 명"),
        ("count_big", (6e8, "건"), {}, "6억 건"),
        ("count_span", ([120_000, 150_000], "건"), {}, "12~15만 건"),
        ("money_span", ([1.2e12, 1.5e12], "원"), {}, "1.2~1.5조 원"),
        ("money_span", (1.2e12, 1.5e12), {"currency": "원", "unit": "억"}, "12,000~15,000억 원"),
        ("date_span", (["2024-11", "2025-02"], "short_dot"), {}, "\u201924.11월~\u201925.2월"),
        ("date_span", ("2024-03-05", "2024-03-19", "day"), {}, "2024년 3월 5~19일"),
        ("time", ("14:30", "words"), {}, "14시 30분"),
        ("pp_change", (BY_COUNTRY["미국"], BY_COUNTRY["중국"]), {}, "55.4%p 증가"),
        ("pp_change", (BY_COUNTRY["중국"], BY_COUNTRY["영국"]), {"basis": "영국 대비"}, "영국 대비 변동 없음"),
        ("rate_change", (Cagr("c", "cagr", PROVENANCE, -0.293, 2020, 2023),), {"basis": "연평균"},
         "연평균 29.3% 감소"),
        ("rank", (3,), {"tied": True}, "공동 3위"),
        ("rank", (3,), {"tied": False}, "3위"),
        ("change", (875, 1000), {"form": "다"}, "12.5% 감소하였다"),
        ("count_change", (5, 5), {"form": "어"}, "변동 없이"),
    ],
)
def test_issue19_filters(name, args, kwargs, expected):
    assert FILTERS[name](*args, **kwargs) == expected


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "message"),
    [
        ("pct_span", ([0.1, 0.2, 0.3],), {}, "pct_span needs two ends, not 3"),
        ("pct_span", (0.1,), {}, "pct_span needs two ends"),
        ("date_span", ("2024-03",), {}, "date_span needs two ends"),
        ("count_big", (1.5,), {}, "whole number"),
        ("rank", (BY_COUNTRY["중국"],), {"tied": False}, "knows its own tie"),
        ("rank", (3,), {"tied": "yes"}, "true or false"),
        ("time", ("25:00",), {}, "not a time of day"),
    ],
)
def test_issue19_filter_errors(name, args, kwargs, message):
    with pytest.raises(BriefError, match=message):
        FILTERS[name](*args, **kwargs)
