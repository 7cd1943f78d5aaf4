"""Raw OWPML where python-hwpx 6.9.0 has no API (the one place that touches XML directly).

Each helper names the element it writes; the writer stays prose over the document model.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from typing import Any

from lxml import etree

from briefgen.compat.hwpx import fill_text, paragraph_id

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
PIXEL = 75  # HWPUNIT a pixel of an original image is measured in (7200 / 96 dpi)


def keep_word_para_pr(header: Any) -> str:
    """Add a copy of paraPr 0 whose ``hh:breakSetting`` keeps Hangul words whole
    (``breakNonLatinWord="KEEP_WORD"``, Hancom's 어절 wrapping, S49) and return its id.

    python-hwpx's ``ensure_paragraph_format`` has no word-break option; every house
    paragraph shape is derived from this one, so all of them inherit the setting."""
    shapes = header.element.find(f"{HH}refList/{HH}paraProperties")
    base = next(el for el in shapes.findall(f"{HH}paraPr") if el.get("id") == "0")
    shape = deepcopy(base)
    shape_id = str(max(int(el.get("id", "0")) for el in shapes) + 1)
    shape.set("id", shape_id)
    shape.find(f"{HH}breakSetting").set("breakNonLatinWord", "KEEP_WORD")
    shapes.append(shape)
    shapes.set("itemCnt", str(len(shapes.findall(f"{HH}paraPr"))))
    header.mark_dirty()
    return shape_id


def page_break_before(paragraph: Any) -> None:
    """Start ``hp:p`` on a new page (its own ``pageBreak`` attribute)."""
    paragraph.element.set("pageBreak", "1")


def drop_empty_runs(paragraph: Any) -> None:
    """Drop ``hp:run`` children holding only an empty ``hp:t`` (python-hwpx seeds a new
    document's first paragraph and every new table cell with one, in character shape 0)."""
    for run in paragraph.element.findall(f"{HP}run"):
        children = list(run)
        if len(children) == 1 and children[0].tag == f"{HP}t" and not children[0].text:
            paragraph.element.remove(run)


def restyle_story(section: Any, tag: str, page_type: str, para_pr_id: str, char_pr_id: str) -> None:
    """Give the paragraphs and runs of a section's ``hp:header``/``hp:footer`` story for
    ``page_type`` the house shapes. python-hwpx writes each story twice (in ``hp:secPr`` and in
    the ``hp:ctrl`` Hancom reads), in shapes derived from paraPr/charPr 0; both are restyled."""
    for story in section.element.iter(f"{HP}{tag}"):
        if story.get("applyPageType") != page_type:
            continue
        for paragraph in story.iter(f"{HP}p"):
            paragraph.set("paraPrIDRef", para_pr_id)
            for run in paragraph.findall(f"{HP}run"):
                run.set("charPrIDRef", char_pr_id)
    section.mark_dirty()


def border_fill(header: Any, base_id: str, edges: dict[str, tuple[str, str] | None]) -> str:
    """Add a copy of ``hh:borderFill`` ``base_id`` whose ``hh:<edge>Border`` (``top``,
    ``bottom``, ``left``, ``right``) is a solid line of (width, colour) or none, and return
    its id."""
    fills = header.element.find(f"{HH}refList/{HH}borderFills")
    base = next(el for el in fills.findall(f"{HH}borderFill") if el.get("id") == base_id)
    fill = deepcopy(base)
    fill_id = str(max(int(el.get("id", "0")) for el in fills) + 1)
    fill.set("id", fill_id)
    for edge, rule in edges.items():
        border = fill.find(f"{HH}{edge}Border")
        if rule is None:
            border.set("type", "NONE")
        else:
            _set(border, type="SOLID", width=rule[0], color=rule[1])
    fills.append(fill)
    fills.set("itemCnt", str(len(fills.findall(f"{HH}borderFill"))))
    header.mark_dirty()
    return fill_id


def header_row(table: Any) -> None:
    """Mark the first row as the header (``hp:tc header="1"``), repeated on every page the
    table spans (``hp:tbl repeatHeader="1"``, S29)."""
    table.element.set("repeatHeader", "1")
    for cell in table.element.find(f"{HP}tr").findall(f"{HP}tc"):
        cell.set("header", "1")
    table.mark_dirty()


def cell_border_fills(table: Any, fill_of: Callable[[int, int], str]) -> None:
    """Give each cell of an unmerged grid the border fill ``fill_of(row, column)``. Setting the
    cells here spares ``set_cell_border_fill``, which maps the whole grid for each cell."""
    for r, row in enumerate(table.element.findall(f"{HP}tr")):
        for c, cell in enumerate(row.findall(f"{HP}tc")):
            cell.set("borderFillIDRef", fill_of(r, c))
    table.mark_dirty()


def grow_rows(table: Any, count: int) -> None:
    """Give ``table`` ``count`` rows by copying its last row, as ``add_table(count, …)`` builds
    them: each copy's cells at their row (``hp:cellAddr``) with a fresh paragraph id (drawn
    from python-hwpx's id source in document order), the row height (``hp:cellSz``) kept, the
    table's ``rowCnt`` and height (``hp:sz``) for ``count`` rows (the real heights are set
    with the layout, ``lines``). Call it right after
    ``add_table`` and ``set_column_widths`` on its first rows: python-hwpx builds a table in
    ``xml.etree`` and converts it, and ``set_column_widths`` maps the whole grid, seconds for
    thousands of rows."""
    rows = table.element.findall(f"{HP}tr")
    last = rows[-1]
    height = int(last.find(f"{HP}tc/{HP}cellSz").get("height"))
    for index in range(len(rows), count):
        row = deepcopy(last)
        for address in row.iter(f"{HP}cellAddr"):
            address.set("rowAddr", str(index))
        for paragraph in row.iter(f"{HP}p"):
            paragraph.set("id", paragraph_id())
        table.element.append(row)
    table.element.set("rowCnt", str(count))
    table.element.find(f"{HP}sz").set("height", str(count * height))
    table.mark_dirty()


def cell_text(cell: Any, para_pr_id: str, runs: list[tuple[str, str]]) -> None:
    """Write plain ``runs`` (text, charPr id) into a new table cell ``hp:tc`` (its seeded
    paragraph, in paragraph shape ``para_pr_id``): the XML that setting ``para_pr_id_ref``,
    ``drop_empty_runs`` and one ``add_run`` a run give, without their upkeep for each call
    (layout caches a new cell has none of), the larger part of a long table's time."""
    paragraph = cell.find(f"{HP}subList/{HP}p")
    paragraph.set("paraPrIDRef", para_pr_id)
    for run in paragraph.findall(f"{HP}run"):
        paragraph.remove(run)
    for text, char_pr_id in runs:
        run = etree.SubElement(paragraph, f"{HP}run", charPrIDRef=char_pr_id)
        fill_text(etree.SubElement(run, f"{HP}t"), text)


def footnote_shape(section: Any, rule_length: int) -> None:
    """Footnote separator rule of ``rule_length`` HWPUNIT (``hp:footNotePr/hp:noteLine``),
    numbers ``n)`` continuous through the document (S22-S24)."""
    properties = section.element.find(f"{HP}p/{HP}run/{HP}secPr")
    note = properties.find(f"{HP}footNotePr")
    note.find(f"{HP}autoNumFormat").set("suffixChar", ")")
    line = note.find(f"{HP}noteLine")
    line.set("length", str(rule_length))
    note.find(f"{HP}numbering").set("type", "CONTINUOUS")
    section.mark_dirty()


def picture_geometry(picture: Any, pixels: tuple[int, int], dpi: tuple[float, float]) -> None:
    """Describe the image of ``hp:pic`` as 한/글 does, for a picture shown at its ``hp:sz``:
    the original size (``hp:orgSz``, and ``hp:imgRect`` its corners) from the pixels at the
    file's resolution, the crop (``hp:imgClip``) and image size (``hp:imgDim``) in the units
    한/글 measures the original image in (75 HWPUNIT a pixel: 96 dpi, whatever the file's),
    the scale between them (``hc:scaMatrix``), set as a character on its line
    (``TOP_AND_BOTTOM``). python-hwpx writes the shown size everywhere, so a viewer that
    crops by pixels shows the image's top-left corner only."""
    element = picture.element
    size = element.find(f"{HP}sz")
    shown = int(size.get("width")), int(size.get("height"))
    original = [round(count * 7200 / (resolution or 96)) for count, resolution in zip(pixels, dpi, strict=True)]
    element.set("textWrap", "TOP_AND_BOTTOM")
    _set(element.find(f"{HP}orgSz"), width=original[0], height=original[1])
    corners = [(0, 0), (original[0], 0), (original[0], original[1]), (0, original[1])]
    for point, (x, y) in zip(element.find(f"{HP}imgRect"), corners, strict=True):
        _set(point, x=x, y=y)
    clip = [count * PIXEL for count in pixels]
    _set(element.find(f"{HP}imgClip"), left=0, right=clip[0], top=0, bottom=clip[1])
    _set(element.find(f"{HP}imgDim"), dimwidth=clip[0], dimheight=clip[1])
    scale = element.find(f"{HP}renderingInfo/{HC}scaMatrix")
    scale.set("e1", f"{shown[0] / original[0]:.6f}")
    scale.set("e5", f"{shown[1] / original[1]:.6f}")


def _set(element: Any, **values: int | str) -> None:
    for name, value in values.items():
        element.set(name, str(value))


def end_shape(paragraph: Any, char_pr_id: str) -> None:
    """End ``paragraph`` with an empty ``hp:run`` in character shape ``char_pr_id``: the
    height of a line without text, as 한/글 writes an empty paragraph (the sections are
    marked changed when they are laid out)."""
    etree.SubElement(paragraph.element, f"{HP}run", charPrIDRef=char_pr_id)


def on_paper(table: Any, *, top: int, left: int = 0) -> None:
    """Place ``table`` on the paper, ``top`` and ``left`` HWPUNIT from its top-left corner,
    behind the text (``BEHIND_TEXT``: the text keeps its own spacing, in 한/글 and in
    viewers that do not wrap text around objects). Offsets from the top edge only: viewers
    differ on where a page's bottom is."""
    table.set_treat_as_char(False)
    position = table.element.find(f"{HP}pos")
    _set(position, vertOffset=top, horzOffset=left, flowWithText=0, allowOverlap=1)
    position.set("vertRelTo", "PAPER")
    position.set("horzRelTo", "PAPER")
    position.set("vertAlign", "TOP")
    position.set("horzAlign", "LEFT")
    table.element.set("textWrap", "BEHIND_TEXT")
    table.mark_dirty()
