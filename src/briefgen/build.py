"""One build: project → data → statistics → template → markup → document → DOCX and PDF.

Outputs are written to temporary files next to their targets and renamed into place only
when every format succeeded, so a failed build leaves earlier outputs untouched.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.charts.render import render_chart
from briefgen.data import load_datasets
from briefgen.errors import BriefError
from briefgen.ir import Document, SourceLoc
from briefgen.korean.josa import Josa
from briefgen.markup.reader import read_markup
from briefgen.numbering import number_document
from briefgen.project import Project, load_project
from briefgen.stats import compute_statistics
from briefgen.template.render import Namespace, render_content
from briefgen.theme import Theme, load_theme

CACHE_DIR = ".briefgen-cache"


@dataclass
class BuildResult:
    """What a build produced (paths, page count, warnings, timing)."""

    outputs: dict[str, Path]
    pages: int
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    document: Document | None = None
    statistics: dict[str, Any] = field(default_factory=dict)
    markup: str = ""


@dataclass
class Prepared:
    """A project read up to the numbered document (no files written but chart PNGs)."""

    project: Project
    theme: Theme
    document: Document
    statistics: dict[str, Any]
    markup: str
    warnings: list[str]


def prepare(path: Path) -> Prepared:
    """Load the project, compute statistics, render and read the content, number it."""
    project = load_project(path)
    try:
        return _prepare(project)
    except BriefError as error:
        raise project.locate(error) from None


def _prepare(project: Project) -> Prepared:
    theme = load_theme(project.theme, project.root)
    datasets = load_datasets(project.data, project.root, project.config_file)
    statistics = compute_statistics(project.statistics, datasets, project.config_file)
    josa = Josa(project.readings)
    context = {
        "stats": Namespace("statistic", statistics),
        "facts": Namespace("fact", project.facts),
        "meta": {
            "title": project.meta.title,
            "report_number": project.meta.report_number,
            "date": project.meta.date,
            "data_snapshot": project.data_snapshot,
        },
    }
    markup = render_content(project.content, project.root, context, josa)
    content_name = project.content.relative_to(project.root).as_posix()
    resolve = _image_resolver(project, statistics, theme)
    parts = read_markup(markup, content_name, resolve)
    document = Document(
        meta=project.meta,
        summary=parts.summary,
        executive_summary=parts.executive_summary,
        chapters=parts.chapters,
        footnotes=parts.footnotes,
        references=parts.references,
    )
    if not document.chapters:
        raise BriefError("the content has no chapter ('# 제목' heading)", source=content_name)
    warnings = parts.warnings + number_document(document, theme)
    return Prepared(project, theme, document, statistics, markup, warnings)


def _image_resolver(project: Project, statistics: dict[str, Any], theme: Theme
                    ) -> Callable[[dict[str, str], SourceLoc], Path]:
    chart_dir = project.root / CACHE_DIR / "charts"

    def resolve(params: dict[str, str], loc: SourceLoc) -> Path:
        if "chart" in params:
            name = params["chart"]
            if name not in project.charts:
                known = ", ".join(sorted(project.charts)) or "none declared"
                raise BriefError(f"unknown chart '{name}' (charts: {known})", source=loc.file, line=loc.line)
            return render_chart(name, project.charts[name], statistics, theme, chart_dir, project.config_file)
        image = project.inside(params["image"], "content")
        if not image.is_file():
            raise BriefError(f"image '{params['image']}' not found", source=loc.file, line=loc.line)
        if image.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            raise BriefError(f"image '{params['image']}' must be PNG or JPEG", source=loc.file, line=loc.line)
        return image

    return resolve


def build(path: Path, formats: tuple[str, ...] | None = None) -> BuildResult:
    """Build the project at ``path``; write all outputs atomically into its output folder."""
    started = time.perf_counter()
    prepared = prepare(path)
    project = prepared.project
    wanted = formats or project.formats
    project.output_dir.mkdir(parents=True, exist_ok=True)
    targets = {fmt: project.output_dir / f"{project.output_name}.{fmt}" for fmt in wanted}
    temps = {fmt: target.with_name(f".{target.name}.tmp") for fmt, target in targets.items()}
    pages = 0
    try:
        page_of: dict[str, int] | None = None
        if "pdf" in temps:
            from briefgen.writers.pdf import write_pdf

            pdf = write_pdf(prepared.document, prepared.theme, temps["pdf"])
            pages, page_of = pdf.pages, pdf.page_of
        if "docx" in temps:
            from briefgen.writers.docx import write_docx

            write_docx(prepared.document, prepared.theme, temps["docx"], page_of=page_of)
        for fmt, temp in temps.items():
            os.replace(temp, targets[fmt])
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
    return BuildResult(
        outputs=targets,
        pages=pages,
        warnings=prepared.warnings,
        seconds=time.perf_counter() - started,
        document=prepared.document,
        statistics=prepared.statistics,
        markup=prepared.markup,
    )
