"""Parsed fonts kept in the per-user cache: the same TTFont, the same PDF bytes, and a damaged
or unwritable cache only means parsing again."""

from __future__ import annotations

import importlib.util
import marshal
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen import fonts
from briefgen.cache.fonts import CachedFace, load_subsetting, load_ttfont
from briefgen.errors import BriefError
from briefgen.fonts import font_path
from briefgen.project import load_project
from briefgen.theme import load_theme
from briefgen.writers.pdf import write_pdf

FACES = ("NanumGothic", "NanumGothicBold", "NanumGothicExtraBold")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    return folder / "fonts"


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.marshal"))


def _same(cached: TTFont, parsed: TTFont) -> None:
    """Every attribute of the font and its face as a fresh parse has them."""
    assert isinstance(cached.face, CachedFace)
    assert cached.face.glyphPos == parsed.face.glyphPos  # decodes the subsetting part
    assert vars(cached).keys() == vars(parsed).keys()
    for key in vars(parsed):
        if key not in ("face", "state", "encoding"):
            assert getattr(cached, key) == getattr(parsed, key), key
    ours, theirs = dict(vars(cached.face)), dict(vars(parsed.face))
    assert ours.pop("_pdfScale")(1234) == theirs.pop("_pdfScale")(1234)
    assert ours == theirs
    assert type(ours["name"]) is type(theirs["name"]) and ours["name"].ustr == theirs["name"].ustr


def test_second_load_comes_from_the_cache_and_equals_a_parse(cache: Path) -> None:
    path = font_path("NanumGothicBold")
    first = load_ttfont("B", path)
    assert not isinstance(first.face, CachedFace) and len(_entries(cache)) == 1
    _same(load_ttfont("B", path), TTFont("B", str(path)))


def test_the_pdf_is_byte_identical_with_cached_faces(example_build, cache: Path, tmp_path: Path) -> None:
    """The example's PDF written with freshly parsed faces and with faces from the cache."""
    project = load_project(example_build[0])
    theme = load_theme(project.theme, project.root)
    document = example_build[1].document
    registered = pdfmetrics._fonts  # the registry itself: swapped in, then restored
    saved = {name: registered.get(name) for name in FACES}
    outputs = []
    try:
        for make in (lambda n: TTFont(n, str(font_path(n))), lambda n: load_ttfont(n, font_path(n))):
            for name in FACES:
                load_ttfont(name, font_path(name))  # the second round finds entries
                registered[name] = make(name)
            out = tmp_path / f"{len(outputs)}.pdf"
            write_pdf(document, theme, out)
            outputs.append(out.read_bytes())
        assert all(isinstance(registered[name].face, CachedFace) for name in FACES)
    finally:
        for name, font in saved.items():
            if font is None:
                registered.pop(name, None)
            else:
                registered[name] = font
    assert outputs[0] == outputs[1]


def test_the_subsetting_part_is_decoded_on_first_use_or_when_asked(cache: Path) -> None:
    path = font_path("NanumGothic")
    load_ttfont("R", path)
    font = load_ttfont("R", path)
    assert "glyphPos" not in vars(font.face) and "_ttf_data" not in vars(font.face)
    load_subsetting(font)
    assert len(vars(font.face)["_ttf_data"]) == path.stat().st_size and "glyphPos" in vars(font.face)


def test_a_corrupt_entry_is_parsed_again_and_replaced(cache: Path) -> None:
    path = font_path("NanumGothic")
    load_ttfont("R", path)
    (entry,) = _entries(cache)
    entry.write_bytes(b"\x00not marshal")
    font = load_ttfont("R", path)
    assert not isinstance(font.face, CachedFace)
    assert isinstance(load_ttfont("R", path).face, CachedFace)  # rewritten


def test_a_damaged_subsetting_part_is_parsed_on_first_use(cache: Path) -> None:
    path = font_path("NanumGothic")
    load_ttfont("R", path)
    (entry,) = _entries(cache)
    state = marshal.loads(entry.read_bytes())
    state["rest"] = state["rest"][:100]
    entry.write_bytes(marshal.dumps(state))
    _same(load_ttfont("R", path), TTFont("R", str(path)))


def test_an_unwritable_cache_only_means_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocker))
    font = load_ttfont("R", font_path("NanumGothic"))
    assert font.face.charWidths and not isinstance(font.face, CachedFace)


def test_a_changed_font_file_is_not_served_from_the_old_entry(cache: Path, tmp_path: Path) -> None:
    copy = tmp_path / "Face.ttf"
    copy.write_bytes(font_path("NanumGothic").read_bytes())
    load_ttfont("F", copy)
    copy.write_bytes(font_path("NanumGothicBold").read_bytes())
    font = load_ttfont("F", copy)
    assert not isinstance(font.face, CachedFace) and font.face.name.ustr == "NanumGothicBold"


def test_fonts_are_found_without_importing_their_package(monkeypatch):
    """P7: the NanumGothic files are located, koreanize-matplotlib is never run."""
    fonts.font_files.cache_clear()
    monkeypatch.delitem(sys.modules, "koreanize_matplotlib", raising=False)
    try:
        files = fonts.font_files()
        assert {"NanumGothic", "NanumGothicBold", "NanumGothicExtraBold"} <= set(files)
        assert all(path.is_file() and path.suffix == ".ttf" for path in files.values())
        assert "koreanize_matplotlib" not in sys.modules
    finally:
        fonts.font_files.cache_clear()


def test_missing_font_package_is_a_one_line_error(monkeypatch):
    fonts.font_files.cache_clear()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    try:
        with pytest.raises(BriefError, match="pip install koreanize-matplotlib"):
            fonts.font_files()
    finally:
        monkeypatch.undo()
        fonts.font_files.cache_clear()
