"""Words a brief picks from its numbers (S56): comparisons, directions of change, the trend
of a gap between two series, and ranks with ties.

Each function takes the numbers and returns the Korean word the numbers call for, so a
sentence stays true when the data changes: ``많음``/``적음``/``같음``, ``늘어``/``줄어``,
``격차가 좁혀짐``/``순위가 역전됨``, ``3위``/``공동 3위``. Forms are written out in tables
(no conjugation by rule): a form the table lacks is a located error listing the forms it has.
"""

from __future__ import annotations

from decimal import Decimal

from briefgen.errors import BriefError
from briefgen.korean.numbers import (
    fmt_count,
    fmt_number,
    fmt_percent,
    fmt_rank,
    growth_rate,
    round_half_up,
    to_decimal,
    whole,
)

FORMS = ("음", "다", "고", "은", "어")
"""Endings a word can take: 개조식 noun (많음), sentence end (많다), connectives (많고, 많아)
and the adnominal (많은)."""

_ADJECTIVES: dict[str, tuple[str, str, str, str, str]] = {
    "많다": ("많음", "많다", "많고", "많은", "많아"),
    "적다": ("적음", "적다", "적고", "적은", "적어"),
    "높다": ("높음", "높다", "높고", "높은", "높아"),
    "낮다": ("낮음", "낮다", "낮고", "낮은", "낮아"),
    "크다": ("큼", "크다", "크고", "큰", "커"),
    "작다": ("작음", "작다", "작고", "작은", "작아"),
    "같다": ("같음", "같다", "같고", "같은", "같아"),
}
_OPPOSITES = {"많다": "적다", "높다": "낮다", "크다": "작다"}

# (up, down, same) per form of a verb of change.
_DIRECTIONS: dict[str, dict[str, tuple[str, str, str]]] = {
    "늘다": {
        "음": ("늘어남", "줄어듦", "변동 없음"),
        "다": ("늘었다", "줄었다", "변동이 없었다"),
        "고": ("늘었고", "줄었고", "변동이 없었고"),
        "은": ("늘어난", "줄어든", "변동이 없는"),
        "어": ("늘어", "줄어", "변동 없이"),
    },
    "증가": {
        "음": ("증가함", "감소함", "변동 없음"),
        "다": ("증가하였다", "감소하였다", "변동이 없었다"),
        "고": ("증가하였고", "감소하였고", "변동이 없었고"),
        "은": ("증가한", "감소한", "변동이 없는"),
        "어": ("증가하여", "감소하여", "변동 없이"),
    },
    "상승": {
        "음": ("상승함", "하락함", "변동 없음"),
        "다": ("상승하였다", "하락하였다", "변동이 없었다"),
        "고": ("상승하였고", "하락하였고", "변동이 없었고"),
        "은": ("상승한", "하락한", "변동이 없는"),
        "어": ("상승하여", "하락하여", "변동 없이"),
    },
}

GAP_KINDS = ("narrowed", "widened", "reversed", "unchanged", "closed", "opened", "level")
"""Outcomes of ``gap_trend``: the lead shrank, grew, changed hands, stayed the same, vanished
(a tie now), appeared (after a tie), or both series were level before and after."""

_GAP_WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "narrowed": ("격차가 좁혀짐", "격차가 좁혀졌다", "격차가 좁혀졌고", "격차가 좁혀진", "격차가 좁혀져"),
    "widened": ("격차가 벌어짐", "격차가 벌어졌다", "격차가 벌어졌고", "격차가 벌어진", "격차가 벌어져"),
    "reversed": ("순위가 역전됨", "순위가 역전되었다", "순위가 역전되었고", "순위가 역전된",
                 "순위가 역전되어"),
    "unchanged": ("격차가 유지됨", "격차가 유지되었다", "격차가 유지되었고", "격차가 유지된",
                  "격차가 유지되어"),
    "closed": ("격차가 없어짐", "격차가 없어졌다", "격차가 없어졌고", "격차가 없어진",
               "격차가 없어져"),
    "opened": ("격차가 생김", "격차가 생겼다", "격차가 생겼고", "격차가 생긴", "격차가 생겨"),
    "level": ("같은 수준이 유지됨", "같은 수준이 유지되었다", "같은 수준이 유지되었고",
              "같은 수준이 유지된", "같은 수준이 유지되어"),
}


def _form_index(form: str) -> int:
    if form not in FORMS:
        raise BriefError(f"unknown word form {form!r} (forms: {', '.join(FORMS)})")
    return FORMS.index(form)


def _sign(difference: Decimal) -> int:
    return (difference > 0) - (difference < 0)


def compare_word(a: object, b: object, word: str = "많다", form: str = "음") -> str:
    """How ``a`` compares with ``b``: ``많음`` if larger, ``적음`` if smaller, ``같음`` if equal
    (``word`` picks the pair: 많다/적다, 높다/낮다, 크다/작다; ``form`` the ending)."""
    if word not in _OPPOSITES:
        raise BriefError(f"unknown comparison word {word!r} (words: {', '.join(_OPPOSITES)})")
    index = _form_index(form)
    chosen = {1: word, -1: _OPPOSITES[word], 0: "같다"}[_sign(to_decimal(a) - to_decimal(b))]
    return _ADJECTIVES[chosen][index]


def direction_word(new: object, old: object, verb: str = "늘다", form: str = "어") -> str:
    """The verb of change from ``old`` to ``new``: ``늘어``/``줄어``/``변동 없이`` (``verb``:
    늘다, 증가, 상승; ``form`` the ending)."""
    if verb not in _DIRECTIONS:
        raise BriefError(f"unknown verb of change {verb!r} (verbs: {', '.join(_DIRECTIONS)})")
    up, down, same = _DIRECTIONS[verb][FORMS[_form_index(form)]]
    return {1: up, -1: down, 0: same}[_sign(to_decimal(new) - to_decimal(old))]


_NOUNS = {"증가": ("증가", "감소", "변동 없음"), "상승": ("상승", "하락", "변동 없음")}


def rate_words(rate: object, form: str = "", verb: str = "증가") -> str:
    """``증가``/``감소``/``변동 없음`` for a rate of change (``form`` as ``direction_word``;
    "" for the bare noun that follows a percentage: ``226.1% 증가``; ``verb`` 증가 or 상승)."""
    if verb not in _NOUNS:
        raise BriefError(f"unknown verb of change {verb!r} (verbs: {', '.join(_NOUNS)})")
    if form == "":
        up, down, same = _NOUNS[verb]
    else:
        up, down, same = _DIRECTIONS[verb][FORMS[_form_index(form)]]
    return {1: up, -1: down, 0: same}[_sign(to_decimal(rate))]


def _phrase(amount: str, word: str, basis: str, changed: bool) -> str:
    body = f"{amount} {word}" if changed else word
    return f"{basis} {body}" if basis else body


def rate_change_words(
    rate: object, form: str = "", digits: int = 1, basis: str = "", verb: str = "증가"
) -> str:
    """A growth rate in words, the word picked by the sign of the printed rate:
    ``226.1% 증가``, ``연평균 29.3% 감소``, ``변동 없음`` (exactly 0); a rate too small to show
    keeps its direction: ``0.1% 미만 증가`` (S34, never ``0.0% 증가``)."""
    value = to_decimal(rate)
    word = rate_words(value, form, verb)
    return _phrase(fmt_percent(abs(value), digits), word, basis, not value.is_zero())


def fmt_change(
    new: object, old: object, basis: str = "", digits: int = 1, form: str = "", verb: str = "증가"
) -> str:
    """The growth from ``old`` to ``new`` in words: ``전년 대비 12.5% 증가``, ``3.0% 감소``,
    ``변동 없음``; the rate ``new/old − 1`` is rounded once (``rate_change_words``)."""
    return rate_change_words(growth_rate(new, old), form, digits, basis, verb)


def fmt_count_change(
    new: object, old: object, unit: str = "개", basis: str = "", form: str = "", verb: str = "증가"
) -> str:
    """The difference of two counts in words: ``8개 증가``, ``3건 감소하였다``, ``변동 없음``."""
    difference = whole(new) - whole(old)
    word = rate_words(difference, form, verb)
    amount = fmt_count(abs(difference), unit)
    return _phrase(amount, word, basis, not difference.is_zero())


def points_change_words(
    a_fraction: object, b_fraction: object = 0, form: str = "", digits: int = 1,
    basis: str = "", verb: str = "증가",
) -> str:
    """The change between two shares in %p, in words: ``3.2%p 증가``, ``1.5%p 감소``,
    ``변동 없음``. The points are the difference of the PRINTED percentages (S34), and the word
    follows their sign, so shares that print the same are ``변동 없음``. One argument is a
    difference already (0.032 → ``3.2%p 증가``)."""
    points = round_half_up(to_decimal(a_fraction) * 100, digits) - round_half_up(
        to_decimal(b_fraction) * 100, digits
    )
    word = rate_words(points, form, verb)
    return _phrase(f"{fmt_number(abs(points), digits)}%p", word, basis, not points.is_zero())


def gap_kind(a_before: object, b_before: object, a_after: object, b_after: object) -> str:
    """What happened to the lead of series a over series b (one of ``GAP_KINDS``)."""
    before = to_decimal(a_before) - to_decimal(b_before)
    after = to_decimal(a_after) - to_decimal(b_after)
    if before == 0:
        return "level" if after == 0 else "opened"
    if after == 0:
        return "closed"
    if _sign(before) != _sign(after):
        return "reversed"
    if abs(after) < abs(before):
        return "narrowed"
    return "widened" if abs(after) > abs(before) else "unchanged"


def gap_words(kind: str, form: str = "음") -> str:
    """The phrase for a ``gap_kind``: ``격차가 좁혀짐``, ``순위가 역전됨`` …"""
    return _GAP_WORDS[kind][_form_index(form)]


def rank_word(rank: object, tied: bool = False) -> str:
    """``3위``, or ``공동 3위`` when another item has the same amount."""
    return f"공동 {fmt_rank(rank)}" if tied else fmt_rank(rank)


def rank_word_en(rank: object, tied: bool = False) -> str:
    """``3rd``, or ``joint 3rd`` (for an English summary)."""
    fmt_rank(rank)  # the same validation
    n = int(to_decimal(rank))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{'joint ' if tied else ''}{n}{suffix}"
