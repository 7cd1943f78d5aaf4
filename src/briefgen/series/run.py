"""Building the briefs of a series, one after the other or in a pool of worker processes.

Each brief is an ordinary ``build()``: its own manifest, cache folder and up-to-date check.
Start-up is paid once, not once per brief. With ``jobs`` > 1 this process builds the first brief
(importing the libraries, parsing the fonts, compiling the templates), then forks the workers
of a ``schedule.WorkerPool``, which build the other briefs one after the other with all of that
loaded. With one job this process builds brief after brief, and its builds fork no jobs either
(``schedule.jobs_inline``: forking a process that holds every library, twice per brief, cost
more than the overlap gained). A failed brief is an ``Outcome`` with its one-line message; the
others are built whatever it did.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from briefgen.build import build
from briefgen.errors import BriefError
from briefgen.schedule import WorkerPool, can_fork, jobs_inline
from briefgen.series.plan import Brief


@dataclass(frozen=True)
class Outcome:
    """How one brief's build ended."""

    brief: Brief
    ok: bool
    message: str = ""
    pages: int = 0
    seconds: float = 0.0
    up_to_date: bool = False
    warnings: tuple[str, ...] = ()
    crashed: bool = False  # a bug in briefgen (or a worker that died), not the user's input


@dataclass(frozen=True)
class Job:
    """What a worker needs to build one brief (small, so it is cheap to send)."""

    path: Path
    brief: Brief
    formats: tuple[str, ...] | None
    force: bool


def build_brief(job: Job) -> Outcome:
    """Build one brief of the series; every error becomes the Outcome's message."""
    started = time.perf_counter()
    brief = job.brief
    try:
        result = build(job.path, job.formats, force=job.force, settings=brief.settings)
    except BriefError as error:
        return Outcome(brief, False, f"error: {error}", seconds=time.perf_counter() - started)
    except OSError as error:  # the machine's (a full disk): as the CLI reports it for one build
        named = f"{os.fsdecode(error.filename)}: " if error.filename else ""
        return Outcome(brief, False, f"error: {named}{error.strerror or error}",
                       seconds=time.perf_counter() - started)
    except Exception as error:  # a bug in briefgen: reported, the other briefs are built
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        return Outcome(brief, False, f"internal error: {type(error).__name__}: {' '.join(str(error).split())}",
                       seconds=time.perf_counter() - started, crashed=True)
    return Outcome(brief, True, pages=result.pages, seconds=time.perf_counter() - started,
                   up_to_date=result.up_to_date, warnings=tuple(result.warnings))


@contextmanager
def run_series(path: Path, briefs: list[Brief], formats: tuple[str, ...] | None, force: bool,
               jobs: int) -> Iterator[Iterator[Outcome]]:
    """The outcomes of building ``briefs``, as they end. With ``jobs`` > 1 (and fork) the
    first brief is built and the workers are started on entering, before the caller shows any
    progress."""
    work = [Job(path, brief, formats, force) for brief in briefs]
    if len(work) == 1 or not can_fork():  # one brief: a single build, its jobs beside it
        yield (build_brief(job) for job in work)
        return
    if jobs <= 1:  # brief after brief in this process, which imports the libraries on the first
        with jobs_inline():
            yield (build_brief(job) for job in work)
        return
    with jobs_inline():  # the first brief here: the libraries it imports, the fonts it parses,
        first = build_brief(work[0])  # the templates it compiles are then in every worker
    rest = work[1:]
    with WorkerPool(build_brief, min(jobs, len(rest))) as pool:
        yield chain([first], (_outcome(rest[index], outcome, crash) for index, outcome, crash in pool.results(rest)))


def _outcome(job: Job, outcome: Outcome | None, crash: str) -> Outcome:
    """A worker's outcome, or a failure when the worker died."""
    if outcome is not None:
        return outcome
    return Outcome(job.brief, False, f"internal error: the worker process failed ({crash})", crashed=True)
