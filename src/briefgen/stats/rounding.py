"""Largest-remainder (Hamilton) rounding: printed shares of a partition that sum to 100%."""

from __future__ import annotations

from fractions import Fraction

ROUNDINGS = ("plain", "largest_remainder")


def largest_remainder(amounts: list[float], digits: int = 1) -> list[float]:
    """Shares (fractions) of ``amounts`` rounded so their percentages, printed with ``digits``
    decimals, sum to exactly 100.

    Each share gets the floor of its quota in units of ``10**-digits`` percent; the units left
    over go, one each, to the largest remainders (ties: the earlier amount first). Exact
    arithmetic (fractions), so the result does not depend on float noise. ``amounts`` must be
    non-negative with a positive sum (the caller checks).
    """
    units = 100 * 10**digits
    exact = [Fraction(a) for a in amounts]
    total = sum(exact)
    quotas = [a * units / total for a in exact]
    floors = [int(q) for q in quotas]  # non-negative: int() is floor
    left = units - sum(floors)
    by_remainder = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - floors[i]), i))
    for index in by_remainder[:left]:
        floors[index] += 1
    return [round(f / units, digits + 2) for f in floors]
