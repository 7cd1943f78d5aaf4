"""Library code leaves the process as it found it: a build changes no collector setting, no
ReportLab setting and no python-hwpx seam, and the caches a long ``watch`` process keeps are
bounded. Process-wide settings belong to the entry points (``cli.tune_process``, watch's
``warm_process``)."""

from __future__ import annotations

import gc
import subprocess
import sys
from functools import _lru_cache_wrapper
from pathlib import Path

import pytest
from conftest import ROOT, copy_example
from hwpx.oxml import _document_impl
from reportlab import rl_config

from briefgen.build import build
from briefgen.writers import textwidth
from briefgen.writers.docx import oxml


def _state() -> tuple[object, ...]:
    return gc.get_threshold(), rl_config.useA85, _document_impl.uuid4


def test_a_build_leaves_process_settings_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_SERIAL", "1")  # every writer runs in this process
    project = copy_example(tmp_path / "p", ROOT / "examples" / "soai-scorecard")
    before, frozen = _state(), gc.get_freeze_count()
    result = build(project, ("pdf", "docx", "html", "hwpx"), force=True)
    assert result.pages > 0
    assert _state() == before
    assert gc.get_freeze_count() <= frozen  # nothing frozen (frozen objects may be freed)


def test_the_command_sets_the_collector_thresholds() -> None:
    script = ("import gc, briefgen.cli as c; before = gc.get_threshold(); c.tune_process(); "
              "assert gc.get_threshold() == c.GC_THRESHOLDS != before")
    subprocess.run([sys.executable, "-c", script], check=True)


@pytest.mark.parametrize(
    "cached", [textwidth.text_width, oxml.rpr_xml, oxml.ppr_xml, oxml.field_begin_xml]
)
def test_caches_keyed_by_text_are_bounded(cached: _lru_cache_wrapper[object]) -> None:
    assert cached.cache_info().maxsize is not None


def test_importing_the_writers_changes_no_library_setting() -> None:
    script = ("from reportlab import rl_config; a85 = rl_config.useA85; "
              "import matplotlib.artist; kwdoc = matplotlib.artist.kwdoc; "
              "import briefgen.writers.pdf, briefgen.writers.hwpx, briefgen.charts.draw; "
              "assert rl_config.useA85 == a85 and matplotlib.artist.kwdoc is kwdoc")
    subprocess.run([sys.executable, "-c", script], check=True)
