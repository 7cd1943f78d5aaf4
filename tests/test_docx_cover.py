"""The DOCX's designed cover (S2, theme ``cover.design``): the band, its mark or logo, the
stripe, the title block and the foot, against the theme; the plain cover still works."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))

from ir_sample import sample_document  # noqa: E402

from briefgen.theme import Theme, load_theme  # noqa: E402
from briefgen.writers.docx import write_docx  # noqa: E402
from briefgen.writers.docx.cover import wrapped_lines  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MM_TWIPS = 1440 / 25.4


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def body_of(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def texts(node: etree._Element) -> str:
    return "".join(node.xpath(".//w:t/text()", namespaces=NS))


def write(tmp_path: Path, theme: Theme, name: str = "brief.docx") -> Path:
    out = tmp_path / name
    write_docx(sample_document(tmp_path), theme, out)
    return out


def theme_file(tmp_path: Path, yaml_text: str) -> Theme:
    path = tmp_path / "house.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return load_theme(path, tmp_path)


@pytest.fixture(scope="module")
def banded(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    return body_of(write(tmp_path_factory.mktemp("cover"), load_theme()))


def test_band_and_stripe_span_the_page_in_the_theme_colours(banded: etree._Element) -> None:
    theme = load_theme()
    band = banded.find("w:body/w:tbl", NS)  # the document opens with the band
    assert band.getprevious() is None
    width = band.find("w:tblPr/w:tblW", NS).get(w("w"))
    assert int(width) == round(theme.page("width") * MM_TWIPS)  # edge to edge
    edges = band.find("w:tblPr/w:tblBorders", NS)
    assert {e.get(w("val")) for e in edges} == {"nil"}
    rows = band.findall("w:tr", NS)
    heights = [int(r.find("w:trPr/w:trHeight", NS).get(w("val"))) for r in rows]
    rules = [r.find("w:trPr/w:trHeight", NS).get(w("hRule")) for r in rows]
    fills = [r.find("w:tc/w:tcPr/w:shd", NS).get(w("fill")) for r in rows]
    assert heights == [round(theme.cover_mm(k) * 72 / 25.4 * 20)
                       for k in ("band_height", "accent_height")]
    assert rules == ["exact", "exact"]
    assert fills == [theme.color("cover_band").lstrip("#"), theme.color("cover_accent").lstrip("#")]
    cell = rows[0].find("w:tc", NS)
    # the series block sits at the band's foot, aligned with the text block's left edge
    assert cell.find("w:tcPr/w:vAlign", NS).get(w("val")) == "bottom"
    left = int(cell.find("w:tcPr/w:tcMar/w:left", NS).get(w("w")))
    assert left == round(theme.page("margin_left") * MM_TWIPS)
    styles = [p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in cell.findall("w:p", NS)]
    assert styles == ["CoverMark", "CoverSeriesLabel", "CoverNumber"]
    assert [texts(p) for p in cell.findall("w:p", NS)] == ["SPRi", "이슈리포트", "IS-201"]


def test_title_block_and_foot_follow_the_band(banded: etree._Element) -> None:
    paragraphs = banded.findall("w:body/w:p", NS)
    by_style = {p.find("w:pPr/w:pStyle", NS).get(w("val")): p for p in paragraphs[:7]}
    title = by_style["Title"]
    assert texts(title) == "초거대 AI 모델 개발 동향과 시사점"
    indent = title.find("w:pPr/w:ind", NS)
    assert indent.get(w("left")) == indent.get(w("right")) == "1134"  # the text block
    # the date is pushed down so that the foot block ends on the bottom margin
    date = by_style["CoverDate"]
    assert int(date.find("w:pPr/w:spacing", NS).get(w("before"))) > 20 * 200
    rule = paragraphs[[texts(p) for p in paragraphs].index("소프트웨어정책연구소") - 1]
    border = rule.find("w:pPr/w:pBdr/w:bottom", NS)
    assert border.get(w("color")) == "8CC3A0" and border.get(w("sz")) == "12"
    # the cover section ends in a break paragraph a point high: a full page gets no blank page
    breaker = next(p for p in paragraphs if p.find("w:pPr/w:sectPr", NS) is not None)
    spacing = breaker.find("w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("20", "exact")


def test_logo_replaces_the_typographic_mark(tmp_path: Path) -> None:
    Image.new("RGB", (300, 100), (255, 255, 255)).save(tmp_path / "logo.png")
    theme = theme_file(tmp_path, "cover:\n  logo: logo.png\n  logo_height: 10\n")
    body = body_of(write(tmp_path, theme))
    first = body.find("w:body/w:tbl/w:tr/w:tc/w:p", NS)
    assert texts(first) == ""
    extent = first.find(".//{*}inline/{*}extent")
    cx, cy = int(extent.get("cx")), int(extent.get("cy"))
    assert cy == 360000 and cx == 3 * cy  # 10 mm high (EMU), the image's aspect kept
    with zipfile.ZipFile(tmp_path / "brief.docx") as z:
        assert any(name.startswith("word/media/") for name in z.namelist())


def test_plain_design_keeps_the_text_cover(tmp_path: Path) -> None:
    body = body_of(write(tmp_path, theme_file(tmp_path, "cover:\n  design: plain\n")))
    assert body.find("w:body/w:tbl", NS).getprevious() is not None  # no band first
    first = body.find("w:body/w:p", NS)
    assert texts(first) == "이슈리포트 IS-201"
    cover_section = body.xpath("//w:sectPr", namespaces=NS)[0]
    assert cover_section.find("w:pgMar", NS).get(w("top")) == "1417"


def test_wrapped_lines_breaks_at_spaces() -> None:
    word = "초거대"
    width = 3.5 * 28  # a little more than one word at 28 pt
    assert wrapped_lines(word, "NanumGothicExtraBold", 28, width) == 1
    assert wrapped_lines(f"{word} {word}", "NanumGothicExtraBold", 28, width) == 2
    assert wrapped_lines(word * 3, "NanumGothicExtraBold", 28, width) == 3  # no space: it fills


def test_back_page_sets_the_organisation_as_the_pdf_does(tmp_path: Path) -> None:
    """The back page's organisation in the section heading's bold face and size, in the text
    colour (the PDF's back page), not the cover's house colour; the disclaimer set off."""
    theme = load_theme()
    brief = sample_document(tmp_path)
    brief.front.back.disclaimer = "이 보고서는 예제 문서임"
    out = tmp_path / "back.docx"
    write_docx(brief, theme, out)
    doc = brief.front.back
    paragraphs = body_of(out).findall("w:body/w:p", NS)
    organisation = [p for p in paragraphs if texts(p) == doc.organisation][-1]
    style_id = organisation.find("w:pPr/w:pStyle", NS).get(w("val"))
    with zipfile.ZipFile(out) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    rpr = styles.find(f"w:style[@w:styleId='{style_id}']/w:rPr", NS)
    assert rpr.find("w:sz", NS).get(w("val")) == str(round(theme.size("section") * 2))
    assert rpr.find("w:b", NS) is not None
    colour = rpr.find("w:color", NS)
    normal = styles.find("w:style[@w:styleId='Normal']/w:rPr/w:color", NS).get(w("val"))
    shown = normal if colour is None else colour.get(w("val"))
    assert "#" + shown == theme.color("text") != theme.color("primary")
    last = [p for p in paragraphs if texts(p) == doc.disclaimer][-1]
    before = last.find("w:pPr/w:spacing", NS).get(w("before"))
    assert int(before) == round(theme.cover_space("pdf_disclaimer_before") * 20)
