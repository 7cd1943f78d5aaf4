"""One progress display for a series and the summary of its failures.

On a terminal: one bar (briefs done of all, failures so far, elapsed time) with each failure
printed above it as it happens. Elsewhere (a log, a CI job): one line per brief. At the end one
summary line and, again, every failure with its message, so the last lines of a log say it all.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from briefgen.series.run import Outcome


@dataclass
class SeriesReport:
    """What a series run did: the outcomes in the series' order."""

    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[Outcome]:
        """The briefs that did not build, in series order."""
        return [o for o in self.outcomes if not o.ok]

    @property
    def crashed(self) -> bool:
        """Whether a failure was a bug in briefgen (exit code 2)."""
        return any(o.crashed for o in self.outcomes)

    def warnings(self) -> list[str]:
        """Each distinct warning once, with how many briefs it came from when more than one."""
        seen: dict[str, int] = {}
        for outcome in self.outcomes:
            for warning in outcome.warnings:
                seen[warning] = seen.get(warning, 0) + 1
        return [f"{w} ({n} briefs)" if n > 1 else w for w, n in seen.items()]

    def summary(self, jobs: int) -> str:
        """``series: 100 briefs, 97 built, 2 up to date, 1 failed in 41.2 s (2 processes)``."""
        done = [o for o in self.outcomes if o.ok]
        fresh = sum(o.up_to_date for o in done)
        processes = f"{jobs} processes" if jobs > 1 else "1 process"
        return (f"series: {len(self.outcomes)} briefs, {len(done) - fresh} built, {fresh} up to date, "
                f"{len(self.failed)} failed in {self.seconds:.1f} s ({processes})")


def show_series(outcomes: Iterable[Outcome], total: int, console: Console, quiet: bool) -> SeriesReport:
    """Consume ``outcomes`` while showing the progress; return what happened (``seconds``: the
    time shown)."""
    started = time.perf_counter()
    report = SeriesReport()
    live = console.is_terminal and not quiet
    columns = (TextColumn("briefs"), BarColumn(), MofNCompleteColumn(),
               TextColumn("[red]{task.fields[failed]}[/]"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not live) as progress:
        task = progress.add_task("series", total=total, failed="")
        for outcome in outcomes:
            report.outcomes.append(outcome)
            if not outcome.ok:
                console.print(f"[red]failed[/]  #{outcome.brief.number} {escape(outcome.brief.label)}: "
                              f"{escape(outcome.message)}", highlight=False, soft_wrap=True)
            elif not live and not quiet:
                state = "up to date" if outcome.up_to_date else f"built in {outcome.seconds:.1f} s"
                console.print(f"ok      #{outcome.brief.number} {escape(outcome.brief.label)} → "
                              f"{escape(outcome.brief.name)} ({state}, {outcome.pages} pages)",
                              highlight=False, soft_wrap=True)
            failures = len(report.failed)
            progress.update(task, advance=1, failed=f"{failures} failed" if failures else "")
    report.outcomes.sort(key=lambda o: o.brief.number)
    report.seconds = time.perf_counter() - started
    return report
