"""Compiled templates are reused between builds, and a bad cache never fails one; a
long-lived process also keeps the environment of a content template between builds."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from briefgen.cache.templates import CompiledTemplates
from briefgen.korean.josa import Josa
from briefgen.template import render
from briefgen.template.render import render_with_lines


def _project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "templates").mkdir()
    content = tmp_path / "templates" / "content.md"
    content.write_text(text, "utf-8")
    return content


def _render(content: Path, root: Path) -> str:
    """Render as a new process would: no environment kept from an earlier render."""
    render._KEPT.clear()
    return render_with_lines(content, root, {"n": 144}, Josa({}))[0]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    return folder / "templates"


def test_second_render_does_not_compile(tmp_path, cache_dir, monkeypatch):
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    assert _render(content, tmp_path) == "모델은 144개임\n"
    assert len(list(cache_dir.glob("*.jinja"))) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    assert _render(content, tmp_path) == "모델은 144개임\n"


def test_edited_template_is_compiled_again(tmp_path, cache_dir):
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    _render(content, tmp_path)
    content.write_text("모델 {{ n }}개\n", "utf-8")
    assert _render(content, tmp_path) == "모델 144개\n"


def test_corrupt_cache_file_is_ignored(tmp_path, cache_dir):
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    _render(content, tmp_path)
    [entry] = cache_dir.glob("*.jinja")
    entry.write_bytes(entry.read_bytes()[:12] + b"\x80garbage")
    assert _render(content, tmp_path) == "모델은 144개임\n"


def test_unwritable_cache_folder_only_means_compiling(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocker))
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    assert _render(content, tmp_path) == "모델은 144개임\n"
    assert _render(content, tmp_path) == "모델은 144개임\n"


def test_runtime_error_from_cached_template_names_its_line(tmp_path, cache_dir):
    content = _project(tmp_path, "첫 줄\n{{ n }}\n{{ missing }}\n")
    from briefgen.errors import BriefError

    for _ in range(2):  # compiled, then loaded from the cache
        with pytest.raises(BriefError) as caught:
            _render(content, tmp_path)
        assert caught.value.line == 3


def test_without_a_home_folder_nothing_is_cached(tmp_path, monkeypatch):
    from briefgen.cache.user import user_cache_dir

    monkeypatch.delenv("BRIEFGEN_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert user_cache_dir("templates") is None
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    assert _render(content, tmp_path) == "모델은 144개임\n"


def test_cache_folder_follows_xdg_then_home(tmp_path, monkeypatch):
    from briefgen.cache.user import user_cache_dir

    monkeypatch.delenv("BRIEFGEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir("fonts") == tmp_path / "xdg" / "briefgen" / "fonts"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    assert user_cache_dir("fonts") == tmp_path / "home" / ".cache" / "briefgen" / "fonts"


def test_kept_environment_renders_again_without_loading(tmp_path, cache_dir, monkeypatch):
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    assert _render(content, tmp_path) == "모델은 144개임\n"

    def refuse(*args, **kwargs):
        raise AssertionError("loaded again")

    monkeypatch.setattr(render, "mark_lines", refuse)
    monkeypatch.setattr(CompiledTemplates, "load_bytecode", refuse)
    assert render_with_lines(content, tmp_path, {"n": 7}, Josa({}))[0] == "모델은 7개임\n"


def test_kept_environment_sees_an_edit_with_the_same_size_and_mtime(tmp_path, cache_dir):
    content = _project(tmp_path, "모델은 {{ n }}개임\n")
    include = tmp_path / "templates" / "part.md"
    include.write_text("부분 A\n", "utf-8")
    content.write_text("{% include 'part.md' %}모델은 {{ n }}개임\n", "utf-8")
    assert _render(content, tmp_path) == "부분 A\n모델은 144개임\n"
    for path, old, new in ((content, "모델은", "모델도"), (include, "A", "B")):
        stat = path.stat()
        path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as if within one clock tick
        assert path.stat().st_size == stat.st_size
    assert render_with_lines(content, tmp_path, {"n": 144}, Josa({}))[0] == "부분 B\n모델도 144개임\n"


def test_kept_environment_asks_the_josa_of_the_build_rendering(tmp_path, cache_dir):
    """Jinja keeps an imported template's macros between renders: their particle filter must
    still ask the Josa of the build now rendering (its readings, its list of used words)."""
    content = _project(tmp_path, "{% import 'macros.md' as m %}{{ m.subject('Gato') }}\n")
    (tmp_path / "templates" / "macros.md").write_text(
        "{% macro subject(name) %}{{ name | josa('이/가') }}{% endmacro %}", "utf-8")
    first, second = Josa({"Gato": "가토"}), Josa({"Gato": "가톡"})
    assert render_with_lines(content, tmp_path, {}, first)[0] == "Gato가\n"
    assert render_with_lines(content, tmp_path, {}, second)[0] == "Gato이\n"
    assert second.used_readings() == ["Gato"]
