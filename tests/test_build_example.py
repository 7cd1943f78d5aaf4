"""End to end: build the bundled example and open the DOCX and the PDF like a reader would."""

from __future__ import annotations

import re
import zipfile

import pdfplumber
import pytest
from lxml import etree

from briefgen.ir import FootnoteRef, plain_text
from briefgen.numbering import body_inlines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:%p?|개|년)?(?:\(\d+(?:\.\d)?%\))?")
HEDGE = re.compile(r"\((이|가|을|를|은|는|과|와|으)\)")


def docx_xml(path, part):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(part))


def docx_text(path) -> str:
    """All visible text of document.xml and footnotes.xml (runs joined per paragraph)."""
    texts = []
    for part in ("word/document.xml", "word/footnotes.xml"):
        root = docx_xml(path, part)
        for paragraph in root.iter(f"{W}p"):
            texts.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
    return "\n".join(texts)


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
    result, pdf, _ = built
    for note in result.document.footnotes:
        text_start = plain_text(note.inlines)[:12]
        mark_pages, note_pages = [], []
        for number, page in enumerate(pdf.pages):
            lines = page.extract_text_lines()
            for line in lines:
                if line["text"].startswith(f"{note.number}) ") and text_start[:6] in line["text"]:
                    note_pages.append((number, line["top"]))
            small = [c for c in page.chars if c["text"] == ")" and c["size"] < 8]
            if small and any(
                c["text"] == str(note.number)[-1] and c["size"] < 8 and abs(c["top"] - s["top"]) < 1
                for c in page.chars for s in small
            ):
                mark_pages.append(number)
        assert note_pages, f"note {note.number} not found in the PDF"
        page_index, top = note_pages[0]
        assert page_index in mark_pages, f"note {note.number} is not on the page of its mark"
        body_lines = [
            line for line in pdf.pages[page_index].extract_text_lines()
            if line["top"] < top and line["chars"][0]["size"] > 9.5
        ]
        assert all(line["bottom"] <= top for line in body_lines)


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
