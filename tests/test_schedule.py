"""HTML, HWPX and the charts are made in a second process; failures there lose nothing."""

from __future__ import annotations

import gc
import os
import shutil

import pytest
from regen_helpers import NAME, copy_built, edit, output_bytes

import briefgen.background
import briefgen.writers.hwpx
from briefgen.background import Background, can_fork
from briefgen.build import CACHE_DIR, build
from briefgen.errors import BriefError

CONTENT = "templates/ai-models/content.md"
needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")


@needs_fork
def test_job_runs_in_another_process_and_returns_its_value():
    with Background(os.getpid) as job:
        assert job.result() != os.getpid()


@needs_fork
def test_a_warm_process_keeps_its_libraries_frozen_across_forks(monkeypatch):
    from briefgen.warm import warm_up

    monkeypatch.setattr(briefgen.background, "_frozen_for_life", False)  # undone after the test
    try:
        warm_up()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # pandas, matplotlib, reportlab, …
        with Background(os.getpid) as job:
            assert job.result() != os.getpid()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@needs_fork
def test_a_cold_process_unfreezes_after_forking(monkeypatch):
    monkeypatch.setattr(briefgen.background, "_frozen_for_life", False)  # as in a fresh process
    gc.unfreeze()  # (a watch test in this process may have frozen it)
    with Background(os.getpid) as job:
        job.result()
    assert gc.get_freeze_count() == 0


def test_serial_setting_runs_the_job_inline(monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    with Background(os.getpid) as job:
        assert job.result() == os.getpid()


def _bad_input():
    raise BriefError("not a number: 'abc'", source="data/x.csv", cell='row 3, column "n"')


def _crash():
    raise ZeroDivisionError("boom")


def test_brief_error_in_the_child_is_raised_unchanged():
    with Background(_bad_input) as job, pytest.raises(BriefError) as caught:
        job.result()
    assert str(caught.value) == "data/x.csv: row 3, column \"n\": not a number: 'abc'"


@needs_fork
def test_a_crash_in_the_child_names_the_cause():
    with Background(_crash) as job, pytest.raises(RuntimeError, match="ZeroDivisionError: boom"):
        job.result()


@needs_fork
def test_child_that_dies_is_reported_not_awaited_forever():
    with Background(lambda: os._exit(3)) as job, pytest.raises(RuntimeError, match="exit code 3"):
        job.result()


def test_failing_background_writer_leaves_previous_outputs_byte_identical(example_build, tmp_path, monkeypatch):
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
    assert len(charts) == 3  # drawn by a child process while the template was rendered
    shutil.rmtree(project / CACHE_DIR)  # no cached charts or outputs: everything runs again
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")
    result = build(project, force=True)
    assert result.cached == []
    serial = output_bytes(project)
    for fmt in ("pdf", "docx", "html", "hwpx"):
        assert serial[f"{NAME}.{fmt}"] == parallel[f"{NAME}.{fmt}"], fmt
    assert {p.name: p.read_bytes() for p in (project / CACHE_DIR / "charts").iterdir()} == charts
