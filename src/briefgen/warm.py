"""Getting a long-lived process (``briefgen watch``) ready for fast rebuilds."""

from __future__ import annotations

from pathlib import Path

from briefgen.theme import load_theme


def warm_up() -> None:
    """Import every library a build uses, for a long-lived process (``briefgen watch``): the
    chart and writer processes it forks then start with them loaded instead of importing."""
    import briefgen.charts.draw  # noqa: F401 — matplotlib
    import briefgen.data  # noqa: F401 — pandas
    import briefgen.writers.docx  # noqa: F401
    import briefgen.writers.html  # noqa: F401
    import briefgen.writers.hwpx  # noqa: F401
    import briefgen.writers.pdf  # noqa: F401

    _draw_one_chart()


def _draw_one_chart() -> None:
    """Draw a small chart and throw it away: matplotlib's font and text caches are filled here
    once, not in every process a rebuild forks."""
    import tempfile

    from briefgen.charts.render import save_chart
    from briefgen.charts.spec import ChartSpec
    from briefgen.charts.values import ChartData, Series

    spec = ChartSpec("warm_up", "bar", "n", size=(4.0, 3.0))
    with tempfile.TemporaryDirectory(prefix="briefgen-") as folder:
        save_chart(spec, ChartData(["가", "나"], [Series("n", [1, 2])]), load_theme(), Path(folder) / "n.png")
