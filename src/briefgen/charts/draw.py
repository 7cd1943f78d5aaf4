"""Draw one chart type on a matplotlib figure (call inside ``style.chart_style``).

No title is drawn: the figure caption is the title (S30).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from briefgen.charts.labels import HouseTicks, value_label
from briefgen.charts.spec import DPI, PERCENT_VALUES, ChartSpec
from briefgen.charts.style import LABEL_SIZE, labelled_palette, palette
from briefgen.charts.values import ChartData, Number
from briefgen.compat.matplotlib import Axes, Figure, MaxNLocator, SharedCanvas, TightLayoutEngine
from briefgen.errors import BriefError
from briefgen.korean.numbers import fmt_percent, to_decimal
from briefgen.theme import Theme

BAR_WIDTH = 0.6
DONUT_WIDTH = 0.4


def draw_chart(spec: ChartSpec, data: ChartData, theme: Theme, config_file: str = "brief.yaml") -> Figure:
    """A laid-out figure of ``data`` drawn as ``spec.type``, on an Agg canvas (no pyplot: no
    figure registry to close, and less to import).

    The figure has the PNG's dpi from the start: the layout then measures the text at the
    size it is drawn, on the renderer that draws it, so the drawing finds every extent in
    matplotlib's cache instead of measuring it again at another dpi."""
    width_cm, height_cm = spec.size
    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI)
    SharedCanvas(fig)
    ax = fig.subplots()
    colors = palette(theme)
    if spec.series_colors:
        labels = data.categories if spec.type in ("pie", "donut") else [s.name for s in data.series]
        colors = labelled_palette(theme, spec.series_colors, labels,
                                  f"charts.{spec.name}.series_colors", config_file)
    DRAWERS[spec.type](ax, spec, data, colors, config_file)
    if spec.type not in ("pie", "donut"):
        axis = ax.xaxis if spec.horizontal else ax.yaxis
        axis.set_major_formatter(HouseTicks(spec.value in PERCENT_VALUES))
        if _whole_numbers(data):  # no 2.5 on an axis of counts
            axis.set_major_locator(MaxNLocator(integer=True))
        if spec.xlabel:
            ax.set_xlabel(spec.xlabel)
        if spec.ylabel:
            ax.set_ylabel(spec.ylabel)
    # fig.tight_layout() in one pass (its second, with rect=(0, 0, 1, 1), gives a single Axes the
    # same margins) and without leaving a layout engine that makes savefig lay out again.
    TightLayoutEngine(rect=None).execute(fig)  # type: ignore[arg-type]  # None: the whole figure
    return fig


def _plain(values: list[Number]) -> list[float]:
    """Matplotlib heights: a missing value is NaN (no bar, a gap in a line)."""
    return [math.nan if v is None else float(v) for v in values]


def _whole_numbers(data: ChartData) -> bool:
    return all(float(v).is_integer() for s in data.series for v in s.values if v is not None)


def _show_labels(spec: ChartSpec, default: bool = True) -> bool:
    return default if spec.labels is None else spec.labels


def _bar(ax: Axes, spec: ChartSpec, data: ChartData, colors: list[str], config_file: str) -> None:
    series = data.series[0]
    color = spec.color or colors[0]
    if spec.horizontal:  # first item on top
        cats, values = data.categories[::-1], series.values[::-1]
        bars = ax.barh(cats, _plain(values), color=color, height=BAR_WIDTH)
        ax.margins(x=0.12)
    else:
        cats, values = data.categories, series.values
        bars = ax.bar(cats, _plain(values), color=color, width=BAR_WIDTH)
        ax.margins(y=0.12)
    if _show_labels(spec):
        ax.bar_label(bars, labels=[value_label(v, spec) for v in values], padding=2, fontsize=LABEL_SIZE)
    _zero_line(ax, spec, [values])


def _stacked(ax: Axes, spec: ChartSpec, data: ChartData, colors: list[str], config_file: str) -> None:
    """Columns stacked per row label; negative parts stack downwards from zero."""
    n = len(data.categories)
    cats = data.categories[::-1] if spec.horizontal else data.categories
    up, down = [0.0] * n, [0.0] * n
    for index, series in enumerate(data.series):
        values = [0.0 if v is None else float(v) for v in series.values]
        if spec.horizontal:
            values = values[::-1]
        base = [u if v >= 0 else d for v, u, d in zip(values, up, down, strict=True)]
        color = colors[index % len(colors)]
        if spec.horizontal:
            bars = ax.barh(cats, values, left=base, height=BAR_WIDTH, color=color, label=series.name)
        else:
            bars = ax.bar(cats, values, bottom=base, width=BAR_WIDTH, color=color, label=series.name)
        if _show_labels(spec) and spec.value == "share":
            shown = [value_label(v, spec) if abs(v) >= 0.05 else "" for v in values]
            ax.bar_label(bars, labels=shown, label_type="center", fontsize=LABEL_SIZE,
                         color=_ink(color))
        up = [u + max(v, 0.0) for u, v in zip(up, values, strict=True)]
        down = [d + min(v, 0.0) for d, v in zip(down, values, strict=True)]
    if _show_labels(spec) and spec.value != "share":
        totals = [u + d for u, d in zip(up, down, strict=True)]
        for position, (total, top) in enumerate(zip(totals, up, strict=True)):
            xy, offset = ((top, position), (3, 0)) if spec.horizontal else ((position, top), (0, 2))
            ax.annotate(value_label(total, spec), xy, xytext=offset, textcoords="offset points",
                        ha="left" if spec.horizontal else "center",
                        va="center" if spec.horizontal else "bottom", fontsize=LABEL_SIZE)
    if spec.horizontal:
        ax.margins(x=0.12)
    else:
        ax.margins(y=0.12)
    _legend(ax, len(data.series))
    _zero_line(ax, spec, [down])


def _line(ax: Axes, spec: ChartSpec, data: ChartData, colors: list[str], config_file: str) -> None:
    """One line per series; a crosstab draws one per column label, with a legend."""
    x = list(range(len(data.categories)))
    for index, series in enumerate(data.series):
        color = spec.color if spec.color and len(data.series) == 1 else colors[index % len(colors)]
        ax.plot(x, _plain(series.values), color=color, marker="o", markersize=3.5, linewidth=1.5,
                label=series.name)
        if _show_labels(spec, default=len(data.series) == 1):
            for xi, v in zip(x, series.values, strict=True):
                if v is not None:
                    below = v < 0  # a negative point's label hangs under it
                    ax.annotate(value_label(v, spec), (xi, float(v)), xytext=(0, -5 if below else 4),
                                textcoords="offset points", ha="center", va="top" if below else "bottom",
                                fontsize=LABEL_SIZE)
    ax.set_xticks(x, data.categories)
    ax.margins(x=0.05, y=0.15)
    if len(data.series) > 1:
        _legend(ax, len(data.series))
    _zero_line(ax, spec, [s.values for s in data.series])


def _pie(ax: Axes, spec: ChartSpec, data: ChartData, colors: list[str], config_file: str) -> None:
    """Slices in declared order, clockwise from 12 o'clock; labels are shares of the drawn total."""
    values = data.series[0].values
    for label, v in zip(data.categories, values, strict=True):
        if v is None or v < 0:
            raise BriefError(f"a {spec.type} chart cannot show {'a missing' if v is None else 'a negative'} "
                             f"value ('{label}': {v})", source=config_file, key=f"charts.{spec.name}.stat")
    total = sum(to_decimal(v) for v in values)
    if not total:
        raise BriefError(f"a {spec.type} chart needs values that sum to more than 0",
                         source=config_file, key=f"charts.{spec.name}.stat")
    shares = iter([fmt_percent(to_decimal(v) / total, spec.digits if spec.label_format == "pct" else 1)
                   for v in values])
    autopct: Callable[[float], str] | None = (lambda _p: next(shares)) if _show_labels(spec) else None
    donut = spec.type == "donut"
    wedge = {"edgecolor": "white", "linewidth": 0.8} | ({"width": DONUT_WIDTH} if donut else {})
    fills = [colors[i % len(colors)] for i in range(len(values))]
    drawn = ax.pie([float(v) for v in values if v is not None], labels=data.categories, colors=fills, autopct=autopct,
                   pctdistance=1 - DONUT_WIDTH / 2 if donut else 0.6, startangle=90, counterclock=False,
                   wedgeprops=wedge, textprops={"fontsize": LABEL_SIZE})
    for text, fill in zip(drawn[2] if autopct else [], fills, strict=True):
        text.set_color(_ink(fill))
    ax.set_aspect("equal")


def _legend(ax: Axes, n: int) -> None:
    """Series names in one or more rows above the plot."""
    ax.legend(ncols=min(4, n), loc="lower center", bbox_to_anchor=(0.5, 1.0))


def _ink(color: str) -> str:
    """Black or white, whichever reads better on ``color`` (#RRGGBB)."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "#FFFFFF"


def _zero_line(ax: Axes, spec: ChartSpec, rows: Sequence[Sequence[Number]]) -> None:
    """A thin axis line at 0 when some value is negative."""
    if any(v is not None and v < 0 for row in rows for v in row):
        (ax.axvline if spec.horizontal else ax.axhline)(0, color="#000000", linewidth=0.6)


DRAWERS: dict[str, Callable[[Axes, ChartSpec, ChartData, list[str], str], None]] = {
    "bar": _bar, "barh": _bar, "stacked_bar": _stacked, "stacked_barh": _stacked,
    "line": _line, "pie": _pie, "donut": _pie,
}
