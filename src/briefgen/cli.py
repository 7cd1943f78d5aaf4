"""Command line: ``briefgen build [PROJECT]``. Thin: parse arguments, call build, report.

Exit codes: 0 success, 1 bad input (one line naming file/line/cell), 2 internal error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from briefgen import __version__
from briefgen.errors import BriefError

EXIT_INPUT_ERROR = 1
EXIT_INTERNAL_ERROR = 2


def _fail(message: str, code: int) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def run_guarded(action):  # noqa: ANN001, ANN201 - small decorator
    """Turn BriefError into one line + exit 1, and any other exception into one line + exit 2."""

    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        try:
            return action(*args, **kwargs)
        except BriefError as error:
            _fail(f"error: {error}", EXIT_INPUT_ERROR)
        except KeyboardInterrupt:
            _fail("interrupted; earlier outputs are unchanged", EXIT_INPUT_ERROR)
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Build Korean policy briefs (SPRi 이슈리포트 style) as DOCX and PDF from data."""


@main.command()
@click.argument("project", type=click.Path(path_type=Path), default=Path("."))
@click.option("--format", "formats", multiple=True, type=click.Choice(["docx", "pdf"]),
              help="Build only these formats (default: the config's outputs).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@run_guarded
def build(project: Path, formats: tuple[str, ...], quiet: bool) -> None:
    """Build the brief in PROJECT (a folder with brief.yaml; default: the current folder).

    \b
    Examples:
      briefgen build                 # the project in the current folder
      briefgen build briefs/ai-2024  # another project
      briefgen build --format pdf
    """
    from briefgen.build import build as run_build

    result = run_build(project, formats or None)
    if quiet:
        return
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for path in result.outputs.values():
        click.echo(f"wrote {_display(path)}")
    pages = f", {result.pages} pages" if result.pages else ""
    click.echo(f"built in {result.seconds:.1f} s{pages}")


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

