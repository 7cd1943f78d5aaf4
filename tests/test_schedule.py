"""The scheduler: jobs in forked processes, their results and errors; a failing job loses nothing."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from regen_helpers import NAME, copy_built, edit, output_bytes

import briefgen.writers.hwpx
from briefgen.build import CACHE_DIR, build, prepare
from briefgen.charts.render import draw_charts
from briefgen.errors import BriefError
from briefgen.schedule import Scheduler, TaskFailed, can_fork
from briefgen.theme import load_theme

CONTENT = "templates/ai-models/content.md"
needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")


@needs_fork
def test_a_job_runs_in_another_process_and_returns_its_value():
    with Scheduler() as scheduler:
        task = scheduler.submit(os.getpid)
        assert scheduler.wait_for(task) != os.getpid()


def test_serial_setting_runs_the_job_here_when_it_is_waited_for(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    ran: list[int] = []
    with Scheduler() as scheduler:
        task = scheduler.submit(lambda: ran.append(os.getpid()) or len(ran))
        assert ran == []
        assert scheduler.wait_for(task) == 1 and scheduler.wait_for(task) == 1  # run once
    assert ran == [os.getpid()]


def _bad_input():
    raise BriefError("not a number: 'abc'", source="data/x.csv", cell='row 3, column "n"')


@pytest.mark.parametrize("serial", ["1", "0"])
def test_a_brief_error_in_a_job_is_raised_unchanged_by_every_wait(monkeypatch, serial):
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    with Scheduler() as scheduler:
        task = scheduler.submit(_bad_input)
        for _ in range(2):
            with pytest.raises(BriefError) as caught:
                scheduler.wait_for(task)
            assert str(caught.value) == "data/x.csv: row 3, column \"n\": not a number: 'abc'"


@needs_fork
def test_a_crash_in_a_job_names_the_cause():
    def crash():
        raise ZeroDivisionError("boom")

    with Scheduler() as scheduler, pytest.raises(RuntimeError, match="ZeroDivisionError: boom"):
        scheduler.wait_for(scheduler.submit(crash))


@needs_fork
def test_a_job_whose_process_dies_is_reported_not_awaited_forever():
    with Scheduler() as scheduler, pytest.raises(RuntimeError, match="exit code 3"):
        scheduler.wait_for(scheduler.submit(lambda: os._exit(3)))


def _write_later(path: Path, fails: bool = False) -> None:
    time.sleep(0.2)
    if fails:
        raise BriefError("cannot be drawn", source="brief.yaml")
    path.write_text("drawn")


@needs_fork
@pytest.mark.parametrize("fails", [False, True])
def test_a_later_job_waits_for_an_earlier_one(tmp_path, fails):
    path = tmp_path / "chart.png"
    with Scheduler() as scheduler:
        first = scheduler.submit(partial(_write_later, path, fails))

        def second() -> str:
            scheduler.wait_for(first)  # in this job's process: until the first one ended
            return path.read_text()

        later = scheduler.submit(second)
        if fails:
            with pytest.raises(TaskFailed):
                scheduler.wait_for(later)
            with pytest.raises(BriefError, match="cannot be drawn"):
                scheduler.wait_for(first)  # the owner learns why
        else:
            assert scheduler.wait_for(later) == "drawn"


def _take_twice(take) -> tuple[int, int]:
    return take(), take()


@pytest.mark.parametrize("serial", ["1", "0"])
def test_a_mailbox_hands_a_job_a_value_that_exists_only_after_it_started(monkeypatch, serial):
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    with Scheduler() as scheduler:
        box = scheduler.mailbox()
        task = scheduler.submit(partial(_take_twice, box.take))
        box.put(42)
        assert scheduler.wait_for(task) == (42, 42)
        assert box.take() == 42


@needs_fork
def test_leaving_the_scheduler_stops_jobs_still_running():
    with Scheduler() as scheduler:
        task = scheduler.submit(partial(time.sleep, 30))
    assert task.process is not None and not task.process.is_alive()


@dataclass(frozen=True)
class FakeChart:
    """Shaped like a ChartJob."""

    path: Path
    fails: bool = False

    def draw(self, theme) -> None:
        if self.fails:
            raise BriefError("cannot be drawn", source="brief.yaml", key=f"charts.{self.path.stem}")
        self.path.write_text("drawn")


@pytest.mark.parametrize("serial", ["1", "0"])
def test_the_first_failing_chart_in_the_list_is_reported(tmp_path, monkeypatch, serial):
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    jobs = [FakeChart(tmp_path / f"c{i}.png", i in (3, 9)) for i in range(12)]
    with Scheduler() as scheduler, pytest.raises(BriefError) as caught:
        scheduler.wait_for(scheduler.submit(partial(draw_charts, jobs, load_theme())))
    assert caught.value.key == "charts.c3"


def test_an_unused_chart_is_still_checked(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / "brief.yaml", "charts:\n", "charts:\n  spare: {type: pie, stat: year_domain}\n")
    with pytest.raises(BriefError, match=r"charts\.spare\.stat'?: a pie chart needs"):
        prepare(project)


def test_a_failing_writer_leaves_previous_outputs_byte_identical(example_build, tmp_path, monkeypatch):
    project = copy_built(example_build[0], tmp_path / "brief")
    before = output_bytes(project)
    edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 새 문단")

    def broken_hwpx(document, theme, out, page_of=None):
        out.write_bytes(b"half an hwpx")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(briefgen.writers.hwpx, "write_hwpx", broken_hwpx)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build(project)
    assert output_bytes(project) == before
    assert not [p for p in (project / "output").iterdir() if p.name.endswith(".tmp")]


def test_parallel_and_serial_builds_write_the_same_bytes(example_build, tmp_path, monkeypatch):
    project = copy_built(example_build[0], tmp_path / "brief")
    parallel = output_bytes(project)
    charts = {p.name: p.read_bytes() for p in (project / CACHE_DIR / "charts").iterdir()}
    assert len(charts) == 3  # drawn by a job while the template was rendered
    shutil.rmtree(project / CACHE_DIR)  # no cached charts or outputs: everything runs again
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    result = build(project, force=True)
    assert result.cached == []
    serial = output_bytes(project)
    for fmt in ("pdf", "docx", "html", "hwpx"):
        assert serial[f"{NAME}.{fmt}"] == parallel[f"{NAME}.{fmt}"], fmt
    assert {p.name: p.read_bytes() for p in (project / CACHE_DIR / "charts").iterdir()} == charts
