"""A content template in the project's own folder: its inputs are the files a template may
include, never the outputs, the cache or hidden files (which every build changes)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.cache.inputs import declared_files
from briefgen.errors import BriefError
from briefgen.project import load_project

CASE = Path(__file__).parent / "bad_inputs" / "date-impossible"  # content.md beside brief.yaml


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "brief"
    shutil.copytree(CASE, folder, ignore=shutil.ignore_patterns("expected.txt"))
    config = folder / "brief.yaml"
    config.write_text(config.read_text("utf-8").replace("2024-02-30", "2024-08-26"), "utf-8")
    return folder


def test_a_second_build_is_up_to_date(project: Path) -> None:
    assert not build(project).up_to_date
    assert (project / ".briefgen-cache").is_dir() and (project / "output").is_dir()
    assert build(project).up_to_date
    (project / "output" / "notes.txt").write_text("an editor's note", "utf-8")
    assert build(project).up_to_date
    (project / "partial.md").write_text("ㅇ 부분\n", "utf-8")  # a template could include it
    assert not build(project).up_to_date


def test_template_inputs_leave_out_outputs_cache_and_hidden_files(project: Path) -> None:
    build(project)
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref", "utf-8")
    content = {p.relative_to(project).as_posix() for p in declared_files(load_project(project))["content"]}
    assert content == {"brief.yaml", "content.md", "data.csv"}


def test_a_template_never_includes_from_the_cache(project: Path) -> None:
    build(project)
    (project / ".briefgen-cache" / "part.md").write_text("ㅇ 숨은 부분\n", "utf-8")
    content = project / "content.md"
    content.write_text(content.read_text("utf-8") + '\n{% include ".briefgen-cache/part.md" %}\n', "utf-8")
    with pytest.raises(BriefError, match="hidden folder or file"):
        build(project)
