"""Korean number formatting: 반올림, grouping, percentages, counts, money in 만/억/조, ranges.

Rules: spri-style.md S34–S38, S36a; Babel is used only for digit grouping with an explicit
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


def _whole(n: object) -> Decimal:
    value = to_decimal(n)
    if value != value.to_integral_value():
        raise BriefError(f"a count must be a whole number, not {n!r}")
    return value


def fmt_count(n: object, unit: str = "개") -> str:
    """``144개``, ``5,430회``: a whole count with its counter unit attached (S35, S36)."""
    return f"{fmt_number(_whole(n))}{unit}"


def fmt_count_share(n: object, share: object, unit: str = "개", digits: int = 1) -> str:
    """Count first, share in parentheses: ``130개(90.3%)`` (S35)."""
    return f"{fmt_count(n, unit)}({fmt_percent(share, digits)})"


def fmt_share_count(share: object, n: object, unit: str = "개", digits: int = 1) -> str:
    """Share first, count in parentheses: ``51.9%(67개)`` (S35)."""
    return f"{fmt_percent(share, digits)}({fmt_count(n, unit)})"


def fmt_money(value: object, currency: str = "달러", digits: int = 1) -> str:
    """Money in 만/억/조 (S37): ``672.2억 달러``, ``1.2조 원``, ``1조 달러``, ``5,000달러``.

    ``value`` is in base units (dollars, won). The largest unit whose ROUNDED value is ≥ 1 is
    used; trailing fraction zeros are dropped. Below 1만 the currency word attaches directly.
    """
    _check_digits(digits)
    exact = to_decimal(value)
    for name, size in _MONEY_UNITS:
        with localcontext(_CONTEXT):
            scaled = round_half_up(exact / size, digits)
        if abs(scaled) >= 1:
            number = _group(scaled, digits, keep_zeros=False)
            return f"{number}{name} {currency}" if currency else f"{number}{name}"
    return f"{_group(round_half_up(exact, digits), digits, keep_zeros=False)}{currency}"


def _as_given(x: object) -> str:
    """A grouped number at the precision it was given (S34: quoted ranges keep the source's)."""
    value = to_decimal(x)
    if isinstance(x, float) and value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 20.0 from a float column is 20
    if value.is_zero():
        value = value.copy_abs()
    return _group(value, max(0, -value.as_tuple().exponent))


def _year(y: object) -> int:
    value = to_decimal(y)
    if value != value.to_integral_value():
        raise BriefError(f"a year must be a whole number, not {y!r}")
    return int(value)


def fmt_range(a: object, b: object, unit: str = "") -> str:
    """``2020~2023년``, ``20~25%``: ASCII ``~``, no spaces, unit once; years never grouped (S38)."""
    if unit == "년":
        return f"{_year(a)}~{_year(b)}년"
    return f"{_as_given(a)}~{_as_given(b)}{unit}"


def fmt_year(y: object) -> str:
    """``2023년`` (years are never grouped, S36)."""
    return f"{_year(y)}년"
