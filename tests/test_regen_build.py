"""Rebuilds: atomic outputs under injected faults, byte-identical determinism, the cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_example
from regen_helpers import NAME, OLD_CSV, copy_built, edit, manifest, output_bytes

import briefgen.writers.docx
from briefgen.build import CACHE_DIR, build
from briefgen.cli import main

CONTENT = "templates/ai-models/content.md"


def charts(project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / CACHE_DIR / "charts").glob("*.png")}


def leftovers(project) -> list[str]:
    return [p.name for p in project.rglob("*") if p.name.endswith(".tmp") or ".tmp." in p.name]


@pytest.mark.parametrize("fault", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_fault_after_pdf_leaves_previous_outputs_byte_identical(example_build, tmp_path, monkeypatch, fault):
    project = copy_built(example_build[0], tmp_path / "brief")
    before = output_bytes(project)
    edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 새 문단")  # the document changes: writers must run
    seen = tmp_path / "pdf-size-seen-by-docx"

    def broken_docx(document, theme, out, page_of=None):  # may run in the second process
        page_of()  # waits until the PDF is laid out and written
        pdf_temp, = out.parent.glob(f".{NAME}.pdf.*.tmp")  # a fresh, uniquely named temp file
        seen.write_text(str(pdf_temp.stat().st_size))
        out.write_bytes(b"half a docx")
        raise fault

    monkeypatch.setattr(briefgen.writers.docx, "write_docx", broken_docx)
    with pytest.raises(type(fault)):
        build(project)
    assert int(seen.read_text()) > 10_000  # the PDF had been written when the DOCX writer failed
    assert output_bytes(project) == before  # outputs, manifest: same files, same bytes
    assert leftovers(project) == []


def test_two_builds_of_the_same_inputs_are_byte_identical(example_build, tmp_path):
    first, _ = example_build
    second = copy_example(tmp_path / "again")
    build(second)
    for fmt in ("docx", "pdf"):
        name = f"{NAME}.{fmt}"
        assert (second / "output" / name).read_bytes() == (first / "output" / name).read_bytes(), name
    assert charts(second) == charts(first) and len(charts(first)) == 3
    old, new = manifest(first), manifest(second)
    assert {k: v for k, v in old.items() if k != "timing"} == {k: v for k, v in new.items() if k != "timing"}


def test_no_change_rebuild_does_nothing_and_says_so(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    before = output_bytes(project)
    os.utime(project / "data/epoch" / OLD_CSV)  # touched, not changed
    result = build(project)
    assert result.up_to_date
    assert result.pages == example_build[1].pages and result.warnings == example_build[1].warnings
    assert output_bytes(project) == before
    out = CliRunner().invoke(main, ["build", str(project)]).stdout
    assert out.startswith("up to date")


def test_up_to_date_check_right_after_a_build_reads_no_output(example_build, tmp_path, monkeypatch):
    """A build remembers the hashes of the files it wrote: the next check only stats them."""
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 새 문단")
    assert not build(project).up_to_date
    read: list[Path] = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    assert build(project).up_to_date
    assert not [p for p in read if p.parent.name == "output"]


def test_deleted_or_edited_output_is_rebuilt_from_the_cache(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    before = output_bytes(project)
    (project / "output" / f"{NAME}.pdf").write_bytes(b"edited by hand")
    result = build(project)
    assert not result.up_to_date and result.cached == ["pdf", "docx", "html", "hwpx"]
    after = output_bytes(project)
    assert all(after[f"{NAME}.{fmt}"] == before[f"{NAME}.{fmt}"] for fmt in ("pdf", "docx"))


def test_data_row_outside_the_brief_reuses_both_outputs(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / "data/epoch" / OLD_CSV, "Mistral Large,Language,Chat", "Mistral Large 2,Language,Chat")
    result = build(project)  # a 2024 model: outside the 2020-2023 population
    assert not result.up_to_date and result.cached == ["pdf", "docx", "html", "hwpx"]


def test_one_data_row_changed_redraws_only_the_charts_that_depend_on_it(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    before = charts(project)
    edit(project / "data/epoch" / OLD_CSV, "Language,,LightOn,,2023-12-15", "Language,,LightOn AI,,2023-12-15")
    result = build(project)
    assert not result.up_to_date and result.cached == []
    new = set(charts(project)) - set(before)
    assert [name.rsplit("-", 1)[0] for name in new] == ["top_orgs"]  # top_orgs only; yearly, year_domain reused
    assert example_build[1].statistics["by_org"].count_of("LightOn") == 3
    assert result.statistics["by_org"].count_of("LightOn") < 3  # 2: dropped out of the top 10


def test_json_summary(example_build, tmp_path):
    import json

    project = copy_built(example_build[0], tmp_path / "brief")
    result = CliRunner().invoke(main, ["build", str(project), "--json", "--force"])
    data = json.loads(result.stdout)
    assert set(data) == {"outputs", "manifest", "pages", "seconds", "warnings", "up_to_date", "cached"}
    assert data["pages"] == example_build[1].pages and data["cached"] == ["pdf", "docx", "html", "hwpx"]
    assert data["outputs"]["pdf"].endswith(f"{NAME}.pdf") and data["up_to_date"] is False
    quiet = CliRunner().invoke(main, ["build", str(project), "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_dataset_key_must_name_a_column(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / "brief.yaml", "key: link", "key: lnk")
    result = CliRunner().invoke(main, ["build", str(project)])
    assert result.exit_code == 1
    assert "brief.yaml:" in result.stderr and "unknown column 'lnk'" in result.stderr


def test_a_clean_project_takes_font_hashes_from_the_user_cache(example_build, tmp_path, monkeypatch):
    """Fonts are the same files for every project: a new or cleaned project's first build
    finds their hashes in the per-user cache instead of reading ~14 MB."""
    from briefgen.cache import inputs
    from briefgen.project import load_project
    from briefgen.theme import load_theme

    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    project = load_project(example_build[0])
    fonts = inputs.font_files(load_theme(project.theme, project.root).data["fonts"])
    first = inputs.describe_inputs(project, inputs.FileHasher(tmp_path / "one"), fonts=fonts)
    hashed = inputs.sha256_bytes
    monkeypatch.setattr(inputs, "sha256_bytes", lambda data: hashed(data) if len(data) < 1_000_000 else 1 / 0)
    hasher = inputs.FileHasher(tmp_path / "two")
    assert inputs.describe_inputs(project, hasher, fonts=fonts) == first
    assert all(hasher.known(font) for font in fonts)  # and remembered in the project's cache
