"""The entries a build keeps in a project's ``.briefgen-cache`` (built outputs in ``out/``, chart
images in ``charts/``) are named with a per-user secret: a project folder someone sends, its
cache planted with files under the names a build would compute, is built as if it had none."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from test_bad_inputs import invoke, setup_case

from briefgen.cache import user

CASE = "tpl-date-impossible"


def _use_user_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    user.user_secret.cache_clear()


@pytest.fixture(autouse=True)
def _forget_secret():
    yield
    user.user_secret.cache_clear()  # the session's own secret again


def _project(tmp_path: Path) -> Path:
    """A small project with a chart, built to output/x.{pdf,docx}."""
    folder = setup_case(CASE, tmp_path)
    content = folder / "content.md"
    content.write_text(content.read_text("utf-8").replace("ㅇ {{ '2024-02-30' | date }}", "")
                       + "\nㅇ 국가별로는 {@fig-c|와} 같음\n\n::: figure #fig-c chart=c\n국가별 모델 수\n:::\n",
                       "utf-8")
    config = folder / "brief.yaml"
    config.write_text(config.read_text("utf-8").replace(
        "statistics:\n", "statistics:\n  by_country: {type: counts, data: d, by: country}\n")
        + "charts:\n  c: {type: bar, stat: by_country}\n", "utf-8")
    return folder


def _poison(project: Path) -> list[Path]:
    """Overwrite every cached output and chart with something else; the planted files."""
    planted = []
    for entry in (project / ".briefgen-cache" / "out").iterdir():
        if entry.suffix != ".json":
            entry.write_bytes(b"POISON")
            planted.append(entry)
    red = project / ".briefgen-cache" / "red.png"
    from PIL import Image

    Image.new("RGB", (40, 20), "red").save(red)
    for chart in (project / ".briefgen-cache" / "charts").glob("*.png"):
        shutil.copyfile(red, chart)
        planted.append(chart)
    return planted


def _outputs(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "output").glob("x.*")) if p.suffix != ".json"}


def test_a_sent_project_with_a_planted_cache_is_built_as_if_it_had_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_user_folder(tmp_path / "sender", monkeypatch)
    sent = _project(tmp_path / "a")
    assert invoke("build", str(sent)).exit_code == 0
    clean = _outputs(sent)
    assert set(clean) == {"x.pdf", "x.docx"}
    planted = _poison(sent)
    assert len(planted) >= 3  # the PDF, the DOCX and the chart
    # the sender's own builds take the planted entries: they are named as a build looks them up
    assert invoke("build", "--force", str(sent)).exit_code == 0
    assert _outputs(sent)["x.pdf"] == b"POISON"

    received = tmp_path / "received"
    shutil.copytree(sent, received)
    _use_user_folder(tmp_path / "recipient", monkeypatch)
    result = invoke("build", "--force", str(received))
    assert result.exit_code == 0, result.output
    assert _outputs(received) == clean  # the same bytes as a build without any cache
    for entry in planted:  # still there (or pruned), never used
        twin = received / entry.relative_to(sent)
        assert not twin.exists() or twin.read_bytes() == entry.read_bytes()


def test_the_secret_is_a_private_file_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_user_folder(tmp_path / "u", monkeypatch)
    first = user.user_key("x.pdf")
    path = tmp_path / "u" / user.SECRET_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.stat().st_size == user.SECRET_BYTES
    user.user_secret.cache_clear()
    assert user.user_key("x.pdf") == first  # read back by the next process
    assert [p.name for p in path.parent.iterdir()] == [user.SECRET_NAME]  # no temp file left


@pytest.mark.parametrize("spoil", ["group-readable", "symlink", "short"])
def test_a_secret_file_that_is_not_private_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       spoil: str) -> None:
    folder = tmp_path / "u"
    folder.mkdir()
    known = b"k" * user.SECRET_BYTES
    path = folder / user.SECRET_NAME
    if spoil == "symlink":
        (tmp_path / "elsewhere").write_bytes(known)
        path.symlink_to(tmp_path / "elsewhere")
    else:
        path.write_bytes(known if spoil == "group-readable" else known[:5])
        os.chmod(path, 0o640 if spoil == "group-readable" else 0o600)
    _use_user_folder(folder, monkeypatch)
    secret = user.user_secret()
    assert secret != known and len(secret) == user.SECRET_BYTES
    user.user_secret.cache_clear()
    assert user.user_secret() != secret  # a secret of this process only: nothing is reused


def test_a_planted_hash_memo_does_not_vouch_for_changed_inputs(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """hashes.json remembers each input's sha256 by size and mtime: one made under another
    user's secret (a project someone sends, memo and all) is ignored, so an input changed behind
    the same size and mtime is read again and the brief rebuilt."""
    from briefgen.build import build

    _use_user_folder(tmp_path / "sender", monkeypatch)
    project = setup_case(CASE, tmp_path)
    content = project / "content.md"
    content.write_text(content.read_text("utf-8").replace("ㅇ {{ '2024-02-30' | date }}", ""), "utf-8")
    assert not build(project).up_to_date
    data = project / "data.csv"
    before = data.stat()
    changed = data.read_bytes().replace(b"10", b"90", 1)
    assert changed != data.read_bytes() and len(changed) == before.st_size
    data.write_bytes(changed)
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert build(project).up_to_date  # the sender's memo vouches for the old bytes
    _use_user_folder(tmp_path / "recipient", monkeypatch)
    assert not build(project).up_to_date
