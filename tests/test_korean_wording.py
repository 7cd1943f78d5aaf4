"""Words picked from numbers (S56): comparisons, directions, gap trends, ranks with ties."""

from __future__ import annotations

import pytest

from briefgen.errors import BriefError
from briefgen.korean import wording


@pytest.mark.parametrize(
    ("a", "b", "word", "form", "expected"),
    [
        (5, 3, "많다", "음", "많음"), (3, 5, "많다", "음", "적음"), (4, 4, "많다", "음", "같음"),
        (5, 3, "높다", "다", "높다"), (3, 5, "높다", "고", "낮고"), (3, 5, "크다", "은", "작은"),
        (5, 3, "크다", "음", "큼"), (5, 3, "크다", "어", "커"), (0.1, 0.1, "높다", "어", "같아"),
    ],
)
def test_compare_word(a, b, word, form, expected):
    assert wording.compare_word(a, b, word, form) == expected


@pytest.mark.parametrize(
    ("new", "old", "verb", "form", "expected"),
    [
        (104, 3, "늘다", "어", "늘어"), (3, 104, "늘다", "어", "줄어"), (3, 3, "늘다", "어", "변동 없이"),
        (8, 0, "늘다", "음", "늘어남"), (0, 8, "늘다", "음", "줄어듦"), (1, 2, "증가", "다", "감소하였다"),
        (2, 1, "상승", "은", "상승한"),
    ],
)
def test_direction_word(new, old, verb, form, expected):
    assert wording.direction_word(new, old, verb, form) == expected


@pytest.mark.parametrize(
    ("before", "after", "kind", "phrase"),
    [
        ((64, 42), (41, 37), "narrowed", "격차가 좁혀짐"),
        ((64, 42), (39, 46), "reversed", "순위가 역전됨"),
        ((10, 8), (20, 5), "widened", "격차가 벌어짐"),
        ((10, 8), (7, 5), "unchanged", "격차가 유지됨"),
        ((10, 8), (6, 6), "closed", "격차가 없어짐"),
        ((6, 6), (7, 3), "opened", "격차가 생김"),
        ((6, 6), (2, 2), "level", "같은 수준이 유지됨"),
        ((3, 8), (5, 6), "narrowed", "격차가 좁혀짐"),  # b leads both times
    ],
)
def test_gap_kind_and_words(before, after, kind, phrase):
    assert wording.gap_kind(*before, *after) == kind
    assert wording.gap_words(kind) == phrase


def test_gap_words_forms():
    assert wording.gap_words("reversed", "다") == "순위가 역전되었다"
    assert wording.gap_words("narrowed", "어") == "격차가 좁혀져"


def test_rate_words_pick_the_sign():
    assert wording.rate_words(2.261) == "증가"
    assert wording.rate_words(-0.293) == "감소"
    assert wording.rate_words(0) == "변동 없음"
    assert wording.rate_words(-0.293, "다") == "감소하였다"


@pytest.mark.parametrize(
    ("rank", "tied", "korean", "english"),
    [(3, False, "3위", "3rd"), (3, True, "공동 3위", "joint 3rd"), (1, False, "1위", "1st"),
     (2, True, "공동 2위", "joint 2nd"), (11, False, "11위", "11th"), (12, False, "12위", "12th"),
     (13, True, "공동 13위", "joint 13th"), (21, False, "21위", "21st"), (112, False, "112위", "112th")],
)
def test_rank_words(rank, tied, korean, english):
    assert wording.rank_word(rank, tied) == korean
    assert wording.rank_word_en(rank, tied) == english


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: wording.compare_word(1, 2, "좋다"), "unknown comparison word '좋다'"),
        (lambda: wording.compare_word(1, 2, "많다", "요"), "unknown word form '요'"),
        (lambda: wording.direction_word(1, 2, "오르다"), "unknown verb of change '오르다'"),
        (lambda: wording.rank_word_en(0), "a rank must be a whole number from 1"),
        (lambda: wording.gap_kind(1, None, 2, 3), "not a number"),
    ],
)
def test_bad_arguments_are_brief_errors(call, message):
    with pytest.raises(BriefError, match=message):
        call()
