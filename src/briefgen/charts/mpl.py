"""The matplotlib classes the charts are drawn with, imported without building help text.

When an Artist subclass is defined, matplotlib writes the docstring of its ``set()`` from
every property setter (``matplotlib.artist.kwdoc``, which reads all their docstrings): about
85 ms of the ~0.3 s a chart process spends importing matplotlib before its first chart, for
text that no chart reads. ``kwdoc`` is replaced by an empty one while the drawing modules
load and put back afterwards; only those docstrings differ, never a drawing.
"""

from __future__ import annotations

import matplotlib.artist

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

__all__ = ["Axes", "Figure", "Formatter", "MaxNLocator", "SharedCanvas", "TightLayoutEngine"]


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
