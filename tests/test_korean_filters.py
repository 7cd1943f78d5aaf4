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
