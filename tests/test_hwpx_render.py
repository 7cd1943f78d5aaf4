"""The example HWPX as an independent renderer draws it (rhwp, through the pip package
``hwp-ingest``): it draws from the layout the file stores, as 한/글 saves it, so a table
without its real heights collapses, a picture with its crop in the wrong units is cut and
notes without line segments overlap. The pages are read as SVG (no ``rsvg-convert``
needed); the tests skip where the renderer is not installed."""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

hwp_ingest = pytest.importorskip(
    "hwp_ingest", reason="the independent HWPX renderer (pip package hwp-ingest) is not installed"
)

sys.path.insert(0, str(Path(__file__).parent))

from conftest import copy_example  # noqa: E402

from briefgen import ir  # noqa: E402
from briefgen.build import prepare  # noqa: E402
from briefgen.theme import Theme  # noqa: E402
from briefgen.writers.hwpx import write_hwpx  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
PX = 75  # HWPUNIT a CSS pixel (96 dpi) of the rendered page


@dataclass(frozen=True)
class Rendered:
    document: ir.Document
    theme: Theme
    hwpx: Path
    pages: list[etree._Element]  # one <svg> a page


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    tmp = tmp_path_factory.mktemp("hwpx-render")
    prepared = prepare(copy_example(tmp / "project"))
    out = tmp / "example.hwpx"
    write_hwpx(prepared.document, prepared.theme, out)
    pages = [etree.fromstring(svg) for svg in hwp_ingest.to_svg_pages(out.read_bytes())]
    return Rendered(prepared.document, prepared.theme, out, pages)


def texts(element: etree._Element) -> Iterator[tuple[float, float, float, str]]:
    """(x, baseline y, font size, text) of every glyph drawn under ``element``."""
    for text in element.iter(f"{SVG}text"):
        yield float(text.get("x")), float(text.get("y")), float(text.get("font-size")), text.text or ""


def clip_rects(page: etree._Element) -> dict[str, tuple[float, float, float, float]]:
    rects = {}
    for clip in page.iter(f"{SVG}clipPath"):
        rect = clip.find(f"{SVG}rect")
        rects[clip.get("id")] = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    return rects


def section_tables(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"Contents/section\d+\.xml", n))
        return [t for n in names for t in etree.fromstring(z.read(n)).iter(f"{HP}tbl")]


def test_every_table_cell_holds_its_text(rendered: Rendered) -> None:
    """Every glyph drawn in a table cell (the summary box included) sits inside the cell's
    rectangle, and the renderer draws as many cells as the file has: a cell stored at
    python-hwpx's 282 HWPUNIT (3.8 px) clipped its 12 px text to a sliver."""
    cells = glyphs = 0
    for page in rendered.pages:
        rects = clip_rects(page)
        for group in page.iter(f"{SVG}g"):
            clip = re.fullmatch(r"url\(#(cell-clip-\d+)\)", group.get("clip-path", ""))
            if not clip:
                continue
            cells += 1
            x, top, width, height = rects[clip.group(1)]
            for _, baseline, size, char in texts(group):
                glyphs += 1
                assert top - 1 <= baseline - 0.8 * size and baseline <= top + height + 1, (
                    char, baseline, size, top, height)
    stored = sum(len(t.findall(f"{HP}tr/{HP}tc")) for t in section_tables(rendered.hwpx))
    assert cells >= stored > 0
    assert glyphs > 500


def test_pictures_are_drawn_whole_at_their_size(rendered: Rendered) -> None:
    """Each figure is drawn once, uncropped (a crop shows as an inner ``svg`` whose view
    box is part of the image), as wide as the document says (its width ratio of the
    text width)."""
    drawn = []
    for page in rendered.pages:
        for image in page.iter(f"{SVG}image"):
            parent = image.getparent()
            if parent.tag == f"{SVG}svg" and parent.get("viewBox"):
                box = [float(v) for v in parent.get("viewBox").split()]
                whole = [0.0, 0.0, float(image.get("width")), float(image.get("height"))]
                assert box == pytest.approx(whole, abs=1), (box, whole)
                drawn.append(float(parent.get("width")))
            else:
                drawn.append(float(image.get("width")))
    figures = [b for c in rendered.document.chapters for b in blocks(c) if isinstance(b, ir.Figure)]
    assert len(drawn) == len(figures) > 0
    with zipfile.ZipFile(rendered.hwpx) as z:
        pictures = [
            p for n in sorted(z.namelist()) if n.startswith("Contents/section")
            for p in etree.fromstring(z.read(n)).iter(f"{HP}pic")
        ]
    widths = [int(p.find(f"{HP}sz").get("width")) / PX for p in pictures]
    assert drawn == pytest.approx(widths, abs=1)


def blocks(chapter: ir.Chapter) -> Iterator[ir.Block]:
    yield from chapter.blocks
    for section in chapter.sections:
        yield from section.blocks


def test_notes_stack_below_the_rule_inside_the_page(rendered: Rendered) -> None:
    """Every note is drawn once, at the page foot below the separator rule, each line
    below the one before by at least its font size, and above the page's bottom edge:
    notes without line segments were all drawn on the rule's first line."""
    labels: list[int] = []
    for page in rendered.pages:
        rules = [float(line.get("y1")) for line in page.iter(f"{SVG}line")
                 if line.get("y1") == line.get("y2") and line.getparent().tag == f"{SVG}svg"]
        if not rules:
            continue
        rule = max(rules)
        below = [(round(y, 1), x, size, char) for x, y, size, char in texts(page) if y > rule]
        assert below, "a separator rule with no note under it"
        baselines = sorted({y for y, *_ in below})
        smallest, largest = min(b[2] for b in below), max(b[2] for b in below)
        gaps = [b - a for a, b in zip(baselines, baselines[1:], strict=False)]
        assert min(gaps, default=largest) >= 0.9 * smallest, gaps
        assert baselines[-1] < float(page.get("height")) - largest
        for baseline in baselines:
            line = "".join(char for _, _, char in sorted((x, i, c) for i, (y, x, _, c) in enumerate(below) if y == baseline))
            label = re.match(r"(\d+)\)", line)
            if label:
                labels.append(int(label.group(1)))
    assert labels == [note.number for note in rendered.document.footnotes]


def test_cover_band_is_drawn_across_the_top_of_the_first_page(rendered: Rendered) -> None:
    """The designed cover: a band in the band colour from the top edge, as wide as the
    page and as tall as the theme says, the accent stripe right under it, the title below
    both and the organisation above the page's bottom edge."""
    theme, page = rendered.theme, rendered.pages[0]
    width, mm = float(page.get("width")), 96 / 25.4
    fills = [(float(r.get("y")), float(r.get("height")), float(r.get("width")), r.get("fill", "").upper())
             for r in page.iter(f"{SVG}rect") if r.get("fill")]
    band = (0.0, theme.cover_mm("band_height") * mm, width, theme.color("cover_band").upper())
    assert any(f[3] == band[3] and f[:3] == pytest.approx(band[:3], abs=1) for f in fills), fills
    stripe_top = band[1]
    assert any(f[3] == theme.color("cover_accent").upper() and f[0] == pytest.approx(stripe_top, abs=1)
               for f in fills)
    title = rendered.document.front.cover.title
    drawn = {y: "".join(c for _, _, _, c in sorted(t for t in texts(page) if t[1] == y)) for _, y, _, _ in texts(page)}
    title_y = [y for y, line in drawn.items() if line.replace(" ", "") == title.replace(" ", "")]
    assert title_y and min(title_y) > stripe_top + theme.cover_mm("accent_height") * mm
    organisation = rendered.document.front.cover.organisation
    org_y = [y for y, line in drawn.items() if line == organisation]
    assert org_y and max(org_y) < float(page.get("height")) - theme.page("margin_bottom") * mm + 1

