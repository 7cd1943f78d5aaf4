"""Draw a build's charts on two processes, from the two ends of one list, while the build goes on.

``ChartBatch`` forks its child when a build starts: the child imports matplotlib
while the main process loads the data and computes the statistics. Charts depend only on
their spec, statistic and theme, so they are planned right then and handed to the child
(``start``), which draws from the front of the list while the main process renders the
template and reads the markup. ``finish()`` makes the main process draw from the back (a
shared pair of indexes under a lock) until the two meet; it imports matplotlib itself only
when enough charts are left for that to pay off.

The PDF's layout passes need each chart's pixel size alone, known before drawing
(``planned_pixels``); its final pass draws the pages in order and waits for each chart only
when it reaches it (``wait_for``), so the child draws the later charts while the first pages
are drawn. While the main process waits it draws charts from the back itself.

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
from pathlib import Path
from types import TracebackType
from typing import Any

from briefgen.background import Background, can_fork
from briefgen.charts.render import ChartJob
from briefgen.charts.spec import DPI as PNG_DPI
from briefgen.errors import BriefError
from briefgen.theme import Theme

#: The main process joins the drawing when at least this many charts are still unclaimed
#: (unless it has matplotlib loaded already): importing it there costs about as much as
#: drawing a few charts, and only the charts left after that are shared.
JOIN_AT = 8
#: A wait for one chart wakes up at least this often (s) to see whether the child has died.
WAKE_EVERY = 0.05


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
        #: next chart from the front, end of the unclaimed ones, 1 once the child's drawing ended
        self._ends: Any = [0, 0, 0]
        self._lock: AbstractContextManager[Any] = nullcontext()
        self._drawn_one: Any = None  # a condition on the lock: a chart was drawn, or the child ended
        self._sender: Connection | None = None
        self._failure: BriefError | None = None  # the first failed chart, once known
        self._drawn_here = 0
        self._finished = False
        # With matplotlib loaded already (``watch`` after ``warm_up``) the child has nothing to
        # import meanwhile: it is forked by ``start``, and only when a chart must be drawn (a
        # fork of that large process costs the build copy-on-write page faults).
        self._fork_in_start = self._forked and "briefgen.charts.draw" in sys.modules
        self._forked = self._forked and not self._fork_in_start
        self._child = self._start_child()

    def _start_child(self) -> Background:
        """The child drawing from the front (forked now if ``_forked``, else run inline)."""
        receiver = None
        if self._forked:
            context = multiprocessing.get_context("fork")
            self._ends = context.Array("i", self._ends)
            self._lock = self._ends.get_lock()
            self._drawn_one = context.Condition(self._lock)
            receiver, self._sender = context.Pipe(duplex=False)
        child = Background(partial(self._draw_from_front, receiver), parallel=self._forked)
        if receiver is not None:
            receiver.close()  # the child's end: a send to a dead child fails instead of blocking
        return child

    def start(self, jobs: list[ChartJob]) -> None:
        """Hand the charts over: those not drawn yet (by file) are drawn from now on."""
        self.todo = list({job.path: job for job in jobs if not job.path.exists()}.values())
        if self._fork_in_start and self.todo:
            self._forked = True
            self._child = self._start_child()
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
        if not self._finished:
            if self._forked and self._failure is None and self._worth_joining():
                import briefgen.charts.draw  # noqa: F401 — before claiming: the child draws meanwhile

                while self._draw_one_from_back():
                    pass
            self._finished = True
            try:
                self._child.result()
            except BriefError as error:  # on an earlier chart than one this process drew
                self._failure = error
        if self._failure is not None:
            raise self._failure
        return self._drawn_here

    def wait_for(self, path: Path) -> None:
        """Return once the chart file ``path`` is drawn (at once if it is no chart of this
        batch). Meanwhile this process draws charts from the back when that pays off. A failed
        chart is raised here, as by ``finish()``."""
        if not self._forked:
            self.finish()  # inline: every chart, in order
            return
        while not path.exists() and self._failure is None:
            if self._worth_joining():
                import briefgen.charts.draw  # noqa: F401

                if self._draw_one_from_back():
                    continue
            with self._drawn_one:
                if path.exists() or self._ends[2] or not self._child.running():
                    break
                self._drawn_one.wait(WAKE_EVERY)
        if not path.exists():
            self.finish()  # raises why it was not drawn

    def _draw_one_from_back(self) -> bool:
        """Claim the last unclaimed chart and draw it; False when none was left, or it failed
        (kept for ``finish()``)."""
        index = self._claim(front=False)
        if index is None:
            return False
        try:
            self.todo[index].draw(self.theme)
        except BriefError as error:  # the child goes on: it may fail on an earlier chart
            self._failure = error
            return False
        self._drawn_here += 1
        return True

    def _worth_joining(self) -> bool:
        with self._lock:
            left = self._ends[1] - self._ends[0]
        return left >= (1 if "briefgen.charts.draw" in sys.modules else JOIN_AT)

    def _draw_from_front(self, jobs: Connection | None) -> int:
        """The child's job: draw charts from the front until the two ends meet (inline: all)."""
        if jobs is not None:  # in the child (forked before the charts were planned, unless warm)
            import briefgen.charts.draw  # noqa: F401 — while the main process computes the statistics

            self.todo = jobs.recv()
        drawn = 0
        try:
            while (index := self._claim(front=True)) is not None:
                self.todo[index].draw(self.theme)
                drawn += 1
                self._tell_drawn()
        except BaseException:
            with self._lock:  # every later chart is moot: stop the main process too
                self._ends[1] = self._ends[0]
            raise
        finally:
            self._tell_drawn(ended=True)  # a waiting main process need not wait any longer
        return drawn

    def _tell_drawn(self, *, ended: bool = False) -> None:
        """Wake a main process waiting in ``wait_for`` (``ended``: the drawing here is over)."""
        if self._drawn_one is not None:
            with self._drawn_one:
                self._ends[2] = int(ended)
                self._drawn_one.notify_all()

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
