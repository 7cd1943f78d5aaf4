"""Run a job in a forked process while the main process works (the machines have ≥ 2 cores).

Charts are drawn beside the data and template stages (``briefgen.charts.batch``), and the
slowest page-less writer (HWPX, else the DOCX, whose TOC page numbers are handed over with
``Handoff``) runs beside the PDF layout. Off Linux, with one core, or with ``BRIEFGEN_SERIAL=1``
the job runs inline when its result is asked for. A ``BriefError`` raised in the child is raised
again in the parent, unchanged.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from briefgen.errors import BriefError


def can_fork() -> bool:
    """Whether background jobs really run in parallel here."""
    return (
        sys.platform.startswith("linux")  # macOS frameworks are not safe to fork; Windows can't
        and "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and os.environ.get("BRIEFGEN_SERIAL", "") not in ("1", "true", "yes")
    )


class Handoff:
    """A value the parent gives a background job after starting it (the PDF's page numbers)."""

    def __init__(self) -> None:
        self._value: Any = None
        self._receiver: Connection | None = None
        self._sender: Connection | None = None
        if can_fork():
            self._receiver, self._sender = multiprocessing.get_context("fork").Pipe(duplex=False)

    def give(self, value: Any) -> None:
        """Hand ``value`` over (in the parent)."""
        self._value = value
        if self._sender is not None:
            self._sender.send(value)

    def take(self) -> Any:
        """The value handed over, waiting for it in a child process."""
        if self._receiver is not None and multiprocessing.parent_process() is not None:
            return self._receiver.recv()
        return self._value


_frozen_for_life = False


def freeze_for_life() -> None:
    """Put every object alive now out of the collector's reach for the rest of the process
    (a long-lived ``watch`` after importing its libraries): later collections and forks skip
    them. (``gc.get_freeze_count`` would walk them all on every call.)"""
    global _frozen_for_life
    gc.collect()
    gc.freeze()
    _frozen_for_life = True


class Background:
    """``job`` started now in a child process; ``result()`` waits for it (or runs it inline).

    With ``parallel=False`` the job simply runs inline when its result is asked for.
    """

    def __init__(self, job: Callable[[], Any], *, parallel: bool = True) -> None:
        self._job = job
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        if parallel and can_fork():
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(job, sender), daemon=True)
            if _frozen_for_life:  # a warm process (watch) keeps its libraries frozen
                self._process.start()
            else:
                gc.freeze()  # the child's collector then leaves the inherited objects (and pages) alone
                try:
                    self._process.start()
                finally:
                    gc.unfreeze()
            sender.close()
            self._conn = receiver

    def running(self) -> bool:
        """Whether the job is still running in its child process."""
        return self._process is not None and self._process.is_alive()

    def result(self) -> Any:
        """The job's return value; its BriefError or failure is raised here."""
        if self._process is None or self._conn is None:
            return self._job()
        try:
            kind, payload = self._conn.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"background writer died (exit code {self._process.exitcode})") from None
        finally:
            self._conn.close()
        self._process.join()
        if kind == "brief":
            raise BriefError(**payload)
        if kind == "interrupted":
            raise KeyboardInterrupt
        if kind == "crash":
            raise RuntimeError(f"background writer failed:\n{payload}")
        return payload

    def __enter__(self) -> Background:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop a child that is still running (an error or Ctrl-C in the parent)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _child(job: Callable[[], Any], conn: Connection) -> None:
    try:
        message: tuple[str, Any] = ("ok", job())
    except BriefError as error:
        message = ("brief", dataclasses.asdict(error))
    except KeyboardInterrupt:
        message = ("interrupted", None)
    except BaseException:  # noqa: BLE001 — reported to the parent, which raises it
        message = ("crash", traceback.format_exc())
    conn.send(message)
    conn.close()
