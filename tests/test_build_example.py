"""End to end: build the bundled example and open the DOCX and the PDF like a reader would."""

from __future__ import annotations

import re
import zipfile

import house_format
import pdfplumber
import pytest
from lxml import etree
from pdf_probe import body_chars, marks, note_starts, separator_rule

from briefgen.ir import FootnoteRef
from briefgen.numbering import body_inlines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:%p?|개|년)?(?:\(\d+(?:\.\d)?%\))?")
HEDGE = re.compile(r"\((이|가|을|를|은|는|과|와|으)\)")


def docx_xml(path, part):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(part))


def docx_text(path) -> str:
    """All visible text, runs joined per paragraph as Word shows them."""
    return house_format.docx_text(path, split_superscripts=False)


@pytest.fixture(scope="module")
def built(example_build):
    project, result = example_build
    pdf = pdfplumber.open(result.outputs["pdf"])
    pages = [page.extract_text() or "" for page in pdf.pages]
    yield result, pdf, pages
    pdf.close()


def test_outputs_are_written(built):
    result, pdf, _ = built
    assert result.outputs["docx"].name == "ai-models-2024.docx"
    assert result.outputs["pdf"].exists() and result.outputs["docx"].exists()
    assert len(pdf.pages) == result.pages >= 8


def test_docx_footnotes_are_real_and_match_the_source(built):
    result, _, _ = built
    doc = result.document
    refs_in_source = [n for n in body_inlines(doc) if isinstance(n, FootnoteRef)]
    defined_in_template = len(re.findall(r"^\[\^[^\]]+\]:", result.markup, flags=re.M))
    notes = docx_xml(result.outputs["docx"], "word/footnotes.xml")
    user_notes = [n for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") is None]
    body = docx_xml(result.outputs["docx"], "word/document.xml")
    references = list(body.iter(f"{W}footnoteReference"))
    assert len(user_notes) == len(references) == len(refs_in_source) == defined_in_template >= 5


def test_pdf_footnote_text_sits_on_the_page_of_its_mark_below_the_body(built):
    """S24: every note's text is on its mark's page, under a rule below the lowest body line."""
    result, pdf, _ = built
    mark_page: dict[int, int] = {}
    note_page: dict[int, int] = {}
    for number, page in enumerate(pdf.pages):
        for n, _, _ in marks(page):
            mark_page.setdefault(n, number)
        starts = note_starts(page)
        for n, _ in starts:
            note_page[n] = number
        if starts:
            rule = separator_rule(page)
            assert rule is not None
            body_bottom = max(c["bottom"] for c in body_chars(page, rule["top"]))
            assert body_bottom < rule["top"] < min(w["top"] for _, w in starts)
    numbers = {note.number for note in result.document.footnotes}
    assert set(mark_page) == set(note_page) == numbers
    assert note_page == mark_page


def test_every_number_of_the_text_appears_in_both_files(built):
    result, _, pages = built
    pdf_text = re.sub(r"\s+", "", "".join(pages))
    docx_all = re.sub(r"\s+", "", docx_text(result.outputs["docx"]))
    prose = re.sub(r"^\[\^.*$|^\|.*$|^:::.*$|\{@[^}]+\}", "", result.markup, flags=re.M)
    tokens = {t for t in NUMBER_TOKEN.findall(prose) if any(ch in t for ch in "%개년,")}
    assert len(tokens) > 20
    for token in sorted(tokens):
        assert token in pdf_text, f"{token} missing from the PDF"
        assert token in docx_all, f"{token} missing from the DOCX"


def test_house_numbers_from_the_data(built):
    """The IS-178 population: 144 models, 3→104, CAGR 226.1% (data README)."""
    result, _, pages = built
    text = "".join(pages)
    for expected in ("144개", "226.1%", "2020~2023년", "104개"):
        assert expected in text
    assert result.statistics["total"].value == 144


def test_no_leaks_no_hedges_no_tofu(built):
    result, _, pages = built
    for text in (" ".join(pages), docx_text(result.outputs["docx"])):
        assert "(cid:" not in text
        assert not re.search(r"\bNone\b|\bnan\b|\{\{|\{%", text)
        assert not HEDGE.search(text)  # S53


def test_structure_in_both_files(built):
    result, _, pages = built
    pdf_text = "\n".join(pages)
    docx_all = docx_text(result.outputs["docx"])
    for heading in ("Ⅰ. 서론", "Ⅱ. 초거대 AI 모델 개발 현황", "Ⅲ. 요약 및 정책적 시사점", "<참고문헌>",
                    "[그림 1]", "[그림 3]", "<표 1>", "<표 2>", "IS-201"):
        assert heading in pdf_text
        assert heading in docx_all
    assert not re.search(r"^[IVX]+\. ", pdf_text, flags=re.M)  # S6: no Latin numerals
