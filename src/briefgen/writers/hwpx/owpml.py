"""Raw OWPML where python-hwpx 6.9.0 has no API (the one place that touches XML directly).

Each helper names the element it writes; the writer stays prose over the document model.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"


def keep_word_para_pr(header: Any) -> str:
    """Add a copy of paraPr 0 whose ``hh:breakSetting`` keeps Hangul words whole
    (``breakNonLatinWord="KEEP_WORD"``, Hancom's 어절 wrapping, S49) and return its id.

    python-hwpx's ``ensure_paragraph_format`` has no word-break option; every house
    paragraph shape is derived from this one, so all of them inherit the setting."""
    shapes = header.element.find(f"{HH}refList/{HH}paraProperties")
    base = next(el for el in shapes.findall(f"{HH}paraPr") if el.get("id") == "0")
    shape = deepcopy(base)
    shape.set("id", str(max(int(el.get("id", "0")) for el in shapes) + 1))
    shape.find(f"{HH}breakSetting").set("breakNonLatinWord", "KEEP_WORD")
    shapes.append(shape)
    shapes.set("itemCnt", str(len(shapes.findall(f"{HH}paraPr"))))
    header.mark_dirty()
    return shape.get("id")


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


def header_row(table: Any) -> None:
    """Mark the first row as the header: ``hp:tc header="1"``, repeated on every page
    the table spans (``hp:tbl repeatHeader="1"``, S29)."""
    table.element.set("repeatHeader", "1")
    first = table.element.find(f"{HP}tr")
    for cell in first.findall(f"{HP}tc"):
        cell.set("header", "1")
    table.mark_dirty()


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
