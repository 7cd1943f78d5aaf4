"""Where a build's time goes, process by process: one line per event (stage, chart drawn, PDF
layout pass, wait for a chart, writer), with the time since build() started and the process.

    python benchmarks/timeline.py example        # the example brief, cold per-user cache
    python benchmarks/timeline.py 50 --warm-cache
    python benchmarks/timeline.py 500
    python benchmarks/timeline.py example --watch  # a rebuild as `briefgen watch` does it

Both cores are busy for most of a build; a timeline shows which process a build waits for.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from run import CSV, copy_example, move_row
from synthetic import Spec, write_project

STARTED = [time.perf_counter()]


def mark(event: str) -> None:
    """Print ``event`` with the seconds since the build started and this process's id."""
    print(f"{time.perf_counter() - STARTED[0]:7.3f}  {os.getpid():>7}  {event}", flush=True)


def traced(owner: Any, name: str, label: Callable[..., str]) -> None:
    """Mark the start and end of every call of ``owner.name``."""
    original = getattr(owner, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        mark(f"{label(*args, **kwargs)} …")
        try:
            return original(*args, **kwargs)
        finally:
            mark(f"… {label(*args, **kwargs)}")

    setattr(owner, name, call)


def trace_build() -> None:
    """Wrap the build's charts, PDF passes, waits for charts and writers."""
    import briefgen.writers.docx as docx
    import briefgen.writers.html as html
    import briefgen.writers.hwpx as hwpx
    from briefgen.charts.render import ChartJob
    from briefgen.figures import FigureImages
    from briefgen.writers.pdf.pages import BriefDocTemplate

    traced(ChartJob, "draw", lambda job, theme: f"chart {job.spec.name}")
    traced(BriefDocTemplate, "build", lambda doc, flowables, canvasmaker, **_: f"PDF pass ({canvasmaker.__name__})")
    traced(FigureImages, "wait", lambda images: "waits for the charts")
    traced(FigureImages, "wait_for", lambda images, path: f"PDF waits for {path.name[:12]}")
    for module, name in ((docx, "write_docx"), (html, "write_html"), (hwpx, "write_hwpx")):
        traced(module, name, lambda *args, name=name, **kwargs: name)


def project(kind: str, work: Path) -> Path:
    """A fresh copy of the example, or a synthetic brief of about 50 or 500 pages."""
    if kind == "example":
        return copy_example(work / "brief")
    spec = Spec() if kind == "50" else Spec(paragraphs=3000, footnotes=400, tables=100, charts=50)
    write_project(work / "brief", spec)
    return work / "brief"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=("example", "50", "500"))
    parser.add_argument("--warm-cache", action="store_true", help="keep the per-user cache (default: empty)")
    parser.add_argument("--watch", action="store_true", help="build, warm up, change a row, time the rebuild")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefgen-timeline-") as tmp:
        work = Path(tmp)
        if not args.warm_cache:
            os.environ["BRIEFGEN_CACHE_DIR"] = str(work / "user-cache")
        root = project(args.kind, work)
        from briefgen.build import build
        from briefgen.cli import tune_process

        tune_process()  # as the `briefgen` command's process
        if args.watch:
            from briefgen.regen.watch import warm_process

            build(root)
            warm_process()
            if args.kind == "example":
                move_row(root / CSV, "Acme")
        trace_build()
        STARTED[0] = time.perf_counter()
        result = build(root, force=not args.watch, step=lambda stage: mark(f"stage {stage}"))
        mark(f"done: {result.pages} pages, reused {', '.join(result.cached) or 'nothing'}")


if __name__ == "__main__":
    main()
