"""Charts drawn on two processes from the two ends of one list; the first failing chart is reported."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from regen_helpers import copy_built, edit

import briefgen.charts.draw  # noqa: F401 — matplotlib loaded here, so the main process joins at once
from briefgen.background import can_fork
from briefgen.build import prepare
from briefgen.charts.batch import ChartBatch
from briefgen.errors import BriefError
from briefgen.theme import load_theme

THEME = load_theme()
needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")


@dataclass(frozen=True)
class FakeChart:
    """Shaped like a ChartJob: writes the drawing process's id to ``path`` (once only)."""

    path: Path
    fails: bool = False

    def draw(self, theme) -> None:
        time.sleep(0.02)
        if self.fails:
            raise BriefError("a pie chart cannot show a negative value", source="brief.yaml",
                             key=f"charts.{self.path.stem}.stat")
        with self.path.open("x") as out:  # "x": a second drawing of the same chart fails
            out.write(str(os.getpid()))


def charts(folder: Path, n: int, failing: tuple[int, ...] = ()) -> list[FakeChart]:
    return [FakeChart(folder / f"c{i}.png", i in failing) for i in range(n)]


def drawers(jobs: list[FakeChart]) -> list[int]:
    return [int(job.path.read_text()) for job in jobs]


@needs_fork
def test_the_child_draws_from_the_front_and_the_main_process_from_the_back(tmp_path):
    jobs = charts(tmp_path, 12)
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        mine = batch.finish()
    pids = drawers(jobs)
    assert 0 < mine < 12 and pids.count(os.getpid()) == mine
    assert pids[-mine:] == [os.getpid()] * mine  # the main process took the last ones
    assert os.getpid() not in pids[:-mine]


def test_serial_setting_draws_every_chart_in_order_here(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    jobs = charts(tmp_path, 4)
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        assert batch.finish() == 0  # all drawn by the inline job
    assert drawers(jobs) == [os.getpid()] * 4


def test_charts_already_drawn_are_left_alone(tmp_path):
    jobs = charts(tmp_path, 3)
    for job in jobs:
        job.path.write_text("0")
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        assert batch.finish() == 0
    assert drawers(jobs) == [0, 0, 0]


@pytest.mark.parametrize("serial", ["1", "0"])
@pytest.mark.parametrize("failing", [(3, 9), (9,)])
def test_the_first_failing_chart_in_the_list_is_reported(tmp_path, monkeypatch, serial, failing):
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    with ChartBatch(THEME) as batch, pytest.raises(BriefError) as caught:
        batch.start(charts(tmp_path, 12, failing))
        batch.finish()
    assert caught.value.key == f"charts.c{failing[0]}.stat"


@needs_fork
def test_waiting_for_one_chart_returns_once_it_is_drawn_and_helps_from_the_back(tmp_path):
    jobs = charts(tmp_path, 40)
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        batch.wait_for(jobs[1].path)
        assert jobs[1].path.exists()
        assert sum(job.path.exists() for job in jobs) < 40  # not every chart was awaited
        assert jobs[-1].path.exists()  # this process drew from the back while it waited
        mine = batch.finish()
    pids = drawers(jobs)  # each chart drawn once ("x"), by one of the two processes
    assert pids.count(os.getpid()) == mine and pids[-mine:] == [os.getpid()] * mine


@pytest.mark.parametrize("serial", ["1", "0"])
def test_waiting_for_one_chart_reports_the_first_failing_chart(tmp_path, monkeypatch, serial):
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    jobs = charts(tmp_path, 12, (3, 9))
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        for _ in range(2):  # and again when asked again
            with pytest.raises(BriefError) as caught:
                batch.wait_for(jobs[6].path)
            assert caught.value.key == "charts.c3.stat"
        with pytest.raises(BriefError) as caught:
            batch.finish()
        assert caught.value.key == "charts.c3.stat"


def test_serial_setting_draws_every_chart_when_one_is_awaited(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    jobs = charts(tmp_path, 4)
    with ChartBatch(THEME) as batch:
        batch.start(jobs)
        batch.wait_for(jobs[0].path)
        assert drawers(jobs) == [os.getpid()] * 4
        batch.wait_for(jobs[3].path)  # nothing is drawn twice
        assert batch.finish() == 0


def test_an_unused_chart_is_still_checked(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / "brief.yaml", "charts:\n", "charts:\n  spare: {type: pie, stat: year_domain}\n")
    with pytest.raises(BriefError, match=r"charts\.spare\.stat'?: a pie chart needs"):
        prepare(project)
