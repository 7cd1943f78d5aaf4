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
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import TightLayoutEngine
    from matplotlib.ticker import Formatter, MaxNLocator
finally:
    matplotlib.artist.kwdoc = _kwdoc

__all__ = ["Axes", "FigureCanvasAgg", "Figure", "Formatter", "MaxNLocator", "TightLayoutEngine"]
