"""DOCX writer: the package XML against the house style (rule ids from docs/house-style.md)."""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))

from ir_sample import sample_document, with_front_matter  # noqa: E402
from libreoffice import convert_to_pdf  # noqa: E402

from briefgen.ir import (  # noqa: E402
    Box,
    Chapter,
    Document,
    Emph,
    FootnoteRef,
    Link,
    Meta,
    Paragraph,
    Strong,
    Superscript,
    Table,
    TableCell,
    Text,
    plain_text,
)
from briefgen.theme import load_theme  # noqa: E402
from briefgen.writers.docx import write_docx  # noqa: E402
from briefgen.writers.textwidth import text_width  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PAGE_OF = {"ch-1": 1, "sec-1-1": 1, "ch-2": 3, "sec-2-1": 3, "sec-2-2": 4, "ch-3": 5}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Path]:
    tmp = tmp_path_factory.mktemp("docx")
    doc = sample_document(tmp)
    out = tmp / "brief.docx"
    write_docx(doc, load_theme(), out, page_of=PAGE_OF)
    return doc, out


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def texts(node: etree._Element) -> str:
    """Visible text: the ``w:t`` runs (field instructions excluded)."""
    return "".join(node.xpath(".//w:t/text()", namespaces=NS))


def edges_of(borders: etree._Element) -> dict[str, tuple[str, ...]]:
    """``<w:tblBorders>``/``<w:tcBorders>`` as edge -> (val, size, colour), or (val,) if nil."""
    out = {}
    for edge in borders:
        val = edge.get(w("val"))
        name = etree.QName(edge).localname
        out[name] = (val,) if val == "nil" else (val, edge.get(w("sz")), edge.get(w("color")))
    return out


def paragraphs_with_style(root: etree._Element, style_id: str) -> list[etree._Element]:
    return root.xpath(f"//w:p[w:pPr/w:pStyle/@w:val='{style_id}']", namespaces=NS)


def test_a4_page_and_house_margins_s42(built: tuple[Document, Path]) -> None:
    body = part(built[1], "word/document.xml")
    sections = body.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 4  # cover | 요약, ES, 목차 | body | back page
    for index, sect in enumerate(sections):
        size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
        assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
        got = [margins.get(w(k)) for k in ("left", "right", "top", "bottom", "header", "footer")]
        # the designed cover's band runs to the page's top and side edges (S2)
        house = ["0", "0", "0"] if index == 0 else ["1134", "1134", "1417"]
        assert got == [*house, "1247", "737", "567"]


def _hf_part(path: Path, sect: etree._Element, kind: str, which: str) -> etree._Element:
    """The header or footer part ``kind`` (header/footer) of type ``which`` of a section."""
    ref = sect.xpath(f"w:{kind}Reference[@w:type='{which}']", namespaces=NS)[0]
    rels = part(path, "word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == ref.get(f"{{{RELS_NS}}}id"))
    return part(path, f"word/{target}")


def test_sections_running_header_and_page_numbers_s47(built: tuple[Document, Path]) -> None:
    path = built[1]
    body = part(path, "word/document.xml")
    sections = body.xpath("//w:sectPr", namespaces=NS)
    for front in sections[:2]:  # cover, 요약/목차: no header or page number (S2, S47)
        assert not front.xpath("w:headerReference|w:footerReference", namespaces=NS)
    assert sections[2].find(w("pgNumType")).get(w("start")) == "1"
    settings = part(path, "word/settings.xml")
    assert settings.find(w("evenAndOddHeaders")) is not None
    for which in ("default", "even"):
        assert texts(_hf_part(path, sections[2], "header", which)) == "SPRi 이슈리포트 | IS-201"
    odd = _hf_part(path, sections[2], "footer", "default")
    even = _hf_part(path, sections[2], "footer", "even")
    assert _fields(odd) == [("PAGE", "1")] and _fields(even) == [("PAGE", "2")]  # cached
    # the outer corner: odd pages right, even pages left
    assert odd.find("w:p/w:pPr/w:jc", NS).get(w("val")) == "right"
    assert even.find("w:p/w:pPr/w:jc", NS).get(w("val")) == "left"
    footer_style = part(path, "word/styles.xml").xpath(
        "//w:style[@w:styleId='Footer']/w:rPr", namespaces=NS
    )[0]
    assert footer_style.find(w("b")) is not None
    assert footer_style.find(w("sz")).get(w("val")) == "18"  # 9 pt bold #006A42 (S44, S45)
    assert footer_style.find(w("color")).get(w("val")) == "006A42"
    # the back page unlinks from the body's header and footer, with empty parts
    back = sections[3]
    for kind in ("header", "footer"):
        for which in ("default", "even"):
            hf = _hf_part(path, back, kind, which)
            assert texts(hf) == "" and not _fields(hf)


def test_headings_use_word_heading_styles_s6_s8(built: tuple[Document, Path]) -> None:
    doc, path = built
    body = part(path, "word/document.xml")
    h1 = [texts(p) for p in paragraphs_with_style(body, "Heading1")]
    h2 = [texts(p) for p in paragraphs_with_style(body, "Heading2")]
    assert h1 == ["Ⅰ. 서론", "Ⅱ. 초거대 AI 모델 개발 현황", "Ⅲ. 요약 및 정책적 시사점"]
    assert h2 == [s.heading for c in doc.chapters for s in c.sections]
    styles = part(path, "word/styles.xml")
    names = {
        s.get(w("styleId")): s.find(w("name")).get(w("val")) for s in styles.findall(w("style"))
    }
    assert names["Heading1"] == "heading 1" and names["Heading2"] == "heading 2"
    assert names["TOC1"] == "toc 1" and names["FootnoteText"] == "footnote text"
    for sid in ("Heading1", "ReferencesHeading", "FrontHeading"):  # S45: green, as in the PDF
        style = styles.xpath(f"//w:style[@w:styleId='{sid}']", namespaces=NS)[0]
        assert style.find("w:rPr/w:color", NS).get(w("val")) == "006A42", sid


def test_every_paragraph_has_a_named_style_s50(built: tuple[Document, Path]) -> None:
    path = built[1]
    styles = part(path, "word/styles.xml")
    defined = {s.get(w("styleId")) for s in styles.findall(w("style"))}
    for name in ("word/document.xml", "word/footnotes.xml"):
        for p in part(path, name).iter(w("p")):
            style = p.find("w:pPr/w:pStyle", NS)
            assert style is not None and style.get(w("val")) in defined, texts(p)


def test_bullets_are_word_numbering_with_house_markers_s9_s12(built: tuple[Document, Path]) -> None:
    path = built[1]
    numbering = part(path, "word/numbering.xml")
    levels = numbering.findall("w:abstractNum/w:lvl", NS)
    assert [lv.find(w("numFmt")).get(w("val")) for lv in levels] == ["bullet"] * 4
    assert [lv.find(w("lvlText")).get(w("val")) for lv in levels] == ["□", "ㅇ", "-", "*"]
    for index, lv in enumerate(levels):
        ind = lv.find("w:pPr/w:ind", NS)
        left, hanging = int(ind.get(w("left"))), int(ind.get(w("hanging")))
        assert left - hanging == index * 12 * 20  # marker x = (n-1) x 12 pt
        assert 0 < hanging < 400
    colors = [lv.find("w:rPr/w:color", NS) for lv in levels]
    assert colors[0].get(w("val")) == "007C46" and colors[1].get(w("val")) == "008000"  # S45
    assert levels[0].find("w:rPr/w:b", NS) is not None
    body = part(path, "word/document.xml")
    bullets = body.xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)
    assert bullets and all(not texts(p).startswith(("□", "ㅇ", "- ", "*")) for p in bullets)
    style = part(path, "word/styles.xml").xpath("//w:style[@w:styleId='Bullet1']", namespaces=NS)[0]
    assert style.find("w:rPr/w:sz", NS).get(w("val")) == "26"  # 13 pt bold (S44)
    assert style.find("w:pPr/w:spacing", NS).get(w("line")) == "360"  # S46
    assert style.find("w:pPr/w:spacing", NS).get(w("before")) == "200"  # 10 pt (S12)
    assert style.find("w:pPr/w:jc", NS).get(w("val")) == "both"
    # S45: the □ item reads as a green bold sub-heading (as the PDF draws it) and stays
    # with its first item; ㅇ items are black text behind a #008000 marker
    assert style.find("w:rPr/w:color", NS).get(w("val")) == "007C46"
    assert style.find("w:rPr/w:b", NS) is not None
    assert style.find("w:pPr/w:keepNext", NS) is not None
    styles = part(path, "word/styles.xml")
    bullet2 = styles.xpath("//w:style[@w:styleId='Bullet2']", namespaces=NS)[0]
    assert bullet2.find("w:rPr/w:color", NS) is None


def test_real_word_footnotes_s25(built: tuple[Document, Path]) -> None:
    doc, path = built
    notes = part(path, "word/footnotes.xml")
    user_notes = [n for n in notes.findall(w("footnote")) if n.get(w("type")) is None]
    kinds = {
        n.get(w("id")): n.get(w("type")) for n in notes.findall(w("footnote")) if n.get(w("type"))
    }
    assert kinds == {"-1": "separator", "0": "continuationSeparator"}
    body = part(path, "word/document.xml")
    refs = body.xpath("//w:footnoteReference", namespaces=NS)
    assert len(user_notes) == len(refs) == len(doc.footnotes) == 8
    ids = [n.get(w("id")) for n in user_notes]
    assert len(set(ids)) == len(ids) and {r.get(w("id")) for r in refs} == set(ids)
    by_id = {n.get(w("id")): n for n in user_notes}
    for position, ref in enumerate(refs):  # Word numbers notes by the order of their marks
        note = doc.footnotes[position]
        mark_run = ref.getparent()
        assert ref.get(w("customMarkFollows")) is None  # automatic number, renumbers in Word
        assert mark_run.find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
        assert mark_run.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
        paren = mark_run.getnext()  # S22/S25: the mark reads `n)`, all superscript
        assert texts(paren) == ")"
        assert paren.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
        body_of_note = by_id[ref.get(w("id"))]
        first_run = body_of_note.xpath(".//w:r", namespaces=NS)[0]
        assert first_run.find("w:footnoteRef", NS) is not None  # S24: the note starts `n) `
        assert first_run.find("w:rPr/w:vertAlign", NS).get(w("val")) == "baseline"
        assert texts(body_of_note) == f") {plain_text(note.inlines)}"
        # S24: wrapped lines hang under the text after `n) ` (its width in the note's font)
        label = text_width("NanumGothic", f"{position + 1}) ", 9)
        indent = body_of_note.find("w:p/w:pPr/w:ind", NS)
        assert int(indent.get(w("left"))) == int(indent.get(w("hanging"))) == round(label * 20)
    # the package wires the part up
    rels = part(path, "word/_rels/document.xml.rels")
    assert any(
        r.get("Target") == "footnotes.xml" and r.get("Type").endswith("/footnotes") for r in rels
    )
    with zipfile.ZipFile(path) as z:
        assert b'PartName="/word/footnotes.xml"' in z.read("[Content_Types].xml")
    styles = part(path, "word/styles.xml")
    note_style = styles.xpath("//w:style[@w:styleId='FootnoteText']", namespaces=NS)[0]
    assert note_style.find("w:rPr/w:sz", NS).get(w("val")) == "18"  # 9 pt
    hang = note_style.find("w:pPr/w:ind", NS)  # a note an editor adds hangs too
    assert hang.get(w("left")) == hang.get(w("hanging")) == str(round(
        round(text_width("NanumGothic", "0) ", 9), 2) * 20))


def test_footnote_marks_in_table_cell_and_caption(built: tuple[Document, Path]) -> None:
    doc, path = built
    table = next(
        b for c in doc.chapters for s in c.sections for b in s.blocks if isinstance(b, Table)
    )
    body = part(path, "word/document.xml")
    in_cells = body.xpath("//w:tc//w:footnoteReference/..", namespaces=NS)
    cell_note = next(i for i in table.rows[1][0].inlines if isinstance(i, FootnoteRef))
    assert len(in_cells) == 1 and texts(in_cells[0].getnext()) == ")"
    # the automatic number precedes ')'
    assert in_cells[0].getparent().xpath("string(.)") == "중국)"
    cell_id = in_cells[0].find("w:footnoteReference", NS).get(w("id"))
    notes = part(path, "word/footnotes.xml")
    note = notes.xpath(f"//w:footnote[@w:id='{cell_id}']", namespaces=NS)[0]
    assert texts(note) == f") {plain_text(doc.footnote(cell_note.key).inlines)}"
    caption = paragraphs_with_style(body, "Caption")
    table_caption = next(p for p in caption if texts(p).startswith("<표"))
    assert table_caption.xpath(".//w:footnoteReference", namespaces=NS)
    assert texts(table_caption) == "<표 1> 국가별 초거대 AI 모델 개발 현황)"


def _fields(root: etree._Element) -> list[tuple[str, str]]:
    """(instruction, cached result) of each complex field, result text up to the end mark."""
    found, state, instr, result = [], None, "", ""
    for node in root.iter(w("fldChar"), w("instrText"), w("t")):
        if node.tag == w("fldChar"):
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                state, instr, result = "instr", "", ""
            elif kind == "separate":
                state = "result"
            else:
                found.append((instr.strip(), result))
                state = None
        elif node.tag == w("instrText") and state == "instr":
            instr += node.text
        elif node.tag == w("t") and state == "result":
            result += node.text
    return found


def test_seq_and_toc_fields_carry_cached_results_s5_s27(built: tuple[Document, Path]) -> None:
    fields = dict(_fields(part(built[1], "word/document.xml")))
    assert fields["SEQ 표 \\* ARABIC"] == "1"
    assert fields["SEQ 그림 \\* ARABIC"] == "1"
    toc = fields['TOC \\o "1-2" \\h \\z \\u']
    assert (
        toc == "Ⅰ. 서론1"
        "1. 연구 배경1"
        "Ⅱ. 초거대 AI 모델 개발 현황3"
        "1. 국가별 현황3"
        "2. 기관별 현황4"
        "Ⅲ. 요약 및 정책적 시사점5"
    )
    styles = part(built[1], "word/styles.xml")
    tab = styles.xpath("//w:style[@w:styleId='TOC1']//w:tab", namespaces=NS)[0]
    assert tab.get(w("leader")) == "middleDot" and tab.get(w("val")) == "right"
    # a caption (and the unit line, the picture) stays on the page of its table or figure
    for sid in ("Caption", "TableUnit", "FigureImage", "Heading1", "Heading2"):
        style = styles.xpath(f"//w:style[@w:styleId='{sid}']", namespaces=NS)[0]
        assert style.find("w:pPr/w:keepNext", NS) is not None, sid
    caption = styles.xpath("//w:style[@w:styleId='Caption']", namespaces=NS)[0]
    assert caption.find("w:pPr/w:jc", NS).get(w("val")) == "center"  # S27: centred, bold 11 pt
    assert caption.find("w:rPr/w:sz", NS).get(w("val")) == "22"


def test_toc_without_page_numbers(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    write_docx(sample_document(tmp_path), load_theme(), out)
    fields = dict(_fields(part(out, "word/document.xml")))
    assert fields['TOC \\o "1-2" \\h \\z \\u'].startswith("Ⅰ. 서론1. 연구 배경Ⅱ.")


def test_table_header_row_and_alignment_s29(built: tuple[Document, Path]) -> None:
    body = part(built[1], "word/document.xml")
    table = next(t for t in body.iter(w("tbl")) if "모델 수" in texts(t))
    assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "HouseTable"
    house = part(built[1], "word/styles.xml").xpath(
        "//w:style[@w:styleId='HouseTable']", namespaces=NS
    )[0]
    assert house.get(w("type")) == "table"
    # open rules as the PDF draws them: 1 pt above the header and under the last row, 0.5 pt
    # under the header, grey hairlines between body cells, no outer sides, no header columns
    assert edges_of(house.find("w:tblPr/w:tblBorders", NS)) == {
        "top": ("single", "8", "000000"), "left": ("nil",), "bottom": ("single", "8", "000000"),
        "right": ("nil",), "insideH": ("single", "2", "999999"),
        "insideV": ("single", "2", "999999"),
    }
    header_edges = {
        "top": ("single", "8", "000000"), "left": ("nil",), "bottom": ("single", "4", "000000"),
        "right": ("nil",), "insideV": ("nil",),
    }
    first_row = house.find("w:tblStylePr[@w:type='firstRow']", NS)
    assert edges_of(first_row.find("w:tcPr/w:tcBorders", NS)) == header_edges
    assert first_row.find("w:tcPr/w:shd", NS).get(w("fill")) == "E5E5E5"
    assert first_row.find("w:rPr/w:b", NS) is not None
    rows = table.findall(w("tr"))
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    assert {s.get(w("fill")) for s in rows[0].iter(w("shd"))} == {"E5E5E5"}
    for cell in rows[0].findall(w("tc")):  # direct edges, like the fill: whatever the reader
        assert edges_of(cell.find("w:tcPr/w:tcBorders", NS)) == header_edges
    assert rows[1].find("w:tc/w:tcPr/w:tcBorders", NS) is None  # does with firstRow styles
    assert rows[0].xpath(".//w:r/w:rPr/w:b", namespaces=NS)
    jcs = [c.find("w:p/w:pPr/w:jc", NS).get(w("val")) for c in rows[1].findall(w("tc"))]
    assert jcs == ["left", "right", "right"]
    unit = paragraphs_with_style(body, "TableUnit")[0]
    assert texts(unit) == "(단위: 개, %)"
    sources = [texts(p) for p in paragraphs_with_style(body, "SourceLine")]
    assert "☞ 출처 : Epoch AI(2024), Data on Large-Scale AI Models" in sources
    assert "주: 2020~2023년 발표 모델 기준" in sources


def test_fonts_all_four_slots_and_korean_language_s43_s50(built: tuple[Document, Path]) -> None:
    path = built[1]
    styles = part(path, "word/styles.xml")
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(w("eastAsia")) == "ko-KR"
    assert styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:wordWrap", NS).get(w("val")) == "1"
    body = part(path, "word/document.xml")
    expected = {
        # S43: the TTF family names; NanumGothicBold.ttf is the Bold face of NanumGothic
        "Heading1": "NanumGothic",
        "Caption": "NanumGothic",
        "Title": "NanumGothicExtraBold",
        "BodyText": "NanumGothic",
        "Bullet2": "NanumGothic",
        "HouseTable": "NanumGothic",
        "FootnoteReference": "NanumGothic",
    }
    kinds = {"paragraph": 0, "character": 0, "table": 0}
    for style in styles.findall(w("style")):  # every style, the template's defaults too
        sid, kind = style.get(w("styleId")), style.get(w("type"))
        if kind == "numbering":
            continue
        kinds[kind] += 1
        fonts = style.find("w:rPr/w:rFonts", NS)
        slots = {fonts.get(w(k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")}
        assert len(slots) == 1 and None not in slots, sid
        if sid in expected:
            assert slots == {expected[sid]}, sid
        assert style.find("w:rPr/w:lang", NS).get(w("eastAsia")) == "ko-KR", sid
        if kind == "paragraph":
            assert style.find("w:pPr/w:wordWrap", NS).get(w("val")) == "1", sid
    assert kinds["paragraph"] > 20 and kinds["character"] >= 2 and kinds["table"] == 2
    # the template's unused styles (Light Shading, List Bullet 3 ...) are gone
    ids = {s.get(w("styleId")) for s in styles.findall(w("style"))}
    assert "LightShading-Accent1" not in ids and "Heading3" not in ids
    table = part(path, "word/fontTable.xml")  # the house fonts as Hangul fonts, nothing else
    fonts = {f.get(w("name")): f for f in table.findall(w("font"))}
    assert sorted(fonts) == ["NanumGothic", "NanumGothicExtraBold"]
    assert fonts["NanumGothic"].find(w("altName")).get(w("val")) == "나눔고딕"
    assert {f.find(w("charset")).get(w("val")) for f in fonts.values()} == {"81"}
    numeral = paragraphs_with_style(body, "Heading1")[0].find("w:r/w:rPr/w:rFonts", NS)
    assert numeral.get(w("eastAsia")) == "NanumGothicExtraBold"
    assert numeral.getparent().find("w:b", NS).get(w("val")) == "0"  # no fake bold on ExtraBold
    heading = styles.xpath("//w:style[@w:styleId='Heading1']/w:rPr", namespaces=NS)[0]
    assert heading.find(w("b")) is not None  # bold face chosen by w:b
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            assert b"ja-JP" not in data and b"zh-CN" not in data and b"zh-TW" not in data, name
            assert b"asciiTheme" not in data and b"eastAsiaTheme" not in data, name
            assert b"NanumGothicBold" not in data, name  # a face name, not a family


def test_word_sets_hangul_solid_and_keeps_eojeol_whole_s46(built: tuple[Document, Path]) -> None:
    """What Word reads (ECMA-376 17.3.1.2-3, 17.3.1.45): autoSpaceDE/DN off sets `2023년` and
    `Google이` solid, wordWrap on breaks lines at spaces only. The document defaults and every
    paragraph style say so, and nothing in the parts says otherwise. (LibreOffice reads none
    of the three: docs/reference.md, "The DOCX in Word and LibreOffice".)"""
    path = built[1]
    styles = part(path, "word/styles.xml")
    defaults = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    wanted = {"autoSpaceDE": "0", "autoSpaceDN": "0", "wordWrap": "1"}
    assert {k: defaults.find(f"w:{k}", NS).get(w("val")) for k in wanted} == wanted
    for style in styles.xpath("//w:style[@w:type='paragraph']", namespaces=NS):
        sid = style.get(w("styleId"))
        assert {k: style.find(f"w:pPr/w:{k}", NS).get(w("val")) for k in wanted} == wanted, sid
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    for name in names:
        root = part(path, name)
        for key, value in wanted.items():
            assert {n.get(w("val")) for n in root.iter(w(key))} <= {value}, (name, key)


def test_word_opens_without_an_update_prompt_s5(built: tuple[Document, Path]) -> None:
    """The cached 목차 and SEQ results are shown as they are: Word asks to update fields on
    opening only for ``w:updateFields`` in the settings or a field marked dirty."""
    path = built[1]
    assert part(path, "word/settings.xml").find("w:updateFields", NS) is None
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    fields = [f for name in names  # TOC and SEQ in the body, PAGE in the footers
              for f in part(path, name).xpath("//w:fldChar[@w:fldCharType='begin']", namespaces=NS)]
    assert len(fields) >= 5 and all(f.get(w("dirty")) is None for f in fields)
    assert not any(part(path, name).xpath("//w:fldSimple", namespaces=NS) for name in names)


def test_escaping_cover_and_references_s2_s31(built: tuple[Document, Path]) -> None:
    body = part(built[1], "word/document.xml")
    all_text = [texts(p) for p in body.iter(w("p"))]
    assert "R&D <a> 기관" in all_text
    assert all_text[:10] == [
        "SPRi",  # the band (S2): the mark, the series label and the report number
        "이슈리포트",
        "IS-201",
        "",  # the accent stripe
        "초거대 AI 모델 개발 동향과 시사점",
        "- Epoch AI 데이터 분석 -",  # as the PDF cover prints it
        "2024.08.19.",
        "홍길동 AI정책연구실 선임연구원",
        "",  # the short rule above the organisation
        "소프트웨어정책연구소",
    ]
    refs = [texts(p) for p in paragraphs_with_style(body, "Reference")]
    assert len(refs) == 2 and all(r.startswith("§ ") for r in refs)
    assert "홈페이지 : https://spri.kr/" in all_text  # S48
    box = body.xpath("//w:tc[w:tcPr/w:shd/@w:fill='E5EFE6']", namespaces=NS)
    assert texts(box[0]).startswith("초거대 AI 모델은 2020년")  # S3


def test_illegal_control_characters_are_dropped(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    doc.meta.title = "제목\x0b\x01 끝"
    with_front_matter(doc)  # composed again from the changed title
    out = tmp_path / "c.docx"
    write_docx(doc, load_theme(), out)
    body = part(out, "word/document.xml")
    assert "제목 끝" in [texts(p) for p in body.iter(w("p"))]


def test_core_properties_and_deterministic_bytes(
    built: tuple[Document, Path], tmp_path: Path
) -> None:
    doc, path = built
    core = part(path, "docProps/core.xml")
    assert core.find("dcterms:created", NS).text == "2024-08-19T00:00:00Z"
    assert core.find("dcterms:modified", NS).text == "2024-08-19T00:00:00Z"
    assert (
        core.find("dc:title", NS).text == "초거대 AI 모델 개발 동향과 시사점 - Epoch AI 데이터 분석"
    )
    assert core.find("dc:creator", NS).text == "홍길동"
    assert core.find("dc:subject", NS).text == doc.meta.subject
    assert core.find("cp:keywords", NS).text == ", ".join(doc.meta.keywords)
    assert core.find("dc:language", NS).text == "ko-KR"
    app = part(path, "docProps/app.xml")
    assert [node.text for node in app] == ["briefgen"]  # no template's "Microsoft Word"
    again = tmp_path / "again.docx"
    write_docx(sample_document(tmp_path), load_theme(), again, page_of=PAGE_OF)
    assert again.read_bytes() == path.read_bytes()


# --------------------------------------------------------------------------- LibreOffice check


@pytest.fixture(scope="module")
def rendered(built: tuple[Document, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert_to_pdf(built[1], tmp_path_factory.mktemp("lo"))


def test_libreoffice_renders_korean_and_footnotes_on_their_pages_s24(
    built: tuple[Document, Path],
    rendered: Path,
) -> None:
    import pdfplumber

    doc = built[0]
    with pdfplumber.open(rendered) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    flat = [p.replace("\n", "") for p in pages]
    assert "초거대 AI 모델 개발 동향과 시사점" in pages[0]
    assert any("Ⅱ. 초거대 AI 모델 개발 현황" in p for p in pages)
    marks = {"epoch": "초거대 AI 모델의 확산", "cell": "중국", "last": "산업계 참여"}
    for key, anchor in marks.items():
        note = doc.footnote(key)
        text = plain_text(note.inlines)
        page = next(i for i, p in enumerate(flat) if anchor + note.label in p)
        assert text in flat[page], key  # note text on the page of its mark
        assert anchor + note.label + note.label not in flat[page]  # the mark shows once


def test_box_link_emph_and_empty_parts(tmp_path: Path) -> None:
    chapter = Chapter(
        title="서론",
        label="Ⅰ.",
        number=1,
        anchor="ch-1",
        sections=[],
        blocks=[
            Paragraph(
                [
                    Text("본문 "),
                    Emph([Text("강조")]),
                    Link([Text("누리집")], "https://spri.kr/?a=1&b=2"),
                ]
            ),
            Box("참고", [Paragraph([Text("상자 안 문단")])]),
        ],
    )
    meta = Meta(title="제목", report_number="IS-001", date=dt.date(2025, 1, 2))
    doc = with_front_matter(Document(meta, [], [], [chapter], [], []))
    out = tmp_path / "d.docx"
    write_docx(doc, load_theme(), out)
    body = part(out, "word/document.xml")
    link = body.find(".//w:hyperlink[@r:id]", {**NS, "r": RELS_NS})
    assert texts(link) == "누리집"
    rels = part(out, "word/_rels/document.xml.rels")
    target = next(r for r in rels if r.get("Id") == link.get(f"{{{RELS_NS}}}id"))
    assert (
        target.get("Target") == "https://spri.kr/?a=1&b=2"
        and target.get("TargetMode") == "External"
    )
    emph = next(r for r in body.iter(w("r")) if texts(r) == "강조")
    # no italic Nanum face: emphasis is coloured, as in the PDF
    assert emph.find("w:rPr/w:i", NS) is None
    assert emph.find("w:rPr/w:color", NS).get(w("val")) == "006A42"
    box = body.xpath("//w:tc[w:tcPr/w:shd/@w:fill='E5EFE6']", namespaces=NS)
    assert [texts(p) for p in box[-1].iter(w("p"))] == ["참고", "상자 안 문단"]
    assert paragraphs_with_style(body, "BoxTitle")
    assert not paragraphs_with_style(body, "Reference")  # no references, no heading
    assert "2025.01.02." in [texts(p) for p in body.iter(w("p"))]
    notes = part(out, "word/footnotes.xml")
    assert len(notes.findall(w("footnote"))) == 2  # only the separators


def test_table_cells_are_escaped_cleaned_and_formatted(tmp_path: Path) -> None:
    """Cells are built as one XML string: specials escaped, control characters dropped,
    inline formats and links kept, short rows padded to the header's width."""
    specials = "R&D <a> \"q\" 'x' &"
    rows = [
        [TableCell([Text(f"셀 {specials}\x07\x1f 끝")]), TableCell([Text("1,234")])],
        [TableCell([Strong([Text("굵게")]), Superscript([Text("위")])]),
         TableCell([Link([Text("링크")], "https://spri.kr/?a=1&b=<2>")])],
        [TableCell([Text("짧은 행")])],
    ]
    table = Table("t", [Text("표")], [TableCell([Text("이름")]), TableCell([Text("값")])], rows,
                  ["left", "right"], number=1)
    chapter = Chapter(title="서론", label="Ⅰ.", number=1, anchor="ch-1", sections=[],
                      blocks=[Paragraph([Text(f"본문 {specials}\x0c 끝")]), table])
    meta = Meta(title="제목", report_number="IS-001", date=dt.date(2025, 1, 2))
    out = tmp_path / "t.docx"
    write_docx(with_front_matter(Document(meta, [], [], [chapter], [], [])), load_theme(), out)
    with zipfile.ZipFile(out) as package:
        raw = package.read("word/document.xml").decode("utf-8")
    assert not any(ch in raw for ch in "\x07\x0c\x1f")
    body = etree.fromstring(raw.encode())
    assert f"본문 {specials} 끝" in [texts(p) for p in body.iter(w("p"))]
    grid = next(t for t in body.iter(w("tbl")) if "이름" in texts(t))
    cells = [[texts(tc) for tc in tr.findall(w("tc"))] for tr in grid.findall(w("tr"))]
    assert cells == [["이름", "값"], [f"셀 {specials} 끝", "1,234"], ["굵게위", "링크"],
                     ["짧은 행", ""]]
    columns = [c.get(w("w")) for c in grid.iter(w("gridCol"))]
    for tr in grid.findall(w("tr")):
        assert [tc.find("w:tcPr/w:tcW", NS).get(w("w")) for tc in tr.findall(w("tc"))] == columns
        assert [tc.find("w:p/w:pPr/w:pStyle", NS).get(w("val")) for tc in tr.findall(w("tc"))] == [
            "TableText", "TableText"]
    bold = next(r for r in grid.iter(w("r")) if texts(r) == "굵게")
    assert bold.find("w:rPr/w:b", NS) is not None
    sup = next(r for r in grid.iter(w("r")) if texts(r) == "위")
    assert sup.find("w:rPr/w:vertAlign", NS).get(w("val")) == "superscript"
    link = grid.find(".//w:hyperlink", NS)
    rels = part(out, "word/_rels/document.xml.rels")
    target = next(r for r in rels if r.get("Id") == link.get(f"{{{RELS_NS}}}id"))
    assert target.get("Target") == "https://spri.kr/?a=1&b=<2>"
