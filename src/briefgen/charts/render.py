"""Charts declared in brief.yaml, drawn with matplotlib in the house Korean font (S30).

Spec (``charts.NAME``, see docs/reference.md "Charts")::

    type: bar | barh | line | pie | donut | stacked_bar | stacked_barh
    stat: by_year            # a counts-like statistic, or a crosstab (stacked_*, line)
    value: count             # count | share | rate | change | cumulative | value
    xlabel: / ylabel:        # optional axis titles
    labels: true             # value labels
    label_format: num        # num | pct | count (default: pct for share/rate values)
    digits: 0                # decimals of the labels
    top: 10                  # only the first n items of a counts statistic
    size: [16, 8]            # centimetres
    color: "#006A42"         # a single-series chart's colour (default: the theme's first)
    series_colors: {적중: positive, 빗나감: negative}  # by label: #RRGGBB or a theme colour

Output is byte-identical for the same spec, data and theme: an RGB PNG without Software/time
metadata, SVG with fixed ids (``svg.hashsalt``) and no date.
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.cache.paths import is_regular, temp_beside
from briefgen.cache.user import user_key
from briefgen.charts.spec import CHART_KEYS, CHART_TYPES, DPI, ChartSpec, parse_spec
from briefgen.charts.values import ChartData, chart_data
from briefgen.theme import Theme

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.figure import Figure

__all__ = ["CHART_KEYS", "CHART_TYPES", "FORMATS", "ChartJob", "chart_path", "draw_charts", "draw_planned",
           "plan_chart", "render_chart", "save_chart"]

FORMATS = ("png", "svg")
#: Bumped when the drawing changes, so cached charts are redrawn.
RENDER_VERSION = 4


def chart_path(spec: ChartSpec, data: ChartData, out_dir: Path, theme: Theme | None = None,
               fmt: str = "png") -> Path:
    """Where a chart lives: named by a hash of what is drawn (the checked spec and the values),
    the theme's colours and font, keyed with this user's secret (a chart file in a project
    folder someone sends is never taken for one of this user's). A data change that leaves the
    drawn values alone (another row in the statistic's provenance, an item beyond ``top``)
    keeps the file."""
    look = {"colors": theme.data.get("colors"), "font": theme.font("body")} if theme else None
    payload = json.dumps({"spec": asdict(spec), "data": asdict(data), "look": look, "version": RENDER_VERSION},
                         sort_keys=True, default=str)
    digest = user_key(payload)[:32]
    return out_dir / f"{spec.name}-{digest}.{fmt}"


@dataclass(frozen=True)
class ChartJob:
    """A checked chart, the values it draws and the file it is drawn to.

    It holds no statistic, so a drawing process that receives it (pickled) imports neither
    the statistics package nor pandas.
    """

    spec: ChartSpec
    data: ChartData
    path: Path
    config_file: str

    def draw(self, theme: Theme) -> None:
        """Draw the chart to ``path`` (see ``save_chart``)."""
        save_chart(self.spec, self.data, theme, self.path, self.config_file)

    def pixels(self) -> tuple[int, int]:
        """The pixel size the PNG will have, before it is drawn: its size in centimetres at
        ``DPI``, truncated as matplotlib's Agg canvas does."""
        width_cm, height_cm = self.spec.size
        return int(width_cm / 2.54 * DPI), int(height_cm / 2.54 * DPI)


def draw_planned(planned: Callable[[], list[ChartJob]], theme: Theme) -> None:
    """Import matplotlib, then draw the charts ``planned()`` returns (a job started before
    the statistics exist waits there for them)."""
    import briefgen.charts.draw  # noqa: F401

    draw_charts(planned(), theme)


def draw_charts(jobs: list[ChartJob], theme: Theme) -> None:
    """Draw ``jobs`` in order; the first failing chart raises (each is drawn alone, so each
    file is the same whatever else is drawn)."""
    for job in jobs:
        job.draw(theme)


def plan_chart(name: str, spec: dict[str, Any], stats: dict[str, Any], theme: Theme, out_dir: Path,
               config_file: str, fmt: str = "png") -> ChartJob:
    """Check chart ``name`` and decide its file (named by spec, data and theme); draw nothing."""
    if fmt not in FORMATS:
        raise ValueError(f"chart format must be one of {FORMATS}, not {fmt!r}")
    checked = parse_spec(name, spec, stats, config_file)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = chart_data(checked, stats[checked.stat])
    return ChartJob(checked, data, chart_path(checked, data, out_dir, theme, fmt), config_file)


def render_chart(name: str, spec: dict[str, Any], stats: dict[str, Any], theme: Theme, out_dir: Path,
                 config_file: str, fmt: str = "png") -> Path:
    """Draw chart ``name`` as PNG (300 dpi) or SVG, unless already drawn for the same spec,
    data and theme, and return the file."""
    job = plan_chart(name, spec, stats, theme, out_dir, config_file, fmt)
    if not is_regular(job.path):
        job.draw(theme)
    return job.path


def save_chart(spec: ChartSpec, data: ChartData, theme: Theme, path: Path, config_file: str = "brief.yaml") -> None:
    """Draw ``data`` as ``spec`` and write it to ``path`` (``.png`` or ``.svg``) atomically."""
    from briefgen.charts.draw import draw_chart
    from briefgen.charts.style import chart_style

    fmt = path.suffix.lstrip(".")
    temp = temp_beside(path)  # a new file: never a symlink planted in the folder
    try:
        with chart_style(theme):
            fig = draw_chart(spec, data, theme, config_file)
            if fmt == "png":
                _write_png(fig, temp, DPI)
            else:
                fig.savefig(temp, format=fmt, metadata={"Date": None, "Creator": None})
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)


def _write_png(fig: Figure, path: Path, dpi: int) -> None:
    """``fig`` as an opaque RGB PNG with no metadata but its dpi (call inside ``chart_style``).

    Matplotlib draws RGBA; the charts are white, so the alpha channel carries nothing but
    costs encoding time, file size and, in the PDF writer, a separate mask. The PNG is
    written here rather than by Pillow, whose filter choice (all five PNG filters tried on
    every row) costs as much as the compression: each row is filtered with "up" or, where
    that leaves more non-zero bytes (on a sample of them), "sub", and compressed with zlib's
    RLE strategy, which suits flat-coloured charts: faster than Pillow, for slightly more
    bytes.
    """
    import numpy as np
    from PIL import Image

    fig.dpi = dpi  # as savefig(dpi=...) does
    fig.canvas.draw()
    canvas: Any = fig.canvas  # an Agg canvas (``draw_chart`` attaches one)
    rgba = canvas.buffer_rgba()  # rows × columns × 4
    height, width = rgba.shape[:2]
    rgb = Image.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1).tobytes("raw", "RGB")
    rows = np.frombuffer(rgb, np.uint8).reshape(height, width * 3)
    deflate = zlib.compressobj(6, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    idat = deflate.compress(_filtered(rows).data) + deflate.flush()
    per_metre = int(dpi / 0.0254 + 0.5)
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))  # 8-bit RGB
        out.write(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
        out.write(_chunk(b"IDAT", idat))
        out.write(_chunk(b"IEND", b""))


def _filtered(rows: np.ndarray) -> np.ndarray:
    """PNG scanlines of 8-bit RGB ``rows``: each led by its filter type, "up" (2) or "sub" (1),
    whichever leaves fewer non-zero bytes in every 7th byte (a sample across all channels)."""
    import numpy as np

    height, length = rows.shape
    lines = np.empty((height, length + 1), np.uint8)
    lines[:, 0] = 2
    body = lines[:, 1:]
    body[0] = rows[0]  # the row above the first is zeros
    np.subtract(rows[1:], rows[:-1], out=body[1:])
    busy_up = np.count_nonzero(body[:, ::7], axis=1)
    busy = np.flatnonzero(busy_up)  # an all-zero "up" row cannot be beaten
    left = rows[busy]
    sub = np.empty_like(left)
    sub[:, :3] = left[:, :3]  # the pixel left of the first is zeros
    np.subtract(left[:, 3:], left[:, :-3], out=sub[:, 3:])
    better = np.count_nonzero(sub[:, ::7], axis=1) < busy_up[busy]
    body[busy[better]] = sub[better]
    lines[busy[better], 0] = 1
    return lines


def _chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
