"""The bundled example's PDF read back like a reader (issue 5 "done means"): words whole across
line ends (S49), TOC numbers = printed pages (S5, S47), outline, metadata, no heading or caption
stranded at a page bottom; and the glyph check end to end through the CLI (S43)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import ROOT, copy_example
from fontTools.ttLib import TTFont
from pdf_probe import TEXT_WIDTH, THEME, body_lines, printed_number, text_lines, toc_text
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen import ir
from briefgen.cli import main
from briefgen.fonts import font_path
from briefgen.ir import plain_text

CONTENT = "templates/ai-models/content.md"


@pytest.fixture(scope="module")
def example(example_build):
    _, result = example_build
    with pdfplumber.open(result.outputs["pdf"]) as pdf:
        pages = [
            {"lines": text_lines(p), "body": body_lines(p), "number": printed_number(p)}
            for p in pdf.pages
        ]
        toc = toc_text([p.extract_text() for p in pdf.pages])
    return result, pages, toc


def _headings(doc: ir.Document) -> dict[str, str]:
    out = {}
    for ch in doc.chapters:
        out[ch.heading] = ch.anchor
        out |= {sec.heading: sec.anchor for sec in ch.sections}
    return out


def _blocks(blocks: list[ir.Block]) -> list[str]:
    out = []
    for b in blocks:
        match b:
            case ir.Paragraph(inlines=nodes):
                out.append(plain_text(nodes))
            case ir.Bullet(level=level, inlines=nodes):
                out.append(f"{THEME.marker(level)} {plain_text(nodes)}")
            case ir.Table() | ir.Figure():
                out.append(f"{b.label} {plain_text(b.caption)}")
                out += [THEME.note_prefix + plain_text(n) for n in b.notes]
                if b.source:
                    out.append(THEME.source_prefix + plain_text(b.source))
                if isinstance(b, ir.Table):
                    out += [b.unit or ""] + [plain_text(c.inlines) for c in b.header]
                    out += [plain_text(c.inlines) for row in b.rows for c in row]
            case ir.Box(title=title, blocks=inner):
                out += [title or "", *_blocks(inner)]
    return out


def _source_texts(doc: ir.Document) -> list[str]:
    """Every string the body pages draw, as written in the document."""
    texts = list(_headings(doc)) + [doc.references_title]
    for ch in doc.chapters:
        texts += _blocks(ch.blocks)
        for sec in ch.sections:
            texts += _blocks(sec.blocks)
    texts += [f"{n.label} {plain_text(n.inlines)}" for n in doc.footnotes]
    texts += [THEME.references_prefix + plain_text(r.inlines) for r in doc.references]
    return texts


def test_no_word_is_broken_across_lines(example) -> None:
    """S49: every line of the body pages starts and ends with a whole word of the source,
    except the pieces of a token wider than the line."""
    result, pages, _ = example
    texts = _source_texts(result.document)
    tokens = {t for s in texts for t in s.split()}
    wide = [t for t in tokens if stringWidth(t, THEME.font("body"), THEME.size("body")) > TEXT_WIDTH]
    markers = {THEME.marker(level) for level in (1, 2, 3, 4)}
    checked = 0
    for page in pages:
        if page["number"] is None:
            continue
        for line in page["body"]:
            text = line["text"]
            if text[:1] in markers and text[1:2] != " ":  # marker and text closer than a space
                text = f"{text[0]} {text[1:]}"
            words = text.split()
            for word in (words[0], words[-1]):
                whole = word in tokens or any(word in t for t in wide)
                assert whole, f"page {page['number']}: '{word}' in '{line['text']}'"
            checked += 1
    assert checked > 100


def test_toc_numbers_are_the_printed_pages_of_the_headings(example) -> None:
    """S5/S47 on the example: TOC number = printed number of the page showing the heading."""
    result, pages, toc = example
    headings = _headings(result.document)
    listed = {}
    for line in toc.splitlines()[1:]:
        m = re.fullmatch(r"(.+?) ·[· ]*(\d+)", line)
        assert m, line
        listed[m.group(1)] = int(m.group(2))
    sizes = {THEME.size("chapter"), THEME.size("section")}
    rendered = {}
    for page in pages:
        for line in page["body"]:
            if line["text"] in headings and round(line["chars"][0]["size"], 2) in sizes:
                rendered.setdefault(line["text"], page["number"])
    assert listed == rendered
    assert set(listed) == set(headings)


def test_outline_has_every_chapter_and_section(example) -> None:
    result, pages, _ = example
    reader = PdfReader(result.outputs["pdf"])
    outline = reader.outline
    tops = [e for e in outline if not isinstance(e, list)]
    assert [e.title for e in tops] == [ch.heading for ch in result.document.chapters]
    for ch in result.document.chapters:
        i = next(k for k, e in enumerate(outline) if not isinstance(e, list) and e.title == ch.heading)
        children = outline[i + 1] if i + 1 < len(outline) and isinstance(outline[i + 1], list) else []
        assert [e.title for e in children] == [s.heading for s in ch.sections]
        page = reader.get_destination_page_number(outline[i])
        assert ch.heading in [line["text"] for line in pages[page]["body"]]


def test_metadata_from_the_brief(example) -> None:
    result, _, _ = example
    meta = result.document.meta
    reader = PdfReader(result.outputs["pdf"])
    info = reader.metadata
    assert info.title == meta.title
    assert info.author == ", ".join(a.name for a in meta.authors)
    assert info.subject == meta.subject
    assert info["/CreationDate"].startswith(f"D:{meta.date:%Y%m%d}")
    assert reader.trailer["/Root"]["/Lang"] == "ko-KR"


def test_no_page_ends_with_a_heading_or_a_caption(example) -> None:
    """Headings and □ sub-headings keep with what follows; captions, unit notes and table
    headers stay with their figure or table."""
    result, pages, _ = example
    headings = set(_headings(result.document))
    captions = ("[그림", "<표", "(단위")
    checked = 0
    for page in pages:
        if page["number"] is None or not page["body"]:
            continue
        last = page["body"][-1]["text"]
        assert last not in headings, f"page {page['number']} ends with heading {last}"
        assert not last.startswith(THEME.marker(1)), f"page {page['number']} ends with {last}"
        assert not last.startswith(captions), f"page {page['number']} ends with {last}"
        checked += 1
    assert checked >= 6


# ---------------------------------------------------------------- glyph check end to end


def _missing_hanja() -> str:
    """A CJK ideograph that none of the theme's fonts can draw (found in their cmaps)."""
    cmaps = [TTFont(str(font_path(THEME.font(r)))).getBestCmap() for r in ("body", "bold", "heavy")]
    return next(chr(c) for c in range(0x4E00, 0xA000) if all(c not in m for m in cmaps))


@pytest.fixture(scope="module")
def template_line() -> tuple[int, str]:
    """A plain prose line of the example template (no Jinja on it): (line number, text)."""
    lines = (ROOT / CONTENT).read_text("utf-8").splitlines()
    n = next(i for i, t in enumerate(lines, 1) if t.startswith("ㅇ (기관)") and "{" not in t)
    return n, lines[n - 1]


def _build_with(tmp: Path, line: tuple[int, str], char: str) -> tuple[int, str]:
    project = copy_example(tmp)
    path = project / CONTENT
    text = path.read_text("utf-8")
    path.write_text(text.replace(line[1], line[1].replace("묶어", f"묶어 {char}"), 1), "utf-8")
    result = CliRunner().invoke(main, ["build", str(project), "--format", "pdf"])
    assert not (project / "output" / "ai-models-2024.pdf").exists()
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def glyph_failures(template_line, tmp_path_factory) -> dict[str, tuple[int, str]]:
    """The example built with an emoji, and with a Hanja no theme font has: char → (exit, stderr)."""
    chars = ["\U0001f600", _missing_hanja()]
    return {c: _build_with(tmp_path_factory.mktemp("glyph"), template_line, c) for c in chars}


def test_a_character_the_font_lacks_fails_the_build(glyph_failures) -> None:
    for char, (code, err) in glyph_failures.items():
        assert code == 1
        lines = err.strip().splitlines()
        assert len(lines) == 1
        assert f"U+{ord(char):04X}" in lines[0] and "하나의 개발 주체" in lines[0]
        assert lines[0].startswith(f"error: {CONTENT}:")


def test_the_glyph_error_names_the_template_line(glyph_failures, template_line) -> None:
    for _, err in glyph_failures.values():
        assert err.startswith(f"error: {CONTENT}:{template_line[0]}: ")
