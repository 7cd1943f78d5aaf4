"""Draw a build's charts on two processes, from the two ends of one list, while the build goes on.

``ChartBatch`` forks its child when a build starts: the child imports matplotlib (~0.3 s)
while the main process loads the data and computes the statistics. Charts depend only on
their spec, statistic and theme, so they are planned right then and handed to the child
(``start``), which draws from the front of the list while the main process renders the
template and reads the markup. ``finish()`` makes the main process draw from the back (a
shared pair of indexes under a lock) until the two meet; it imports matplotlib itself only
when enough charts are left for that to pay off.

The build calls ``finish()`` only right before it draws the PDF for real: its layout passes
need each chart's pixel size alone, known before drawing (``planned_pixels``).

With ``BRIEFGEN_SERIAL=1`` or no ``fork`` the charts are drawn in order in ``finish()``.
Either way the first failing chart in list order is the error reported, and each chart is
the same file (each is drawn alone, by ``ChartJob.draw``).
"""

from __future__ import annotations

import multiprocessing
import sys
from contextlib import AbstractContextManager, nullcontext, suppress
from functools import partial
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from briefgen.background import Background, can_fork
from briefgen.charts.render import ChartJob
from briefgen.charts.spec import DPI as PNG_DPI
from briefgen.errors import BriefError
from briefgen.theme import Theme

#: The main process joins the drawing when at least this many charts are still unclaimed
#: (unless it has matplotlib loaded already): importing it there (~0.3 s) costs about as much
#: as drawing a few charts (80–150 ms each), and only the charts left after that are shared.
JOIN_AT = 8


def planned_pixels(job: ChartJob) -> tuple[int, int]:
    """The pixel size ``job``'s PNG will have, before it is drawn: its size in centimetres at
    ``PNG_DPI``, truncated as matplotlib's Agg canvas does."""
    width_cm, height_cm = job.spec.size
    return int(width_cm / 2.54 * PNG_DPI), int(height_cm / 2.54 * PNG_DPI)


class ChartBatch:
    """A child process that will draw the charts given to ``start``; ``finish()`` waits for them.

    With ``parallel=False`` (no charts declared) nothing is forked.
    """

    def __init__(self, theme: Theme, *, parallel: bool = True) -> None:
        self.theme = theme
        self.todo: list[ChartJob] = []
        self._forked = parallel and can_fork()
        self._ends: Any = [0, 0]  # next chart from the front, end of the unclaimed ones
        self._lock: AbstractContextManager[Any] = nullcontext()
        self._sender: Connection | None = None
        receiver = None
        if self._forked:
            context = multiprocessing.get_context("fork")
            self._ends = context.Array("i", self._ends)
            self._lock = self._ends.get_lock()
            receiver, self._sender = context.Pipe(duplex=False)
        self._child = Background(partial(self._draw_from_front, receiver), parallel=self._forked)
        if receiver is not None:
            receiver.close()  # the child's end: a send to a dead child fails instead of blocking

    def start(self, jobs: list[ChartJob]) -> None:
        """Hand the charts over: those not drawn yet (by file) are drawn from now on."""
        self.todo = list({job.path: job for job in jobs if not job.path.exists()}.values())
        with self._lock:
            self._ends[1] = len(self.todo)
        if self._sender is not None:
            with suppress(OSError):  # the child died; finish() reports why
                self._sender.send(self.todo)
            self._sender.close()

    def finish(self) -> int:
        """Draw what the child has not claimed yet from the back, wait for the child; return how
        many charts this process drew. A failed chart is raised here (the first in the list)."""
        if not self.todo:
            return 0  # a child still importing matplotlib is stopped on leaving the batch
        drawn, failure = 0, None
        if self._forked and self._worth_joining():
            import briefgen.charts.draw  # noqa: F401 — before claiming: the child draws meanwhile

            try:
                while (index := self._claim(front=False)) is not None:
                    self.todo[index].draw(self.theme)
                    drawn += 1
            except BriefError as error:  # the child may still fail on an earlier chart
                failure = error
        self._child.result()
        if failure is not None:
            raise failure
        return drawn

    def _worth_joining(self) -> bool:
        with self._lock:
            left = self._ends[1] - self._ends[0]
        return left >= (1 if "briefgen.charts.draw" in sys.modules else JOIN_AT)

    def _draw_from_front(self, jobs: Connection | None) -> int:
        """The child's job: draw charts from the front until the two ends meet (inline: all)."""
        if jobs is not None:  # in the child, forked before the charts were planned
            import briefgen.charts.draw  # noqa: F401 — while the main process computes the statistics

            self.todo = jobs.recv()
        drawn = 0
        try:
            while (index := self._claim(front=True)) is not None:
                self.todo[index].draw(self.theme)
                drawn += 1
        except BaseException:
            with self._lock:  # every later chart is moot: stop the main process too
                self._ends[1] = self._ends[0]
            raise
        return drawn

    def _claim(self, *, front: bool) -> int | None:
        """The index of the next unclaimed chart from one end, or None when none is left."""
        with self._lock:
            start, stop = self._ends[0], self._ends[1]
            if start >= stop:
                return None
            if front:
                self._ends[0] = start + 1
                return start
            self._ends[1] = stop - 1
            return stop - 1

    def __enter__(self) -> ChartBatch:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Stop the child if it is still running (the build failed, or there was nothing to draw)."""
        self._child.__exit__(kind, error, tb)
