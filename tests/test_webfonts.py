"""The WOFF2 subsets the HTML preview embeds: deterministic, cached per user, never a
damaged or foreign cache entry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefgen.cache.webfonts import woff2_subset
from briefgen.fonts import font_path

TEXT = "인공지능 모델 GPT-4가 226.1% 늘었다"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    return tmp_path / "webfonts"


def _cmap(data: bytes) -> set[str]:
    return set(map(chr, TTFont(io.BytesIO(data)).getBestCmap()))


def test_subset_holds_exactly_the_characters_and_is_stored(cache: Path) -> None:
    data = woff2_subset(font_path("NanumGothic"), TEXT)
    assert data.startswith(b"wOF2")
    assert _cmap(data) == set(TEXT)
    assert [p.suffix for p in cache.iterdir()] == [".woff2"]
    assert woff2_subset(font_path("NanumGothic"), TEXT[::-1]) == data  # same characters


def test_same_characters_give_identical_bytes_without_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "a"))
    first = woff2_subset(font_path("NanumGothicBold"), TEXT)
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "b"))
    assert woff2_subset(font_path("NanumGothicBold"), TEXT) == first


def test_a_damaged_entry_is_made_again(cache: Path) -> None:
    data = woff2_subset(font_path("NanumGothic"), TEXT)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"<script>not a font</script>")
    assert woff2_subset(font_path("NanumGothic"), TEXT) == data


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(blocker))
    assert _cmap(woff2_subset(font_path("NanumGothic"), "가나다")) == set("가나다")
