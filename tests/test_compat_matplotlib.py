"""Contract of briefgen.compat.matplotlib: the matplotlib internals it uses exist and behave
as relied upon. A failure here after an upgrade names the private name that moved."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import matplotlib.artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from briefgen.compat import matplotlib as compat
from briefgen.fonts import font_path


def test_installed_version_is_the_tested_minor() -> None:
    """The pin in pyproject.toml allows only 3.11.x: after moving it, run this file first."""
    assert version("matplotlib").split(".")[:2] == ['3', '11'], version("matplotlib")

def test_kwdoc_is_the_help_text_builder_and_is_put_back() -> None:
    """``kwdoc`` exists, builds the ``set()`` help text, and is matplotlib's own after the
    drawing classes were imported through the compat module (in a fresh process)."""
    assert matplotlib.artist.kwdoc(Text).startswith("Properties:")
    script = ("import matplotlib.artist; kwdoc = matplotlib.artist.kwdoc; "
              "import briefgen.compat.matplotlib as m; "
              "assert matplotlib.artist.kwdoc is kwdoc; "
              "assert 'Properties:' not in (m.Axes.set.__doc__ or '')")
    subprocess.run([sys.executable, "-c", script], check=True)


def test_shared_canvas_shares_one_renderer_per_size() -> None:
    """``FigureCanvasAgg`` keeps its renderer in ``renderer`` and its size key in ``_lastKey``;
    two figures of one size draw with one renderer and give the pixels a fresh canvas does."""
    assert hasattr(FigureCanvasAgg(compat.Figure()), "get_renderer")

    def pixels(shared: bool) -> bytes:
        figure = compat.Figure(figsize=(2, 1), dpi=50)
        canvas = compat.SharedCanvas(figure) if shared else FigureCanvasAgg(figure)
        figure.add_subplot().plot([0, 1], [1, 0])
        canvas.draw()
        assert canvas.renderer is canvas.get_renderer()
        assert canvas._lastKey == (*canvas.get_width_height(physical=True), 50)
        return bytes(canvas.buffer_rgba())

    first = pixels(shared=True)
    assert pixels(shared=True) == first == pixels(shared=False)
    assert len(compat.SharedCanvas._renderers) <= 4


def test_pin_font_makes_the_file_win_its_family() -> None:
    from matplotlib import font_manager

    path = str(font_path("NanumGothic"))
    family = compat.pin_font(path)
    assert family == "NanumGothic"
    assert font_manager.fontManager.ttflist[0].fname == path
    assert font_manager.findfont(font_manager.FontProperties(family=family)) == path
