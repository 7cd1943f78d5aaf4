"""Korean number formatting: 반올림, grouping, percentages, changes, ranks, money, ranges.

Rules: docs/house-style.md S34–S38, S36a; Babel is used only for digit grouping with an explicit
pattern (P1: its compact, percent and interval formats are wrong for Korean briefs).
"""

from __future__ import annotations

import numbers
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

from babel.numbers import format_decimal

from briefgen.errors import BriefError

_LOCALE = "ko_KR"
_CONTEXT = Context(prec=80)  # wide enough that quantize never overflows for real data
_MONEY_UNITS = (("조", Decimal(10) ** 12), ("억", Decimal(10) ** 8), ("만", Decimal(10) ** 4))
_UNIT_SIZES = dict(_MONEY_UNITS) | {"": Decimal(1)}  # "" = base units (달러, 원)
_TEN_THOUSAND = Decimal(10) ** 4


def to_decimal(x: object) -> Decimal:
    """The exact decimal value of a number or numeric string; BriefError if not a finite number.

    Floats go through ``repr`` (the shortest string that round-trips), so ``2.675`` is 2.675,
    not 2.67499999… .
    """
    if isinstance(x, bool) or x is None:
        raise BriefError(f"not a number: {x!r}")
    if isinstance(x, Decimal):
        value = x
    elif isinstance(x, numbers.Integral):
        value = Decimal(int(x))
    elif isinstance(x, numbers.Real):
        value = Decimal(repr(float(x)))
    elif isinstance(x, str):
        try:
            value = Decimal(x.strip())
        except InvalidOperation:
            raise BriefError(f"not a number: {x!r}") from None
    else:
        raise BriefError(f"not a number: {x!r}")
    if not value.is_finite():
        raise BriefError(f"not a finite number: {x!r}")
    return value


def _check_digits(digits: int) -> None:
    if isinstance(digits, bool) or not isinstance(digits, int) or digits < 0:
        raise BriefError(f"number of decimals must be a whole number ≥ 0, not {digits!r}")


def round_half_up(x: object, digits: int = 0) -> Decimal:
    """Round half away from zero (반올림, Excel's ROUND) once, on the exact value; never -0 (S36a)."""
    _check_digits(digits)
    with localcontext(_CONTEXT):
        try:
            result = to_decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # more digits than _CONTEXT holds: not a number for a brief
            raise BriefError(f"number too large to print: {x!r}") from None
    return result.copy_abs() if result.is_zero() else result


def _group(value: Decimal, digits: int, *, keep_zeros: bool = True) -> str:
    """Grouped digits of an already rounded value (Babel, explicit pattern, locale ko_KR)."""
    fraction = ("0" if keep_zeros else "#") * digits
    pattern = "#,##0" + (f".{fraction}" if digits else "")
    with localcontext(_CONTEXT):  # Babel quantizes in the current context (default: 28 digits)
        return format_decimal(value, format=pattern, locale=_LOCALE).replace("\u2212", "-")


def fmt_number(x: object, digits: int = 0) -> str:
    """``5,430``, ``1,234.5``, ``-0.3``: 반올림 to ``digits`` decimals, commas from 1,000 up (S36)."""
    return _group(round_half_up(x, digits), digits)


def _percent_value(fraction: object) -> Decimal:
    return to_decimal(fraction) * 100


def fmt_percent(fraction: object, digits: int = 1) -> str:
    """A fraction as a percentage: 0.862 → ``86.2%``, 0 → ``0.0%``; tiny positive → ``0.1% 미만`` (S34)."""
    exact = _percent_value(fraction)
    rounded = round_half_up(exact, digits)
    if rounded.is_zero() and exact > 0:
        smallest = Decimal(1).scaleb(-digits)
        return f"{_group(smallest, digits)}% 미만"
    return f"{_group(rounded, digits)}%"


def fmt_points(a_fraction: object, b_fraction: object, digits: int = 1) -> str:
    """Difference of two shares in %p, from the PRINTED (rounded) percentages (S34).

    (0.4444, 0.3264) → 44.4 − 32.6 → ``11.8%p``.
    """
    a = round_half_up(_percent_value(a_fraction), digits)
    b = round_half_up(_percent_value(b_fraction), digits)
    return f"{fmt_number(a - b, digits)}%p"


def _plus(value: Decimal, text: str) -> str:
    """``text`` with ``+`` in front when the printed ``value`` is above zero (``-`` is already there)."""
    return f"+{text}" if value > 0 else text


def fmt_signed_points(a_fraction: object, b_fraction: object = 0, digits: int = 1) -> str:
    """Like :func:`fmt_points` with the sign always shown: ``+3.2%p``, ``-1.5%p``, ``0.0%p``.

    One argument is a difference already (0.032 → ``+3.2%p``); two are shares whose PRINTED
    values are subtracted (S34).
    """
    a = round_half_up(_percent_value(a_fraction), digits)
    b = round_half_up(_percent_value(b_fraction), digits)
    return _plus(a - b, f"{fmt_number(a - b, digits)}%p")


def fmt_signed_percent(fraction: object, digits: int = 1) -> str:
    """A change rate with its sign: 0.125 → ``+12.5%``, -0.03 → ``-3.0%``, 0 → ``0.0%``."""
    rounded = round_half_up(_percent_value(fraction), digits)
    return _plus(rounded, f"{_group(rounded, digits)}%")


def growth_rate(new: object, old: object) -> Decimal:
    """``new / old − 1``, exact (not rounded); BriefError unless ``old`` is above zero."""
    base = to_decimal(old)
    if base <= 0:
        raise BriefError(
            f"a growth rate needs an old value above 0, not {old!r} (new value {new!r})"
        )
    with localcontext(_CONTEXT):
        return to_decimal(new) / base - 1


def whole(n: object) -> Decimal:
    """The exact value of a count; BriefError unless it is a whole number."""
    value = to_decimal(n)
    if value != value.to_integral_value():
        raise BriefError(f"a count must be a whole number, not {n!r}")
    return value


def fmt_count(n: object, unit: str = "개") -> str:
    """``144개``, ``5,430회``: a whole count with its counter unit attached (S35, S36)."""
    return f"{fmt_number(whole(n))}{unit}"


def fmt_count_share(n: object, share: object, unit: str = "개", digits: int = 1) -> str:
    """Count first, share in parentheses: ``130개(90.3%)`` (S35)."""
    return f"{fmt_count(n, unit)}({fmt_percent(share, digits)})"


def fmt_share_count(share: object, n: object, unit: str = "개", digits: int = 1) -> str:
    """Share first, count in parentheses: ``51.9%(67개)`` (S35)."""
    return f"{fmt_percent(share, digits)}({fmt_count(n, unit)})"


def fmt_rank(n: object) -> str:
    """``3위``: a rank is a whole number from 1 (competition ranks may repeat)."""
    value = to_decimal(n)
    if value != value.to_integral_value() or value < 1:
        raise BriefError(f"a rank must be a whole number from 1, not {n!r}")
    return f"{fmt_number(value)}위"


def _unit_size(unit: str) -> Decimal:
    if unit not in _UNIT_SIZES:
        valid = ", ".join(repr(name) for name in _UNIT_SIZES)
        raise BriefError(f"unknown money unit {unit!r} (valid: {valid})")
    return _UNIT_SIZES[unit]


def _with_currency(number: str, unit: str, currency: str) -> str:
    """S37: one space between a Korean unit and the currency word; none after bare digits."""
    if unit and currency:
        return f"{number}{unit} {currency}"
    return f"{number}{unit}{currency}"


def _in_units(exact: Decimal, digits: int, unit: str | None) -> tuple[Decimal, str]:
    """``exact`` rounded once in a Korean unit (S37): ``unit`` when given, else the largest unit
    the value reaches, moved up when its rounded value reaches 10,000 of that unit (9,999.95만
    → 1억; 9,999 stays in base units, never ``1만``)."""
    _check_digits(digits)
    if unit is not None:
        size = _unit_size(unit)
        with localcontext(_CONTEXT):
            return round_half_up(exact / size, digits), unit
    ladder = (*_MONEY_UNITS, ("", Decimal(1)))
    index = next((i for i, (_, size) in enumerate(ladder) if abs(exact) >= size), len(ladder) - 1)
    while True:
        name, size = ladder[index]
        with localcontext(_CONTEXT):
            scaled = round_half_up(exact / size, digits)
        if index == 0 or abs(scaled) < _TEN_THOUSAND:
            return scaled, name
        index -= 1


def _unit_text(value: Decimal, digits: int) -> str:
    return _group(value, digits, keep_zeros=False)


def fmt_money(
    value: object, currency: str = "달러", digits: int = 1, unit: str | None = None
) -> str:
    """Money in 만/억/조 (S37): ``672.2억 달러``, ``1.2조 원``, ``1조 달러``, ``5,000달러``.

    ``value`` is in base units (dollars, won). The unit is the largest one the value reaches,
    moved up when the rounded number reaches 10,000 of it (9,999.99억 → ``1조``; 9,999 →
    ``9,999달러``, never ``1만``), or ``unit`` when given (``조``, ``억``, ``만``, ``""`` for base
    units: ``12,000억 원`` keeps a table in one unit); trailing fraction zeros are dropped.
    Below 1만 the currency word attaches directly.
    """
    scaled, name = _in_units(to_decimal(value), digits, unit)
    return _with_currency(_unit_text(scaled, digits), name, currency)


def fmt_count_big(n: object, counter: str = "명", digits: int = 1, unit: str | None = None) -> str:
    """A whole count in 만/억/조 with the counter spaced after the unit (S36, S37):
    ``12만 명``, ``6억 건``, ``1,000만 명``, ``1.2만 명``; below 1만 the counter attaches
    (``9,999명``). Units are chosen and promoted as for money (9,999.95만 → ``1억 명``)."""
    scaled, name = _in_units(whole(n), digits, unit)
    return _with_currency(_unit_text(scaled, digits), name, counter)


def _unit_range(a: Decimal, b: Decimal, word: str, digits: int, unit: str | None) -> str:
    """``1.2~1.5조 원``, ``5,000억~1.5조 원``, ``12~15만 명``: low to high, the word once; both
    ends in one unit when they round into the same one; equal printed ends collapse."""
    low, high = sorted((a, b))
    (n1, u1), (n2, u2) = _in_units(low, digits, unit), _in_units(high, digits, unit)
    t1, t2 = _unit_text(n1, digits), _unit_text(n2, digits)
    if (t1, u1) == (t2, u2):
        return _with_currency(t2, u2, word)
    first = t1 if u1 == u2 else f"{t1}{u1}"
    return _with_currency(f"{first}~{t2}", u2, word)


def fmt_money_range(
    a: object, b: object, currency: str = "달러", digits: int = 1, unit: str | None = None
) -> str:
    """Two amounts of money as a range (S37, S38): ``1.2~1.5조 원``, ``5,000억~1.5조 원``,
    ``5,000~8,000달러``; ends that print the same collapse (``1.2조 원``)."""
    return _unit_range(to_decimal(a), to_decimal(b), currency, digits, unit)


def fmt_count_big_range(
    a: object, b: object, counter: str = "명", digits: int = 1, unit: str | None = None
) -> str:
    """Two whole counts in 만/억/조 as a range: ``12~15만 명``, across units ``9,000~1.2만 명``;
    equal printed ends collapse (``12만 명``)."""
    return _unit_range(whole(a), whole(b), counter, digits, unit)


def fmt_percent_range(a_fraction: object, b_fraction: object, digits: int = 1) -> str:
    """Two shares as a range of printed percentages (S34, S38): ``12.5~20.0%``, low to high;
    equal printed ends collapse (``12.5%``); an end too small to show stays ``0.1% 미만``."""
    low, high = sorted((to_decimal(a_fraction), to_decimal(b_fraction)))
    first, last = fmt_percent(low, digits), fmt_percent(high, digits)
    if first == last:
        return last
    return f"{first.removesuffix('%')}~{last}" if first.endswith("%") else f"{first}~{last}"


def fmt_number_range(a: object, b: object, digits: int = 0, unit: str = "") -> str:
    """Two computed numbers as a range, each rounded once (S36a, S38): ``1.5~2.3배``,
    ``1,200~3,400``; low to high, equal printed ends collapse (``2.0배``)."""
    low, high = sorted((to_decimal(a), to_decimal(b)))
    first, last = fmt_number(low, digits), fmt_number(high, digits)
    return f"{last}{unit}" if first == last else f"{first}~{last}{unit}"


def fmt_money_mixed(value: object, currency: str = "달러", unit: str = "만") -> str:
    """Money spelled in several units (S37 mixed form, only when a template asks for it).

    ``value`` is rounded once to whole ``unit`` s (the smallest shown; ``""`` for base units),
    then split: ``1조 2,000억 원``, ``6억 7,400만 달러``, ``1억 2,345달러``; zero parts are left out.
    """
    size = _unit_size(unit)
    with localcontext(_CONTEXT):
        rounded = round_half_up(to_decimal(value) / size) * size
    rest = int(abs(rounded))
    parts = []
    for name, part_size in (*_MONEY_UNITS, ("", Decimal(1))):
        part, rest = divmod(rest, int(part_size))
        if part:
            parts.append((_group(Decimal(part), 0), name))
    if not parts:
        return _with_currency("0", "", currency)
    *leading, (number, name) = parts
    text = " ".join([*(f"{n}{u}" for n, u in leading), _with_currency(number, name, currency)])
    return f"-{text}" if rounded < 0 else text


def _as_given(x: object) -> str:
    """A grouped number at the precision it was given (S34: quoted ranges keep the source's)."""
    value = to_decimal(x)
    if isinstance(x, float) and value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 20.0 from a float column is 20
    if value.is_zero():
        value = value.copy_abs()
    exponent = value.as_tuple().exponent
    return _group(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def _year(y: object) -> int:
    value = to_decimal(y)
    if value != value.to_integral_value():
        raise BriefError(f"a year must be a whole number, not {y!r}")
    return int(value)


def _month(m: object) -> int:
    value = to_decimal(m)
    if value != value.to_integral_value() or not 1 <= value <= 12:
        raise BriefError(f"a month must be a whole number from 1 to 12, not {m!r}")
    return int(value)


def fmt_range(a: object, b: object, unit: str = "") -> str:
    """``2020~2023년``, ``3~4월``, ``20~25%``: ASCII ``~``, no spaces, unit once (S38).

    Years (``년``, ``년도``) are never grouped; months must be 1 to 12. Two ends that print
    the same collapse to one value: ``2023년``, never ``2023~2023년``.
    """
    if unit in ("년", "년도"):
        first, last = str(_year(a)), str(_year(b))
    elif unit == "월":
        first, last = str(_month(a)), str(_month(b))
    else:
        first, last = _as_given(a), _as_given(b)
    return f"{last}{unit}" if first == last else f"{first}~{last}{unit}"


def fmt_year(y: object) -> str:
    """``2023년`` (years are never grouped, S36)."""
    return f"{_year(y)}년"
