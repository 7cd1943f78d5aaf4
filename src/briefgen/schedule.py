"""A build's concurrency, in one place: jobs run in forked child processes beside the main one.

``submit(job)`` forks a child that runs ``job`` at once. ``wait_for(task)`` returns the job's
result in the process that submitted it (a ``BriefError`` raised in the child is raised again,
unchanged, by this call and every later one); in another job's process (forked later) it only
waits until the task ended. A ``mailbox()`` carries one value that exists only later to a job
already running (``put`` here, ``take`` in the job, which waits for it): the planned charts to
the chart job, started before them to import matplotlib meanwhile; the PDF's page numbers to
the writer started beside the PDF. Off Linux, with one core, or with ``BRIEFGEN_SERIAL=1``
nothing is forked: a job runs when it is first waited for. Leaving the scheduler stops children
still running (the build failed).

Many builds (a series of briefs) run in a ``WorkerPool``: worker processes forked once, each
building brief after brief with what the parent had imported. A build inside a worker forks no
job of its own (its jobs run inline): the workers already keep the cores busy. ``jobs_inline()``
does the same for builds in this process (a series built by one process).
"""

from __future__ import annotations

import ctypes
import dataclasses
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any, Generic, TypeVar

from briefgen.errors import BriefError

T = TypeVar("T")
A = TypeVar("A")
POLL = 0.005  # seconds between two looks in ``wait_until``
_inline = False  # in a WorkerPool's worker or under ``jobs_inline()``: builds fork nothing


def can_fork() -> bool:
    """Whether jobs really run in parallel here."""
    return (
        sys.platform.startswith("linux")  # macOS frameworks are not safe to fork; Windows can't
        and "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and os.environ.get("BRIEFGEN_SERIAL", "") not in ("1", "true", "yes")
        and not _inline
    )


class TaskFailed(Exception):
    """A job waited for a task that failed: the owner learns why by waiting for that task."""


@dataclass(eq=False)
class Task(Generic[T]):
    """One submitted job; ``outcome`` is ``(kind, payload)`` once the submitting process knows it."""

    job: Callable[[], T]
    process: multiprocessing.process.BaseProcess | None = None
    receiver: Connection | None = None
    #: 0 while running, 1 done, 2 failed: what a later child sees (shared memory)
    state: Any = None
    ended: Any = None  # an Event set when the job ended, for later children
    outcome: tuple[str, Any] | None = None


class Scheduler:
    """The jobs of one build (see the module docstring)."""

    def __init__(self) -> None:
        self.parallel = can_fork()
        self.owner = os.getpid()
        self.tasks: list[Task[Any]] = []

    def submit(self, job: Callable[[], T]) -> Task[T]:
        """Start ``job`` in a child process now (or, not in parallel, when first waited for)."""
        task: Task[T] = Task(job)
        if self.parallel:
            context = multiprocessing.get_context("fork")
            task.state, task.ended = context.Value("b", 0, lock=False), context.Event()
            receiver, sender = context.Pipe(duplex=False)
            task.process = context.Process(target=_child, args=(task, sender, os.getpid()), daemon=True)
            task.process.start()
            sender.close()
            task.receiver = receiver
        self.tasks.append(task)
        return task

    def mailbox(self) -> Mailbox:
        """A value for a job submitted before it exists (see the module docstring)."""
        return Mailbox(self.parallel)

    def wait_for(self, task: Task[T]) -> T:
        """The job's result (see the module docstring); its BriefError or failure is raised."""
        if os.getpid() != self.owner:  # in another job's child: the result stays with the owner
            task.ended.wait()
            if task.state.value != 1:
                raise TaskFailed
            return None  # type: ignore[return-value]
        if task.outcome is None:
            task.outcome = _run_here(task.job) if task.process is None else _receive(task)
        kind, payload = task.outcome
        if kind == "brief":
            raise BriefError(**payload)
        if kind == "interrupted":
            raise KeyboardInterrupt
        if kind == "waited":
            raise TaskFailed
        if kind == "crash":
            raise RuntimeError(f"background job failed:\n{payload}")
        return payload

    def wait_until(self, task: Task[Any], done: Callable[[], bool]) -> None:
        """Return once ``done()`` holds (looked at every few milliseconds: a file a job writes)
        or ``task`` ended, raising its error as ``wait_for`` does."""
        while task.ended is not None and not done():
            if task.ended.wait(POLL):
                break
        if not done():
            self.wait_for(task)

    def __enter__(self) -> Scheduler:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop children still running (the build failed, or nobody waited for them)."""
        if os.getpid() != self.owner:
            return
        for task in self.tasks:
            if task.process is not None and task.process.is_alive():
                task.process.terminate()
                task.process.join()


class Mailbox:
    """One value, put by the scheduler's process and taken by a job (in its own process)."""

    def __init__(self, parallel: bool) -> None:
        self._value: Any = _EMPTY
        self._receiver: Connection | None = None
        self._sender: Connection | None = None
        if parallel:
            self._receiver, self._sender = multiprocessing.get_context("fork").Pipe(duplex=False)

    def put(self, value: Any) -> None:
        """Hand ``value`` over (once)."""
        self._value = value
        if self._sender is not None:
            with suppress(OSError):  # the job died: waiting for it says why
                self._sender.send(value)
            self._sender.close()

    def take(self) -> Any:
        """The value, waiting for it when it has not been put in this process."""
        if self._value is _EMPTY and self._receiver is not None:
            self._value = self._receiver.recv()
        return self._value


_EMPTY = object()


def _run_here(job: Callable[[], Any]) -> tuple[str, Any]:
    """Run ``job`` in this process: its BriefError is kept (raised by every wait), any other
    error goes up at once."""
    try:
        return "ok", job()
    except BriefError as error:
        return "brief", dataclasses.asdict(error)


def _run(job: Callable[[], Any]) -> tuple[str, Any]:
    """Run ``job`` and say how it ended: ok, brief (a BriefError), waited (for a failed task),
    interrupted or crash."""
    try:
        return "ok", job()
    except BriefError as error:
        return "brief", dataclasses.asdict(error)
    except TaskFailed:
        return "waited", None
    except KeyboardInterrupt:
        return "interrupted", None
    except BaseException:  # noqa: BLE001 — reported to the owner, which raises it
        return "crash", traceback.format_exc()


def _child(task: Task[Any], conn: Connection, parent: int) -> None:
    _end_with(parent)
    outcome = _run(task.job)
    task.state.value = 1 if outcome[0] == "ok" else 2
    task.ended.set()
    conn.send(outcome)
    conn.close()


def _end_with(parent: int) -> None:
    """Have the kernel kill this child when ``parent`` dies (killed, say): nobody would read its
    result, and a child waiting for a mailbox or another task would wait forever."""
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _receive(task: Task[Any]) -> tuple[str, Any]:
    """The outcome a child sent (a child that died without one is a crash)."""
    assert task.process is not None and task.receiver is not None
    try:
        outcome: tuple[str, Any] = task.receiver.recv()
    except EOFError:
        task.process.join()
        return "crash", f"the job's process died (exit code {task.process.exitcode})"
    finally:
        task.receiver.close()
    task.process.join()
    return outcome


class WorkerPool(Generic[A, T]):
    """``workers`` forked processes that run ``work(item)`` for many items (see the module
    docstring). Use it as a context manager: entering forks the workers (before any thread of
    the caller's display starts), leaving stops them."""

    def __init__(self, work: Callable[[A], T], workers: int) -> None:
        self.work = work
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool[A, T]:
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_start,
                                             initargs=(os.getpid(),))
        # the first task forks every worker (with fork, all at once), while this process has one thread
        self._executor.submit(int).result()
        return self

    def results(self, items: Sequence[A]) -> Iterator[tuple[int, T | None, str]]:
        """``(index, result, "")`` for each item as its work ends (in the order they end);
        ``(index, None, why)`` for an item whose worker died or whose work raised."""
        assert self._executor is not None, "enter the pool first"
        pending: dict[Future[T], int] = {self._executor.submit(self.work, item): i for i, item in enumerate(items)}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                error = future.exception()
                if error is None:
                    yield index, future.result(), ""
                else:
                    yield index, None, f"{type(error).__name__}: {error}"

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop the workers (at once when leaving on an error or Ctrl-C)."""
        if self._executor is None:
            return
        if error is not None:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.terminate()
        self._executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def jobs_inline() -> Iterator[None]:
    """Within this block the builds of this process fork no jobs: each runs its jobs when it
    waits for them, as in a WorkerPool's worker."""
    global _inline  # noqa: PLW0603 — this process's one setting, restored on leaving
    before, _inline = _inline, True
    try:
        yield
    finally:
        _inline = before


def _worker_start(parent: int) -> None:
    """A WorkerPool worker: it ends with its parent and its builds fork no jobs."""
    global _inline  # noqa: PLW0603 — this process's one setting
    _inline = True
    _end_with(parent)
