"""A chart declared in brief.yaml (``charts.NAME``), checked against its statistic.

Every problem is a one-line BriefError naming ``charts.NAME.key``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefgen.errors import BriefError

#: type → the shape of statistic it draws (``items``: counts-like, ``cells``: crosstab).
CHART_TYPES: dict[str, tuple[str, ...]] = {
    "bar": ("items",),
    "barh": ("items",),
    "line": ("items", "cells"),
    "pie": ("items",),
    "donut": ("items",),
    "stacked_bar": ("cells",),
    "stacked_barh": ("cells",),
}
#: Resolution of chart PNGs (here, not in ``style``, so a chart's pixel size is known without
#: importing matplotlib: ``ChartJob.pixels``).
DPI = 300
CHART_KEYS = {"type", "stat", "xlabel", "ylabel", "labels", "top", "size", "color", "value",
              "label_format", "digits", "series_colors"}
#: Chart types whose labelled parts (slices, stacked series, lines) ``series_colors`` colours.
SERIES_COLOR_TYPES = ("pie", "donut", "stacked_bar", "stacked_barh", "line")
_TOKEN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
#: ``value:`` choices; a counts-like statistic offers those its items carry (default ``count``,
#: else ``value`` for a sum).
ITEM_VALUES = ("count", "share", "rate", "change", "cumulative", "value")
CROSSTAB_VALUES = ("count", "share")
LABEL_FORMATS = ("num", "pct", "count")
PERCENT_VALUES = ("share", "rate")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class ChartSpec:
    """A validated chart: what to draw from which statistic, and how to print its values."""

    name: str
    type: str
    stat: str
    xlabel: str | None = None
    ylabel: str | None = None
    labels: bool | None = None  # None: the type's default (off for a multi-series line only)
    top: int | None = None
    size: tuple[float, float] = (16.0, 8.0)
    color: str | None = None
    value: str = "count"
    label_format: str = "num"
    digits: int = 0
    #: (label, colour) pairs: a slice's, series' or line's colour by its label, as
    #: ``#RRGGBB`` or the name of a theme colour (``positive``, ``negative`` …)
    series_colors: tuple[tuple[str, str], ...] = ()

    @property
    def horizontal(self) -> bool:
        """Values run along x (bars grow to the right)."""
        return self.type in ("barh", "stacked_barh")


def parse_spec(name: str, raw: Any, stats: dict[str, Any], config_file: str) -> ChartSpec:
    """The chart ``charts.NAME`` of brief.yaml, checked key by key against ``stats``."""
    key = f"charts.{name}"

    def fail(field: str | None, message: str) -> BriefError:
        return BriefError(message, source=config_file, key=f"{key}.{field}" if field else key)

    if not isinstance(raw, dict):
        raise fail(None, "a chart must be a mapping (type:, stat:)")
    for field in raw:
        if field not in CHART_KEYS:
            raise fail(field, f"unknown chart key '{field}' (allowed: {', '.join(sorted(CHART_KEYS))})")
    kind = raw.get("type")
    if kind not in CHART_TYPES:
        shown = "missing" if kind is None else f"'{kind}' unknown"
        raise fail("type", f"chart type {shown} (types: {', '.join(CHART_TYPES)})")
    stat_name = raw.get("stat")
    if not isinstance(stat_name, str) or stat_name not in stats:
        known = ", ".join(sorted(stats)) or "none declared"
        raise fail("stat", f"chart uses unknown statistic '{stat_name}' (statistics: {known})")
    stat = stats[stat_name]
    shape = _shape(stat)
    if shape not in CHART_TYPES[kind]:
        wanted = " or ".join("a crosstab" if s == "cells" else "a counts" for s in CHART_TYPES[kind])
        raise fail("stat", f"a {kind} chart needs {wanted} statistic; '{stat_name}' is "
                           f"{getattr(stat, 'kind', type(stat).__name__)}")
    if shape == "cells" and raw.get("top") is not None:
        raise fail("top", "top applies to a counts statistic only")
    offered = _values_offered(stat, shape)
    value = raw.get("value", "count" if "count" in offered or "value" not in offered else "value")
    if value not in offered:
        raise fail("value", f"value '{value}' not available for statistic '{stat_name}' "
                            f"(values: {', '.join(offered)})")
    label_format = raw.get("label_format", "pct" if value in PERCENT_VALUES else "num")
    if label_format not in LABEL_FORMATS:
        raise fail("label_format", f"label format '{label_format}' unknown (formats: {', '.join(LABEL_FORMATS)})")
    digits = raw.get("digits", 1 if label_format == "pct" else 0)
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 3:
        raise fail("digits", f"digits must be a whole number 0..3, not {digits!r}")
    if label_format == "count" and digits:
        raise fail("digits", "a count label has no decimals (use label_format: num)")
    return ChartSpec(
        name=name, type=kind, stat=stat_name,
        xlabel=_text(raw, "xlabel", fail), ylabel=_text(raw, "ylabel", fail),
        labels=_flag(raw, "labels", fail), top=_top(raw, fail), size=_size(raw, fail),
        color=_color(raw, fail), value=value, label_format=label_format, digits=digits,
        series_colors=_series_colors(raw, kind, fail),
    )


def _shape(stat: Any) -> str | None:
    if hasattr(stat, "cells") and hasattr(stat, "row_labels"):
        return "cells"
    if hasattr(stat, "items") and not callable(stat.items):
        return "items"
    return None


def _values_offered(stat: Any, shape: str | None) -> tuple[str, ...]:
    if shape == "cells":
        return CROSSTAB_VALUES
    items = list(stat.items)
    if not items:
        return ("count",)
    return tuple(v for v in ITEM_VALUES if hasattr(items[0], v))


def _text(raw: dict[str, Any], field: str, fail: Any) -> str | None:
    value = raw.get(field)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise fail(field, f"{field} must be text")
    return str(value)


def _flag(raw: dict[str, Any], field: str, fail: Any) -> bool | None:
    value = raw.get(field)
    if value is not None and not isinstance(value, bool):
        raise fail(field, f"{field} must be true or false, not {value!r}")
    return value


def _top(raw: dict[str, Any], fail: Any) -> int | None:
    top = raw.get("top")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise fail("top", f"top must be a whole number ≥ 1, not {top!r}")
    return top


def _size(raw: dict[str, Any], fail: Any) -> tuple[float, float]:
    size = raw.get("size", [16, 8])
    ok = (isinstance(size, list) and len(size) == 2
          and all(isinstance(v, int | float) and not isinstance(v, bool) and 2 <= v <= 40 for v in size))
    if not ok:
        raise fail("size", f"size must be [width, height] in centimetres (2..40), not {size!r}")
    return float(size[0]), float(size[1])


def _color(raw: dict[str, Any], fail: Any) -> str | None:
    color = raw.get("color")
    if color is not None and not (isinstance(color, str) and _HEX.match(color)):
        raise fail("color", f"color must be '#RRGGBB', not {color!r}")
    return color


def _series_colors(raw: dict[str, Any], kind: str, fail: Any) -> tuple[tuple[str, str], ...]:
    """``series_colors: {적중: positive, 빗나감: "#C0392B"}``: labels to colours or theme names."""
    value = raw.get("series_colors")
    if value is None:
        return ()
    if kind not in SERIES_COLOR_TYPES:
        raise fail("series_colors", f"series_colors applies to {', '.join(SERIES_COLOR_TYPES)} charts; "
                                    f"a {kind} chart has one colour (color:)")
    if not isinstance(value, dict) or not value:
        raise fail("series_colors", "series_colors must map labels to colours, e.g. {적중: positive}")
    for label, colour in value.items():
        if not (isinstance(colour, str) and (_HEX.match(colour) or _TOKEN.match(colour))):
            raise fail("series_colors", f"the colour of '{label}' must be '#RRGGBB' or a theme colour "
                                        f"name such as positive or negative, not {colour!r}")
    return tuple((str(label), colour) for label, colour in value.items())
