"""Issue 17, security: a project folder cannot make a build write, delete or read outside it.

Every case plants symlinks leading out of a small project (the cache folder, its ``out/`` and
``charts/`` sub-folders, the output folder, cache entries, temp names) at a folder full of
unrelated files, builds, and checks that not one outside file changed or went missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.build import CACHE_DIR, build
from briefgen.cli import main
from briefgen.errors import BriefError
from briefgen.projects import read_status, record_status
from briefgen.scaffold import create_project

FORMATS = ("html",)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: bytes and mtime."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    """A folder of 20 unrelated files with old times (what pruning would delete first)."""
    folder = tmp_path / "home"
    folder.mkdir()
    for n in range(20):
        path = folder / f"file{n:02}.txt"
        path.write_text(f"precious {n}\n", "utf-8")
        os.utime(path, ns=(n * 10**9, n * 10**9))
    return folder


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "brief"
    create_project(root, "is")
    return root


def cli_build(project: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(project), "--format", "html"])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("link", [CACHE_DIR, f"{CACHE_DIR}/out", f"{CACHE_DIR}/charts"])
def test_a_symlinked_cache_folder_is_refused(project: Path, outside: Path, link: str) -> None:
    before = snapshot(outside)
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(outside, target_is_directory=True)
    code, err = cli_build(project)
    assert code == 1
    assert err.strip() == (f"error: {link}: must be a real folder inside the project, not a "
                           "symlink or a file (delete it: briefgen recreates it)")
    assert snapshot(outside) == before
    assert not (project / "output").exists()


def test_a_cache_folder_that_is_a_file_is_refused(project: Path) -> None:
    (project / CACHE_DIR).write_text("not a folder", "utf-8")
    with pytest.raises(BriefError) as caught:
        build(project, FORMATS)
    assert caught.value.source == CACHE_DIR


def test_a_symlinked_output_folder_is_refused(project: Path, outside: Path) -> None:
    before = snapshot(outside)
    (project / "output").symlink_to(outside, target_is_directory=True)
    code, err = cli_build(project)
    assert code == 1 and err.count("\n") == 1
    assert "key 'output.dir'" in err and "leads outside the project folder" in err
    assert snapshot(outside) == before


def test_symlinks_planted_inside_a_real_cache_are_replaced_not_followed(project: Path, outside: Path) -> None:
    """Cache entries, the hash memo, chart files and temp names that are symlinks out: the
    build replaces or ignores them; pruning deletes only the cache's own regular files."""
    first = build(project, FORMATS)
    cache = project / CACHE_DIR
    charts = sorted((cache / "charts").iterdir())
    assert charts
    for chart in charts:  # a drawn chart's name, planted: it would be read, then written
        chart.unlink()
        chart.symlink_to(outside / "file00.txt")
    (cache / "hashes.json").unlink()
    (cache / "hashes.json").symlink_to(outside / "file01.txt")
    for n in range(20):  # more than the cache keeps: pruning would delete the oldest
        (cache / "out" / f"{n:064x}").symlink_to(outside / f"file{n:02}.txt")
    (cache / "out" / "subfolder").mkdir()
    out = project / "output"
    for name in (".brief.html.tmp", ".brief.manifest.json.tmp", "brief.html"):
        (out / name).unlink(missing_ok=True)
        (out / name).symlink_to(outside / "file02.txt")
    before = snapshot(outside)
    result = build(project, FORMATS, force=True)
    assert snapshot(outside) == before
    assert result.outputs["html"].read_bytes() == first.outputs["html"].read_bytes()
    assert not result.outputs["html"].is_symlink()
    for chart in charts:
        assert not chart.is_symlink() and chart.read_bytes().startswith(b"\x89PNG")
    assert not (cache / "hashes.json").is_symlink()


def test_a_memo_or_cache_entry_pointing_at_a_device_is_not_read(project: Path) -> None:
    build(project, FORMATS)
    cache = project / CACHE_DIR
    (cache / "hashes.json").unlink()
    (cache / "hashes.json").symlink_to("/dev/zero")
    for entry in (cache / "out").iterdir():
        entry.unlink()
        entry.symlink_to("/dev/zero")
    result = build(project, FORMATS, force=True)  # no hang, no memory blow-up
    assert result.outputs["html"].stat().st_size > 1000


def test_the_build_status_is_never_written_through_a_symlink(project: Path, outside: Path) -> None:
    before = snapshot(outside)
    (project / CACHE_DIR).symlink_to(outside, target_is_directory=True)
    record_status(project, True, pages=3)
    assert snapshot(outside) == before
    (outside / "last-build.json").symlink_to("/dev/zero")
    assert read_status(project) is None
