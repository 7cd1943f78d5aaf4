"""Chart look from the theme: the body font (pinned to its TTF file), colours, rcParams (S30, S45)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
from matplotlib.rcsetup import cycler

from briefgen.charts.spec import DPI
from briefgen.compat.matplotlib import pin_font
from briefgen.errors import BriefError
from briefgen.fonts import font_path
from briefgen.theme import Theme

FONT_SIZE = 9
LABEL_SIZE = 8
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def palette(theme: Theme) -> list[str]:
    """Series colours: theme ``colors.chart_series`` (a list of ``#RRGGBB``; first = primary)."""
    colors = theme.data.get("colors", {}).get("chart_series")
    if not isinstance(colors, list) or not colors or not all(isinstance(c, str) and _HEX.match(c) for c in colors):
        raise BriefError(f"colors.chart_series must be a list of '#RRGGBB' colours, not {colors!r}",
                         source="theme")
    return colors


def labelled_palette(theme: Theme, named: tuple[tuple[str, str], ...], labels: list[str],
                     key: str, config_file: str) -> list[str]:
    """One colour per label in drawing order: the colour ``named`` gives the label (a
    ``#RRGGBB`` or a theme colour such as ``negative``), else the series colour of its place;
    a BriefError at ``key`` for a name the theme lacks. A named label the data does not have
    (no partly-right verdict this year) is no error: the next snapshot may have it."""
    base = palette(theme)
    theme_colors = theme.data.get("colors", {})
    chosen: dict[str, str] = {}
    for label, colour in named:
        if not colour.startswith("#"):
            found = theme_colors.get(colour)
            if not isinstance(found, str) or not _HEX.match(found):
                known = ", ".join(k for k, v in theme_colors.items() if isinstance(v, str))
                raise BriefError(f"series_colors: '{colour}' is not a colour of the theme (colours: "
                                 f"{known})", source=config_file, key=key)
            colour = found
        chosen[label] = colour.upper()
    return [chosen.get(label, base[i % len(base)]) for i, label in enumerate(labels)]


@cache
def register_font(path: str) -> str:
    """Make ``path`` the font matplotlib finds for its family name (once per file and
    process: charts are drawn in the chart process) and return that name."""
    return pin_font(path)


@contextmanager
def chart_style(theme: Theme) -> Iterator[None]:
    """rcParams of every chart: body font only, ASCII minus, no top/right spine, fixed SVG ids."""
    family = register_font(str(font_path(theme.font("body"))))
    rc: dict[Any, Any] = {
        "font.family": [family],
        "font.size": FONT_SIZE,
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": cycler(color=palette(theme)),
        "legend.frameon": False,
        "legend.fontsize": LABEL_SIZE,
        "savefig.dpi": DPI,
        "svg.hashsalt": "briefgen",
        "svg.fonttype": "path",
        "path.simplify": True,
    }
    with matplotlib.rc_context(rc):
        yield
