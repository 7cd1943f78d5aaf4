"""One build: project → data → statistics → template → markup → document → DOCX and PDF.

The work beside the main process goes through one ``Scheduler``: the charts are drawn by a job
(started with the data, handed the charts once they are planned), and the slowest page-less
writer by another while this process lays out the PDF at the charts' planned sizes (its final
pass waits for each chart as it reaches it) and then writes the other formats. Outputs (and the
manifest) are written to temporary files next to their targets and renamed into place only when
every format succeeded, so a failed build leaves earlier outputs untouched. A build whose inputs did not change since the last one
does nothing (``BuildResult.up_to_date``); per-format outputs are cached by the hash of the
document.
Heavy libraries (pandas, matplotlib, reportlab) are imported only when work is needed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from briefgen.cache.inputs import FileHasher, describe_inputs, font_files, sha256_json
from briefgen.cache.lock import build_lock
from briefgen.cache.outputs import OutputCache
from briefgen.cache.paths import is_regular, project_folder, system_errors, temp_beside
from briefgen.errors import BriefError
from briefgen.figures import FigureImages
from briefgen.ir import Document, Figure
from briefgen.params import Setting
from briefgen.project import Project, load_project
from briefgen.record import manifest as mf
from briefgen.schedule import Scheduler
from briefgen.template.claims import Ledger
from briefgen.theme import Theme, load_theme
from briefgen.writers import WriteContext, Written, writer

PAGELESS_FORMATS = ("html", "hwpx", "docx")  # written after the PDF, in this order
BESIDE_PDF = ("hwpx", "docx")  # the first of these to write runs beside the PDF (the slowest)
PAGED_TOC = ("docx", "hwpx")  # page-less formats whose 목차 prints the PDF's page numbers
REPORT_ORDER = ("pdf", "docx", "html", "hwpx")
CACHE_DIR = ".briefgen-cache"

Step = Callable[[str], None]


@dataclass
class BuildResult:
    """What a build produced (paths, page count, warnings, timing, what was reused)."""

    outputs: dict[str, Path]
    pages: int
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    document: Document | None = None
    statistics: dict[str, Any] = field(default_factory=dict)
    markup: str = ""
    manifest: Path | None = None
    up_to_date: bool = False
    cached: list[str] = field(default_factory=list)


@dataclass
class Prepared:
    """A project read up to the numbered document (no files written but chart PNGs)."""

    project: Project
    theme: Theme
    document: Document
    statistics: dict[str, Any]
    markup: str
    warnings: list[str]
    datasets: dict[str, Any] = field(default_factory=dict)
    readings_used: list[str] = field(default_factory=list)
    ledger: Ledger = field(default_factory=Ledger)


def prepare(path: Path, settings: tuple[Setting, ...] = ()) -> Prepared:
    """Load the project (with the parameters' values ``settings``), compute statistics, render
    and read the content, number it, and draw its charts."""
    project = load_project(path, settings)
    try:
        theme = load_theme(project.theme, project.root)
        with Scheduler() as scheduler:
            images = FigureImages(project, theme, cache_folder(project) / "charts", scheduler)
            prepared = _prepare(project, images)
            images.wait()
        return prepared
    except BriefError as error:
        raise project.locate(error) from None


def _prepare(project: Project, images: FigureImages, step: Step | None = None,
             queries: dict[str, Any] | None = None) -> Prepared:
    """Everything up to the numbered document; the charts are still being drawn after it
    (``images.wait()`` waits for them). ``queries``: the query datasets' results, if run."""
    step = step or _quiet
    step("data")
    from briefgen.biblio import Citer, read_bibliography
    from briefgen.contentcheck import content_warnings
    from briefgen.data import load_datasets
    from briefgen.korean.josa import Josa
    from briefgen.markup.reader import read_markup
    from briefgen.numbering import number_document
    from briefgen.stats import compute_statistics
    from briefgen.template.context import template_context
    from briefgen.template.lint import lint_template
    from briefgen.template.render import render_with_lines

    theme = images.theme
    datasets = load_datasets(project.data, project.root, project.config_file, queries)
    statistics = compute_statistics(project.statistics, datasets, project.config_file)
    step("template")
    images.plan_charts(statistics)  # drawn from now on, while the template is rendered
    josa = Josa(project.readings)
    context = template_context(project, statistics, datasets, josa)
    ledger = Ledger()
    markup, origins = render_with_lines(project.content, project.root, context, josa, ledger)
    content_name = project.content.relative_to(project.root).as_posix()
    bibliography = read_bibliography(project.bibliography, project.root) if project.bibliography else None
    parts = read_markup(markup, content_name, images.resolve, origins, Citer(bibliography, josa))
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
    warnings = parts.warnings + number_document(document, theme) + content_warnings(document, content_name)
    warnings += lint_template(project.content.read_text("utf-8"), content_name, statistics)
    return Prepared(project, theme, document, statistics, markup, warnings, datasets,
                    josa.used_readings(), ledger)


def _quiet(stage: str) -> None:
    """A progress callback that reports nothing."""


def build(path: Path, formats: tuple[str, ...] | None = None, *, force: bool = False,
          step: Step | None = None, settings: tuple[Setting, ...] = ()) -> BuildResult:
    """Build the project at ``path`` with the parameters' values ``settings`` (the others at
    their defaults); write all outputs and the manifest atomically.

    Unless ``force``, a build whose inputs and outputs match the last manifest returns at
    once with ``up_to_date=True``. ``step`` is called with each stage's name (progress).
    """
    started = time.perf_counter()
    step = step or _quiet
    project = load_project(path, settings)
    try:
        # one build of a brief at a time; a full disk or a read-only folder is a located error
        with system_errors(project.root, project.output_dir), build_lock(project.root, cache_name(project)):
            return _build(project, tuple(formats or project.formats), force, step, started)
    except BriefError as error:
        raise project.locate(error) from None


def _build(project: Project, wanted: tuple[str, ...], force: bool, step: Step,
           started: float) -> BuildResult:
    cache_dir = cache_folder(project)
    hasher = FileHasher(cache_dir)
    theme = load_theme(project.theme, project.root)
    fonts = font_files(theme.data.get("fonts", {}))
    project.formats = wanted
    targets = _targets(project)
    manifest_file = mf.manifest_path(project.output_dir, project.output_name)
    shown = manifest_file.relative_to(project.root).as_posix()
    old, ignored = mf.read_previous(manifest_file, shown)  # a damaged one counts as absent
    step("check")
    queries = _run_queries(project)  # a query's result is an input, like a file's bytes
    if not force and old is not None:
        images = [project.root / f["path"] for f in old["inputs"]["files"].get("images", [])]
        digests = {result.label: result.sha256 for result in queries.values()}
        inputs = describe_inputs(project, hasher, images, fonts, digests)
        if _unchanged(old, inputs, targets, hasher):
            hasher.save()
            return BuildResult(
                outputs=targets, pages=_pages(old), warnings=list(old.get("warnings", [])),
                seconds=time.perf_counter() - started,
                manifest=manifest_file, up_to_date=True, cached=list(wanted),
            )
    with Scheduler() as scheduler:
        figures = FigureImages(project, theme, cache_dir / "charts", scheduler)
        prepared = _prepare(project, figures, step, queries)
        try:
            result = _write_outputs(prepared, figures, old, hasher, step, started)
        except BriefError:
            figures.wait()  # a failed chart is reported first, as when it was awaited first
            raise
    if ignored:  # this build's news only: the new manifest does not repeat it
        result.warnings = [ignored, *result.warnings]
    return result


def cache_name(project: Project) -> str:
    """The brief's cache folder, relative to the project: ``.briefgen-cache``, or for a project
    with parameters ``.briefgen-cache/briefs/NAME`` (each brief of a series has its own cache
    and lock, so they build side by side)."""
    return f"{CACHE_DIR}/briefs/{project.output_name}" if project.declared else CACHE_DIR


def cache_folder(project: Project) -> Path:
    """The brief's cache folder (``cache_name``); BriefError if it, ``out/`` or ``charts/`` is
    a symlink or a file (the cache never leads out of the project)."""
    for sub in ("out", "charts"):
        project_folder(project.root, f"{cache_name(project)}/{sub}")
    return project.root / cache_name(project)


def _run_queries(project: Project) -> dict[str, Any]:
    """Run the project's query datasets (``data.NAME.sql``), if it has any (name → result)."""
    if not any(isinstance(body, dict) and "sql" in body for body in project.data.values()):
        return {}  # no import of pandas or SQLAlchemy for an up-to-date build
    from briefgen.data.sql import run_queries

    return run_queries(project.data, project.root, project.config_file)


def _targets(project: Project) -> dict[str, Path]:
    """The output file of each wanted format."""
    return {fmt: project.output_dir / f"{project.output_name}.{fmt}" for fmt in project.formats}


def _write_outputs(prepared: Prepared, figures: FigureImages, old: dict[str, Any] | None,
                   hasher: FileHasher, step: Step, started: float) -> BuildResult:
    """Write every format and the manifest (the charts may still be being drawn)."""
    project, theme, document = prepared.project, prepared.theme, prepared.document
    cache_dir = cache_folder(project)
    fonts = font_files(theme.data.get("fonts", {}))
    targets = _targets(project)
    manifest_file = mf.manifest_path(project.output_dir, project.output_name)
    images = sorted({b.image for b in _figures(document)
                     if not b.image.is_relative_to(cache_dir.resolve())}
                    | ({theme.cover_logo} if theme.cover_logo else set()))  # the cover's logo too
    digests = {d.path: d.digest for d in prepared.datasets.values() if d.digest}
    inputs = describe_inputs(project, hasher, images, fonts, digests)
    outputs_cache = OutputCache(cache_dir / "out")
    doc_key = sha256_json({
        "document": _document_data(document),
        "theme": theme.data,
        "inputs": [inputs["files"].get(g, []) for g in ("fonts", "images")],
        "code": inputs["briefgen"],
    })
    project.output_dir.mkdir(parents=True, exist_ok=True)
    temps = {fmt: temp_beside(target) for fmt, target in targets.items()}
    manifest_temp = temp_beside(manifest_file)
    try:
        pages, cached = _write_formats(document, theme, temps, doc_key, outputs_cache, step, figures)
        step("manifest")
        outputs: dict[str, dict[str, Any]] = {
            fmt: {"path": targets[fmt].name, "sha256": hasher.bytes_hash(temps[fmt]),
                  **({"pages": pages} if fmt == "pdf" else {})}
            for fmt in temps
        }
        seconds = time.perf_counter() - started
        manifest = _manifest(prepared, inputs, outputs, seconds, cached)
        stale = mf.stale_snapshots(old, manifest)
        prepared.warnings.extend(stale)
        manifest["warnings"].extend(stale)
        manifest_temp.write_text(mf.dumps(manifest), "utf-8")
        for fmt, temp in temps.items():
            os.replace(temp, targets[fmt])
            hasher.remember(targets[fmt], outputs[fmt]["sha256"])
        if old is not None and mf.report_hash(old) != mf.report_hash(manifest):
            os.replace(manifest_file, mf.previous_path(project.output_dir, project.output_name))
        os.replace(manifest_temp, manifest_file)
    finally:
        for temp in [*temps.values(), manifest_temp]:
            temp.unlink(missing_ok=True)
    outputs_cache.prune()
    hasher.save()
    return BuildResult(
        outputs=targets,
        pages=pages,
        warnings=prepared.warnings,
        seconds=time.perf_counter() - started,
        document=document,
        statistics=prepared.statistics,
        markup=prepared.markup,
        manifest=manifest_file,
        cached=cached,
    )


def _write_formats(document: Document, theme: Theme, temps: dict[str, Path], doc_key: str,
                   outputs_cache: OutputCache, step: Step, images: FigureImages) -> tuple[int, list[str]]:
    """Write every wanted format to its temp file, reusing cached outputs. The PDF is laid out
    here while the charts are drawn; the slowest page-less writer runs beside it as a job that
    waits for the charts, then for the PDF's page numbers; this process writes the rest after
    the PDF. Returns the page count and the formats taken from the cache."""
    scheduler, cached = images.scheduler, []
    pdf = Written()
    info = outputs_cache.fetch(f"{doc_key}.pdf", temps["pdf"]) if "pdf" in temps else None
    if info is not None:
        cached.append("pdf")
        pdf = Written(info["pages"], info["page_of"])
    laying_out = "pdf" in temps and info is None
    writes = []
    for fmt in (f for f in PAGELESS_FORMATS if f in temps):
        waits_for_pages = fmt in PAGED_TOC and laying_out  # its key holds the page numbers
        key = f"{_output_key(fmt, doc_key, pdf.page_of)}.{fmt}"
        if waits_for_pages or outputs_cache.fetch(key, temps[fmt]) is None:
            writes.append(fmt)
        else:
            cached.append(fmt)
    pages = scheduler.mailbox()
    if laying_out:  # the PDF writer and its fonts are loaded once, before the job beside forks
        from briefgen.writers.pdf.fonts import register_fonts

        writer("pdf")
        register_fonts(theme).load_subsetting()
    beside = next((f for f in BESIDE_PDF if f in writes), None) if laying_out else None
    job = None
    if beside is not None:
        job = scheduler.submit(partial(_write_beside, beside, document, theme, temps[beside],
                                       images, pages.take))
    if laying_out:
        step("pdf")
        context = WriteContext(planned=images.planned, image_ready=images.wait_for)
        pdf = writer("pdf")(document, theme, temps["pdf"], context)
        outputs_cache.store(f"{doc_key}.pdf", temps["pdf"], {"pages": pdf.pages, "page_of": pdf.page_of})
    pages.put(pdf.page_of)
    images.wait()
    for fmt in writes:
        step(fmt)
        if fmt != beside:
            writer(fmt)(document, theme, temps[fmt], WriteContext(page_of=pages.take))
    if job is not None:
        scheduler.wait_for(job)
    for fmt in writes:
        outputs_cache.store(f"{_output_key(fmt, doc_key, pdf.page_of)}.{fmt}", temps[fmt], {})
    return pdf.pages, [f for f in REPORT_ORDER if f in cached]


def _write_beside(fmt: str, document: Document, theme: Theme, target: Path, images: FigureImages,
                  page_of: Callable[[], dict[str, int] | None]) -> None:
    """The job beside the PDF: import the writer, wait for the charts, write (the 목차 waits
    for the PDF's page numbers)."""
    write = writer(fmt)
    images.wait()
    with system_errors(images.project.root, target.parent):  # an OSError cannot leave a job
        write(document, theme, target, WriteContext(page_of=page_of))


def _output_key(fmt: str, doc_key: str, page_of: dict[str, int] | None) -> str:
    """Cache key of one format's output (the DOCX and HWPX also hold the PDF's page numbers)."""
    return sha256_json([doc_key, page_of]) if fmt in PAGED_TOC else doc_key


def _unchanged(old: dict[str, Any], inputs: dict[str, Any], targets: dict[str, Path],
               hasher: FileHasher) -> bool:
    """Same inputs as the last build and every output still as that build wrote it."""
    if old.get("fingerprint") != sha256_json(inputs):
        return False
    recorded = old.get("outputs", {})
    return set(recorded) == set(targets) and all(
        is_regular(path) and hasher(path) == recorded[fmt]["sha256"] for fmt, path in targets.items()
    )


def _pages(manifest: dict[str, Any]) -> int:
    return int(manifest.get("outputs", {}).get("pdf", {}).get("pages", 0))


def _figures(document: Document) -> list[Figure]:
    from briefgen.numbering import document_blocks

    return [b for b in document_blocks(document) if isinstance(b, Figure)]


def _document_data(document: Document) -> Any:
    from briefgen.irjson import to_data

    return to_data(document)


def _manifest(prepared: Prepared, inputs: dict[str, Any], outputs: dict[str, Any],
              seconds: float, cached: list[str]) -> dict[str, Any]:
    from briefgen.record.sentences import document_sentences
    from briefgen.template.context import stated_snapshot

    project = prepared.project
    return mf.make_manifest(
        name=prepared.project.output_name,
        inputs=inputs,
        statistics=prepared.statistics,
        datasets=prepared.datasets,
        sentences=document_sentences(prepared.document),
        outputs=outputs,
        warnings=prepared.warnings,
        readings_used=prepared.readings_used,
        ledger=prepared.ledger.to_json(),
        snapshots={n: stated_snapshot(project, d) for n, d in prepared.datasets.items()},
        timing={"seconds": round(seconds, 3), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "cached": cached},
    )
