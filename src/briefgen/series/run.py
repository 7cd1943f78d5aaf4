"""Building the briefs of a series, one after the other or in a pool of worker processes.

Each brief is an ordinary ``build()``: its own manifest, cache folder and up-to-date check. The
libraries are imported (and matplotlib's caches filled) once here, before anything is forked, so
start-up is paid once, not once per brief: with ``jobs`` > 1 by the workers of a
``schedule.WorkerPool``, forked once, and with one process by the chart and writer jobs each
build forks beside it. A failed brief is an ``Outcome`` with its one-line message; the
others are built whatever it did.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from briefgen.build import build
from briefgen.errors import BriefError
from briefgen.schedule import WorkerPool, can_fork
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
    workers are started on entering, before the caller shows any progress."""
    from briefgen.warm import warm_up

    work = [Job(path, brief, formats, force) for brief in briefs]
    workers = min(jobs, len(work))
    if len(work) > 1:  # once here: the workers, or the jobs each build forks, start with them
        warm_up()
    if workers <= 1 or not can_fork():
        yield (build_brief(job) for job in work)
        return
    with WorkerPool(build_brief, workers) as pool:
        yield (_outcome(work[index], outcome, crash) for index, outcome, crash in pool.results(work))


def _outcome(job: Job, outcome: Outcome | None, crash: str) -> Outcome:
    """A worker's outcome, or a failure when the worker died."""
    if outcome is not None:
        return outcome
    return Outcome(job.brief, False, f"internal error: the worker process failed ({crash})", crashed=True)
