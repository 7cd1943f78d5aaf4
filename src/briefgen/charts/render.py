"""Charts declared in brief.yaml, drawn with matplotlib in the house Korean font (S30).

Spec (``charts.NAME``)::

    type: bar | barh | line | stacked_bar | pie
    stat: by_year            # a Counts (bar/barh/line/pie) or Crosstab (stacked_bar) statistic
    xlabel: / ylabel:        # optional axis titles
    labels: true             # value labels on bars (default true)
    top: 10                  # only the first n items of a Counts
    size: [16, 8]            # centimetres

No title is drawn: the figure caption is the title (S30).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError
from briefgen.fonts import font_path
from briefgen.korean.numbers import fmt_number, fmt_percent
from briefgen.theme import Theme

CHART_KEYS = {"type", "stat", "xlabel", "ylabel", "labels", "top", "size", "color"}
CHART_TYPES = ("bar", "barh", "line", "stacked_bar", "pie")
SERIES_COLORS = ["#006A42", "#4C9A6A", "#8CC3A0", "#B7B7B7", "#5B7DB1", "#D08C3A", "#7A5C99", "#C9C9C9"]
DPI = 300


def chart_path(name: str, spec: dict[str, Any], stat: Any, out_dir: Path) -> Path:
    """Where the PNG of a chart lives: named by a hash of its spec and its data."""
    payload = json.dumps({"spec": spec, "data": stat.to_json()}, sort_keys=True, default=str)
    digest = hashlib.sha256(payload.encode()).hexdigest()[:16]
    return out_dir / f"{name}-{digest}.png"


def render_chart(name: str, spec: dict[str, Any], stats: dict[str, Any], theme: Theme, out_dir: Path,
                 config_file: str) -> Path:
    """Draw chart ``name`` (if not already drawn for the same spec and data) and return its PNG."""
    key = f"charts.{name}"
    _validate(name, spec, stats, config_file)
    stat = stats[spec["stat"]]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = chart_path(name, spec, stat, out_dir)
    if path.exists():
        return path
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    regular = font_path(theme.font("body"))
    font_manager.fontManager.addfont(str(regular))
    family = font_manager.FontProperties(fname=str(regular)).get_name()
    width_cm, height_cm = spec.get("size", [16, 8])
    rc = {
        "font.family": family,
        "axes.unicode_minus": False,
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "briefgen",
    }
    with plt.rc_context(rc):
        fig, ax = plt.subplots(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI)
        try:
            _draw(ax, spec, stat, key, config_file)
            if spec.get("xlabel"):
                ax.set_xlabel(str(spec["xlabel"]))
            if spec.get("ylabel"):
                ax.set_ylabel(str(spec["ylabel"]))
            fig.tight_layout()
            temp = path.with_suffix(".tmp.png")
            fig.savefig(temp, dpi=DPI, metadata={"Software": None})
            temp.replace(path)
        finally:
            plt.close(fig)
    return path


def _validate(name: str, spec: dict[str, Any], stats: dict[str, Any], config_file: str) -> None:
    key = f"charts.{name}"
    if not isinstance(spec, dict):
        raise BriefError("a chart must be a mapping (type:, stat:)", source=config_file, key=key)
    for field in spec:
        if field not in CHART_KEYS:
            raise BriefError(f"unknown chart key '{field}' (allowed: {', '.join(sorted(CHART_KEYS))})",
                             source=config_file, key=f"{key}.{field}")
    if spec.get("type") not in CHART_TYPES:
        raise BriefError(f"chart type must be one of {', '.join(CHART_TYPES)}", source=config_file,
                         key=f"{key}.type")
    if spec.get("stat") not in stats:
        raise BriefError(f"chart uses unknown statistic '{spec.get('stat')}'", source=config_file,
                         key=f"{key}.stat")


def _draw(ax: Any, spec: dict[str, Any], stat: Any, key: str, config_file: str) -> None:
    kind = spec["type"]
    color = spec.get("color", SERIES_COLORS[0])
    show_labels = spec.get("labels", True)
    if kind == "stacked_bar":
        if not hasattr(stat, "cells"):
            raise BriefError("stacked_bar needs a crosstab statistic", source=config_file, key=f"{key}.stat")
        rows = [str(r) for r in stat.row_labels]
        bottoms = [0] * len(rows)
        for index, column in enumerate(stat.col_labels):
            values = [stat.cells[r][index] for r in range(len(rows))]
            ax.bar(rows, values, bottom=bottoms, label=str(column),
                   color=SERIES_COLORS[index % len(SERIES_COLORS)], width=0.6)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        if show_labels:
            for x, total in enumerate(bottoms):
                ax.annotate(fmt_number(total), (x, total), ha="center", va="bottom", fontsize=8,
                            xytext=(0, 2), textcoords="offset points")
        ax.legend(frameon=False, fontsize=8, ncols=min(4, len(stat.col_labels)))
        return
    if not hasattr(stat, "items"):
        raise BriefError(f"{kind} needs a counts statistic", source=config_file, key=f"{key}.stat")
    items = list(stat.items)[: spec["top"]] if spec.get("top") else list(stat.items)
    labels = [str(item.label) for item in items]
    values = [item.count for item in items]
    if kind == "bar":
        bars = ax.bar(labels, values, color=color, width=0.6)
    elif kind == "barh":
        bars = ax.barh(labels[::-1], values[::-1], color=color, height=0.6)
    elif kind == "line":
        ax.plot(labels, values, color=color, marker="o")
        bars = None
    else:
        ax.pie(values, labels=labels, colors=SERIES_COLORS[: len(values)], autopct=lambda p: fmt_percent(p / 100),
               startangle=90, counterclock=False, textprops={"fontsize": 8})
        ax.axis("equal")
        return
    if show_labels and bars is not None:
        ax.bar_label(bars, labels=[fmt_number(v) for v in (values[::-1] if kind == "barh" else values)],
                     padding=2, fontsize=8)
    ax.margins(y=0.12) if kind != "barh" else ax.margins(x=0.12)
