"""Issue 17: the previous manifest is untrusted input (it comes with the project's output folder).

The up-to-date check never follows a path it names out of the project, never reads a FIFO, a
device or an oversized file, and a damaged or mistyped manifest counts as absent: the brief is
built in full, with a warning naming the file and the key. ``briefgen diff`` refuses such a
manifest with a located one-line error. A guard alarm turns a hang into a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefgen.cache.inputs
from briefgen.build import build
from briefgen.cli import main
from briefgen.errors import BriefError
from briefgen.fonts import font_files
from briefgen.record import manifest as mf
from briefgen.scaffold import create_project

FORMATS = ("html",)
NAME = "brief"
IGNORED = "ignored, the brief is built in full"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("built") / NAME
    create_project(project, "is")
    build(project, FORMATS)
    return project


@pytest.fixture()
def project(built: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(built, tmp_path / NAME, symlinks=True))


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A hang (reading a FIFO or /dev/zero) fails the test instead of blocking the suite."""

    def expire(*_: object) -> None:
        raise TimeoutError("the build hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def manifest_file(project: Path) -> Path:
    return project / "output" / f"{NAME}.manifest.json"


def rewrite(project: Path, change) -> None:
    data = json.loads(manifest_file(project).read_text("utf-8"))
    change(data)
    manifest_file(project).write_text(json.dumps(data), "utf-8")


@pytest.fixture()
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the build reads to hash it."""
    seen: list[Path] = []
    real = briefgen.cache.inputs.file_hash

    def spy(path: Path, limit: int | None = None) -> str:
        seen.append(Path(path))
        return real(path, limit)

    monkeypatch.setattr(briefgen.cache.inputs, "file_hash", spy)
    return seen


def test_paths_out_of_the_project_and_special_files_are_never_read(project: Path, tmp_path: Path,
                                                                   hashed: list[Path]) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not yours")
    os.mkfifo(project / "pipe.png")
    (project / "link.png").symlink_to(secret)
    (project / "zero.png").symlink_to("/dev/zero")
    listed = ["/etc/passwd", "/dev/zero", "../secret.png", "data/../../secret.png", "pipe.png",
              "link.png", "zero.png", str(secret), "nul\u0000.png", "x" * 5000]
    rewrite(project, lambda m: m["inputs"]["files"].__setitem__(
        "images", [{"path": p, "sha256": "0" * 64} for p in listed]))
    result = build(project, FORMATS)
    assert result.outputs["html"].is_file() and not result.up_to_date
    fonts = {p.resolve() for p in font_files().values()}
    for path in hashed:
        resolved = path.resolve()
        assert resolved.is_relative_to(project) or resolved in fonts, path
        assert path.name not in {"pipe.png", "link.png", "zero.png"}, path
    assert all("images" not in f for f in mf.load_manifest(manifest_file(project))["inputs"]["files"])


def test_an_output_symlinked_out_of_the_project_is_not_hashed(project: Path, tmp_path: Path,
                                                              hashed: list[Path]) -> None:
    html = project / "output" / f"{NAME}.html"
    secret = tmp_path / "secret.html"
    shutil.copy(html, secret)
    html.unlink()
    html.symlink_to(secret)
    result = build(project, FORMATS)
    assert not result.up_to_date and not html.is_symlink()
    assert secret.resolve() not in {p.resolve() for p in hashed}


WRONG = [
    ("outputs.html.sha256", lambda m: m["outputs"]["html"].__setitem__("sha256", 5), "expected a string, found an integer"),
    ("outputs.html", lambda m: m["outputs"].__setitem__("html", "x"), "expected an object, found a string"),
    ("outputs", lambda m: m.__setitem__("outputs", []), "expected an object, found an array"),
    ("inputs.files", lambda m: m["inputs"].__setitem__("files", []), "expected an object"),
    ("inputs.files.images.0.path",
     lambda m: m["inputs"]["files"].__setitem__("images", [{"path": 3, "sha256": "0"}]), "expected a string"),
    ("inputs", lambda m: m["inputs"].pop("files"), "missing field 'files'"),
    ("warnings.0", lambda m: m.__setitem__("warnings", [1]), "expected a string"),
    ("datasets.firms.rows", lambda m: m["datasets"]["firms"].__setitem__("rows", {}), "expected an array"),
    ("outputs.html.pages", lambda m: m["outputs"]["html"].__setitem__("pages", "12"), "expected an integer"),
    ("outputs.html.pages", lambda m: m["outputs"]["html"].__setitem__("pages", True), "expected an integer"),
    ("sentences.0.text", lambda m: m["sentences"][0].__setitem__("text", None), "expected a string, found null"),
    ("claims", lambda m: m.__setitem__("claims", {"a": 1}), "expected an array"),
    ("fingerprint", lambda m: m.__setitem__("fingerprint", ["x"]), "expected a string"),
]


@pytest.mark.parametrize(("key", "change", "reason"), WRONG, ids=[f"{w[0]}-{i}" for i, w in enumerate(WRONG)])
def test_a_mistyped_manifest_means_a_full_rebuild_with_a_located_warning(project: Path, key, change, reason) -> None:
    rewrite(project, change)
    result = build(project, FORMATS)
    assert not result.up_to_date
    warning, = [w for w in result.warnings if IGNORED in w]
    assert warning.startswith(f"output/{NAME}.manifest.json, key '{key}': {reason}")
    mf.load_manifest(manifest_file(project))  # replaced by a good one
    again = build(project, FORMATS)
    assert again.up_to_date and not any(IGNORED in w for w in again.warnings)  # said once


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '{"manifest_version": 1}', "[" * 100_000,
                                  '{"manifest_version": "1"}', "\udcff"])
def test_a_damaged_manifest_means_a_full_rebuild(project: Path, text: str) -> None:
    manifest_file(project).write_bytes(text.encode("utf-8", "surrogateescape"))
    result = build(project, FORMATS)
    assert not result.up_to_date and any(IGNORED in w for w in result.warnings)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "outside"])
def test_a_manifest_that_is_not_a_regular_file_is_not_read(project: Path, tmp_path: Path, special: str) -> None:
    target = manifest_file(project)
    good = target.read_bytes()
    target.unlink()
    if special == "fifo":
        os.mkfifo(target)
    elif special == "outside":
        (tmp_path / "theirs.json").write_bytes(good)
        target.symlink_to(tmp_path / "theirs.json")
    else:
        target.symlink_to(special)
    result = build(project, FORMATS)
    assert not result.up_to_date
    assert f"output/{NAME}.manifest.json: not a regular file; {IGNORED}" in result.warnings
    assert (tmp_path / "theirs.json").read_bytes() == good if special == "outside" else True


def test_the_size_limit_applies_before_reading(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mf, "MAX_MANIFEST", 100)
    with pytest.raises(BriefError, match=r"bytes; the limit is 100"):
        mf.load_manifest(manifest_file(project))


def test_diff_refuses_a_mistyped_manifest_with_one_located_line(project: Path) -> None:
    shutil.copy(manifest_file(project), project / "old.json")
    rewrite(project, lambda m: m["sentences"][0].__setitem__("where", 7))
    result = CliRunner().invoke(main, ["diff", str(project / "old.json"), str(manifest_file(project))])
    assert result.exit_code == 1
    assert result.stderr.endswith(f"{NAME}.manifest.json, key 'sentences.0.where': expected a string, "
                                  "found an integer\n")
    assert result.stderr.count("\n") == 1
