"""HTML writer: a self-contained preview with the same content and numbers as DOCX/PDF.

Checks parse the written file with lxml.html; the last tests render it in headless Chromium
(skipped when ``chromium`` is not on PATH) at A4 width (794 px)."""

from __future__ import annotations

import base64
import copy
import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from conftest import copy_example
from ir_sample import sample_document

from briefgen.build import prepare
from briefgen.errors import BriefError
from briefgen.fonts import font_path
from briefgen.ir import (
    Block,
    Box,
    Bullet,
    Document,
    Figure,
    Link,
    SourceLoc,
    Table,
    Text,
    plain_text,
)
from briefgen.tablelayout import column_fractions
from briefgen.theme import Theme, load_theme
from briefgen.writers.html import write_html
from briefgen.writers.html.inline import safe_url

THEME = load_theme()
HEDGE = re.compile(r"\((이|가|을|를|은|는|과|와|으)\)")
NUMBER_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:%p?|개|년)?(?:\(\d+(?:\.\d)?%\))?")
BACKLINK = "\u21a9\ufe0e"


@dataclass
class Html:
    doc: Document
    theme: Theme
    path: Path
    raw: str
    root: lxml.html.HtmlElement


def _write(doc: Document, theme: Theme, path: Path) -> Html:
    write_html(doc, theme, path)
    raw = path.read_text("utf-8")
    return Html(doc, theme, path, raw, lxml.html.document_fromstring(raw))


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Html:
    tmp = tmp_path_factory.mktemp("html")
    return _write(sample_document(tmp), THEME, tmp / "sample.html")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Html:
    """The bundled example, prepared from a fresh copy (charts rendered, nothing else built)."""
    tmp = tmp_path_factory.mktemp("html-example")
    prepared = prepare(copy_example(tmp / "project"))
    return _write(prepared.document, prepared.theme, tmp / "example.html")


def text(el: lxml.html.HtmlElement) -> str:
    return el.text_content()


def blocks_of(doc: Document) -> list[Block]:
    """Every block of the chapters in document order (inside boxes too)."""

    def walk(blocks: list[Block]) -> list[Block]:
        out: list[Block] = []
        for block in blocks:
            out.append(block)
            if isinstance(block, Box):
                out += walk(block.blocks)
        return out

    found: list[Block] = []
    for chapter in doc.chapters:
        found += walk(chapter.blocks)
        for section in chapter.sections:
            found += walk(section.blocks)
    return found


def local_links_resolve(root: lxml.html.HtmlElement) -> tuple[list[str], list[str]]:
    """(all ids, fragment targets of ``href="#…"`` links that match no id)."""
    ids = [el.get("id") for el in root.iter() if el.get("id") is not None]
    targets = [a.get("href")[1:] for a in root.iter("a") if (a.get("href") or "").startswith("#")]
    return ids, [t for t in targets if t not in set(ids)]


# ---------------------------------------------------------------- the file


@pytest.mark.parametrize("name", ["sample", "example"])
def test_self_contained_utf8_korean_page(name: str, request: pytest.FixtureRequest) -> None:
    html: Html = request.getfixturevalue(name)
    root, raw = html.root, html.raw
    assert raw.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert root.find(".//meta[@charset]").get("charset") == "utf-8"
    csp = root.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in csp and "img-src data:" in csp and "font-src data:" in csp
    assert not root.findall(".//script") and not root.findall(".//link")
    assert raw.count("url(") == raw.count("url(data:font/woff2;base64,") == 3
    assert root.findtext(".//title") == html.doc.meta.title
    figures = [b for b in blocks_of(html.doc) if isinstance(b, Figure)]
    images = root.findall(".//img")
    assert len(images) == len(figures) >= 1
    for img, figure in zip(images, figures, strict=True):
        prefix, data = img.get("src").split(",", 1)
        assert prefix == "data:image/png;base64"
        assert base64.b64decode(data) == figure.image.read_bytes()
        assert img.get("alt").startswith(figure.label)
    sources = [
        el.get("src") or el.get("href") or "" for el in root.iter() if el.tag in ("img", "a")
    ]
    assert not [s for s in sources if not s.startswith(("data:", "#", "http", "mailto:"))]


def test_house_fonts_are_embedded_as_woff2_subsets_of_the_page(example: Html) -> None:
    """The preview draws with NanumGothic on a machine without it: one WOFF2 face per weight,
    each holding a glyph for every character the page shows, and nothing much more."""
    from fontTools.ttLib import TTFont

    faces = re.findall(r'@font-face \{ font-family: "NanumGothic"; font-weight: (\d+);[^}]*'
                       r'url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)', example.raw)
    assert [weight for weight, _ in faces] == ["400", "700", "800"]
    shown = set(text(example.root.find(".//body"))) - set(" \n\t\u00a0")
    assert any("\uac00" <= c <= "\ud7a3" for c in shown)
    with TTFont(font_path("NanumGothic"), lazy=True) as original:
        in_font = set(map(chr, original.getBestCmap()))
    assert len(shown - in_font) <= 2  # the back-link arrow ↩ and its text selector
    shown &= in_font
    cover = example.root.find(".//header[@id='cover']")
    heavy_elements = [*cover.find_class("title"), *cover.find_class("mark"),
                      *cover.find_class("number"), *example.root.xpath("//h1/span[@class='numeral']")]
    heavy = set("".join(el.text_content() for el in heavy_elements)) - {" "}
    assert {"Ⅰ", "Ⅲ", "I", "S", "초", "점"} <= heavy
    for weight, data in faces:
        raw = base64.b64decode(data)
        assert raw.startswith(b"wOF2")
        font = TTFont(io.BytesIO(raw))
        cmap = set(map(chr, font.getBestCmap()))
        drawn = heavy if weight == "800" else shown
        assert drawn <= cmap, sorted(drawn - cmap)[:10]
        assert len(cmap) < 2 * len(drawn) + 100  # a subset, not the 11,000-glyph font
    css = example.root.findtext(".//style")
    assert css.count("font-weight: 800") == 1 + 4  # the face and the four heavy rules above


def test_justified_korean_text_stretches_character_gaps_not_word_gaps(sample: Html) -> None:
    """Body paragraphs, items, the summary, references and notes are justified as Korean is
    set: extra space between characters (never only between 어절), 어절 kept whole."""
    css = re.sub(r"@font-face \{[^}]*\}", "", sample.root.findtext(".//style"))
    justified = re.findall(r"([^{}]+)\{([^}]*text-align: justify;[^}]*)\}", css)
    selectors = {sel.strip() for sel, _ in justified}
    assert {"p.text", ".item", ".summary-box p", ".references p", ".footnotes li"} <= selectors
    for sel, rule in justified:
        assert "text-justify: inter-character;" in rule, sel
    body = re.search(r"(?<![-.\w])body \{([^}]*)\}", css).group(1)
    assert "word-break: keep-all;" in body
    texts = sample.root.findall(".//p[@class='text']")
    assert texts  # the body paragraphs carry the class the rule selects


def test_back_page_organisation_is_set_as_in_the_pdf(sample: Html) -> None:
    """S48: the back page's organisation in the text colour (the PDF's back page), the
    cover's in the house colour."""
    css = sample.root.findtext(".//style")
    back = re.search(r"\.back \.org \{([^}]*)\}", css).group(1)
    assert f"color: {THEME.color('text')};" in back and "font-weight: bold;" in back
    assert f"font-size: {THEME.size('section')}pt;" in back


def test_css_comes_from_theme_tokens(sample: Html) -> None:
    css = sample.root.findtext(".//style")
    assert re.search(
        r"body \{[^}]*word-break: keep-all; overflow-wrap: anywhere; line-break: strict;", css
    )
    assert 'font-family: "NanumGothic", "Nanum Gothic", "Malgun Gothic"' in css
    assert re.search(r"thead th \{ background: #E5E5E5;", css)  # S29
    assert re.search(r"\.item\.l1 \.marker \{[^}]*color: #007C46;", css)  # S45
    assert re.search(r"\.item\.l2 \.marker \{[^}]*color: #008000;", css)
    assert ".summary-box, .box { background: #E5EFE6;" in css
    for level in (1, 2, 3, 4):  # S12: marker at (n-1) x 12 pt, wrapped lines hang under the text
        rule = re.search(rf"\.item\.l{level} \{{[^}}]*\}}", css).group(0)
        indent, hang, neg = re.search(
            r"padding-left: calc\(([\d.]+)pt \+ ([\d.]+)em\); text-indent: -([\d.]+)em", rule
        ).groups()
        assert float(indent) == (level - 1) * 12 and hang == neg and 0.5 < float(hang) < 1.5
        assert f"font-size: {THEME.bullet_size(level)}pt" in rule


# ---------------------------------------------------------------- structure


def test_cover_lines_in_order(sample: Html) -> None:
    """S2: the mark and the series line on the band (theme colours), then the cover's lines."""
    cover = sample.root.get_element_by_id("cover")
    band = cover.find_class("band")[0]
    assert [text(p) for p in band.iter("p")] == [THEME.cover_mark, "이슈리포트 IS-201"]
    css = sample.root.find(".//style").text
    assert re.search(rf"\.cover \.band \{{ background: {THEME.color('cover_band')}; "
                     rf"color: {THEME.color('cover_on_band')};", css)
    assert [text(p) for p in cover.iter("p")] == [
        THEME.cover_mark,
        "이슈리포트 IS-201",
        "초거대 AI 모델 개발 동향과 시사점",
        "- Epoch AI 데이터 분석 -",
        "2024.08.19.",
        "홍길동 AI정책연구실 선임연구원",
        "소프트웨어정책연구소",
    ]


def test_front_matter_and_back_page(sample: Html) -> None:
    root, doc = sample.root, sample.doc
    summary = root.find_class("summary-box")[0]
    assert text(summary).strip() == plain_text(doc.summary[0].inlines).strip()
    assert text(root.get_element_by_id("summary-title")) == "요약"
    executive = root.get_element_by_id("executive-summary-title").getparent()
    assert executive.get("lang") == "en" and text(executive.find("h2")) == "Executive Summary"
    back = [text(p) for p in root.find_class("back")[0].iter("p")]
    assert back[:2] == ["소프트웨어정책연구소", "홈페이지 : https://spri.kr/"]
    assert doc.meta.address in back  # contains R&D, escaped in the file
    assert "글로벌 R&amp;D 연구동" in sample.raw


def test_headings_carry_the_anchors_and_the_toc_links_them(sample: Html) -> None:
    root, doc = sample.root, sample.doc
    h1 = [(h.get("id"), text(h)) for h in root.iter("h1")]
    assert h1 == [(c.anchor, c.heading) for c in doc.chapters] + [("references", "<참고문헌>")]
    assert h1[0][1] == "Ⅰ. 서론"  # S6: Roman numeral character, not Latin I.
    numerals = [text(h.find("span")) for h in root.iter("h1") if h.find("span") is not None]
    assert numerals == [c.label for c in doc.chapters]  # S43: set apart, in the heavy face
    assert "h1 .numeral { font-weight: 800; }" in root.find(".//style").text
    sections = [(s.anchor, s.heading) for c in doc.chapters for s in c.sections]
    assert [
        (h.get("id"), text(h)) for h in root.iter("h2") if h.get("id", "").startswith("sec-")
    ] == sections
    toc = root.get_element_by_id("toc-title").getparent()
    links = [(a.get("href"), text(a)) for a in toc.iter("a")]
    expected = []
    for chapter in doc.chapters:
        expected.append((f"#{chapter.anchor}", chapter.heading))
        expected += [(f"#{s.anchor}", s.heading) for s in chapter.sections]
    assert links == expected  # no page numbers: the link text is the heading alone


def test_bullets_keep_marker_level_and_text(sample: Html) -> None:
    bullets = [b for b in blocks_of(sample.doc) if isinstance(b, Bullet)]
    items = sample.root.find_class("item")
    assert len(items) == len(bullets) > 10
    for item, bullet in zip(items, bullets, strict=True):
        marker = THEME.marker(bullet.level)
        assert item.get("class") == f"item l{bullet.level}"
        assert text(item.find_class("marker")[0]) == f"{marker} "  # S10: exactly one U+0020
        assert text(item) == f"{marker} {plain_text(bullet.inlines)}"
    assert {text(i)[0] for i in items} == {"□", "ㅇ", "-", "*"}
    second = items[1]
    assert text(second.find("sup")) == "23"  # S41: superscript formatting, not ²³


def test_table_caption_unit_cells_alignment_widths(sample: Html) -> None:
    table_ir = next(b for b in blocks_of(sample.doc) if isinstance(b, Table))
    figure = sample.root.get_element_by_id(table_ir.key)
    children = [c.tag for c in figure]
    assert children[:3] == ["figcaption", "p", "table"]  # S27 caption above, S29 unit above
    assert text(figure.find("figcaption")) == f"{table_ir.label} {plain_text(table_ir.caption)}"
    assert text(figure.find_class("unit")[0]) == "(단위: 개, %)"
    table = figure.find("table")
    assert [text(th) for th in table.findall("thead/tr/th")] == [
        plain_text(c.inlines) for c in table_ir.header
    ]
    rows = table.findall("tbody/tr")
    assert [[text(td) for td in tr.findall("td")] for tr in rows] == [
        [plain_text(c.inlines) for c in row] for row in table_ir.rows
    ]
    assert [td.get("class") for td in rows[0].findall("td")] == [f"al-{a}" for a in table_ir.align]
    widths = [
        float(re.search(r"width: ([\d.]+)%", col.get("style")).group(1))
        for col in table.iter("col")
    ]
    assert widths == pytest.approx([f * 100 for f in column_fractions(table_ir)], abs=0.001)
    assert (
        text(figure.find_class("source")[0])
        == "☞ 출처 : Epoch AI(2024), Data on Large-Scale AI Models"
    )


def test_markup_in_content_is_text_not_html(sample: Html) -> None:
    cell = next(td for td in sample.root.iter("td") if "기관" in text(td))
    assert text(cell) == "R&D <a> 기관" and len(cell) == 0  # no element was created
    assert "R&amp;D &lt;a&gt; 기관" in sample.raw


def test_figure_caption_above_image_then_notes_and_source(sample: Html) -> None:
    fig_ir = next(b for b in blocks_of(sample.doc) if isinstance(b, Figure))
    figure = sample.root.get_element_by_id(fig_ir.key)
    assert [c.tag for c in figure] == ["figcaption", "img", "p", "p"]
    assert text(figure[0]) == "[그림 1] 연도별 초거대 AI 모델 개발 수"
    assert [text(p) for p in figure.findall("p")] == [
        "주: 2020~2023년 발표 모델 기준",
        "☞ 출처 : Epoch AI(2024), Data on Large-Scale AI Models",
    ]
    xref = next(a for a in sample.root.find_class("xref") if text(a) == "[그림 1]과")
    assert xref.get("href") == f"#{fig_ir.key}"


# ---------------------------------------------------------------- footnotes


@pytest.mark.parametrize("name", ["sample", "example"])
def test_footnotes_list_marks_and_back_links(name: str, request: pytest.FixtureRequest) -> None:
    html: Html = request.getfixturevalue(name)
    root, doc = html.root, html.doc
    notes = root.xpath("//section[@class='footnotes']/ol/li")
    assert [li.get("id") for li in notes] == [f"fn-{n.number}" for n in doc.footnotes]
    assert len(notes) == len(doc.footnotes) >= 5
    for li, note in zip(notes, doc.footnotes, strict=True):
        assert text(li) == f"{note.number}) {plain_text(note.inlines)} {BACKLINK}"
        back = li.find_class("backref")[0]
        assert back.get("href") == f"#fnref-{note.number}"
        mark = root.get_element_by_id(f"fnref-{note.number}")
        assert mark.get("href") == f"#fn-{note.number}" and text(mark) == f"{note.number})"
        assert mark.getparent().tag == "sup"
    marks = root.xpath("//a[@role='doc-noteref']")
    assert len(marks) == len(doc.footnotes)
    ids, broken = local_links_resolve(root)
    assert broken == [] and len(ids) == len(set(ids))


def test_marks_inside_table_cell_and_caption(sample: Html) -> None:
    root = sample.root
    cell_mark = root.xpath("//td//a[@role='doc-noteref']")
    caption_mark = root.xpath("//figcaption//a[@role='doc-noteref']")
    assert [text(a) for a in cell_mark] == ["7)"] and [text(a) for a in caption_mark] == ["6)"]
    assert text(root.get_element_by_id("fn-7")).startswith("7) 국가가 둘 이상인 모델은")


# ---------------------------------------------------------------- safety and determinism


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://spri.kr/posts?a=1&b=2", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("mailto:hong@spri.kr", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("https://spri.kr/\x00", False),
        ("/relative/path", False),
        ("", False),
    ],
)
def test_only_http_and_mailto_links_are_links(url: str, safe: bool) -> None:
    assert safe_url(url) is safe


def test_unsafe_link_is_rendered_as_text(sample: Html, tmp_path: Path) -> None:
    doc = copy.deepcopy(sample.doc)
    doc.chapters[2].blocks.append(
        Bullet(
            2,
            [
                Link([Text("보기")], "javascript:alert(1)"),
                Text(" "),
                Link([Text("누리집 & <b>")], "https://spri.kr/?a=1&b=2"),
            ],
        )
    )
    html = _write(doc, THEME, tmp_path / "links.html")
    item = html.root.find_class("item")[-1]
    assert text(item) == "ㅇ 보기 누리집 & <b>"
    assert [a.get("href") for a in item.iter("a")] == ["https://spri.kr/?a=1&b=2"]
    assert "javascript" not in html.raw and 'href="https://spri.kr/?a=1&amp;b=2"' in html.raw


def test_same_document_gives_identical_bytes(sample: Html, tmp_path: Path) -> None:
    again = tmp_path / "again.html"
    write_html(sample.doc, THEME, again)
    assert again.read_bytes() == sample.path.read_bytes()
    rebuilt = tmp_path / "rebuilt.html"
    write_html(sample_document(tmp_path), THEME, rebuilt)
    assert rebuilt.read_bytes() == sample.path.read_bytes()


def test_missing_or_foreign_image_is_a_located_error(sample: Html, tmp_path: Path) -> None:
    doc = copy.deepcopy(sample.doc)
    figure = next(b for b in blocks_of(doc) if isinstance(b, Figure))
    figure.loc = SourceLoc("templates/content.md", 42)
    figure.image = tmp_path / "gone.png"
    with pytest.raises(BriefError, match=r"^templates/content.md:42: cannot read image 'gone.png'"):
        write_html(doc, THEME, tmp_path / "x.html")
    figure.image = tmp_path / "chart.gif"
    figure.image.write_bytes(b"GIF89a....")
    with pytest.raises(
        BriefError, match=r"^templates/content.md:42: image 'chart.gif' is neither PNG nor JPEG"
    ):
        write_html(doc, THEME, tmp_path / "x.html")


# ---------------------------------------------------------------- the bundled example


def test_example_numbers_structure_and_tables(example: Html) -> None:
    doc, root = example.doc, example.root
    body = text(root.find("body"))
    flat = re.sub(r"\s+", "", body)
    for expected in (
        "144개",
        "226.1%",
        "2020~2023년",
        "104개",
        "Ⅰ. 서론",
        "Ⅲ. 요약 및 정책적 시사점",
        "<참고문헌>",
        "[그림 1]",
        "[그림 3]",
        "<표 1>",
        "<표 2>",
        "IS-201",
        "2024.08.26.",
    ):
        assert expected in body
    assert not re.search(r"^[IVX]+\. ", body, flags=re.M)
    assert not HEDGE.search(body)  # S53
    assert not re.search(r"\bNone\b|\bnan\b|\{\{|\{%", body)
    prose_tokens = set()
    for block in blocks_of(doc):
        if isinstance(block, Bullet):
            prose_tokens |= {
                t for t in NUMBER_TOKEN.findall(plain_text(block.inlines)) if "%" in t or "개" in t
            }
    assert len(prose_tokens) > 20
    assert not [t for t in prose_tokens if t not in flat]
    tables = [b for b in blocks_of(doc) if isinstance(b, Table)]
    assert len(tables) >= 2
    for t in tables:
        figure = root.get_element_by_id(t.key)
        assert text(figure.find("figcaption")) == f"{t.label} {plain_text(t.caption)}"
        cells = [[text(td) for td in tr.findall("td")] for tr in figure.findall("table/tbody/tr")]
        assert cells == [[plain_text(c.inlines) for c in row] for row in t.rows]
    references = root.find_class("reference")
    assert len(references) == len(doc.references) and all(
        text(r).startswith("§ ") for r in references
    )


def test_example_texts_equal_the_pdf(example_build, example: Html) -> None:
    """Every number token and every footnote text of the built PDF is in the HTML preview."""
    import pdfplumber

    _, result = example_build
    with pdfplumber.open(result.outputs["pdf"]) as pdf:
        pdf_flat = re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in pdf.pages))
    html_flat = re.sub(r"\s+", "", text(example.root.find("body")))
    for note in example.doc.footnotes:
        assert re.sub(r"\s+", "", plain_text(note.inlines)) in pdf_flat
    tokens = {t for t in NUMBER_TOKEN.findall(pdf_flat) if any(ch in t for ch in "%개,")}
    html_tokens = {t for t in NUMBER_TOKEN.findall(html_flat) if any(ch in t for ch in "%개,")}
    assert len(tokens) > 20
    assert tokens <= html_tokens | {result.document.meta.report_number}


# ---------------------------------------------------------------- rendered in Chromium

CHROMIUM = shutil.which("chromium")
#: Appended to a copy of the page (and the CSP dropped): writes layout facts into the DOM.
PROBE = """<script>
window.addEventListener("load", () => {
  const root = document.documentElement;
  const ids = new Set([...document.querySelectorAll("[id]")].map(e => e.id));
  const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute("href").slice(1));
  const wide = [...document.body.querySelectorAll("*")]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map(e => e.tagName + "." + e.className);
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = JSON.stringify({
    innerWidth: window.innerWidth, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    wide, broken: links.filter(h => !ids.has(h)), links: links.length,
    notes: document.querySelectorAll("section.footnotes li").length,
    images: [...document.images].map(i => i.naturalWidth > 0 && i.getBoundingClientRect().right <= root.clientWidth),
  });
  document.body.appendChild(out);
});
</script>
"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH")
@pytest.mark.parametrize("name", ["sample", "example"])
def test_renders_at_a4_width_without_overflow(
    name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    html: Html = request.getfixturevalue(name)
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", html.raw)
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), "utf-8")
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=794,1123",
        "--dump-dom",
        probe.as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom)
    assert found, dom[-2000:]
    facts = json.loads(lxml.html.fromstring(found.group(0)).text_content())
    assert facts["innerWidth"] == 794
    assert facts["scrollWidth"] <= facts["clientWidth"] <= 794  # no horizontal overflow
    assert facts["wide"] == []
    assert facts["broken"] == [] and facts["links"] >= 2 * len(html.doc.footnotes)
    assert facts["notes"] == len(html.doc.footnotes)
    assert facts["images"] and all(facts["images"])
