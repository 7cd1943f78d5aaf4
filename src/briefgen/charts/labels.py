"""House number format on charts: value labels and axis ticks (S34–S36a).

Counts print as ``1,234``, shares and rates as ``12.5%``; negatives carry an ASCII
hyphen-minus (NanumGothic lacks U+2212), as the ``korean.numbers`` formatters print them.
"""

from __future__ import annotations

from typing import Any

from briefgen.charts.spec import ChartSpec
from briefgen.compat.matplotlib import Formatter
from briefgen.korean.numbers import fmt_count, fmt_number, fmt_percent


def value_label(value: Any, spec: ChartSpec) -> str:
    """A data value as printed on the chart (empty for a missing value)."""
    if value is None:
        return ""
    if spec.label_format == "pct":
        return fmt_percent(value, spec.digits)
    if spec.label_format == "count":
        return fmt_count(value)
    return fmt_number(value, spec.digits)


class HouseTicks(Formatter):
    """Tick labels of the value axis: grouped numbers or percentages with as few decimals as
    the tick step needs (the same number of decimals on every tick)."""

    def __init__(self, percent: bool) -> None:
        self.percent = percent

    def format_ticks(self, values: list[float]) -> list[str]:
        values = [0.0 if abs(v) < 1e-12 else v for v in values]  # float noise at zero is not "0.1% 미만"
        digits = _decimals(values, 100 if self.percent else 1)
        return [self._format(v, digits) for v in values]

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.format_ticks([x])[0]

    def _format(self, x: float, digits: int) -> str:
        return fmt_percent(x, digits) if self.percent else fmt_number(x, digits)


def _decimals(values: list[float], scale: int) -> int:
    """Fewest decimals (0..3) that print every ``value × scale`` exactly."""
    for digits in range(4):
        if all(abs(v * scale - round(v * scale, digits)) < 1e-9 * max(1.0, abs(v * scale)) for v in values):
            return digits
    return 3
