"""The one place charts read numbers from a statistic (``value:`` of the chart spec).

A counts-like statistic (``items`` with ``label`` and ``count``/``share``/``rate``/
``cumulative``/``value``) gives one series; a crosstab gives one series per column label
(``count`` cells, or ``share`` of the row total). ``None`` (e.g. the growth of the first
year) stays ``None``: no bar, a gap in a line, no label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.charts.spec import ChartSpec

Number = float | int | None


@dataclass(frozen=True)
class Series:
    """One named row of values, aligned with ``ChartData.categories``."""

    name: str
    values: list[Number]


@dataclass(frozen=True)
class ChartData:
    """Categories (x labels, pie slices) and the series drawn over them."""

    categories: list[str]
    series: list[Series]


def chart_data(spec: ChartSpec, stat: Any) -> ChartData:
    """The values of ``stat`` that ``spec`` draws (``top`` applied to a counts statistic)."""
    if hasattr(stat, "cells"):
        return _crosstab(spec, stat)
    items = list(stat.items)[: spec.top] if spec.top else list(stat.items)
    values = [getattr(item, spec.value) for item in items]
    return ChartData([str(item.label) for item in items], [Series(spec.stat, values)])


def _crosstab(spec: ChartSpec, stat: Any) -> ChartData:
    rows = [str(r) for r in stat.row_labels]
    cells = [list(row) for row in stat.cells]
    if spec.value == "share":
        totals = [sum(row) for row in cells]
        cells = [[c / t if t else None for c in row] for row, t in zip(cells, totals, strict=True)]
    series = [Series(str(col), [row[j] for row in cells]) for j, col in enumerate(stat.col_labels)]
    return ChartData(rows, series)
