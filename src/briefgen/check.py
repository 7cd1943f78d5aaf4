"""``briefgen check``: validate a brief project without writing any output file.

Independent parts are checked separately so one run reports several problems: the config,
each dataset, each statistic, the template's variables and filters (statically, against the
declared statistics and facts), the bibliography and every key the template cites, and — when
all of those are clean — the real pipeline (template rendering, markup, footnotes,
cross-references, numbering) and the glyph coverage of every text with the PDF writer's own
check, then the PDF's layout passes (without drawing), which find what only the layout can: a
box or row taller than a page, too many footnotes on one line. Chart images are drawn into the
cache (``.briefgen-cache``) as in a build; nothing is written to the output folder.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
from jinja2 import nodes

from briefgen.errors import BriefError
from briefgen.ir import Document, SourceLoc, plain_text
from briefgen.korean.josa import Josa
from briefgen.params import Setting
from briefgen.project import Project, find_config, load_project, resolve_inside, with_params
from briefgen.yamlio import parse_yaml, position

Severity = Literal["error", "warning"]
CONTEXT_NAMES = ("stats", "facts", "meta", "tables", "data", "params")
JINJA_NAMES = ("self", "loop", "super", "caller", "varargs", "kwargs")  # Jinja's own names


@dataclass(frozen=True)
class Problem:
    """One finding: ``severity`` and a located one-line ``message``."""

    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


@dataclass
class CheckReport:
    """Everything ``check_project`` found, in the order it was found."""

    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that would make ``briefgen build`` fail."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Findings that do not stop a build (e.g. an unused footnote)."""
        return [p for p in self.problems if p.severity == "warning"]

    def error(self, error: BriefError | str) -> None:
        """Record an error (deduplicated)."""
        self._add(Problem("error", str(error)))

    def warning(self, message: str) -> None:
        """Record a warning (deduplicated)."""
        self._add(Problem("warning", message))

    def _add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


@dataclass
class _Config:
    """brief.yaml as read for checking (even when it does not validate as a whole)."""

    root: Path
    name: str
    raw: dict[str, Any]
    lines: dict[str, int]

    def locate(self, error: BriefError) -> BriefError:
        """Fill in brief.yaml and the line for an error that names a config key."""
        if error.key and error.line is None and error.source in (None, self.name):
            error.source = self.name
            error.line, error.column = position(self.lines, error.key)
        return error

    def content(self) -> tuple[Path, set[str] | None, dict[str, str]] | None:
        """The content template, fact names (None if unknown) and readings, read leniently."""
        try:
            path = resolve_inside(self.root, self.raw.get("content"), self.name, "content")
        except BriefError:
            return None
        facts = self.raw.get("facts", {}) or {}
        readings = self.raw.get("readings") or {}
        return (
            path,
            {str(k) for k in facts} if isinstance(facts, dict) else None,
            {str(k): str(v) for k, v in readings.items()} if isinstance(readings, dict) else {},
        )


def check_project(path: Path, settings: tuple[Setting, ...] = ()) -> CheckReport:
    """Check the project at ``path`` (a folder with brief.yaml, or the file itself), with the
    parameters' values ``settings`` (the others at their defaults)."""
    report = CheckReport()
    try:
        config_path = find_config(path)
    except BriefError as error:
        report.error(error)
        return report
    project: Project | None = None
    try:
        project = load_project(config_path, settings)
    except BriefError as error:
        report.error(error)
    config = _read_config(config_path, settings)
    if config is None:  # unreadable, invalid YAML or a wrong parameter: reported by load_project
        return report
    datasets = _check_data(config, report)
    declared = _check_statistics(config, datasets, report)
    if project is None and "statistics" not in config.raw:
        declared = None  # probably misspelt: do not flag every stats.X of the template
    template: tuple[Path, set[str] | None, dict[str, str]] | None
    if project is not None:
        facts: set[str] | None = set(project.facts)
        template = (project.content, facts, project.readings)
    else:
        template = config.content()
    if template is not None:
        _check_template(config.root, *template, declared, report)
    if project is not None:
        _check_citations(project, report)
    if project is not None and project.series is not None:
        _check_series(config_path, project, report)
    if project is None or report.errors:
        return report
    _check_pipeline(project, report, settings)
    return report


# ---------------------------------------------------------------------- config, data, statistics


def _read_config(config_path: Path, settings: tuple[Setting, ...]) -> _Config | None:
    try:
        raw, lines = parse_yaml(config_path.read_text("utf-8-sig"), config_path.name)
    except (BriefError, OSError, UnicodeDecodeError):
        return None
    if not isinstance(raw, dict):
        return None
    try:
        raw = with_params(raw, lines, config_path.name, settings)[0]
    except BriefError:  # a wrong parameter: reported by load_project; the values it sets are unknown
        return None
    return _Config(config_path.parent.resolve(), config_path.name, raw, lines)


def _check_data(config: _Config, report: CheckReport) -> dict[str, Any]:
    """Load each dataset on its own; return those that loaded."""
    from briefgen.data import load_datasets

    spec = config.raw.get("data") or {}
    if not isinstance(spec, dict):
        return {}
    loaded: dict[str, Any] = {}
    for name, body in spec.items():
        try:
            loaded.update(load_datasets({name: body}, config.root, config.name))
        except BriefError as error:
            report.error(config.locate(error))
    return loaded


def _check_statistics(
    config: _Config, datasets: dict[str, Any], report: CheckReport
) -> set[str] | None:
    """Compute each statistic on its own (skipping those whose dataset failed to load);
    return the names of all declared statistics (None if ``statistics:`` is malformed)."""
    from briefgen.stats import compute_statistics

    spec = config.raw.get("statistics", {}) or {}
    if not isinstance(spec, dict):
        return None
    data = config.raw.get("data", {}) or {}
    if not isinstance(data, dict):  # reported as a config problem; nothing to compute on
        return {str(name) for name in spec}
    for name, body in spec.items():
        dataset = body.get("data") if isinstance(body, dict) else None
        if isinstance(dataset, str) and dataset in data and dataset not in datasets:
            continue  # its dataset's problem is already reported
        try:
            compute_statistics({name: body}, datasets, config.name)
        except BriefError as error:
            report.error(config.locate(error))
    return {str(name) for name in spec}


# ---------------------------------------------------------------------- template (static)


def _check_template(
    root: Path,
    content: Path,
    facts: set[str] | None,
    readings: dict[str, str],
    statistics: set[str] | None,
    report: CheckReport,
) -> None:
    """Parse the content template; every ``stats.X`` / ``facts.X`` (when the config declares
    them readably), every top-level variable and every filter must resolve."""
    from briefgen.template.render import make_environment, not_utf8, syntax_message, too_deep

    relative = content.relative_to(root).as_posix()
    env = make_environment(content.parent, Josa(readings), root)
    try:
        source = content.read_text("utf-8-sig")
        tree = env.parse(source)
    except UnicodeDecodeError as exc:
        report.error(not_utf8(exc, relative))
        return
    except OSError as exc:
        report.error(BriefError(f"cannot read: {exc.strerror}", source=relative))
        return
    except jinja2.TemplateSyntaxError as exc:
        report.error(BriefError(syntax_message(exc, env), source=relative, line=exc.lineno))
        return
    except RecursionError:
        report.error(too_deep(relative, None))
        return
    lines = source.splitlines()
    known = {"stats": ("statistic", statistics), "facts": ("fact", facts)}
    for node, name in _namespace_uses(tree):
        kind, names = known[node.node.name]  # type: ignore[attr-defined]
        if names is not None and name not in names:
            close = difflib.get_close_matches(name, sorted(names), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            where = _find(lines, node.lineno, rf"{node.node.name}\s*\.\s*{re.escape(name)}\b")  # type: ignore[attr-defined]
            report.error(BriefError(f"unknown {kind} '{name}'{hint}", relative, node.lineno, where))
    variables = list(tree.find_all(nodes.Name))
    assigned = {n.name for n in variables if n.ctx in ("store", "param")}
    assigned |= {*CONTEXT_NAMES, *JINJA_NAMES, *(m.name for m in tree.find_all(nodes.Macro))}
    for var in variables:
        if var.ctx == "load" and var.name not in assigned and var.name not in env.globals:
            assigned.add(var.name)  # report each name once, at its first use
            where = _find(lines, var.lineno, rf"\b{re.escape(var.name)}\b")
            report.error(BriefError(f"undefined variable '{var.name}'", relative, var.lineno, where))
    for call in tree.find_all((nodes.Filter, nodes.Test)):
        table, kind = (env.filters, "filter") if isinstance(call, nodes.Filter) else (env.tests, "test")
        if call.name not in table:
            close = difflib.get_close_matches(call.name, sorted(table), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            where = _find(lines, call.lineno, rf"\b{re.escape(call.name)}\b")
            report.error(BriefError(f"unknown {kind} '{call.name}'{hint}", relative, call.lineno, where))


def _namespace_uses(tree: nodes.Template) -> Iterator[tuple[nodes.Getattr | nodes.Getitem, str]]:
    """``stats.X`` / ``facts["X"]`` nodes with the name they look up."""
    lookups = cast("Iterator[nodes.Getattr | nodes.Getitem]", tree.find_all((nodes.Getattr, nodes.Getitem)))
    for node in lookups:
        target = node.node
        if not (isinstance(target, nodes.Name) and target.name in ("stats", "facts")):
            continue
        if isinstance(node, nodes.Getattr):
            yield node, node.attr
        elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            yield node, node.arg.value


def _find(lines: list[str], line: int, pattern: str) -> int | None:
    """1-based column of ``pattern`` on template line ``line``, if it is there."""
    if 0 < line <= len(lines):
        match = re.search(pattern, lines[line - 1])
        if match:
            return match.start() + 1
    return None


# ---------------------------------------------------------------------- pipeline and fonts


def _check_citations(project: Project, report: CheckReport) -> None:
    """The bibliography files, every key the content template cites (each missing one is an
    error at its line) and the fields the cited entries lack (warnings)."""
    from briefgen.biblio import Citer, read_bibliography
    from briefgen.biblio.syntax import find_citations

    try:
        bibliography = read_bibliography(project.bibliography, project.root) if project.bibliography else None
    except BriefError as error:
        report.error(error)
        return
    try:
        text = project.content.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return  # the template check has said why
    citer = Citer(bibliography, Josa(project.readings))
    name = project.content.relative_to(project.root).as_posix()
    for line, citation in find_citations(text):
        for key in citation.keys:
            try:
                citer.entry(key, SourceLoc(name, line))
            except BriefError as error:
                report.error(error)
    for warning in citer.warnings():
        report.warning(warning)


def _check_series(config_path: Path, project: Project, report: CheckReport) -> None:
    """The series' entries name declared parameters with values of their types, and its briefs
    write different outputs (the briefs themselves are checked one by one with --param)."""
    from briefgen.series.plan import plan_series

    try:
        plan_series(config_path, project)
    except BriefError as error:
        report.error(error)


def _check_pipeline(project: Project, report: CheckReport, settings: tuple[Setting, ...]) -> None:
    """Run the build's own preparation (render, read, number) and check every glyph."""
    from briefgen.build import prepare

    try:
        prepared = prepare(project.root / project.config_file, settings)
    except BriefError as error:
        report.error(error)
        return
    for warning in prepared.warnings:
        report.warning(warning)
    _check_glyphs(prepared.document, prepared.theme, project, report)
    if not report.errors and "pdf" in project.formats:
        _check_layout(prepared.document, prepared.theme, project, report)


def _check_glyphs(document: Document, theme: Any, project: Project, report: CheckReport) -> None:
    """Every text the PDF draws must be in its font (the writer's FontSet.check)."""
    from briefgen.writers.pdf.fonts import register_fonts

    fonts = register_fonts(theme)
    for text, loc in _texts(document, project):
        try:
            fonts.check(text, fonts.body, loc)
        except BriefError as error:
            report.error(error)


def _check_layout(document: Document, theme: Any, project: Project, report: CheckReport) -> None:
    """The PDF's layout passes, drawing nothing: what only the layout finds (a box, summary or
    table row taller than a page, a line with more footnotes than a page holds) fails here as
    it fails the build."""
    from briefgen.writers.pdf import lay_out

    try:
        lay_out(document, theme)
    except BriefError as error:
        report.error(project.locate(error))


def _texts(document: Document, project: Project) -> Iterator[tuple[str, SourceLoc | None]]:
    """Every literal text of the document with where it comes from."""
    from briefgen.numbering import block_inlines, document_blocks

    meta = document.meta
    config = project.config_file

    def at(key: str) -> SourceLoc:
        return SourceLoc(config, project.line_of(key))

    for name in ("title", "subtitle", "series", "organisation", "subject", "address", "contact",
                 "disclaimer"):
        yield getattr(meta, name) or "", at(f"meta.{name}")
    for index, author in enumerate(meta.authors):
        for value in (author.name, author.affiliation, author.position, author.email, author.phone):
            yield value, at(f"meta.authors.{index}")
    for index, keyword in enumerate(meta.keywords):
        yield keyword, at(f"meta.keywords.{index}")
    for paragraph in document.summary + document.executive_summary:
        yield plain_text(paragraph.inlines), paragraph.loc
    for chapter in document.chapters:
        yield chapter.title, chapter.loc
        for section in chapter.sections:
            yield section.title, section.loc
    for block in document_blocks(document):
        loc = getattr(block, "loc", None)
        title = getattr(block, "title", None)
        if title:
            yield title, loc
        for inlines in block_inlines(block):
            yield plain_text(inlines), loc
    for note in document.footnotes:
        yield plain_text(note.inlines), note.loc
    for reference in document.references:
        yield plain_text(reference.inlines), reference.loc
