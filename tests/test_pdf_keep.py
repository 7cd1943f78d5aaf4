"""What must not be stranded at a page bottom: section headings, □ sub-headings, captions and
unit notes (they keep with what follows); emphasis and links in theme colours (no fake italic),
links underlined."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import THEME, body_lines, printed_number
from pypdf import PdfReader

from briefgen.ir import Bullet, Chapter, Emph, Link, Section, Table, Text
from briefgen.writers.pdf import write_pdf

FILLER = "모델의 규모와 학습 비용이 함께 증가하여 소수 기업 중심의 개발 구조가 굳어지고 있음"


def _rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


@pytest.fixture(scope="module")
def stacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sections after 1..14 filler items, each with a □ and a small table: headings and
    captions fall at every height of the page."""
    tmp = tmp_path_factory.mktemp("keep")
    doc = sample_document(tmp)
    table = next(b for b in doc.chapters[1].sections[0].blocks if isinstance(b, Table))
    table.caption = [Text("국가별 현황")]
    sections = []
    for n in range(1, 15):
        t = copy.deepcopy(table)
        t.label = f"<표 {n}>"
        blocks = [Bullet(2, [Text(FILLER)])] * n + [Bullet(1, [Text(f"소제목{n}")]), t]
        sections.append(Section(f"절{n}", blocks, n, f"{n}.", f"sec-{n}"))
    doc.chapters = [Chapter("배치", [], sections, 1, "Ⅰ.", "ch-1")]
    out = tmp / "stacked.pdf"
    write_pdf(doc, THEME, out)
    return out


def test_no_page_ends_with_a_heading_sub_heading_or_caption(stacked: Path) -> None:
    with pdfplumber.open(stacked) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
        ends = [
            body_lines(p)[-1]["text"]
            for p in pdf.pages
            if printed_number(p) is not None and body_lines(p)
        ]
    assert len(ends) >= 8
    assert re.findall(r"소제목(\d+)", text) == [str(n) for n in range(1, 15)]  # each drawn once
    for last in ends:
        assert not last.startswith(("절", THEME.marker(1), "<표", "(단위")), last
        assert not (last[:2].rstrip(".").isdigit() and "절" in last), last


def test_emphasis_is_coloured_upright_and_links_are_coloured(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    url = "https://epoch.ai/data"
    doc.chapters = [
        Chapter(
            "강조",
            [Bullet(2, [Text("이 결과는 "), Emph([Text("매우중요")]), Text("함, "),
                        Link([Text("자료링크")], url), Text(" 참조")])],
            [],
            1,
            "Ⅰ.",
            "ch-1",
        )
    ]
    doc.footnotes = []
    out = tmp_path / "emph.pdf"
    write_pdf(doc, THEME, out)
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "매우중요" in (p.extract_text() or ""))
        chars = {c["text"]: c for c in page.chars if c["text"] in "매우중요자료링크결"}
        rules = page.lines + page.rects
    for ch in "매우중요":
        assert chars[ch]["non_stroking_color"] == pytest.approx(_rgb(THEME.color("emphasis")), abs=1e-3)
        assert chars[ch]["upright"] and chars[ch]["matrix"][1:3] == (0, 0)  # no slant
        assert chars[ch]["fontname"].endswith("NanumGothic")
    for ch in "자료링크":
        assert chars[ch]["non_stroking_color"] == pytest.approx(_rgb(THEME.color("link")), abs=1e-3)
    x0, x1, base = chars["자"]["x0"], chars["크"]["x1"], chars["자"]["bottom"]
    under = [r for r in rules if r["x0"] <= x0 + 1 and r["x1"] >= x1 - 1 and abs(r["top"] - base) < 4]
    assert under, "link text is underlined (as in the DOCX)"
    emph = chars["매"]
    assert not [r for r in rules if r["x0"] < emph["x1"] and r["x1"] > emph["x0"]]  # emphasis is not
    assert chars["결"]["non_stroking_color"] == pytest.approx(_rgb(THEME.color("text")), abs=1e-3)
    reader = PdfReader(out)
    uris = [
        a.get_object()["/A"]["/URI"]
        for p in reader.pages
        for a in p.get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert uris == [url]
