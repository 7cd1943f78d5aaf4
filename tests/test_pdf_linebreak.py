"""Korean line breaking with kinsoku (S49, S51): breaks at spaces only; no line starts with
closing punctuation, ``%``, ``·`` or a footnote mark; none ends with an opening bracket or ``△``;
``672.2억`` never split; the text layer holds plain spaces (no U+00A0, no U+2060)."""

from __future__ import annotations

import copy
from pathlib import Path

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import MM, NOTE_SIZE, THEME, text_lines
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from briefgen.ir import Chapter, Footnote, FootnoteRef, Paragraph, Text, plain_text
from briefgen.theme import Theme
from briefgen.writers.pdf import write_pdf
from briefgen.writers.pdf.fonts import register_fonts
from briefgen.writers.pdf.linebreak import (
    GLUE,
    NO_END,
    NO_START,
    _parse_plain,
    _restore_spaces,
    glue,
)
from briefgen.writers.pdf.linebreak import Paragraph as KoParagraph

#: Spaces that S51 forbids breaking at, in realistic (and some sloppy) Korean prose.
PIECES = [
    "국가별 모델 수를 보면 (단위: 개 , %) 기준으로",
    "미국 · 중국 순이며",
    "「 AI 백서 」에 따르면",
    "‘ 스케일링 법칙 ’이",
    "△ 미국 △ 중국 △ 한국",
    "투자액은 672.2억 달러로",
    "비중은 90.3 %임",
    "( 예: 언어 모델 )",
    "“ 제목 ” 참조",
    "(Kaplan et al. , 2020)",
]
MARK = '<super size="70%" rise="35%">3)</super>'


def _prose(mark: str) -> str:
    """The pieces with fillers of varying length, so that breaks fall everywhere."""
    words = []
    for i in range(3):
        for j, piece in enumerate(PIECES):
            words += ["초거대" + "가" * ((i + j) % 4), piece, "모델의 데이터", mark, "분석함"]
    return " ".join(words)


def _lines(para: PlainParagraph, width: float) -> list[tuple[str, bool]]:
    """(text, starts with a superscript) of each line of ``para`` broken at ``width``."""
    para.wrap(width, 1e6)
    if isinstance(para, KoParagraph):
        _restore_spaces(para.blPara)
    out = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):
            out.append((" ".join(line[1]), False))
            continue
        frags = [f for f in line.words if getattr(f, "text", "")]
        out.append(("".join(f.text for f in frags).strip(), bool(frags[0].rise)))
    return out


def _violations(lines: list[tuple[str, bool]]) -> list[str]:
    bad = []
    for k, (text, sup) in enumerate(lines):
        if k and (text[0] in NO_START or sup):
            bad.append(f"starts: {text[:12]}")
        if k < len(lines) - 1 and text[-1] in NO_END:
            bad.append(f"ends: {text[-12:]}")
    return bad


@pytest.fixture(scope="module")
def style() -> ParagraphStyle:
    fonts = register_fonts(THEME)
    return ParagraphStyle("t", fontName=fonts.body, fontSize=11.5, leading=17.25)


def test_glue_marks_only_the_forbidden_spaces() -> None:
    assert glue("개 , %) 이다") == f"개{GLUE},{GLUE}%) 이다"
    assert glue("A · B ( 괄호 △ 미국") == f"A{GLUE}· B ({GLUE}괄호 △{GLUE}미국"
    assert glue(f"데이터 {MARK}를 본다") == f"데이터{GLUE}{MARK}를 본다"
    # markup is not text: entities count as one character, <bullet> content is skipped
    assert glue("R&amp;D &lt;표 1&gt; 기관") == "R&amp;D &lt;표 1&gt; 기관"
    assert glue('<bullet font="x">(</bullet> 가 , 나') == f'<bullet font="x">(</bullet> 가{GLUE}, 나'


def test_kinsoku_holds_at_every_width_where_plain_reportlab_breaks_it(
    style: ParagraphStyle,
) -> None:
    text = _prose(MARK)
    plain_bad = 0
    for width in range(90, 330, 9):
        ko = _lines(KoParagraph(text, style), width)
        assert _violations(ko) == [], width
        assert " ".join(t for t, _ in ko) == " ".join(t for t, _ in _lines(PlainParagraph(text, style), 10_000))
        assert all("672.2억" in t or "672.2" not in t for t, _ in ko)
        plain_bad += len(_violations(_lines(PlainParagraph(text, style), width)))
    assert plain_bad > 20  # the fixture really puts forbidden breaks in ReportLab's way


def test_narrow_column_pdf_keeps_kinsoku_and_plain_spaces(tmp_path: Path) -> None:
    """S49/S51 in the built PDF: a 60 mm column, a footnote mark written after a space."""
    doc = sample_document(tmp_path)
    words = _prose("\0").split("\0")
    inlines: list = []
    for k, part in enumerate(words):
        inlines.append(Text(part))
        if k < len(words) - 1:
            inlines.append(FootnoteRef("n", 1))
    data = copy.deepcopy(THEME.data)
    data["page"]["margin_left"] = data["page"]["margin_right"] = 75
    doc.chapters = [Chapter("줄바꿈", [Paragraph(inlines)], [], 1, "Ⅰ.", "ch-1")]
    doc.footnotes = [Footnote("n", [Text("주석임")], 1)]
    doc.references = []
    out = tmp_path / "narrow.pdf"
    write_pdf(doc, Theme(data), out)
    size = THEME.size("body")
    header = THEME.running_header("이슈리포트", "IS-201")
    with pdfplumber.open(out) as pdf:
        chars = [c["text"] for p in pdf.pages for c in p.chars]
        body_pages = [p for p in pdf.pages if (p.extract_text() or "").startswith(header)]
        lines = [
            ln
            for p in body_pages
            for ln in text_lines(p)
            if any(c["size"] == size for c in ln["chars"]) and ln["chars"][0]["size"] != NOTE_SIZE
        ]
    assert "\u00a0" not in chars and "\u2060" not in chars
    lines = [ln for ln in lines if not ln["text"].startswith("Ⅰ.")]
    assert len(lines) > 40
    texts = [ln["text"] for ln in lines]
    assert " ".join(texts) == plain_text(inlines)  # every break at a space of the source
    for k, ln in enumerate(lines):
        first = ln["chars"][0]
        assert first["size"] == size, f"line {k} starts with a mark: {ln['text'][:10]}"
        if k:
            assert first["text"] not in NO_START, ln["text"]
        if k < len(lines) - 1:
            assert ln["chars"][-1]["text"] not in NO_END, ln["text"]
    assert sum(t.count("672.2억") for t in texts) == 3
    right = (THEME.page("width") - 75) * MM  # justified lines with glued spaces stay inside
    assert max(ln["x1"] for ln in lines) == pytest.approx(right, abs=0.5)


@pytest.mark.parametrize(
    "markup",
    [
        "클라우드 시장은 2023년 672.2억 달러임",
        " 앞뒤  공백과\n줄바꿈이 있는 문단 ",
        '<bullet><font size="10.5">□</font></bullet>주요 내용',
        '<bullet><font size="10.5">○</font></bullet> 미국 (단위: 개 , %) 기준',
        "미국 · 중국 순이며 △ 한국",
    ],
)
def test_plain_paragraphs_skip_the_parser_with_its_result(markup: str, style: ParagraphStyle) -> None:
    """Plain text (after an optional ``<bullet>``) is not parsed by ReportLab but gets the
    fragments, bullet and style that parsing would give."""
    glued = glue(markup)
    plain = _parse_plain(glued, style)
    assert plain is not None
    parsed = PlainParagraph(glued, style)
    assert [f.__dict__ for f in plain[1]] == [f.__dict__ for f in parsed.frags]
    assert repr(plain[2]) == repr(parsed.bulletText)
    assert plain[0].__dict__ == parsed.style.__dict__


@pytest.mark.parametrize("markup", ["<b>굵게</b> 쓴 말", "A &amp; B", "주석<super>1)</super>"])
def test_other_markup_is_parsed(markup: str, style: ParagraphStyle) -> None:
    assert _parse_plain(glue(markup), style) is None
