"""The images of a brief's figures: files the content names, and every declared chart, drawn
by a job of the build's scheduler while the build goes on (``FigureImages``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from briefgen.cache.paths import is_regular, system_errors
from briefgen.errors import BriefError
from briefgen.imagefile import check_image
from briefgen.ir import SourceLoc
from briefgen.project import Project
from briefgen.schedule import Scheduler, Task
from briefgen.theme import Theme


class FigureImages:
    """Figures' images: files the content names, and every declared chart.

    All declared charts are planned (a bad spec is an error even when no figure uses it) and
    drawn from the end of the statistics on, before the content says which it uses: a declared
    chart is almost always used, and waiting for the markup would serialise the drawing after
    the reading. ``planned`` is the pixel size of each chart file still to draw, known before
    it is drawn.
    """

    def __init__(self, project: Project, theme: Theme, chart_dir: Path, scheduler: Scheduler) -> None:
        self.project, self.theme, self.chart_dir = project, theme, chart_dir
        self.scheduler = scheduler
        self.chart_files: dict[str, Path] = {}
        self.planned: dict[Path, tuple[int, int]] = {}
        self.drawing: Task[None] | None = None
        self.plan = scheduler.mailbox()
        self.planned_all = False  # the drawing job has its charts
        if project.charts:  # the drawing job imports matplotlib while this process loads the data
            self.drawing = scheduler.submit(partial(_draw, self.plan.take, theme, project.root, chart_dir))

    def plan_charts(self, statistics: dict[str, Any]) -> None:
        """Check every declared chart, decide its file and start drawing those not there yet."""
        from briefgen.charts.render import plan_chart

        project = self.project
        jobs = [plan_chart(name, spec, statistics, self.theme, self.chart_dir,
                           project.config_file) for name, spec in project.charts.items()]
        self.chart_files = {job.spec.name: job.path for job in jobs}
        todo = list({job.path: job for job in jobs if not is_regular(job.path)}.values())
        self.planned = {job.path: job.pixels() for job in todo}
        self.plan.put(todo)
        self.planned_all = True

    def wait(self) -> None:
        """Return once every chart is drawn; a failed chart (the first in the list) is raised,
        by this call and every later one."""
        if self.drawing is not None and self.planned_all:
            self.scheduler.wait_for(self.drawing)

    def wait_for(self, path: Path) -> None:
        """Return once the chart file ``path`` is drawn (the PDF's final pass, figure by
        figure); a failed chart is raised as by ``wait()``."""
        if self.drawing is not None and self.planned_all:
            self.scheduler.wait_until(self.drawing, path.exists)

    def resolve(self, params: dict[str, str], loc: SourceLoc) -> Path:
        """The file of one figure (a chart's file may not exist until ``wait()``)."""
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
        try:
            check_image(image, float(params.get("width", "0.9")), self.theme)  # the reader's default
        except ValueError as reason:
            raise BriefError(f"image '{params['image']}' {reason}", source=loc.file, line=loc.line) from None
        return image


def _draw(planned: Callable[[], list[Any]], theme: Theme, root: Path, chart_dir: Path) -> None:
    """The chart job: draw the planned charts; a full disk or another OSError is a BriefError
    naming the charts' folder (an OSError cannot leave a job as one)."""
    from briefgen.charts.render import draw_planned

    with system_errors(root, chart_dir):
        draw_planned(planned, theme)
