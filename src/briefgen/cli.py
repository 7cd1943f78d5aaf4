"""Command line: ``briefgen build [PROJECT]``. Thin: parse arguments, call build, report.

Exit codes: 0 success, 1 bad input (one line naming file/line/cell), 2 internal error.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefgen import __version__
from briefgen.errors import BriefError
from briefgen.ir import Meta
from briefgen.params import Setting

if TYPE_CHECKING:
    from briefgen.series.progress import SeriesReport
from briefgen.project import FORMATS

EXIT_INPUT_ERROR = 1
EXIT_INTERNAL_ERROR = 2
MAX_PORT = 65535
MAX_DEBOUNCE_MS = 60_000
#: Collector thresholds of the command's process: a build makes millions of small objects that
#: live until it ends, and the default thresholds spent a third of a large table's template
#: stage walking them. Process-wide, so only the entry points set them (see ``tune_process``).
GC_THRESHOLDS = (100_000, 50, 100)


def _fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def run_guarded(action):  # noqa: ANN001, ANN201 - small decorator
    """Turn BriefError and OSError into one line + exit 1, any other exception into one line +
    exit 2."""

    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        try:
            return action(*args, **kwargs)
        except BriefError as error:
            _fail(f"error: {error}", EXIT_INPUT_ERROR)
        except KeyboardInterrupt:
            _fail("interrupted; earlier outputs are unchanged", EXIT_INPUT_ERROR)
        except OSError as error:  # the machine's: a full disk, a read-only folder, a long name
            if os.environ.get("BRIEFGEN_DEBUG"):
                raise
            named = f"{os.fsdecode(error.filename)}: " if error.filename else ""
            _fail(f"error: {named}{error.strerror or error}", EXIT_INPUT_ERROR)
        except Exception as error:  # a bug in briefgen, not in the user's input
            if os.environ.get("BRIEFGEN_DEBUG"):
                raise
            _fail(
                f"internal error: {type(error).__name__}: {error} "
                "(set BRIEFGEN_DEBUG=1 for a traceback and please report it)",
                EXIT_INTERNAL_ERROR,
            )

    wrapper.__name__ = action.__name__
    wrapper.__doc__ = action.__doc__
    return wrapper


def tune_process() -> None:
    """Settings of a process that runs briefgen's commands and nothing else (the ``briefgen``
    command, a benchmark's child): library code changes no process-wide state."""
    gc.set_threshold(*GC_THRESHOLDS)


def run() -> None:
    """The ``briefgen`` command: the CLI, then ``quick_exit``."""
    tune_process()
    try:
        main()
        code: str | int | None = 0
    except SystemExit as done:
        code = done.code
    quick_exit(code)


def quick_exit(code: str | int | None) -> None:
    """End the process with ``code`` (as ``sys.exit`` reads it) without tearing the
    interpreter down: freeing pandas', matplotlib's and ReportLab's objects one by one takes
    longer than some builds. Every output is written, closed and
    renamed by then; the output streams are flushed here. While a child process is alive the
    exit is a normal one (its exit handlers stop the child)."""
    if multiprocessing.active_children():
        sys.exit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe (`briefgen … | head -1`) or stream
            stream.flush()
    os._exit(code or 0)


class _Commands(click.Group):
    """The ``briefgen`` group: a wrong command, option or value (click's usage errors) ends
    with exit code 1 as other bad input does; 2 stays for briefgen's own bugs."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _usage_exit():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _usage_exit():
            return super().invoke(ctx)


@contextmanager
def _usage_exit() -> Iterator[None]:
    try:
        yield
    except click.UsageError as error:
        setattr(error, "exit_code", EXIT_INPUT_ERROR)  # noqa: B010 (a class variable in click 8.5's types)
        raise


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Build Korean policy briefs (SPRi 이슈리포트 style) as DOCX and PDF from data."""


@main.command()
@click.argument("project", type=click.Path(path_type=Path), default=Path("."))
@click.option("--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Build only these formats (default: the config's outputs).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.option("--json", "as_json", is_flag=True,
              help="Print a JSON summary (outputs, pages, seconds, warnings, cached).")
@click.option("--force", is_flag=True, help="Rebuild even if nothing changed.")
@click.option("--all", "build_all", is_flag=True,
              help="Build every brief project (folder with brief.yaml) under PROJECT.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter's value (params: in brief.yaml); builds this one brief of a series.")
@click.option("-j", "--jobs", type=int, default=None,
              help="Build a series with this many processes (default: the number of cores).")
@click.option("--shard", metavar="I/N", help="Build only part I of N of the series (1/4 … 4/4).")
@run_guarded
def build(project: Path, formats: tuple[str, ...], quiet: bool, as_json: bool, force: bool,
          build_all: bool, params: tuple[str, ...], jobs: int | None, shard: str | None) -> None:
    """Build the brief in PROJECT (a folder with brief.yaml; default: the current folder).

    Writes the outputs and output/<name>.manifest.json; does nothing (and says
    "up to date") when no input changed since the last build. A project that declares a
    series: builds every brief of it (each its own outputs, manifest and up-to-date check),
    unless --param picks one.

    \b
    Examples:
      briefgen build                 # the project in the current folder
      briefgen build briefs/ai-2024  # another project
      briefgen build --format pdf
      briefgen build --json          # machine-readable summary
      briefgen build --all           # every project below the current folder
      briefgen build --param region=부산   # one brief of a parameterised project
      briefgen build -j 2 --shard 1/4      # a quarter of a series, two processes
    """
    import json

    from briefgen.params import cli_setting

    settings = tuple(cli_setting(option) for option in params)
    if jobs is not None and jobs < 1:
        raise BriefError(f"the number of processes is at least 1, not {jobs}", source=f"-j {jobs}")
    if build_all:
        if params or shard:
            raise BriefError("--all builds each project as declared; give --param and --shard for one project",
                             source="--all")
        _build_all(project, formats, quiet, force)
        return
    if not settings and _declares_series(project):
        _build_series(project, formats, quiet, as_json, force, jobs or os.cpu_count() or 1, shard)
        return
    if shard is not None:
        raise BriefError("--shard builds part of a series; "
                         + ("--param picks one brief" if settings else "brief.yaml declares no series:"),
                         source=f"--shard {shard}")
    result = _build_one(project, formats, force, progress=not (quiet or as_json), settings=settings)
    if as_json:
        summary = {
            "outputs": {fmt: str(path) for fmt, path in result.outputs.items()},
            "manifest": str(result.manifest) if result.manifest else None,
            "pages": result.pages,
            "seconds": round(result.seconds, 3),
            "warnings": result.warnings,
            "up_to_date": result.up_to_date,
            "cached": result.cached,
        }
        click.echo(json.dumps(summary, ensure_ascii=False, indent=1))
        return
    if quiet:
        return
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    pages = f", {result.pages} pages" if result.pages else ""
    if result.up_to_date:
        click.echo(f"up to date ({', '.join(_display(p) for p in result.outputs.values())}{pages})")
        return
    for path in result.outputs.values():
        click.echo(f"wrote {_display(path)}")
    reused = f", reused {', '.join(result.cached)} from the cache" if result.cached else ""
    click.echo(f"built in {result.seconds:.1f} s{pages}{reused}")


@main.command()
@click.argument("project", type=click.Path(path_type=Path), default=Path("."))
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter's value (params: in brief.yaml; the others at their defaults).")
@run_guarded
def check(project: Path, params: tuple[str, ...]) -> None:
    """Check the brief in PROJECT without building: config, data, statistics, template,
    footnotes and cross-references, fonts. One line per problem; exit 1 if any error.

    \b
    Examples:
      briefgen check                 # the project in the current folder
      briefgen check briefs/ai-2024
    """
    from briefgen.check import check_project
    from briefgen.params import cli_setting

    try:
        settings = tuple(cli_setting(option) for option in params)
    except BriefError as error:  # reported as check reports every problem
        click.echo(f"error: {error}")
        click.echo("check: 1 error(s), 0 warning(s)", err=True)
        sys.exit(EXIT_INPUT_ERROR)
    report = check_project(project, settings)
    for problem in report.problems:
        click.echo(str(problem))
    errors, warnings = len(report.errors), len(report.warnings)
    click.echo(f"check: {errors} error(s), {warnings} warning(s)" if report.problems else "check: ok",
               err=True)
    if errors:
        sys.exit(EXIT_INPUT_ERROR)


def _declares_series(project: Path) -> bool:
    from briefgen.project import load_project

    return load_project(project).series is not None


def _build_series(project: Path, formats: tuple[str, ...], quiet: bool, as_json: bool, force: bool,
                  jobs: int, shard: str | None) -> None:
    """Build the briefs of the project's series (or one shard of it) with ``jobs`` processes;
    one progress display, then a summary with every failure; exit 1 if one failed (2 on a bug)."""
    import json

    report = _run_series(project, formats, force, jobs, shard, quiet or as_json)
    failed = report.failed
    if as_json:
        click.echo(json.dumps([
            {"brief": o.brief.number, "params": o.brief.values, "name": o.brief.name, "ok": o.ok,
             "message": o.message, "pages": o.pages, "seconds": round(o.seconds, 3), "up_to_date": o.up_to_date}
            for o in report.outcomes], ensure_ascii=False, indent=1))
    if not (quiet or as_json):
        for warning in report.warnings():
            click.echo(f"warning: {warning}", err=True)
    if not (quiet or as_json) or failed:  # --json: stdout holds the JSON alone
        click.echo(report.summary(min(jobs, len(report.outcomes))), err=bool(failed))
        for outcome in failed:
            click.echo(f"  #{outcome.brief.number} {outcome.brief.label}: {outcome.message}", err=True)
    if failed:
        sys.exit(EXIT_INTERNAL_ERROR if report.crashed else EXIT_INPUT_ERROR)


def _run_series(project: Path, formats: tuple[str, ...], force: bool, jobs: int, shard: str | None,
                quiet: bool) -> SeriesReport:
    """Build the series (or the shard) behind one progress display; remember how it ended."""
    import time

    from rich.console import Console

    from briefgen.projects import record_status
    from briefgen.series.plan import parse_shard, plan_series
    from briefgen.series.progress import show_series
    from briefgen.series.run import run_series

    part = parse_shard(shard) if shard is not None else None
    briefs = [b for b in plan_series(project) if part is None or part.keeps(b)]
    if not briefs:
        raise BriefError(f"this shard has no briefs (the series has fewer than {part.index if part else 1})",
                         source=f"--shard {shard}")
    started = time.perf_counter()  # the first brief may be built before the display starts
    with run_series(project, briefs, formats or None, force, jobs) as outcomes:
        report = show_series(outcomes, len(briefs), Console(stderr=True, highlight=False), quiet)
    report.seconds = time.perf_counter() - started
    failed = report.failed
    message = f"{len(failed)} of {len(briefs)} briefs failed" if failed else ""
    record_status(project, not failed, message, pages=sum(o.pages for o in report.outcomes))
    return report


def _build_one(project: Path, formats: tuple[str, ...], force: bool, progress: bool,
               settings: tuple[Setting, ...] = ()):  # noqa: ANN202
    """Build one project and remember how it ended (for ``briefgen list``)."""
    from rich.console import Console

    from briefgen.build import build as run_build
    from briefgen.projects import record_status
    from briefgen.regen.progress import BuildProgress

    known = (project / "brief.yaml").is_file() if project.is_dir() else project.is_file()
    try:
        with BuildProgress(Console(stderr=True), enabled=progress) as step:
            result = run_build(project, formats or None, force=force, step=step, settings=settings)
    except BriefError as error:
        if known:
            record_status(project, False, str(error))
        raise
    record_status(project, True, pages=result.pages)
    return result


def _build_all(folder: Path, formats: tuple[str, ...], quiet: bool, force: bool) -> None:
    """Build every project under ``folder``, each whatever the others did; one line each; exit 1
    if any failed (2 if one failed on a bug in briefgen)."""
    from briefgen.projects import find_projects

    projects = find_projects(folder)
    if not projects:
        raise BriefError(f"no brief projects (brief.yaml) under {folder}")
    failed = crashed = 0
    for project in projects:
        try:
            if _declares_series(project):
                report = _run_series(project, formats, force, os.cpu_count() or 1, None, quiet=True)
                if report.failed:
                    first = report.failed[0]
                    raise BriefError(f"{len(report.failed)} of {len(report.outcomes)} briefs of its series failed "
                                     f"(#{first.brief.number} {first.brief.label}: {first.message})")
                if not quiet:
                    click.echo(f"{_styled('ok', fg='green')}      {_display(project)} "
                               f"({report.summary(os.cpu_count() or 1).removeprefix('series: ')})")
                continue
            result = _build_one(project, formats, force, progress=False)
        except BriefError as error:
            failed += 1
            click.echo(f"{_styled('failed', fg='red')}  {_display(project)}: {error}", err=True)
            continue
        except Exception as error:  # a bug in briefgen: report it, build the other projects
            if os.environ.get("BRIEFGEN_DEBUG"):
                raise
            failed, crashed = failed + 1, crashed + 1
            click.echo(f"{_styled('failed', fg='red')}  {_display(project)}: internal error: "
                       f"{type(error).__name__}: {' '.join(str(error).split())}", err=True)
            continue
        if not quiet:
            state = "up to date" if result.up_to_date else f"built in {result.seconds:.1f} s"
            click.echo(f"{_styled('ok', fg='green')}      {_display(project)} ({state}, {result.pages} pages)")
    if not quiet or failed:
        click.echo(f"{len(projects) - failed} of {len(projects)} projects built", err=bool(failed))
    if failed:
        sys.exit(EXIT_INTERNAL_ERROR if crashed else EXIT_INPUT_ERROR)


@main.command(name="list")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("."))
@run_guarded
def list_projects(folder: Path) -> None:
    """List the brief projects under FOLDER with their last build status.

    \b
    Examples:
      briefgen list
      briefgen list briefs/
    """
    from briefgen.project import load_project
    from briefgen.projects import find_projects, read_status

    projects = find_projects(folder)
    if not projects:
        raise BriefError(f"no brief projects (brief.yaml) under {folder}")
    for project in projects:
        try:
            meta = load_project(project).meta
            title = f"{meta.report_number} {meta.title}"
        except BriefError as error:
            title = f"(brief.yaml has an error: {error})"
        status = read_status(project)
        if status is None:
            state = _styled("never built", fg="yellow")
        elif status.ok:
            state = _styled(f"ok {status.when}, {status.pages} pages", fg="green")
        else:
            state = _styled(f"failed {status.when}: {status.message}", fg="red")
        click.echo(f"{_display(project)}\t{title}\t{state}")


def _styled(text: str, fg: str) -> str:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if os.environ.get("NO_COLOR") or not sys.stdout.isatty():
        return text
    return click.style(text, fg=fg)


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@main.command()
@click.argument("name", type=click.Path(path_type=Path))
@click.option("--template", "template", type=click.Choice(["is", "scorecard"]), default="is",
              show_default=True, help="is: an issue report on a dataset; scorecard: a predictions review.")
@run_guarded
def new(name: Path, template: str) -> None:
    """Create a new brief project NAME (a folder) that builds right away.

    \b
    Examples:
      briefgen new my-brief && briefgen build my-brief
      briefgen new review-2024 --template scorecard
    """
    from briefgen.scaffold import create_project

    files = create_project(name, template)
    click.echo(f"created {name}/ ({len(files)} files); next: briefgen build {name}")


@main.command()
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path))
@click.option("-p", "--project", type=click.Path(path_type=Path), default=None,
              help="The project whose current build a single MANIFEST is compared with (default: .).")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.option("--annex", type=click.Path(path_type=Path),
              help="Also typeset the report as a small document: a .pdf, .docx or .html file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Which brief of a parameterised project (its output name follows the parameters).")
@run_guarded
def diff(targets: tuple[Path, ...], project: Path | None, as_json: bool, annex: Path | None,
         params: tuple[str, ...]) -> None:
    """Show what changed between two builds: numbers, sentences, data rows (in Korean).

    \b
    briefgen diff [PROJECT]     the project's previous build → its current one
                                (output/.NAME.manifest.prev.json → output/NAME.manifest.json)
    briefgen diff MANIFEST      that manifest → the current build of -p PROJECT (default: .)
    briefgen diff OLD NEW       two manifests (files)

    \b
    Examples:
      briefgen diff                                   # this folder: previous build → current build
      briefgen diff my-brief                          # the same for the project my-brief/
      briefgen diff old/ai.manifest.json output/ai-models-2024.manifest.json
      briefgen diff --json
      briefgen diff --annex output/changes.pdf        # the same report as a PDF annex
      briefgen diff --param region=부산               # one brief of a series
    """
    import json

    from rich.console import Console

    from briefgen.params import cli_setting
    from briefgen.record.manifest import load_manifest
    from briefgen.regen.diff import diff_manifests
    from briefgen.regen.report import diff_json, print_report

    settings = tuple(cli_setting(option) for option in params)
    old_path, new_path, project = _diff_paths(targets, project, settings)
    old, new = load_manifest(old_path), load_manifest(new_path)
    changes = diff_manifests(old, new)
    if annex is not None:
        from briefgen.regen.annex import data_version, write_annex

        write_annex(changes, _annex_meta(project, new, settings), data_version(old), data_version(new), annex)
    if as_json:
        click.echo(json.dumps(diff_json(changes), ensure_ascii=False, indent=1))
        return
    print_report(changes, Console(highlight=False, soft_wrap=True), old_label=_display(old_path),
                 new_label=_display(new_path))


def _annex_meta(project: Path, manifest: dict, settings: tuple[Setting, ...]) -> Meta:
    """The brief's title and report number (if PROJECT is one), dated by the newer build."""
    from briefgen.project import load_project
    from briefgen.regen.annex import annex_meta

    built_at = manifest.get("timing", {}).get("built_at")
    try:
        meta = load_project(project, settings).meta
    except BriefError:
        name = str(manifest.get("name", "brief"))
        return annex_meta(name, name, built_at)
    return annex_meta(meta.title, meta.report_number, built_at)


_DIFF_FORMS = "give a project folder (briefgen diff my-brief), one manifest, or two: OLD NEW"


def _diff_paths(targets: tuple[Path, ...], project: Path | None,
                settings: tuple[Setting, ...]) -> tuple[Path, Path, Path]:
    """The two manifests ``diff`` compares and the project they belong to. One folder (or
    brief.yaml) is a project: its previous build and its current one. One file is a manifest,
    compared with the current build of ``project``; two are OLD and NEW manifests."""
    from briefgen.project import CONFIG_NAME, load_project
    from briefgen.record.manifest import manifest_path, previous_path

    if len(targets) > 2:
        raise BriefError(f"diff takes at most two manifests, got {len(targets)}; {_DIFF_FORMS}")
    if len(targets) == 2:
        for folder in (t for t in targets if t.is_dir()):
            raise BriefError(f"diff OLD NEW compares two manifest files, not a folder; to compare "
                             f"the project's last two builds give it alone: briefgen diff "
                             f"{_display(folder)}", source=_display(folder))
        return targets[0], targets[1], project or Path(".")
    target = targets[0] if targets else None
    is_project = target is not None and (target.is_dir() or target.name == CONFIG_NAME)
    if target is not None and not is_project and not target.exists():
        raise BriefError(f"neither a project folder nor a manifest file; {_DIFF_FORMS}",
                         source=_display(target))
    if is_project and target is not None:
        if project is not None:
            raise BriefError(f"-p names the project, and so does {_display(target)}; give one of them",
                             source="-p")
        project = target
    project = project or Path(".")
    loaded = load_project(project, settings)
    current = manifest_path(loaded.output_dir, loaded.output_name)
    if target is not None and not is_project:
        return target, current, project
    previous = previous_path(loaded.output_dir, loaded.output_name)
    if not previous.is_file():
        raise BriefError("no previous build to compare with (build, change an input, build again)",
                         source=_display(previous))
    return previous, current, project


@main.command()
@click.argument("project", type=click.Path(path_type=Path), default=Path("."))
@click.option("--debounce", default=300, show_default=True, help="Milliseconds to wait for more changes.")
@click.option("--serve", is_flag=True, help="Also build HTML and serve it on 127.0.0.1 with auto-reload.")
@click.option("--port", default=8000, show_default=True, help="Port for --serve.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter's value: the brief of a series to watch (the others at their defaults).")
@run_guarded
def watch(project: Path, debounce: int, serve: bool, port: int, params: tuple[str, ...]) -> None:
    """Rebuild PROJECT whenever one of its inputs changes (Ctrl-C to stop).

    Prints one status line per build; a failed build keeps the last good output.

    \b
    Examples:
      briefgen watch
      briefgen watch briefs/ai-2024
      briefgen watch --serve          # preview at http://127.0.0.1:8000/
    """
    from briefgen.params import cli_setting
    from briefgen.project import find_config
    from briefgen.regen.watch import run_watch

    settings = tuple(cli_setting(option) for option in params)
    formats = None
    if not 0 <= port <= MAX_PORT:
        raise BriefError(f"a port is a number from 1 to {MAX_PORT} (0: any free port), not {port}",
                         source="--port")
    if not 0 <= debounce <= MAX_DEBOUNCE_MS:
        raise BriefError(f"the debounce is from 0 to {MAX_DEBOUNCE_MS:,} milliseconds, not {debounce}",
                         source="--debounce")
    find_config(project)  # a folder that is no project is an error at once; a bad one is watched
    if serve:
        from briefgen.project import load_project
        from briefgen.regen.preview import HOST, start_preview

        config = load_project(project, settings)
        formats = tuple(dict.fromkeys((*config.formats, "html")))
        try:
            server = start_preview(config.output_dir / f"{config.output_name}.html", port)
        except OSError as error:
            raise BriefError(f"cannot serve on {HOST}:{port}: {error.strerror}") from None
        click.echo(f"preview at http://{HOST}:{server.server_address[1]}/ (reloads after each build)")
    click.echo(f"watching {_display(project.resolve())} (Ctrl-C to stop)")
    run_watch(project, click.echo, debounce_ms=debounce, formats=formats, settings=settings)
