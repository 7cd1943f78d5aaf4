"""The images of a brief's figures: files the content names, and every declared chart, drawn
by a second process while the build goes on (``FigureImages``)."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefError
from briefgen.ir import SourceLoc
from briefgen.project import Project
from briefgen.theme import Theme

if TYPE_CHECKING:
    from briefgen.charts.batch import ChartBatch


class FigureImages:
    """Figures' images: files the content names, and every declared chart.

    All declared charts are planned (a bad spec is an error even when no figure uses it) and
    drawn from the end of the statistics on, before the content says which it uses: a declared
    chart is almost always used, and waiting for the markup would serialise the drawing after
    the reading. ``charts`` is the drawing (a child process forked by ``get_ready``);
    ``planned`` is each chart file's pixel size, known before it is drawn.
    """

    def __init__(self, project: Project, theme: Theme, chart_dir: Path) -> None:
        self.project, self.theme, self.chart_dir = project, theme, chart_dir
        self.chart_files: dict[str, Path] = {}
        self.planned: dict[Path, tuple[int, int]] = {}
        self.charts: ChartBatch | None = None
        self._drawn = False
        self._failure: BriefError | None = None

    def get_ready(self) -> None:
        """Fork the process that will draw the charts (it imports matplotlib meanwhile), with
        numpy imported first: both processes need it, so it is imported once."""
        import numpy  # noqa: F401

        from briefgen.charts.batch import ChartBatch

        self.charts = ChartBatch(self.theme, parallel=bool(self.project.charts))

    def plan_charts(self, statistics: dict[str, Any]) -> None:
        """Check every declared chart, decide its file and start drawing it."""
        from briefgen.charts.batch import planned_pixels
        from briefgen.charts.render import plan_chart

        project = self.project
        jobs = [plan_chart(name, spec, statistics, self.theme, self.chart_dir,
                           project.config_file) for name, spec in project.charts.items()]
        self.chart_files = {job.spec.name: job.path for job in jobs}
        self.planned = {job.path: planned_pixels(job) for job in jobs}
        self._batch().start(jobs)

    def still_drawing(self) -> bool:
        """Whether some planned chart had no file yet when the drawing started."""
        return not self._drawn and self.charts is not None and bool(self.charts.todo)

    def finish(self) -> None:
        """Wait until every chart is drawn; a failed chart (the first in the list) is raised,
        by this call and every later one."""
        if self._failure is not None:
            raise self._failure
        if not self._drawn:
            try:
                self._batch().finish()
            except BriefError as error:
                self._failure = error
                raise
            self._drawn = True

    def wait_for(self, path: Path) -> None:
        """Wait until the chart file ``path`` is drawn (the PDF's final pass, figure by
        figure); a failed chart is raised as by ``finish``."""
        if self._failure is not None:
            raise self._failure
        if not self._drawn:
            try:
                self._batch().wait_for(path)
            except BriefError as error:
                self._failure = error
                raise

    def all_drawn(self) -> bool:
        """Whether every chart file exists (drawn, or there before)."""
        return self._drawn or all(path.exists() for path in self.planned)

    def resolve(self, params: dict[str, str], loc: SourceLoc) -> Path:
        """The file of one figure (a chart's file may not exist until ``charts.finish()``)."""
        project = self.project
        if "chart" in params:
            name = params["chart"]
            if name not in self.chart_files:
                known = ", ".join(sorted(project.charts)) or "none declared"
                raise BriefError(f"unknown chart '{name}' (charts: {known})", source=loc.file, line=loc.line)
            return self.chart_files[name]
        try:
            image = project.inside(params["image"], "content")
        except BriefError as error:  # name the figure's line, not brief.yaml's content key
            raise BriefError(error.message, source=loc.file, line=loc.line) from None
        if not image.is_file():
            raise BriefError(f"image '{params['image']}' not found", source=loc.file, line=loc.line)
        if image.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise BriefError(f"image '{params['image']}' must be PNG or JPEG", source=loc.file, line=loc.line)
        return image

    def __enter__(self) -> FigureImages:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop the chart drawing if the build failed."""
        if self.charts is not None:
            self.charts.__exit__(kind, error, tb)

    def _batch(self) -> ChartBatch:
        if self.charts is None:
            raise RuntimeError("charts used before get_ready()")
        return self.charts
