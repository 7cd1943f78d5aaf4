"""Footnote engine at its limits (S24): the 45 % cap on the note area, notes that would miss
their mark's page, notes longer than the pages left, and more first lines than the cap holds."""

from __future__ import annotations

import copy
from pathlib import Path

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import (
    MM,
    THEME,
    marks,
    note_chars,
    note_starts,
    note_text,
    printed_number,
    separator_rule,
)

from briefgen.ir import Bullet, Chapter, Document, Footnote, FootnoteRef, Text
from briefgen.writers.pdf import write_pdf

TEXT_HEIGHT = (THEME.page("height") - THEME.page("margin_top") - THEME.page("margin_bottom")) * MM
CAP = THEME.data["footnotes"]["max_area"] * TEXT_HEIGHT
FILLER = "모델의 규모와 학습 비용이 함께 증가하여 소수 기업 중심의 개발 구조가 굳어지고 있음"
LONG = "연산량의 점 추정치가 없는 모델도 공개 정보에 근거하여 목록에 포함하며 이를 별도로 표시함. "


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Document:
    doc = sample_document(tmp_path_factory.mktemp("limits"))
    doc.references = []
    return doc


def _doc(base: Document, blocks: list, notes: dict[int, str]) -> Document:
    doc = copy.deepcopy(base)
    doc.chapters = [Chapter("한계", blocks, [], 1, "Ⅰ.", "ch-1")]
    doc.footnotes = [Footnote(f"n{n}", [Text(t)], n) for n, t in notes.items()]
    return doc


def _mark(n: int, text: str) -> Bullet:
    return Bullet(2, [Text(text), FootnoteRef(f"n{n}", n), Text(" 부분임")])


def _read(path: Path) -> list[dict]:
    """Per page: marks, note starts (number → top), rule, note text, printed number, all text."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            rule = separator_rule(page)
            notes = note_chars(page, rule) if rule else []
            out.append(
                {
                    "marks": {n for n, _, _ in marks(page)},
                    "starts": {n: w["top"] for n, w in note_starts(page)},
                    "rule": rule,
                    "notes_bottom": max((c["bottom"] for c in notes), default=None),
                    "note_text": note_text(page),
                    "number": printed_number(page),
                    "text": page.extract_text() or "",
                }
            )
    return out


def _check_marks_and_starts(pages: list[dict], numbers: set[int]) -> None:
    mark_page = {n: i for i, p in enumerate(pages) for n in p["marks"]}
    start_page = {n: i for i, p in enumerate(pages) for n in p["starts"]}
    assert set(mark_page) == numbers
    assert start_page == mark_page, "every note starts on the page of its mark"


def test_continuation_yields_to_new_notes_under_the_cap(base: Document, tmp_path: Path) -> None:
    """Note 1 needs about three pages of note area; notes 2 and 3 have marks on the pages it
    continues onto. Each still starts on its mark's page, below the continuation, and no page's
    notes take more than the cap."""
    blocks = [_mark(1, "첫 표시")] + [Bullet(2, [Text(FILLER)])] * 45
    blocks[20] = _mark(2, "둘째 표시")
    blocks[40] = _mark(3, "셋째 표시")
    doc = _doc(base, blocks, {1: LONG * 80 + "첫째끝표지", 2: "둘째 주석임", 3: "셋째 주석임"})
    out = tmp_path / "cap.pdf"
    write_pdf(doc, THEME, out)
    pages = _read(out)
    _check_marks_and_starts(pages, {1, 2, 3})
    with_notes = [p for p in pages if p["notes_bottom"]]
    assert len(with_notes) >= 3
    for p in with_notes:
        area = p["notes_bottom"] - p["rule"]["top"]
        assert area <= CAP + 1, "notes stay within max_area of the text height"
    first = next(i for i, p in enumerate(pages) if 1 in p["starts"])
    assert "첫째끝표지" not in pages[first]["note_text"]
    assert any("첫째끝표지" in p["note_text"] for p in pages[first + 1 :])
    for n in (2, 3):
        page = next(p for p in pages if n in p["starts"])
        if page["rule"]["x1"] - page["rule"]["x0"] > 400:  # a continuation page (full rule)
            assert page["note_text"].index("연산량") < page["note_text"].index(f"{n}) ")


def test_notes_left_after_the_last_body_page_get_pages(base: Document, tmp_path: Path) -> None:
    """The last body line carries a note longer than two note areas: the note continues on
    extra body pages before the back page instead of failing the build."""
    blocks = [Bullet(2, [Text(FILLER)])] * 8 + [_mark(1, "마지막 표시")]
    doc = _doc(base, blocks, {1: LONG * 80 + "마지막끝표지"})
    out = tmp_path / "tail.pdf"
    result = write_pdf(doc, THEME, out)
    pages = _read(out)
    _check_marks_and_starts(pages, {1})
    home = next(i for i, p in enumerate(pages) if 1 in p["starts"])
    tail = next(i for i, p in enumerate(pages) if "마지막끝표지" in p["note_text"])
    assert tail >= home + 2
    assert tail == len(pages) - 2, "the back page follows the last continuation"
    assert pages[-1]["rule"] is None and doc.meta.organisation in pages[-1]["text"]
    numbers = [p["number"] for p in pages[home : tail + 1]]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # body pages, numbered
    assert result.pages == len(pages)


def test_more_first_lines_than_the_cap_holds(base: Document, tmp_path: Path) -> None:
    """40 marks in a few lines: their first lines exceed the cap, so the note area grows and
    the body shrinks; every note still starts on its mark's page, below the body."""
    inlines: list = []
    for n in range(1, 41):
        inlines += [Text(" 항목"), FootnoteRef(f"n{n}", n)]
    blocks = [Bullet(2, [Text(FILLER)])] * 30 + [Bullet(2, [*inlines, Text(" 등임")])]
    doc = _doc(base, blocks, {n: f"주석 {n}번의 내용임" for n in range(1, 41)})
    out = tmp_path / "many.pdf"
    write_pdf(doc, THEME, out)
    pages = _read(out)
    _check_marks_and_starts(pages, set(range(1, 41)))
    with pdfplumber.open(out) as pdf:
        for page, info in zip(pdf.pages, pages, strict=True):
            if not info["starts"]:
                continue
            body = [c for c in page.chars if THEME.page("margin_top") * MM < c["top"] < info["rule"]["top"]]
            assert max(c["bottom"] for c in body) < info["rule"]["top"] < min(info["starts"].values())
