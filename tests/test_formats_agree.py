"""DOCX, PDF, HTML and HWPX of the example say the same: numbers, footnotes, table cells."""

from __future__ import annotations

import re
import zipfile

import lxml.html
import pdfplumber
import pytest
from lxml import etree
from pdf_probe import note_starts, toc_text

from briefgen.ir import FootnoteRef, Table, plain_text
from briefgen.numbering import document_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:%p?|개|년)?(?:\(\d+(?:\.\d)?%\))?")
FORMATS = ("pdf", "docx", "html", "hwpx")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def texts(example_build):
    """Visible text of each format (whitespace removed) and its footnote count."""
    _, result = example_build
    out = result.outputs
    assert set(FORMATS) <= set(out), "the example builds all four formats"
    with pdfplumber.open(out["pdf"]) as pdf:
        pdf_text = "".join(page.extract_text() or "" for page in pdf.pages)
        pdf_notes = sum(len(note_starts(page)) for page in pdf.pages)
    with zipfile.ZipFile(out["docx"]) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    docx_text = "".join(t.text or "" for root in (body, notes) for t in root.iter(f"{W}t"))
    docx_notes = sum(1 for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") is None)
    page = lxml.html.fromstring(out["html"].read_bytes())
    html_text = page.text_content()
    html_notes = len(page.xpath("//*[starts-with(@id, 'fn-')]"))
    with zipfile.ZipFile(out["hwpx"]) as package:
        sections = [etree.fromstring(package.read(name)) for name in sorted(package.namelist())
                    if name.startswith("Contents/section")]
    hwpx_text = "".join(t.text or "" for root in sections for t in root.iter(f"{HP}t"))
    hwpx_notes = sum(1 for root in sections for _ in root.iter(f"{HP}footNote"))
    return result, {
        "pdf": (_flat(pdf_text), pdf_notes),
        "docx": (_flat(docx_text), docx_notes),
        "html": (_flat(html_text), html_notes),
        "hwpx": (_flat(hwpx_text), hwpx_notes),
    }


def test_same_footnote_count_everywhere(texts):
    result, by_format = texts
    counts = {fmt: count for fmt, (_, count) in by_format.items()}
    assert counts == dict.fromkeys(FORMATS, len(result.document.footnotes))


def test_every_number_of_the_text_in_every_format(texts):
    result, by_format = texts
    prose = re.sub(r"^\[\^.*$|^\|.*$|^:::.*$|\{@[^}]+\}", "", result.markup, flags=re.M)
    tokens = {t for t in NUMBER_TOKEN.findall(prose) if any(ch in t for ch in "%개년,")}
    assert len(tokens) > 20
    for fmt, (text, _) in by_format.items():
        missing = sorted(t for t in tokens if t not in text)
        assert not missing, f"{fmt} lacks {missing}"


def test_citations_and_the_references_in_every_format(texts):
    """Citations printed from the bibliography and the 참고문헌 (written and generated) read the
    same in all four formats (S21, S31)."""
    result, by_format = texts
    wanted = [_flat(plain_text(ref.inlines)) for ref in result.document.references]
    wanted += ["(Kaplanetal.,2020;Hoffmannetal.,2022)이", "(Sevillaetal.,2022)"]
    assert len(result.document.references) == 4
    for fmt, (text, _) in by_format.items():
        missing = [w for w in wanted if w not in text]
        assert not missing, f"{fmt} lacks {missing}"


def test_every_footnote_text_and_table_cell_in_every_format(texts):
    result, by_format = texts
    wanted = [_flat(plain_text(note.inlines)) for note in result.document.footnotes]
    for block in document_blocks(result.document):
        if isinstance(block, Table):
            # footnote marks are left out: in DOCX their numbers are Word's automatic numbers
            wanted += [_flat(plain_text([n for n in cell.inlines if not isinstance(n, FootnoteRef)]))
                       for row in block.rows for cell in row]
    for fmt, (text, _) in by_format.items():
        missing = [w for w in wanted if w not in text]
        assert not missing, f"{fmt} lacks {missing[:3]}"


def _docx_toc(path) -> list[tuple[str, str]]:
    """(heading, page number) of the DOCX 목차 (paragraphs styled TOC1/TOC2: text, tab, number)."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    entries = []
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("TOC"):
            text = "".join("\t" if e.tag == f"{W}tab" else e.text or "" for e in paragraph.iter(f"{W}t", f"{W}tab"))
            heading, number = text.split("\t")
            entries.append((heading, number))
    return entries


def _hwpx_toc(path) -> list[tuple[str, str]]:
    """(heading, page number) of the HWPX 목차 (paragraphs after the title: text, tab, number)."""
    with zipfile.ZipFile(path) as package:
        section = etree.fromstring(package.read("Contents/section0.xml"))
    entries = []
    for paragraph in section.iter(f"{HP}p"):
        if paragraph.find(f".//{HP}tab") is None:
            continue
        parts = [f"\t{e.tail or ''}" if e.tag == f"{HP}tab" else e.text or ""
                 for e in paragraph.iter(f"{HP}t", f"{HP}tab")]  # <hp:t><hp:tab/>12</hp:t>
        heading, number = "".join(parts).split("\t")
        entries.append((heading, number))
    return entries


def test_hwpx_and_docx_list_the_same_pages_as_the_pdf(example_build):
    """S5/S47: the 목차 of the DOCX and HWPX carries the page numbers of the PDF's layout."""
    _, result = example_build
    with pdfplumber.open(result.outputs["pdf"]) as pdf:
        toc_page = toc_text([p.extract_text() for p in pdf.pages])
    pdf_toc = [re.fullmatch(r"(.+?) ·[· ]*(\d+)", line).groups() for line in toc_page.splitlines()[1:]]
    headings = [ch.heading for ch in result.document.chapters]
    assert len(pdf_toc) > len(headings) >= 3
    assert _docx_toc(result.outputs["docx"]) == pdf_toc
    assert _hwpx_toc(result.outputs["hwpx"]) == pdf_toc
