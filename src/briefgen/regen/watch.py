"""``briefgen watch``: rebuild when an input changes, one status line per build.

A failed build prints its one-line error and leaves the last good outputs in place (builds
are atomic). Changes inside the output folder, the cache and hidden/temporary files are
ignored; bursts of changes are debounced by watchfiles into one rebuild, which starts only
once the changed files stopped changing (``regen.settle``: no half-written data file is built).
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import BriefError
from briefgen.params import Setting
from briefgen.regen.settle import wait_until_stable

DEBOUNCE_MS = 300


def rebuild(project: Path, force: bool = False, formats: tuple[str, ...] | None = None,
            settings: tuple[Setting, ...] = ()) -> tuple[bool, str]:
    """Build once (with the parameters' values ``settings``); return (success, status line)
    instead of raising on bad input."""
    from briefgen.build import build

    stamp = time.strftime("%H:%M:%S")
    try:
        result = build(project, formats, force=force, settings=settings)
    except BriefError as error:
        return False, f"{stamp} error: {error} (the last good output is kept)"
    except Exception as error:  # a bug in briefgen: say so and keep watching
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        return False, (f"{stamp} internal error: {type(error).__name__}: {' '.join(str(error).split())} (the last good "
                       "output is kept; set BRIEFGEN_DEBUG=1 for a traceback and please report it)")
    if result.up_to_date:
        return True, f"{stamp} up to date ({result.pages} pages)"
    reused = f", reused {', '.join(result.cached)}" if result.cached else ""
    warnings = f", {len(result.warnings)} warning(s)" if result.warnings else ""
    return True, f"{stamp} built in {result.seconds:.1f} s, {result.pages} pages{reused}{warnings}"


def ignored_parts(project: Path, settings: tuple[Setting, ...] = ()) -> tuple[Path, ...]:
    """Folders whose changes never trigger a build: outputs and the cache."""
    from briefgen.build import CACHE_DIR
    from briefgen.project import load_project

    root = project.resolve() if project.is_dir() else project.resolve().parent
    try:
        output = load_project(project, settings).output_dir
    except BriefError:
        output = root / "output"
    return (output.resolve(), (root / CACHE_DIR).resolve())


def make_filter(ignored: tuple[Path, ...]) -> Callable[[object, str], bool]:
    """A watchfiles filter: skip ignored folders, hidden, temporary and bytecode files."""

    def accept(change: object, path: str) -> bool:
        p = Path(path)
        if any(p.is_relative_to(folder) for folder in ignored):
            return False
        name = p.name
        return not (name.startswith(".") or name.endswith((".tmp", "~", ".pyc", ".swp")))

    return accept


def warm_process() -> None:
    """Ready this long-lived process for rebuilds: every library loaded and warmed
    (``warm_up``), then put out of the collector's reach for the rest of the process
    (``gc.freeze``: later collections, and the processes a rebuild forks, skip them). A
    process-wide setting, so only watch's entry point makes it."""
    from briefgen.warm import warm_up

    warm_up()
    gc.collect()
    gc.freeze()


def run_watch(project: Path, echo: Callable[[str], None], stop: threading.Event | None = None,
              debounce_ms: int = DEBOUNCE_MS, formats: tuple[str, ...] | None = None,
              settings: tuple[Setting, ...] = ()) -> None:
    """Build now (one brief: the parameters' values ``settings``), then after every batch of
    input changes until ``stop`` is set."""
    from watchfiles import watch

    root = project if project.is_dir() else project.parent
    warm_process()  # every build (and the processes it forks) finds every library loaded
    echo(rebuild(project, formats=formats, settings=settings)[1])  # watching starts at once: no edit is missed
    accept = make_filter(ignored_parts(project, settings))
    for changes in watch(root, watch_filter=accept, debounce=debounce_ms, stop_event=stop,
                         raise_interrupt=False, yield_on_timeout=False):
        if wait_until_stable(path for _change, path in changes):  # else: its next change
            echo(rebuild(project, formats=formats, settings=settings)[1])
