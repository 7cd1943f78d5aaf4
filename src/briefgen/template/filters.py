"""Korean template filters: thin adapters from statistics to ``briefgen.korean`` formatters.

Every filter accepts either a plain number or a statistic result (``stats.total``,
``stats.industry``, an item of ``stats.by_country``), so templates stay short:
``{{ stats.industry | count_share }}`` → ``141개(97.9%)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefgen.errors import BriefError
from briefgen.korean import dates, numbers
from briefgen.korean.josa import Josa


def _amount(value: Any) -> Any:
    """The count or value a statistic stands for."""
    for attribute in ("count", "value"):
        if hasattr(value, attribute):
            return getattr(value, attribute)
    return value


def _share(value: Any) -> Any:
    """The share (a fraction) a statistic stands for; CAGR's value is a fraction too."""
    for attribute in ("share", "value"):
        if hasattr(value, attribute):
            return getattr(value, attribute)
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
    return numbers.fmt_count_share(value.count, value.share, unit)


def share_count(value: Any, unit: str = "개") -> str:
    """``51.9%(67개)`` (S35)."""
    return numbers.fmt_share_count(value.share, value.count, unit)


def money(value: Any, currency: str = "달러", digits: int = 1) -> str:
    """``672.2억 달러`` (S37)."""
    return numbers.fmt_money(_amount(value), currency, digits)


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


def year(value: Any) -> str:
    """``2023년`` (never grouped, S36)."""
    return numbers.fmt_year(_amount(value))


def date(value: Any, style: str = "day") -> str:
    """``2024년 8월 19일`` / ``2024년 8월`` / ``2024.08.19.`` (S40)."""
    return dates.fmt_date(value, style)


def korean_filters(josa: Josa) -> dict[str, Callable[..., str]]:
    """All template filters, with the project's particle dictionary bound."""
    return {
        "num": num,
        "pct": pct,
        "pp": pp,
        "count": count,
        "count_share": count_share,
        "share_count": share_count,
        "money": money,
        "span": span,
        "year": year,
        "date": date,
        "josa": lambda word, particle: josa.attach(str(word), particle),
        "particle": lambda word, particle: josa.particle(str(word), particle),
    }
