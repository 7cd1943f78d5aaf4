"""Korean template filters: thin adapters from statistics to ``briefgen.korean`` formatters.

Every filter accepts either a plain number or a statistic result (``stats.total``,
``stats.industry``, an item of ``stats.by_country``), so templates stay short:
``{{ stats.industry | count_share }}`` → ``141개(97.9%)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from briefgen.errors import BriefError
from briefgen.korean import dates, numbers, wording


class Particles(Protocol):
    """What the particle filters need: a ``Josa`` (or one standing for the build's Josa)."""

    def attach(self, word: object, particle: str) -> str: ...

    def particle(self, word: object, particle: str) -> str: ...


Chooser = Callable[..., str]
"""Records a word picked from numbers (``Ledger.chose``: kind, word, values, subject) and
returns it."""


def keep_word(kind: str, word: str, values: list[Any], subject: str | None = None) -> str:
    """A Chooser that records nothing (tables, ``briefgen check``'s own environment)."""
    return word


def _amount(value: Any) -> Any:
    """The count or value a statistic stands for (a text stays a text: ``str.count`` is no count)."""
    if isinstance(value, str):
        return value
    for attribute in ("count", "value"):
        if hasattr(value, attribute):
            return getattr(value, attribute)
    return value


def _share(value: Any) -> Any:
    """The share (a fraction) a statistic stands for; CAGR's value and a growth item's rate
    are fractions too. A share adjusted by ``rounding: largest_remainder`` (``printed_share``)
    wins."""
    if getattr(value, "printed_share", None) is not None:
        return value.printed_share
    for attribute in ("share", "rate", "value"):
        if hasattr(value, attribute):
            value = getattr(value, attribute)
            break
    if value is None:
        raise BriefError("no value to print as a percentage (a growth rate is None for the "
                         "first label and after a zero base)")
    return value


def num(value: Any, digits: int = 0) -> str:
    """``5430`` → ``5,430``."""
    return numbers.fmt_number(_amount(value), digits)


def pct(value: Any, digits: int = 1) -> str:
    """A fraction → ``86.2%`` (S34)."""
    return numbers.fmt_percent(_share(value), digits)


def pp(value: Any, other: Any, digits: int = 1) -> str:
    """Difference of two shares in %p, from the printed values (S34)."""
    return numbers.fmt_points(_share(value), _share(other), digits)


def count(value: Any, unit: str = "개") -> str:
    """``144개`` (S35)."""
    return numbers.fmt_count(_amount(value), unit)


def count_share(value: Any, unit: str = "개") -> str:
    """``130개(90.3%)`` (S35)."""
    return numbers.fmt_count_share(value.count, _share(value), unit)


def share_count(value: Any, unit: str = "개") -> str:
    """``51.9%(67개)`` (S35)."""
    return numbers.fmt_share_count(_share(value), value.count, unit)


def money(
    value: Any,
    currency: str = "달러",
    digits: int = 1,
    style: str = "plain",
    unit: str | None = None,
) -> str:
    """``672.2억 달러`` (S37); ``unit='억'`` fixes the unit (``12,000억 원``); ``style='mixed'``
    gives ``1조 2,000억 원`` rounded to whole ``unit`` s (default ``만``; ``digits`` is unused)."""
    if style == "plain":
        return numbers.fmt_money(_amount(value), currency, digits, unit)
    if style == "mixed":
        return numbers.fmt_money_mixed(_amount(value), currency, "만" if unit is None else unit)
    raise BriefError(f"unknown money style {style!r} (valid: 'plain', 'mixed')")


def pp_signed(value: Any, other: Any = 0, digits: int = 1) -> str:
    """``+3.2%p`` / ``-1.5%p`` / ``0.0%p``: ``pp`` with the sign always shown (S34)."""
    return numbers.fmt_signed_points(_share(value), _share(other), digits)


def pct_signed(value: Any, digits: int = 1) -> str:
    """A change rate with its sign: ``+12.5%`` (``stats.cagr | pct_signed`` → ``+226.1%``)."""
    return numbers.fmt_signed_percent(_share(value), digits)


def change(value: Any, old: Any, basis: str = "", digits: int = 1, form: str = "",
           verb: str = "증가") -> str:
    """``new | change(old, '전년 대비')`` → ``전년 대비 12.5% 증가`` / ``12.5% 감소`` / ``변동 없음``;
    ``form='다'`` → ``12.5% 증가하였다`` / ``변동이 없었다`` (the endings of ``direction``)."""
    return wording.fmt_change(_amount(value), _amount(old), basis, digits, form, verb)


def count_change(value: Any, old: Any, unit: str = "개", basis: str = "", form: str = "",
                 verb: str = "증가") -> str:
    """``new | count_change(old)`` → ``8개 증가`` / ``3개 감소`` / ``변동 없음``."""
    return wording.fmt_count_change(_amount(value), _amount(old), unit, basis, form, verb)


def _rank_of(value: Any, label: Any, tied: bool | None) -> tuple[Any, bool, str | None]:
    """(rank, tied, label) of a number (tied as the caller says), an item, or a grouped
    statistic and a label (tied as the statistic knows)."""
    if label is not None:
        if not hasattr(value, "labels"):
            raise BriefError(
                "rank('label') needs a grouped statistic: stats.by_country | rank('미국')"
            )
        value = value[label]
    if hasattr(value, "label"):
        if getattr(value, "rank", None) is None:
            raise BriefError(
                f"{value.label!r} has no rank (the 'other' bucket or an unranked item)"
            )
        if tied is not None:
            raise BriefError(f"{value.label!r} knows its own tie: rank(tied=…) is for numbers")
        return value.rank, bool(getattr(value, "tied", False)), str(value.label)
    if hasattr(value, "labels"):
        raise BriefError(
            "rank of a grouped statistic needs a label: stats.by_country | rank('미국')"
        )
    if tied is not None and not isinstance(tied, bool):
        raise BriefError(f"rank(tied=…) must be true or false, not {tied!r}")
    return value, bool(tied), None


def listing(items: Any, unit: str = "개", separator: str = ", ") -> str:
    """``멀티모달 16개, 비전 14개``: labels and counts of items, in their order (S56)."""
    return separator.join(f"{item.label} {count(item, unit)}" for item in items)


def span(value: Any, end: Any = None, unit: str = "") -> str:
    """``2020~2023년`` (S38): ``stats.cagr | span('년')``, ``[2020, 2023] | span('년')``
    or ``2020 | span(2023, '년')``."""
    if hasattr(value, "start") and hasattr(value, "end"):
        start, stop, unit = value.start, value.end, end if isinstance(end, str) else unit
    elif isinstance(value, list | tuple) and len(value) == 2:
        start, stop, unit = value[0], value[1], end if isinstance(end, str) else unit
    else:
        start, stop = value, end
    if stop is None:
        raise BriefError("span needs two ends, e.g. [2020, 2023] | span('년')")
    return numbers.fmt_range(start, stop, unit)


def _two_ends(value: Any, rest: tuple[Any, ...], name: str) -> tuple[Any, Any, tuple[Any, ...]]:
    """The ends of a range filter: ``[a, b] | f(options…)`` or ``a | f(b, options…)``."""
    if isinstance(value, list | tuple):
        if len(value) != 2:
            raise BriefError(f"{name} needs two ends, not {len(value)}: [a, b] | {name}")
        return value[0], value[1], rest
    if not rest:
        raise BriefError(f"{name} needs two ends: [a, b] | {name} or a | {name}(b)")
    return value, rest[0], rest[1:]


def num_span(value: Any, *rest: Any, **options: Any) -> str:
    """Two computed numbers as a range: ``[1.46, 2.31] | num_span(1, '배')`` → ``1.5~2.3배``
    (``span`` prints numbers as given; this one rounds them)."""
    a, b, rest = _two_ends(value, rest, "num_span")
    return numbers.fmt_number_range(_amount(a), _amount(b), *rest, **options)


def pct_span(value: Any, *rest: Any, **options: Any) -> str:
    """Two shares as a range: ``[0.125, 0.2] | pct_span`` → ``12.5~20.0%`` (S34, S38)."""
    a, b, rest = _two_ends(value, rest, "pct_span")
    return numbers.fmt_percent_range(_share(a), _share(b), *rest, **options)


def money_span(value: Any, *rest: Any, **options: Any) -> str:
    """Two amounts as a range: ``[1.2e12, 1.5e12] | money_span('원')`` → ``1.2~1.5조 원``
    (options as ``money``: currency, digits, unit)."""
    a, b, rest = _two_ends(value, rest, "money_span")
    return numbers.fmt_money_range(_amount(a), _amount(b), *rest, **options)


def count_big(value: Any, counter: str = "명", digits: int = 1, unit: str | None = None) -> str:
    """A large count in 만/억/조: ``120000 | count_big`` → ``12만 명``, ``6억 건``, ``9,999명``."""
    return numbers.fmt_count_big(_amount(value), counter, digits, unit)


def count_span(value: Any, *rest: Any, **options: Any) -> str:
    """Two large counts as a range: ``[120000, 150000] | count_span`` → ``12~15만 명``
    (options as ``count_big``: counter, digits, unit)."""
    a, b, rest = _two_ends(value, rest, "count_span")
    return numbers.fmt_count_big_range(_amount(a), _amount(b), *rest, **options)


def year(value: Any) -> str:
    """``2023년`` (never grouped, S36)."""
    return numbers.fmt_year(_amount(value))


def date(value: Any, style: str = "day") -> str:
    """``2024년 8월 19일`` / ``2024년 8월`` / ``2024.08.19.`` / ``’24.8월`` (S40)."""
    return dates.fmt_date(value, style)


def date_span(value: Any, *rest: Any, **options: Any) -> str:
    """Two dates as a range in one style: ``['2024-03', '2024-05'] | date_span`` →
    ``2024년 3~5월``; ``date_span('dot_month')`` → ``2024.03.~2024.05.`` (S38, S40)."""
    a, b, rest = _two_ends(value, rest, "date_span")
    return dates.fmt_date_range(a, b, *rest, **options)


def time(value: Any, style: str = "clock") -> str:
    """A time of day: ``'14:30' | time`` → ``14:30``, ``time('words')`` → ``14시 30분`` (S40)."""
    return dates.fmt_time(value, style)


WORDING_FILTERS = ("compare", "direction", "rate_change", "pp_change", "rank", "rank_en")
"""The filters of ``wording_filters``: they record what they pick, so a template environment
must call them at render time (never fold them at compile time)."""


def wording_filters(chose: Chooser) -> dict[str, Callable[..., str]]:
    """The filters that pick words from numbers (S56); each pick is recorded by ``chose``."""

    def compare(a: Any, b: Any, word: str = "많다", form: str = "음") -> str:
        """``a | compare(b)`` → ``많음`` / ``적음`` / ``같음``."""
        a, b = _amount(a), _amount(b)
        return chose("compare", wording.compare_word(a, b, word, form), [a, b])

    def direction(new: Any, old: Any, verb: str = "늘다", form: str = "어") -> str:
        """``new | direction(old)`` → ``늘어`` / ``줄어`` / ``변동 없이``."""
        new, old = _amount(new), _amount(old)
        return chose("direction", wording.direction_word(new, old, verb, form), [new, old])

    def rate_change(value: Any, form: str = "", digits: int = 1, basis: str = "",
                    verb: str = "증가") -> str:
        """A growth rate in words: ``226.1% 증가`` / ``연평균 29.3% 감소`` / ``변동 없음``."""
        rate = _share(value)
        return chose("rate", wording.rate_change_words(rate, form, digits, basis, verb), [rate])

    def pp_change(value: Any, other: Any = 0, form: str = "", digits: int = 1, basis: str = "",
                  verb: str = "증가") -> str:
        """Two shares' change in %p, in words: ``3.2%p 증가`` / ``1.5%p 감소`` / ``변동 없음``."""
        a, b = _share(value), _share(other)
        return chose("points", wording.points_change_words(a, b, form, digits, basis, verb), [a, b])

    def rank(value: Any, label: Any = None, tied: bool | None = None) -> str:
        """``3위`` / ``공동 3위`` from an item (``stats.by_country['중국'] | rank``), a grouped
        statistic and a label (``stats.by_country | rank('중국')``) or a number (with
        ``tied=true`` when the caller knows of a tie)."""
        position, item_tied, subject = _rank_of(value, label, tied)
        return chose("rank", wording.rank_word(position, item_tied), [position, item_tied], subject)

    def rank_en(value: Any, label: Any = None) -> str:
        """``3rd`` / ``joint 3rd`` for an English summary."""
        position, tied, subject = _rank_of(value, label, None)
        return chose("rank_en", wording.rank_word_en(position, tied), [position, tied], subject)

    return {"compare": compare, "direction": direction, "rate_change": rate_change,
            "pp_change": pp_change, "rank": rank, "rank_en": rank_en}


def wording_globals(chose: Chooser) -> dict[str, Callable[..., str]]:
    """Functions of four numbers or more, called rather than piped: ``gap_trend``."""

    def gap_trend(a_before: Any, b_before: Any, a_after: Any, b_after: Any,
                  form: str = "음") -> str:
        """``격차가 좁혀짐`` / ``벌어짐`` / ``순위가 역전됨`` / ``유지됨`` / ``없어짐`` / ``생김``."""
        values = [_amount(v) for v in (a_before, b_before, a_after, b_after)]
        kind = wording.gap_kind(*values)
        return chose("gap", wording.gap_words(kind, form), values)

    return {"gap_trend": gap_trend}


def korean_filters(josa: Particles, chose: Chooser = keep_word) -> dict[str, Callable[..., str]]:
    """All template filters, with the project's particle dictionary bound (and the record of
    words picked from numbers)."""
    filters: dict[str, Callable[..., str]] = {
        "num": num,
        "pct": pct,
        "pp": pp,
        "count": count,
        "count_share": count_share,
        "share_count": share_count,
        "money": money,
        "pp_signed": pp_signed,
        "pct_signed": pct_signed,
        "change": change,
        "count_change": count_change,
        "listing": listing,
        "span": span,
        "num_span": num_span,
        "pct_span": pct_span,
        "money_span": money_span,
        "count_big": count_big,
        "count_span": count_span,
        "year": year,
        "date": date,
        "date_span": date_span,
        "time": time,
        "josa": lambda word, particle: josa.attach(str(word), particle),
        "particle": lambda word, particle: josa.particle(str(word), particle),
    }
    return filters | wording_filters(chose)
