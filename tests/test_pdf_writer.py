"""PDF writer: page-bottom footnotes (S22-S25), TOC (S5), outline, glyph check (S43),
determinism, Korean line breaking (S49). Checks read the built PDF back with pdfplumber/pypdf."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import (
    LEFT,
    MM,
    NOTE_SIZE,
    TEXT_WIDTH,
    THEME,
    printed_number,
    toc_page_index,
    toc_text,
)
from pdf_probe import body_chars as _body_chars
from pdf_probe import marks as _marks
from pdf_probe import note_starts as _note_starts
from pdf_probe import separator_rule as _rule
from pypdf import PdfReader

from briefgen.errors import BriefError
from briefgen.ir import Bullet, Chapter, Document, Paragraph, SourceLoc, Table, Text
from briefgen.theme import Theme
from briefgen.writers.pdf import PdfResult, write_pdf


@dataclass
class Built:
    path: Path
    result: PdfResult
    doc: Document


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    tmp = tmp_path_factory.mktemp("pdf")
    doc = sample_document(tmp)
    result = write_pdf(doc, THEME, tmp / "sample.pdf")
    return Built(tmp / "sample.pdf", result, doc)


@pytest.fixture(scope="module")
def long_note(sample: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample with note 5 made twice as long: more than the note area of a page can hold."""
    doc = copy.deepcopy(sample.doc)
    note = doc.footnote("long")
    note.inlines = [Text((note.inlines[0].text + " ") * 2 + "끝맺음표지임")]
    out = tmp_path_factory.mktemp("pdf-long") / "long.pdf"
    return Built(out, write_pdf(doc, THEME, out), doc)


# ---------------------------------------------------------------- footnotes


def test_every_note_sits_under_the_body_on_its_marks_page(sample: Built) -> None:
    """S24: the note text is on the page of its mark, below a rule below the lowest body line."""
    mark_page: dict[int, int] = {}
    note_page: dict[int, int] = {}
    with pdfplumber.open(sample.path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for n, _, _ in _marks(page):
                mark_page.setdefault(n, number)
            starts = _note_starts(page)
            for n, _ in starts:
                note_page[n] = number
            if not starts:
                continue
            rule = _rule(page)
            assert rule is not None, f"page {number}: notes without a separator rule"
            assert rule["x1"] - rule["x0"] == pytest.approx(TEXT_WIDTH / 3, abs=2)  # short rule
            body_bottom = max(c["bottom"] for c in _body_chars(page, rule["top"]))
            notes_top = min(w["top"] for _, w in starts)
            assert body_bottom < rule["top"] < notes_top
            tops = [w["top"] for _, w in sorted(starts, key=lambda s: s[0])]
            assert tops == sorted(tops), "notes stack in number order"
    expected = {n.number for n in sample.doc.footnotes}
    assert set(mark_page) == expected
    assert note_page == mark_page


def test_a_page_holds_three_or_more_notes(sample: Built) -> None:
    with pdfplumber.open(sample.path) as pdf:
        counts = [len(_note_starts(p)) for p in pdf.pages]
    assert max(counts) >= 3


def test_marks_in_table_cell_and_caption(sample: Built) -> None:
    """The caption note (6, after 현황) and the cell note (7, after 중국) are on the table's page."""
    with pdfplumber.open(sample.path) as pdf:
        for page in pdf.pages:
            marks = {n: prev for n, prev, _ in _marks(page)}
            if 7 in marks:
                assert marks[7] == "국"
                assert 6 in marks and marks[6] == "황"
                assert {6, 7} <= {n for n, _ in _note_starts(page)}
                return
    pytest.fail("mark 7) not found")


def test_long_note_continues_on_next_page_under_full_rule(long_note: Built) -> None:
    with pdfplumber.open(long_note.path) as pdf:
        pages = pdf.pages
        home = next(i for i, p in enumerate(pages) if 5 in {n for n, _ in _note_starts(p)})
        assert 5 in {n for n, _, _ in _marks(pages[home])}
        nxt = pages[home + 1]
        rule = _rule(nxt)
        assert rule is not None and rule["x1"] - rule["x0"] == pytest.approx(TEXT_WIDTH, abs=1)
        below = [
            c for c in nxt.chars if c["top"] > rule["top"] and abs(c["size"] - NOTE_SIZE) < 0.01
        ]
        assert below, "continuation text under the rule"
        assert "끝맺음표지임" in "".join(c["text"] for c in below)
        assert "끝맺음표지임" not in pages[home].extract_text()
        body = _body_chars(nxt, rule["top"])
        assert max(c["bottom"] for c in body) < rule["top"]


# ---------------------------------------------------------------- structure


def test_toc_page_numbers_equal_heading_pages(sample: Built) -> None:
    """S5/S47: the printed page of each heading equals its TOC number and PdfResult.page_of."""
    headings = {ch.heading: ch.anchor for ch in sample.doc.chapters}
    headings |= {s.heading: s.anchor for ch in sample.doc.chapters for s in ch.sections}
    with pdfplumber.open(sample.path) as pdf:
        toc_lines = toc_text([p.extract_text() for p in pdf.pages], THEME.title("toc_title"))
        toc = {}
        for line in toc_lines.splitlines()[1:]:
            m = re.fullmatch(r"(.+?) ·[· ]*(\d+)", line)
            assert m, line
            toc[m.group(1)] = int(m.group(2))
        rendered = {}
        for page in pdf.pages:
            for line in page.extract_text_lines():
                size = line["chars"][0]["size"]
                if line["text"] in headings and size in (
                    THEME.size("chapter"),
                    THEME.size("section"),
                ):
                    rendered.setdefault(line["text"], printed_number(page))
    assert set(toc) == set(headings) == set(rendered)
    assert toc == rendered
    assert {headings[h]: n for h, n in rendered.items()} == sample.result.page_of
    assert sample.result.page_of["ch-1"] == 1


def test_outline_metadata_and_language(sample: Built) -> None:
    reader = PdfReader(sample.path)
    top = [e for e in reader.outline if not isinstance(e, list)]
    assert [e.title for e in top] == [ch.heading for ch in sample.doc.chapters]
    nested = [e.title for e in reader.outline[1]]
    assert nested == [s.heading for s in sample.doc.chapters[0].sections]
    info = reader.metadata
    assert info.title == sample.doc.meta.title and info.author == "홍길동"
    assert info["/CreationDate"].startswith("D:20240819")
    assert reader.trailer["/Root"]["/Lang"] == "ko-KR"
    assert len(reader.pages) == sample.result.pages


def test_text_is_extractable_and_escaped(sample: Built) -> None:
    with pdfplumber.open(sample.path) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
        fonts = {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars}
    assert "(cid:" not in text
    assert "R&D <a> 기관" in text
    assert "이슈리포트\nIS-201" in text and "2024.08.19." in text  # S2 cover: the band's series block
    assert "SPRi 이슈리포트 | IS-201" in text  # S47
    assert "☞ 출처 : Epoch AI(2024)" in text and "§ Kaplan" in text  # S28, S31
    assert fonts == {
        "NanumGothic",
        "NanumGothicBold",
        "NanumGothicExtraBold",
    }  # S43, P5: no Helvetica


def test_same_input_gives_identical_bytes(sample: Built, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    write_pdf(sample.doc, THEME, again)
    assert again.read_bytes() == sample.path.read_bytes()


def test_missing_glyph_fails_naming_code_point(sample: Built, tmp_path: Path) -> None:
    doc = copy.deepcopy(sample.doc)
    bad = Bullet(2, [Text("웃는 얼굴 😀 표시")], loc=SourceLoc("content.md", 42))
    doc.chapters[0].sections[0].blocks.append(bad)
    with pytest.raises(BriefError) as info:
        write_pdf(doc, THEME, tmp_path / "bad.pdf")
    assert "U+1F600" in str(info.value) and "웃는 얼굴" in str(info.value)
    assert str(info.value).startswith("content.md:42: ")
    assert not (tmp_path / "bad.pdf").exists()


# ---------------------------------------------------------------- line breaking


def test_lines_break_only_at_spaces_in_a_60mm_column(sample: Built, tmp_path: Path) -> None:
    """S49: in a 60 mm column every extracted line end falls at a space of the source."""
    prose = (
        "초거대 AI 모델의 개발은 2020년 이후 빠르게 늘어났으며 학습 연산량과 비용도 함께 증가하여 "
        "소수의 대형 기업과 연구기관을 중심으로 개발 구조가 굳어지고 있는 것으로 판단됨. "
        "국내 기업의 참여를 넓히기 위해서는 컴퓨팅 자원과 데이터에 대한 접근성을 높이는 정책이 필요함"
    )
    data = copy.deepcopy(THEME.data)
    data["page"]["margin_left"] = data["page"]["margin_right"] = 75  # 210 - 150 = 60 mm
    doc = copy.deepcopy(sample.doc)
    doc.chapters = [Chapter("줄바꿈", [Paragraph([Text(prose)])], [], 1, "Ⅰ.", "ch-1")]
    doc.footnotes = []
    out = tmp_path / "narrow.pdf"
    write_pdf(doc, Theme(data), out)
    with pdfplumber.open(out) as pdf:
        size = THEME.size("body")
        page = next(
            p for p in pdf.pages if any(ln["text"] == "Ⅰ. 줄바꿈" for ln in p.extract_text_lines())
        )
        lines = [ln["text"] for ln in page.extract_text_lines() if ln["chars"][0]["size"] == size]
    assert len(lines) >= 6
    # Joining the lines with one space restores the source only if every break was at a space.
    assert " ".join(lines) == prose


def test_toc_entries_link_to_their_headings(sample: Built) -> None:
    """S5: each TOC line is an internal link to the page of its heading."""
    reader = PdfReader(sample.path)
    index = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    toc_index = toc_page_index([p.extract_text() for p in reader.pages], THEME.title("toc_title"))
    links = [a.get_object() for a in reader.pages[toc_index]["/Annots"]]
    targets = [index[a["/Dest"][0].idnum] for a in links]
    body_start = toc_index + 1  # the page printed as 1 follows the TOC (S1, S47)
    anchors: list[str] = []
    for ch in sample.doc.chapters:
        anchors += [ch.anchor, *(s.anchor for s in ch.sections)]
    assert targets == [body_start + sample.result.page_of[a] - 1 for a in anchors]


def test_page_furniture_on_body_pages_only(sample: Built) -> None:
    """S47: running header top-left and page number at the outer corner on body pages only."""
    header = THEME.running_header("이슈리포트", "IS-201")
    right = (THEME.page("width") - THEME.page("margin_right")) * MM
    with pdfplumber.open(sample.path) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
        first_body = next(i for i, t in enumerate(texts) if t.startswith(header))
        assert first_body == 2  # cover, then 요약, Executive Summary and 목차 on one page (S1)
        for page in pdf.pages[:first_body]:
            assert header not in page.extract_text()
        for i, page in enumerate(pdf.pages[first_body:-1]):
            number = i + 1
            assert printed_number(page) == number
            bottom = page.height - THEME.page("margin_bottom") * MM
            digits = [c for c in page.chars if c["top"] > bottom]
            assert {round(c["size"], 2) for c in digits} == {THEME.size("page_number")}
            assert all("Bold" in c["fontname"] for c in digits)
            if number % 2:
                assert max(c["x1"] for c in digits) == pytest.approx(right, abs=0.5)
            else:
                assert min(c["x0"] for c in digits) == pytest.approx(LEFT, abs=0.5)
            head = [c for c in page.chars if c["top"] < THEME.page("margin_top") * MM]
            assert "".join(c["text"] for c in head) == header
            assert head[0]["x0"] == pytest.approx(LEFT, abs=0.5)
        assert header not in pdf.pages[-1].extract_text()  # back page (S48)


def test_bullet_indents_hanging_lines_and_colours(sample: Built, tmp_path: Path) -> None:
    """S12 marker x = (level-1)*12 pt, wrapped lines under the first text character;
    S45 □ marker and heading #007C46, ㅇ marker #008000; S44 sizes."""
    long = (
        "개발 구조가 굳어지고 있어 국내 기업의 참여를 넓히기 위한 정책적 대응이 필요하다고 판단됨 "
        * 2
    )
    doc = copy.deepcopy(sample.doc)
    blocks = [Bullet(level, [Text(f"수준{level} " + long.strip())]) for level in (1, 2, 3, 4)]
    doc.chapters = [Chapter("들여쓰기", blocks, [], 1, "Ⅰ.", "ch-1")]
    doc.footnotes = []
    out = tmp_path / "bullets.pdf"
    write_pdf(doc, THEME, out)
    green = {1: (0.0, 0x7C / 255, 0x46 / 255), 2: (0.0, 0x80 / 255, 0.0)}
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "수준1" in (p.extract_text() or ""))
        lines = page.extract_text_lines()
    for level in (1, 2, 3, 4):
        start = next(i for i, ln in enumerate(lines) if f"수준{level}" in ln["text"])
        first, second = lines[start], lines[start + 1]
        marker = first["chars"][0]
        assert marker["text"] == THEME.marker(level)
        assert marker["x0"] == pytest.approx(LEFT + (level - 1) * THEME.indent_step, abs=0.5)
        assert marker["size"] == pytest.approx(THEME.bullet_size(level))
        text_x = next(c["x0"] for c in first["chars"][1:] if not c["text"].isspace())
        assert second["x0"] == pytest.approx(text_x, abs=1)
        if level in green:
            assert marker["non_stroking_color"] == pytest.approx(green[level], abs=0.01)


def test_long_table_splits_with_repeated_bold_header(sample: Built, tmp_path: Path) -> None:
    """S27/S29: caption above on the page where the table starts; header row repeated,
    bold, on every page the table spans; numeric columns right-aligned."""
    doc = copy.deepcopy(sample.doc)
    table = next(b for b in doc.chapters[1].sections[0].blocks if isinstance(b, Table))
    table.rows = table.rows * 40
    out = tmp_path / "table.pdf"
    write_pdf(doc, THEME, out)
    right = (THEME.page("width") - THEME.page("margin_right")) * MM
    with pdfplumber.open(out) as pdf:
        spans = [p for p in pdf.pages if "R&D <a> 기관" in p.extract_text()]
        assert len(spans) >= 3
        assert "<표 1> 국가별 초거대 AI 모델 개발 현황" in spans[0].extract_text()
        for page in spans:
            lines = page.extract_text_lines()
            head = next(ln for ln in lines if ln["text"] == "국가 모델 수 비중")
            assert all("Bold" in c["fontname"] for c in head["chars"])
            assert head["top"] < min(ln["top"] for ln in lines if ln["text"].startswith("미국"))
            share = next(ln for ln in lines if ln["text"].startswith("미국"))
            assert share["x1"] == pytest.approx(right - 6, abs=1)  # right-aligned (cell padding 6)
