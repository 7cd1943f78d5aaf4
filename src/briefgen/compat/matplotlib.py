"""matplotlib internals briefgen relies on (tested with matplotlib 3.11; see tests/test_compat_matplotlib.py).

- the drawing classes imported without building help text: when an Artist subclass is
  defined, matplotlib writes the docstring of its ``set()`` from every property setter
  (``matplotlib.artist.kwdoc``, which reads all their docstrings), a large part of a chart
  process's matplotlib import, for text no chart reads. ``kwdoc`` is replaced by an empty one
  while the drawing modules load and put back afterwards; only those docstrings differ;
- ``SharedCanvas``: an Agg canvas that sets ``FigureCanvasAgg``'s private renderer state;
- ``pin_font``: the font manager's list reordered so one file wins its family name.
"""

from __future__ import annotations

import matplotlib.artist
from matplotlib import font_manager

_kwdoc = matplotlib.artist.kwdoc
matplotlib.artist.kwdoc = lambda artist: ""
try:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import TightLayoutEngine
    from matplotlib.ticker import Formatter, MaxNLocator
finally:
    matplotlib.artist.kwdoc = _kwdoc

__all__ = ["Axes", "Figure", "Formatter", "MaxNLocator", "SharedCanvas", "TightLayoutEngine", "pin_font"]


class SharedCanvas(FigureCanvasAgg):
    """An Agg canvas whose renderer is shared by every figure of the same pixel size and dpi.

    Each draw clears the renderer first, so a figure looks the same whichever drew before
    it; what carries over is matplotlib's per-renderer cache of text extents (the same tick
    and category labels recur from chart to chart) and the pixel buffer's allocation.
    """

    _renderers: dict[tuple[int, int, float], RendererAgg] = {}

    def get_renderer(self) -> RendererAgg:
        """The shared renderer of this figure's current pixel size and dpi."""
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        renderer = self._renderers.get(key)
        if renderer is None:
            if len(self._renderers) >= 4:  # charts come in a few sizes; keep memory bounded
                self._renderers.pop(next(iter(self._renderers)))
            renderer = self._renderers[key] = RendererAgg(width, height, self.figure.dpi)
        self.renderer = renderer
        self._lastKey = key
        return renderer


def pin_font(path: str) -> str:
    """Make the TTF at ``path`` the font matplotlib finds for its family name; return that name.

    The file is put first in the font manager's list, so a system-wide copy of the same family
    (e.g. ``~/.local/share/fonts/NanumGothic.ttf``) never wins: every machine draws with the
    TTF that pip installed (same bytes → same output)."""
    manager = font_manager.fontManager
    others = [entry for entry in manager.ttflist if entry.fname != path]
    manager.ttflist = []
    manager.addfont(path)  # also clears findfont's cache
    manager.ttflist.extend(others)
    name: str = font_manager.FontProperties(fname=path).get_name()
    return name
