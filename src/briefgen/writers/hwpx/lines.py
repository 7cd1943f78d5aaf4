"""The layout 한/글 stores with a document: line segments, cell and table heights.

한/글 saves every paragraph with its line layout (``hp:linesegarray``): where each line starts
in the text (``textpos``, in UTF-16 units, a control or tab taking 8 as in HWP 5), its place
(``vertpos`` from the top of its text list, ``horzpos`` at the left margin), its height
(``vertsize``, ``textheight``: the largest character or inline object, in HWPUNIT), baseline
(85 % of the height) and the line spacing past it; each table cell its row's real height
(``hp:cellSz``) and each table the sum of its rows (``hp:sz``). 한/글 repairs a missing layout on
open; other viewers draw from what is stored, so a table without it collapses and notes
without it overlap. ``lay_out`` writes that layout for every paragraph of a section, inner
lists first (cells, notes, headers and footers), breaking lines as 한/글 does with
``breakNonLatinWord="KEEP_WORD"``: at spaces, a word wider than the line at its characters.
Advances come from the theme's font files, the ones the document names.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from briefgen.writers.textwidth import text_width

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"

CONTROL = 8  # UTF-16 units a control or a tab takes in a paragraph's text (HWP 5)
LINE = 0x60000  # a line's flags: its first and last segment
INDENTED = 0x100000  # the flag of a line the paragraph's indent applies to
BASELINE = 0.85  # the baseline's depth in a line, as 한/글 writes it
PT = 100  # HWPUNIT per point
SCRIPT = 0.7  # the size a superscript or subscript is drawn at, of its character shape's
SLACK = 0.5  # HWPUNIT a line may run over its room by: rounding, as a tab reaches its stop
DEFAULT_TAB = 4000  # the default tab stops' interval (the section's tabStop 8000, in half units)
#: ``hp:tab`` ``leader`` codes: the index of the ``hh:tabItem`` leader name
LEADERS = ("NONE", "SOLID", "DOT", "DASH", "DASH_DOT", "DASH_DOT_DOT", "LONG_DASH")
TAB_TYPES = {"LEFT": "1", "RIGHT": "2", "CENTER": "3"}  # ``hp:tab`` ``type`` codes
INLINE_OBJECTS = ("pic", "tbl", "rect", "ellipse", "line", "container", "equation")


@dataclass(frozen=True)
class Glyphs:
    """A character shape as layout needs it: the font file's family and the size."""

    family: str
    height: int  # HWPUNIT (pt × 100)
    scale: float = 1.0  # of the advances: a superscript or subscript is drawn smaller


@dataclass(frozen=True)
class TabStop:
    """A paragraph's tab stop (``hh:tabItem``): its place from the column's left edge."""

    pos: int
    kind: str  # LEFT, RIGHT, CENTER
    leader: str  # NONE, DOT, DASH, ...


@dataclass(frozen=True)
class Spacing:
    """A paragraph shape as layout needs it (HWPUNIT, line spacing in percent)."""

    left: int = 0
    right: int = 0
    indent: int = 0  # < 0: the lines after the first hang by its size
    before: int = 0
    after: int = 0
    line: int = 160
    tabs: tuple[TabStop, ...] = ()


@dataclass
class _Atom:
    units: int  # UTF-16 units in the paragraph's text
    width: float  # HWPUNIT
    height: int  # the character's size; for an inline object, its height
    space: bool = False
    newline: bool = False
    inline_object: bool = False
    tab: etree._Element | None = None  # an hp:tab, its width set by the layout


@dataclass(frozen=True)
class Segment:
    """One ``hp:lineseg``."""

    textpos: int
    vertpos: int
    vertsize: int
    spacing: int
    horzpos: int
    horzsize: int
    flags: int

    def attributes(self) -> dict[str, str]:
        return {
            "textpos": str(self.textpos),
            "vertpos": str(self.vertpos),
            "vertsize": str(self.vertsize),
            "textheight": str(self.vertsize),
            "baseline": str(round(self.vertsize * BASELINE)),
            "spacing": str(self.spacing),
            "horzpos": str(self.horzpos),
            "horzsize": str(self.horzsize),
            "flags": str(self.flags),
        }


class Shapes:
    """The character and paragraph shapes of a document's header (``hh:charPr``,
    ``hh:paraPr``), read once. ``families`` names the font file a face and bold attribute
    are measured in; any other face in ``fallback``."""

    def __init__(
        self, header: etree._Element, families: dict[tuple[str, bool], str], fallback: str
    ) -> None:
        faces: dict[str, str] = {}
        for fontface in header.iter(f"{HH}fontface"):
            if fontface.get("lang") == "HANGUL":
                faces = {font.get("id", ""): font.get("face", "") for font in fontface}
        self.chars: dict[str, Glyphs] = {}
        for shape in header.iter(f"{HH}charPr"):
            ref = shape.find(f"{HH}fontRef")
            face = faces.get(ref.get("hangul", "") if ref is not None else "", "")
            family = families.get((face, shape.find(f"{HH}bold") is not None), fallback)
            small = shape.find(f"{HH}supscript") is not None or shape.find(f"{HH}subscript") is not None
            self.chars[shape.get("id", "")] = Glyphs(
                family, int(shape.get("height", "1000")), SCRIPT if small else 1.0
            )
        stops = {tabs.get("id", ""): _tab_stops(tabs) for tabs in header.iter(f"{HH}tabPr")}
        self.paras = {
            shape.get("id", ""): _spacing(shape, stops.get(shape.get("tabPrIDRef", ""), ()))
            for shape in header.iter(f"{HH}paraPr")
        }
        self.fallback = Glyphs(fallback, 1000)

    def char(self, shape_id: str | None) -> Glyphs:
        return self.chars.get(shape_id or "", self.fallback)

    def para(self, shape_id: str | None) -> Spacing:
        return self.paras.get(shape_id or "", Spacing())


def _tab_stops(tabs: etree._Element) -> tuple[TabStop, ...]:
    """The stops of ``hh:tabPr`` in HWPUNIT: the ``HwpUnitChar`` case's items (the first),
    the plain ones when there is no case."""
    items = tabs.findall(f".//{HP}case/{HH}tabItem") or tabs.findall(f"{HH}tabItem")
    return tuple(
        TabStop(int(item.get("pos", "0")), item.get("type", "LEFT"), item.get("leader", "NONE"))
        for item in items
    )


def _spacing(shape: etree._Element, tabs: tuple[TabStop, ...]) -> Spacing:
    """The margins and line spacing 한/글 reads: the ``HwpUnitChar`` case of ``hp:switch``
    (the first ``hh:margin``), else the plain one."""
    margin = shape.find(f".//{HH}margin")
    values: dict[str, int] = {}
    if margin is not None:
        values = {child.tag.rpartition("}")[2]: int(child.get("value", "0")) for child in margin}
    line = shape.find(f".//{HH}lineSpacing")
    percent = int(line.get("value", "160")) if line is not None else 160
    return Spacing(
        values.get("left", 0),
        values.get("right", 0),
        values.get("intent", 0),
        values.get("prev", 0),
        values.get("next", 0),
        percent,
        tabs,
    )


def lay_out(section: etree._Element, shapes: Shapes, width: int) -> None:
    """Write the line segments of every paragraph of the ``hs:sec`` ``section`` (text
    width ``width`` HWPUNIT), the heights of its table cells and tables, inner lists first.
    The body's lines go down from 0, again from 0 on a page a paragraph starts."""
    _lay_out_list(section.findall(f"{HP}p"), shapes, width, width, pages=True)


def _lay_out_list(
    paragraphs: list[etree._Element], shapes: Shapes, width: int, body: int, *, pages: bool = False
) -> int:
    """Lay out a list of paragraphs ``width`` wide from the top (a note, header or footer
    in it as wide as the ``body``); return its height (the last line's bottom, without the
    spacing past it)."""
    top = bottom = 0
    for index, paragraph in enumerate(paragraphs):
        spacing = shapes.para(paragraph.get("paraPrIDRef"))
        if pages and paragraph.get("pageBreak") == "1":
            top = 0
        elif index:
            top += spacing.before
        for inner in _inner_lists(paragraph):
            _lay_out_list(inner.findall(f"{HP}p"), shapes, body, body)
        for table in _tables(paragraph):
            _table_heights(table, shapes, body)
        segments = _segments(paragraph, shapes, spacing, width, top)
        _store(paragraph, segments)
        last = segments[-1]
        bottom = last.vertpos + last.vertsize
        top = bottom + last.spacing + spacing.after
    return bottom


def _inner_lists(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The text lists of the notes, headers and footers in ``paragraph``'s runs (a table's
    cells are laid out with the table)."""
    for run in paragraph.findall(f"{HP}run"):
        for control in run:
            for sub in control.iter(f"{HP}subList"):
                parent = sub.getparent()
                if parent is not None and parent.tag != f"{HP}tc":
                    yield sub


def _tables(paragraph: etree._Element) -> Iterator[etree._Element]:
    for run in paragraph.findall(f"{HP}run"):
        yield from run.findall(f"{HP}tbl")


def _table_heights(table: etree._Element, shapes: Shapes, body: int) -> None:
    """Lay out each cell's paragraphs; each cell of a row gets the row's height (its tallest
    cell's text and margins, at least the height written), the table their sum."""
    default = _margins(table.find(f"{HP}inMargin"))
    total = 0
    for row in table.findall(f"{HP}tr"):
        cells = row.findall(f"{HP}tc")
        height = 0
        for cell in cells:
            margin = _margins(cell.find(f"{HP}cellMargin")) if cell.get("hasMargin") == "1" else default
            size = cell.find(f"{HP}cellSz")
            inner = int(size.get("width", "0")) - margin[0] - margin[1]
            text = _lay_out_list(cell.findall(f"{HP}subList/{HP}p"), shapes, inner, body)
            height = max(height, text + margin[2] + margin[3], int(size.get("height", "0")))
        for cell in cells:
            cell.find(f"{HP}cellSz").set("height", str(height))
        total += height
    table.find(f"{HP}sz").set("height", str(total))


def _margins(element: etree._Element | None) -> tuple[int, int, int, int]:
    if element is None:
        return 0, 0, 0, 0
    left, right, top, bottom = (int(element.get(side, "0")) for side in ("left", "right", "top", "bottom"))
    return left, right, top, bottom


def _segments(
    paragraph: etree._Element, shapes: Shapes, spacing: Spacing, width: int, top: int
) -> list[Segment]:
    """Break ``paragraph`` into lines; the first starts ``top`` below its list's top, or
    below the tables it anchors (placed above its text, as ``TOP_AND_BOTTOM`` objects on
    their paragraph are)."""
    atoms, end_height = _atoms(paragraph, shapes)
    _tab_widths(atoms, spacing)
    room = width - spacing.left - spacing.right
    lines = _break(atoms, room, spacing.indent)
    top += sum(_block_height(table) for table in _tables(paragraph) if _pushes_text(table))
    segments = []
    for number, (start, stop, textpos) in enumerate(lines):
        chars = [atom.height for atom in atoms[start:stop] if not atom.inline_object]
        objects = [atom.height for atom in atoms[start:stop] if atom.inline_object]
        font = max(chars, default=end_height if not objects else 0) or end_height
        size = max([font, *objects])
        first = number == 0
        indented = spacing.indent > 0 if first else spacing.indent < 0
        segments.append(Segment(
            textpos=textpos,
            vertpos=top,
            vertsize=size,
            spacing=round(font * (spacing.line - 100) / 100),
            horzpos=spacing.left,
            horzsize=room,
            flags=LINE | (INDENTED if indented else 0),
        ))
        top += size + segments[-1].spacing
    return segments


def _break(atoms: list[_Atom], room: int, indent: int) -> list[tuple[int, int, int]]:
    """Lines as (first atom, end atom, text position): greedy, a line ending after spaces
    (which may hang past the edge) or around an inline object; a word wider than its line
    is broken at its characters."""
    positions = [*_running(atoms)]
    lines: list[tuple[int, int]] = []
    start, x = 0, 0.0  # the line's first atom; the width of atoms[start:index]
    breakable, since = None, 0.0  # where a new line may start; the width from there

    def available() -> float:
        return room - max(indent if not lines else -indent, 0)

    for index, atom in enumerate(atoms):
        if atom.newline:
            lines.append((start, index + 1))
            start, x, breakable = index + 1, 0.0, None
            continue
        if atom.inline_object and index > start:
            breakable, since = index, 0.0
        if not atom.space and index > start and x + atom.width > available() + SLACK:
            if breakable is not None and breakable > start:
                lines.append((start, breakable))
                start, x = breakable, since
            if x + atom.width > available() + SLACK and index > start:
                lines.append((start, index))
                start, x = index, 0.0
            breakable = None
        x += atom.width
        since += atom.width
        if atom.space or atom.inline_object:
            breakable, since = index + 1, 0.0
    lines.append((start, len(atoms)))
    end = sum(atom.units for atom in atoms)
    return [(first, stop, positions[first] if first < len(atoms) else end) for first, stop in lines]


def _tab_widths(atoms: list[_Atom], spacing: Spacing) -> None:
    """Give each tab the width 한/글 draws it at once a paragraph stores its lines (its
    ``hp:tab`` ``width``, ``leader`` and ``type``): to the paragraph's next tab stop past it,
    a right stop taking the text after the tab up to it, else to the next default stop.
    Places are from the column's left edge, as 한/글 measures tab stops."""
    x: float = spacing.left + max(spacing.indent, 0)
    for index, atom in enumerate(atoms):
        if atom.newline:
            x = spacing.left + max(-spacing.indent, 0)
        if atom.tab is None:
            x += atom.width
            continue
        stop = next((stop for stop in spacing.tabs if stop.pos > x), None)
        if stop is None:
            width = (math.floor(x / DEFAULT_TAB) + 1) * DEFAULT_TAB - x
            stop = TabStop(0, "LEFT", "NONE")
        else:
            after = 0.0
            for following in atoms[index + 1:]:
                if following.tab is not None or following.newline:
                    break
                after += following.width
            shift = {"RIGHT": after, "CENTER": after / 2}.get(stop.kind, 0.0)
            width = max(math.floor(stop.pos - x - shift), 0)
        atom.width = width
        atom.tab.set("width", str(round(width)))
        atom.tab.set("leader", str(LEADERS.index(stop.leader) if stop.leader in LEADERS else 0))
        atom.tab.set("type", TAB_TYPES.get(stop.kind, "1"))
        x += width


def _running(atoms: list[_Atom]) -> Iterator[int]:
    position = 0
    for atom in atoms:
        yield position
        position += atom.units


def _atoms(paragraph: etree._Element, shapes: Shapes) -> tuple[list[_Atom], int]:
    """The paragraph's characters, tabs, controls and inline objects in text order, and
    the height of its last character shape (an empty line's height)."""
    atoms: list[_Atom] = []
    height = shapes.char(None).height
    for run in paragraph.findall(f"{HP}run"):
        glyphs = shapes.char(run.get("charPrIDRef"))
        height = glyphs.height
        for child in run:
            tag = child.tag.rpartition("}")[2]
            if tag == "t":
                atoms.extend(_text_atoms(child, glyphs))
            elif tag == "ctrl":
                atoms.extend(_control_atoms(child, glyphs))
            elif tag in INLINE_OBJECTS:
                if _inline(child):
                    width, tall = _object_size(child)
                    atoms.append(_Atom(CONTROL, width, tall, inline_object=True))
                else:
                    atoms.append(_Atom(CONTROL, 0, glyphs.height))
            else:  # hp:secPr and other controls that take no room
                atoms.append(_Atom(CONTROL, 0, 0))
    return atoms, height


def _text_atoms(text: etree._Element, glyphs: Glyphs) -> Iterator[_Atom]:
    """``hp:t``: its characters, with ``hp:tab`` and ``hp:lineBreak`` among them."""
    yield from _characters(text.text or "", glyphs)
    for child in text:
        tag = child.tag.rpartition("}")[2]
        if tag == "tab":
            yield _Atom(CONTROL, 0, glyphs.height, space=True, tab=child)
        elif tag == "lineBreak":
            yield _Atom(1, 0, glyphs.height, newline=True)
        else:
            yield _Atom(1, 0, glyphs.height)
        yield from _characters(child.tail or "", glyphs)


def _characters(text: str, glyphs: Glyphs) -> Iterator[_Atom]:
    size = glyphs.height / PT
    for char in text:
        units = 2 if ord(char) > 0xFFFF else 1
        width = text_width(glyphs.family, char, size) * PT * glyphs.scale
        yield _Atom(units, width, glyphs.height, space=char == " ")


def _control_atoms(control: etree._Element, glyphs: Glyphs) -> Iterator[_Atom]:
    """Each control of ``hp:ctrl`` takes 8 units and no room; a number (``hp:autoNum``, as a
    note's in its first paragraph) is drawn with its format's prefix and suffix (``n)``)."""
    for child in control:
        width = 0.0
        if child.tag == f"{HP}autoNum":
            form = child.find(f"{HP}autoNumFormat")
            affix = ("", "") if form is None else (form.get("prefixChar", ""), form.get("suffixChar", ""))
            label = affix[0] + child.get("num", "0") + affix[1]
            width = text_width(glyphs.family, label, glyphs.height / PT) * PT
        yield _Atom(CONTROL, width, glyphs.height if width else 0)


def _inline(obj: etree._Element) -> bool:
    position = obj.find(f"{HP}pos")
    return position is not None and position.get("treatAsChar") == "1"


def _object_size(obj: etree._Element) -> tuple[float, int]:
    size = obj.find(f"{HP}sz")
    left, right, top, bottom = _margins(obj.find(f"{HP}outMargin"))
    width = int(size.get("width", "0")) + left + right
    return width, int(size.get("height", "0")) + top + bottom


def _pushes_text(obj: etree._Element) -> bool:
    """An object placed on its paragraph that the text goes around above and below (the
    body's tables); one on the paper or behind the text leaves the lines where they are."""
    position = obj.find(f"{HP}pos")
    return (
        not _inline(obj)
        and obj.get("textWrap") == "TOP_AND_BOTTOM"
        and position is not None
        and position.get("vertRelTo") == "PARA"
    )


def _block_height(table: etree._Element) -> int:
    return _object_size(table)[1]


def _store(paragraph: etree._Element, segments: list[Segment]) -> None:
    """Replace ``paragraph``'s ``hp:linesegarray`` (its last child, as 한/글 writes it)."""
    for old in paragraph.findall(f"{HP}linesegarray"):
        paragraph.remove(old)
    array = etree.SubElement(paragraph, f"{HP}linesegarray")
    for segment in segments:
        etree.SubElement(array, f"{HP}lineseg", segment.attributes())
