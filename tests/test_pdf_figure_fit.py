"""A figure a little taller than the space left on a page shrinks (down to the theme's
``figures.min_scale``) with its caption, notes and source instead of moving on and leaving a
gap; one that would need to shrink further moves whole at full size."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import MM, THEME

from briefgen.ir import Bullet, Chapter, Figure, Section, Text
from briefgen.theme import Theme
from briefgen.writers.pdf import write_pdf
from briefgen.writers.pdf.figuregroup import fitting_scale

FILLER = "모델의 규모와 학습 비용이 함께 증가하여 소수 기업 중심의 개발 구조가 굳어지고 있음"
SECTIONS = 16


def _with_min_scale(theme: Theme, scale: float) -> Theme:
    data = copy.deepcopy(theme.data)
    data["figures"]["min_scale"] = scale
    return replace(theme, data=data)


def _figures(tmp: Path, theme: Theme, name: str) -> list[tuple[int, float, str]]:
    """Sections of 1..SECTIONS filler items, each ending in a figure, so that figures fall at
    every height of a page: (page index, drawn scale, the page's text) of each figure."""
    doc = sample_document(tmp)
    blocks = [b for c in doc.chapters for s in c.sections for b in s.blocks]
    figure = next(b for b in blocks if isinstance(b, Figure))
    sections = []
    for n in range(1, SECTIONS + 1):
        f = copy.deepcopy(figure)
        f.label, f.caption = f"[그림 {n}]", [Text(f"그림캡션{n}")]
        f.source = [Text(f"출처표기{n}")]
        sections.append(Section(f"절{n}", [Bullet(2, [Text(FILLER)])] * n + [f], n, f"{n}.", f"s{n}"))
    doc.chapters = [Chapter("배치", [], sections, 1, "Ⅰ.", "ch-1")]
    doc.footnotes = []
    out = tmp / f"{name}.pdf"
    write_pdf(doc, theme, out)
    full = (theme.page("width") - theme.page("margin_left") - theme.page("margin_right")) * MM
    found = []
    with pdfplumber.open(out) as pdf:
        for index, page in enumerate(pdf.pages):
            text = page.extract_text() or ""
            found += [(index, im["width"] / (full * figure.width_ratio), text) for im in page.images]
    return found


@pytest.fixture(scope="module")
def bounded(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, float, str]]:
    return _figures(tmp_path_factory.mktemp("fit"), THEME, "bounded")


def test_a_figure_shrinks_within_the_theme_bound_to_end_a_page(bounded: list) -> None:
    low = THEME.figure_min_scale
    assert low < 1
    assert len(bounded) == SECTIONS
    scales = [scale for _, scale, _ in bounded]
    assert all(low - 0.002 <= s <= 1.0001 for s in scales), scales
    shrunk = [n for n, s in enumerate(scales, 1) if s < 0.999]
    assert shrunk, "no figure fell where shrinking makes it fit"
    for n, (page, _, text) in enumerate(bounded, 1):  # caption and source stay with the image
        assert f"그림캡션{n}" in text and f"출처표기{n}" in text, (n, page)


def test_shrinking_saves_a_page_break_the_full_size_would_need(tmp_path: Path, bounded: list) -> None:
    fixed = _figures(tmp_path, _with_min_scale(THEME, 1.0), "fixed")
    assert all(abs(s - 1) < 0.001 for _, s, _ in fixed)
    moved = [n for n, ((p1, s, _), (p2, _, _)) in enumerate(zip(bounded, fixed, strict=True), 1)
             if s < 0.999]
    assert moved and all(bounded[n - 1][0] < fixed[n - 1][0] for n in moved), moved


def test_the_scale_that_fits_is_bounded() -> None:
    assert fitting_scale(20, 200, 0.8) == 0.9
    assert fitting_scale(41, 200, 0.8) is None  # would need 0.795
    assert fitting_scale(10, 200, 1.0) is None
    assert fitting_scale(10, 0, 0.5) is None
