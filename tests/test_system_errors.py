"""A hostile machine: a full disk or a read-only output folder ends a build with one located
line and exit code 1 (not an internal error), the earlier outputs untouched; ``build --all``
goes on to the next project."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_bad_inputs import PREVIOUS, invoke, outputs, setup_case

import briefgen.build
from briefgen.writers import writer

CASE = "tpl-date-impossible"  # a project that builds once its one bad line is gone


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = setup_case(CASE, tmp_path)
    content = folder / "content.md"
    content.write_text(content.read_text("utf-8").replace("ㅇ {{ '2024-02-30' | date }}", ""), "utf-8")
    return folder


def _failing(fmt: str, error: OSError) -> Callable[[str], Any]:
    """The writers, except that ``fmt``'s raises ``error`` once it has begun its file."""

    def pick(name: str) -> Any:
        real = writer(name)
        if name != fmt:
            return real

        def write(document: Any, theme: Any, target: Path, context: Any) -> Any:
            target.write_bytes(b"half")
            raise error

        return write

    return pick


@pytest.mark.parametrize("fmt", ["pdf", "docx"])  # the PDF in this process, the DOCX in a job
def test_a_full_disk_is_one_located_line(project: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr(briefgen.build, "writer", _failing(fmt, OSError(errno.ENOSPC, "No space left on device")))
    result = invoke("build", str(project))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == ["error: output: No space left on device"]
    assert outputs(project) == PREVIOUS


def test_a_read_only_output_folder_is_one_located_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(target: Path) -> Path:
        raise PermissionError(errno.EROFS, "Read-only file system", str(target.with_name(".x.pdf.0a1b.tmp")))

    monkeypatch.setattr(briefgen.build, "temp_beside", refused)
    result = invoke("build", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (1, ["error: output: Read-only file system"])
    assert outputs(project) == PREVIOUS


def test_build_all_goes_on_after_a_full_disk(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(briefgen.build, "writer", _failing("pdf", OSError(errno.ENOSPC, "No space left on device")))
    result = invoke("build", "--all", str(tmp_path))
    assert result.exit_code == 1
    assert "output: No space left on device" in result.stderr and "0 of 1 projects built" in result.stderr


@pytest.mark.parametrize("serial", ["0", "1"])  # the chart job in a child, or in this process
def test_a_full_disk_while_the_charts_are_drawn(project: Path, monkeypatch: pytest.MonkeyPatch, serial: str) -> None:
    """The chart job meets a full disk half-way through its PNG: one located
    line naming the charts' folder, exit 1, the earlier outputs untouched, no file left half
    written in the cache."""
    import briefgen.charts.render

    def full(fig: Any, path: Path, dpi: int) -> None:
        path.write_bytes(b"\x89PNG half")
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    config = project / "brief.yaml"
    config.write_text(config.read_text("utf-8").replace(
        "statistics:\n", "statistics:\n  by_country: {type: counts, data: d, by: country}\n")
        + "charts:\n  c: {type: bar, stat: by_country}\n", "utf-8")
    content = project / "content.md"
    content.write_text(content.read_text("utf-8") + "\nㅇ 국가별로는 {@fig-c|와} 같음\n\n"
                       "::: figure #fig-c chart=c\n국가별 모델 수\n:::\n", "utf-8")
    monkeypatch.setattr(briefgen.charts.render, "_write_png", full)
    monkeypatch.setenv("BRIEFGEN_SERIAL", serial)
    result = invoke("build", str(project))
    assert (result.exit_code, result.stderr.splitlines()) == (1, ["error: .briefgen-cache/charts: No space left on device"])
    assert outputs(project) == PREVIOUS
    assert list((project / ".briefgen-cache" / "charts").iterdir()) == []
