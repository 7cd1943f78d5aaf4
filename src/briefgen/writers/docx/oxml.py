"""Hand-written OOXML for the DOCX writer: one small builder per element.

python-docx 1.2 has no API for footnotes, numbering definitions, fields, East Asian fonts
and languages, or several section and table properties. Every element the writer builds
by hand is made here, children in the order the WordprocessingML schema requires. Bulk
content (runs, paragraphs, table rows, footnotes) is built as escaped strings (``run_xml``,
``cell_start``…) and either spliced into the serialized part (``splice``) or parsed once
(``parse_fragment``): element-by-element building is slow in Python.
Lengths are twips (1/20 pt) unless a name says otherwise; sizes are points.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import element_class_lookup, parse_xml
from lxml import etree

# Characters XML 1.0 cannot carry (lxml refuses them): C0 controls except tab/LF/CR, lone
# surrogates (not encodable as UTF-8), FFFE/FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
_FRAGMENT_NS = nsdecls("w", "r")
# python-docx's element classes; huge_tree: a 50,000-row table is one string (trusted: ours).
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)


def clean(text: str) -> str:
    """``text`` without XML-illegal control characters (tabs and newlines become spaces)."""
    return _ILLEGAL.sub("", text).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def escape(text: str) -> str:
    """``text`` cleaned (see ``clean``) and escaped for XML text or a quoted attribute value.

    Escaping ``&`` matters most: a bare ``&`` makes the markup unparseable, and lenient
    readers drop everything after it.
    """
    return (
        clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def fragment(elem: etree._Element) -> str:
    """``elem`` serialized without namespace declarations, to be put into a larger string."""
    wrapper = parse_xml(f"<w:body {_FRAGMENT_NS}/>")
    wrapper.append(elem)  # lxml drops the declarations the wrapper already makes
    xml: str = etree.tostring(wrapper, encoding="unicode")
    return xml[xml.index(">") + 1 : xml.rindex("<")]


def parse_fragment(xml: str) -> list[etree._Element]:
    """The elements of the WordprocessingML string ``xml`` (``w:`` and ``r:`` prefixes),
    parsed in one go: building many small elements one by one is what makes Word writers
    slow on large tables."""
    root = etree.fromstring(f"<w:body {_FRAGMENT_NS}>{xml}</w:body>".encode(), _PARSER)
    return list(root)


_SPLICE = re.compile(rb"<!--splice (\d+)-->")


def splice_mark(index: int) -> etree._Element:
    """A placeholder for string ``index`` of ``splice``: bulk content (paragraphs, table
    rows, footnotes) stays a string, never parsed into elements and serialized again."""
    return etree.Comment(f"splice {index}")


def splice(blob: bytes, pieces: Sequence[str]) -> bytes:
    """The serialized part ``blob`` with each ``splice_mark(i)`` replaced by ``pieces[i]``
    (WordprocessingML with ``w:``/``r:`` prefixes, which the part's root declares)."""
    parts: list[bytes] = _SPLICE.split(blob)
    parts[1::2] = [pieces[int(index)].encode() for index in parts[1::2]]
    return b"".join(parts)


def twips(points: float) -> int:
    return round(points * 20)


def el(
    tag: str, attrs: dict[str, str] | None = None, children: Iterable[etree._Element] = ()
) -> etree._Element:
    """A ``tag`` element (``"w:p"``) with prefixed ``attrs`` and ``children``."""
    elem = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        elem.set(qn(key), value)
    for child in children:
        elem.append(child)
    return elem


def _val(tag: str, value: str | int) -> etree._Element:
    return el(tag, {"w:val": str(value)})


# --------------------------------------------------------------------------- run properties


@dataclass(frozen=True)
class RunFormat:
    """Direct or style run formatting; ``None`` leaves a property to the style."""

    font: str | None = None
    size: float | None = None
    bold: bool = False
    unbold: bool = False  # explicit ``w:b w:val="0"``: a heavy face is not emboldened again
    color: str | None = None
    underline: bool = False
    superscript: bool = False
    baseline: bool = False  # explicit ``vertAlign baseline`` (overrides a superscript style)
    char_style: str | None = None
    lang: str | None = None  # East Asian language (``w:eastAsia``)
    latin_lang: str = "en-US"  # ``w:val``: Latin-script text in these briefs is English


def rpr(fmt: RunFormat) -> etree._Element:
    """``<w:rPr>``: all four ``w:rFonts`` slots get ``fmt.font`` (S43).

    ``w:lang`` gets ``w:eastAsia=fmt.lang`` (ko-KR, S50) and ``w:val=fmt.latin_lang``: with
    ``w:val="ko-KR"`` LibreOffice breaks English words mid-word (measured with LO 7.4).
    """
    kids: list[etree._Element] = []
    if fmt.char_style:
        kids.append(_val("w:rStyle", fmt.char_style))
    if fmt.font:
        slots = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
        kids.append(el("w:rFonts", dict.fromkeys(slots, fmt.font)))
    if fmt.bold:
        kids += [el("w:b"), el("w:bCs")]
    elif fmt.unbold:
        kids += [_val("w:b", 0), _val("w:bCs", 0)]
    if fmt.color:
        kids.append(_val("w:color", fmt.color.lstrip("#").upper()))
    if fmt.size is not None:
        kids += [_val("w:sz", round(fmt.size * 2)), _val("w:szCs", round(fmt.size * 2))]
    if fmt.underline:
        kids.append(_val("w:u", "single"))
    if fmt.superscript:
        kids.append(_val("w:vertAlign", "superscript"))
    elif fmt.baseline:
        kids.append(_val("w:vertAlign", "baseline"))
    if fmt.lang:
        kids.append(el("w:lang", {"w:val": fmt.latin_lang, "w:eastAsia": fmt.lang}))
    return el("w:rPr", children=kids)


@functools.lru_cache(maxsize=256)
def rpr_xml(fmt: RunFormat) -> str:
    """``rpr(fmt)`` as a string (a brief uses a handful of run formats)."""
    return fragment(rpr(fmt))


def run_xml(text: str, fmt: RunFormat | None = None) -> str:
    """``<w:r>`` with one ``<w:t xml:space="preserve">`` holding ``text`` (cleaned, escaped)."""
    props = rpr_xml(fmt) if fmt else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def run(text: str, fmt: RunFormat | None = None) -> etree._Element:
    """``run_xml`` as an element."""
    return parse_fragment(run_xml(text, fmt))[0]


TAB_RUN = "<w:r><w:tab/></w:r>"


# --------------------------------------------------------------------------- paragraph properties


@dataclass(frozen=True)
class ParaFormat:
    """Paragraph properties; lengths in points, ``line`` in 240ths of a line (auto rule),
    ``line_exact`` an exact line height in points."""

    style: str | None = None
    keep_next: bool = False
    page_break_before: bool = False
    num: tuple[int, int] | None = None  # (numId, ilvl)
    tab_right_leader: tuple[float, str] | None = None  # (position pt, leader)
    before: float | None = None
    after: float | None = None
    line: int | None = None
    left: float | None = None
    hanging: float | None = None
    jc: str | None = None
    outline: int | None = None
    word_wrap: bool = False
    no_autospace: bool = False  # no extra space between Hangul and Latin/digits (Word adds it)
    rule_below: tuple[int, str] | None = None  # (width in eighths of a point, colour)
    right: float | None = None
    line_exact: float | None = None


def ppr(fmt: ParaFormat, run_fmt: RunFormat | None = None) -> etree._Element:
    """``<w:pPr>`` in schema order (pStyle … jc, outlineLvl, rPr)."""
    kids: list[etree._Element] = []
    if fmt.style:
        kids.append(_val("w:pStyle", fmt.style))
    if fmt.keep_next:
        kids.append(el("w:keepNext"))
    if fmt.page_break_before:
        kids.append(el("w:pageBreakBefore"))
    if fmt.num:
        kids.append(
            el("w:numPr", children=[_val("w:ilvl", fmt.num[1]), _val("w:numId", fmt.num[0])])
        )
    if fmt.rule_below:
        eighths, colour = fmt.rule_below
        rule = el("w:bottom", {"w:val": "single", "w:sz": str(eighths), "w:space": "1",
                               "w:color": colour.lstrip("#").upper()})
        kids.append(el("w:pBdr", children=[rule]))
    if fmt.tab_right_leader:
        pos, leader = fmt.tab_right_leader
        tab = el("w:tab", {"w:val": "right", "w:leader": leader, "w:pos": str(twips(pos))})
        kids.append(el("w:tabs", children=[tab]))
    if fmt.word_wrap:
        kids.append(_val("w:wordWrap", 1))
    if fmt.no_autospace:
        kids += [_val("w:autoSpaceDE", 0), _val("w:autoSpaceDN", 0)]
    spacing = {}
    if fmt.before is not None:
        spacing["w:before"] = str(twips(fmt.before))
    if fmt.after is not None:
        spacing["w:after"] = str(twips(fmt.after))
    if fmt.line_exact is not None:
        spacing |= {"w:line": str(twips(fmt.line_exact)), "w:lineRule": "exact"}
    elif fmt.line is not None:
        spacing |= {"w:line": str(fmt.line), "w:lineRule": "auto"}
    if spacing:
        kids.append(el("w:spacing", spacing))
    if fmt.left is not None or fmt.hanging is not None or fmt.right is not None:
        ind = {"w:left": str(twips(fmt.left or 0))}
        if fmt.right is not None:
            ind["w:right"] = str(twips(fmt.right))
        if fmt.hanging:
            ind["w:hanging"] = str(twips(fmt.hanging))
        kids.append(el("w:ind", ind))
    if fmt.jc:
        kids.append(_val("w:jc", fmt.jc))
    if fmt.outline is not None:
        kids.append(_val("w:outlineLvl", fmt.outline))
    if run_fmt:
        kids.append(rpr(run_fmt))
    return el("w:pPr", children=kids)


@functools.lru_cache(maxsize=256)
def ppr_xml(fmt: ParaFormat) -> str:
    """``ppr(fmt)`` as a string."""
    return fragment(ppr(fmt))


def set_ppr(p: etree._Element, fmt: ParaFormat) -> None:
    """Replace the properties of paragraph ``p`` by ``fmt``, keeping a section break it holds."""
    old = p.find(qn("w:pPr"))
    new = ppr(fmt)
    if old is not None:
        sect = old.find(qn("w:sectPr"))
        if sect is not None:
            new.append(sect)
        p.remove(old)
    p.insert(0, new)


# --------------------------------------------------------------------------- styles


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    para: ParaFormat | None = None,
    chars: RunFormat | None = None,
    based_on: str | None = "Normal",
    default: bool = False,
) -> etree._Element:
    """``<w:style>`` of ``kind`` (paragraph/character) with name, basedOn, qFormat, pPr, rPr."""
    attrs = {"w:type": kind, "w:styleId": style_id}
    if default:
        attrs["w:default"] = "1"
    kids = [_val("w:name", name)]
    if based_on and kind == "paragraph":
        kids.append(_val("w:basedOn", based_on))
    kids.append(el("w:qFormat"))
    if para is not None and kind == "paragraph":
        kids.append(ppr(para))
    if chars is not None:
        kids.append(rpr(chars))
    return el("w:style", attrs, kids)


def table_style(
    style_id: str,
    name: str,
    *,
    chars: RunFormat,
    para: ParaFormat,
    rules: TableRules,
    header_fill: str,
) -> etree._Element:
    """``<w:style w:type="table">``: fonts and paragraph format of the cells, the house's open
    rules (S29: a rule above the header and under the last row, a thinner one under the header,
    light inner lines between body rows and columns, no outer sides), and a bold, shaded header
    row without inner lines, for rows an editor adds in Word."""
    first_row = el(
        "w:tblStylePr",
        {"w:type": "firstRow"},
        [
            rpr(RunFormat(bold=True)),
            el("w:tcPr", children=[_cell_borders(rules.header_edges()), _shading(header_fill)]),
        ],
    )
    kids = [
        _val("w:name", name),
        _val("w:basedOn", "TableNormal"),
        el("w:qFormat"),
        ppr(para),
        rpr(chars),
        el("w:tblPr", children=[_edges("w:tblBorders", rules.table_edges())]),
        first_row,
    ]
    return el("w:style", {"w:type": "table", "w:styleId": style_id}, kids)


def install_styles(styles: etree._Element, new: Sequence[etree._Element]) -> None:
    """Put ``new`` (distinct ids) into ``<w:styles>``, replacing template styles with their ids."""
    style_id = qn("w:styleId")
    ids = {node.get(style_id) for node in new}
    for old in styles.findall(qn("w:style")):
        if old.get(style_id) in ids:
            styles.remove(old)
    styles.extend(new)


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove ``w:asciiTheme``/``w:eastAsiaTheme``/… which override explicit fonts (P2)."""
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            rfonts.attrib.pop(qn(attr), None)


def set_doc_defaults(styles: etree._Element, fmt: RunFormat, para: ParaFormat) -> None:
    """Replace ``<w:docDefaults>`` (fonts, size, ko-KR language, paragraph defaults)."""
    old = styles.find(qn("w:docDefaults"))
    if old is not None:
        styles.remove(old)
    defaults = el(
        "w:docDefaults",
        children=[
            el("w:rPrDefault", children=[rpr(fmt)]),
            el("w:pPrDefault", children=[ppr(para)]),
        ],
    )
    styles.insert(0, defaults)


def prune_styles(styles: etree._Element, keep: set[str]) -> None:
    """Remove every style that is not in ``keep``, not a default style and not reached from
    a kept one through ``basedOn``/``next``/``link``."""
    by_id = {node.get(qn("w:styleId")): node for node in styles.findall(qn("w:style"))}
    wanted = {sid for sid, node in by_id.items() if node.get(qn("w:default")) == "1"}
    todo = [sid for sid in keep if sid in by_id] + sorted(wanted)
    while todo:
        sid = todo.pop()
        wanted.add(sid)
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = by_id[sid].find(qn(tag))
            target = ref.get(qn("w:val")) if ref is not None else None
            if target in by_id and target not in wanted:
                todo.append(target)
    for sid, node in by_id.items():
        if sid not in wanted:
            styles.remove(node)


def complete_style_fonts(styles: etree._Element, fmt: RunFormat) -> None:
    """Give every paragraph, character and table style all four ``w:rFonts`` slots (missing
    ones take ``fmt.font``) and ``w:lang w:eastAsia=fmt.lang`` (S43, S50)."""
    slots = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
    for node in styles.findall(qn("w:style")):
        if node.get(qn("w:type")) not in ("paragraph", "character", "table"):
            continue
        props = node.get_or_add_rPr()
        fonts = props.get_or_add_rFonts()
        for slot in slots:
            if fonts.get(qn(slot)) is None:
                fonts.set(qn(slot), fmt.font or "")
        lang = props.find(qn("w:lang"))
        if lang is None:
            lang = el("w:lang", {"w:val": fmt.latin_lang})
            props.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        lang.set(qn("w:eastAsia"), fmt.lang or "")


@dataclass(frozen=True)
class FontEntry:
    """A font of the document's font table: family name, Korean name, PANOSE (hex)."""

    name: str
    alt_name: str
    panose: str


def font_table(entries: Sequence[FontEntry]) -> bytes:
    """``word/fontTable.xml`` listing the house fonts as Hangul (charset 81) sans-serif
    fonts, so Word substitutes a Korean font where one is missing; the template's table
    listed Japanese fonts."""
    root = parse_xml(f"<w:fonts {nsdecls('w')}/>")
    for entry in entries:
        kids = [_val("w:altName", entry.alt_name)] if entry.alt_name else []
        kids += [
            _val("w:panose1", entry.panose),
            _val("w:charset", "81"),
            _val("w:family", "swiss"),
            _val("w:pitch", "variable"),
        ]
        root.append(el("w:font", {"w:name": entry.name}, kids))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def app_properties(application: str) -> bytes:
    """``docProps/app.xml`` naming only the application (the template's claims Word, 1 page)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = application
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def remove_theme_font_lang(settings: etree._Element) -> None:
    """Drop ``<w:themeFontLang w:eastAsia="ja-JP">`` of python-docx's template (P2)."""
    for node in settings.findall(qn("w:themeFontLang")):
        settings.remove(node)


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True)
class BulletLevel:
    """One level of the bullet list: marker, its run format, indents in points."""

    marker: str
    fmt: RunFormat
    left: float
    hanging: float


def numbering(levels: Sequence[BulletLevel], num_id: int = 1) -> etree._Element:
    """``<w:numbering>`` with one bullet ``abstractNum`` (levels 0…n-1) and ``num`` ``num_id``."""
    lvls = [
        el(
            "w:lvl",
            {"w:ilvl": str(i)},
            [
                _val("w:start", 1),
                _val("w:numFmt", "bullet"),
                _val("w:lvlText", level.marker),
                _val("w:lvlJc", "left"),
                ppr(ParaFormat(left=level.left, hanging=level.hanging)),
                rpr(level.fmt),
            ],
        )
        for i, level in enumerate(levels)
    ]
    abstract = el(
        "w:abstractNum", {"w:abstractNumId": "0"}, [_val("w:multiLevelType", "multilevel"), *lvls]
    )
    num = el("w:num", {"w:numId": str(num_id)}, [_val("w:abstractNumId", 0)])
    return el("w:numbering", children=[abstract, num])


# --------------------------------------------------------------------------- footnotes


def footnote_reference(number: int, style_id: str, suffix: str = ")") -> str:
    """The mark ``n)`` of a Word footnote: an auto-numbered ``<w:footnoteReference>`` run
    (FootnoteReference style, superscript) and a superscript run with the ``)`` (S22, S25).

    Word has no ``1)`` number format (P3). A custom mark (``w:customMarkFollows``) would show
    the label twice in LibreOffice and would not renumber when an editor inserts a note in
    Word; an automatic number followed by ``)`` does both right.
    """
    props = rpr_xml(RunFormat(char_style=style_id, superscript=True))
    mark = f'<w:r>{props}<w:footnoteReference w:id="{number}"/></w:r>'
    return mark + run_xml(suffix, RunFormat(superscript=True))


def footnote_label(suffix: str = ") ") -> str:
    """The start of a note's text: its automatic number at the baseline, then ``) `` (S24)."""
    number = f"<w:r>{rpr_xml(RunFormat(baseline=True))}<w:footnoteRef/></w:r>"
    return number + run_xml(suffix)


def footnotes_root(text_style: str) -> etree._Element:
    """``<w:footnotes>`` holding the separator (id -1) and continuation separator (id 0)."""
    xml = f"<w:footnotes {nsdecls('w', 'r')}/>"
    root = parse_xml(xml)
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        p = el(
            "w:p",
            children=[
                ppr(ParaFormat(style=text_style, after=0, line=240)),
                el("w:r", children=[el(f"w:{kind}")]),
            ],
        )
        root.append(el("w:footnote", {"w:type": kind, "w:id": note_id}, [p]))
    return root


def footnote(number: int, paragraph: str) -> str:
    """``<w:footnote>`` ``number`` holding one paragraph whose ``<w:pPr>`` and runs are
    ``paragraph``."""
    return f'<w:footnote w:id="{number}"><w:p>{paragraph}</w:p></w:footnote>'


# --------------------------------------------------------------------------- fields, links, bookmarks


def field_begin(instr: str, fmt: RunFormat | None = None) -> list[etree._Element]:
    """Runs opening a complex field: begin, instruction, separate (the cached result follows)."""
    def props() -> list[etree._Element]:
        return [rpr(fmt)] if fmt else []  # a new ``w:rPr`` for every run

    instr_el = el("w:instrText")
    instr_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_el.text = f" {instr} "
    return [
        el("w:r", children=[*props(), el("w:fldChar", {"w:fldCharType": "begin"})]),
        el("w:r", children=[*props(), instr_el]),
        el("w:r", children=[*props(), el("w:fldChar", {"w:fldCharType": "separate"})]),
    ]


def field_end(fmt: RunFormat | None = None) -> etree._Element:
    return el(
        "w:r", children=[*([rpr(fmt)] if fmt else []), el("w:fldChar", {"w:fldCharType": "end"})]
    )


def field(instr: str, cached: str, fmt: RunFormat | None = None) -> list[etree._Element]:
    """A whole field (``PAGE``, ``SEQ 표 \\* ARABIC``) whose cached result is ``cached`` (P3)."""
    return [*field_begin(instr, fmt), run(cached, fmt), field_end(fmt)]


@functools.lru_cache(maxsize=1024)  # bounded: instructions name bookmarks
def field_begin_xml(instr: str) -> str:
    """``field_begin(instr)`` as a string."""
    return "".join(map(fragment, field_begin(instr)))


@functools.cache
def field_end_xml() -> str:
    """``field_end()`` as a string."""
    return fragment(field_end())


def field_xml(instr: str, cached: str) -> str:
    """``field(instr, cached)`` as a string."""
    return field_begin_xml(instr) + run_xml(cached) + field_end_xml()


def bookmark_link_xml(anchor: str, content: str) -> str:
    """``<w:hyperlink>`` to the bookmark ``anchor`` around the runs ``content``."""
    return f'<w:hyperlink w:history="1" w:anchor="{escape(anchor)}">{content}</w:hyperlink>'


def hyperlink_xml(rel_id: str, content: str) -> str:
    """``<w:hyperlink>`` to the external relationship ``rel_id`` around the runs ``content``."""
    return f'<w:hyperlink w:history="1" r:id="{escape(rel_id)}">{content}</w:hyperlink>'


def bookmark_xml(bookmark_id: int, name: str, content: str) -> str:
    """The runs ``content`` inside bookmark ``name``."""
    return (f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{escape(name)}"/>{content}'
            f'<w:bookmarkEnd w:id="{bookmark_id}"/>')


# --------------------------------------------------------------------------- sections and tables


def set_page_number_start(sect_pr: etree._Element, start: int) -> None:
    """``<w:pgNumType w:fmt="decimal" w:start=…>`` in its schema position (after pgMar)."""
    for node in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(node)
    pg = el("w:pgNumType", {"w:fmt": "decimal", "w:start": str(start)})
    sect_pr.insert_element_before(
        pg,
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )


@dataclass(frozen=True)
class Rule:
    """A table line: its width in eighths of a point (2…96) and its colour (``#RRGGBB``)."""

    eighths: int
    color: str

    def attrs(self) -> dict[str, str]:
        return {
            "w:val": "single",
            "w:sz": str(self.eighths),
            "w:space": "0",
            "w:color": self.color.lstrip("#").upper(),
        }


#: Edge name -> its rule (``None``: no line, ``w:val="nil"``), in schema order.
Edges = dict[str, Rule | None]


@dataclass(frozen=True)
class TableRules:
    """Open table rules (S29): ``outer`` above the header row and under the last row, ``head``
    under the header row, ``inner`` between body rows and columns; no outer sides."""

    outer: Rule
    head: Rule
    inner: Rule

    def table_edges(self) -> Edges:
        return {"top": self.outer, "left": None, "bottom": self.outer, "right": None,
                "insideH": self.inner, "insideV": self.inner}

    def header_edges(self) -> Edges:
        """A header cell's own edges: they override the table's inner lines, so the header row
        has no column lines and its bottom rule is ``head``."""
        return {"top": self.outer, "left": None, "bottom": self.head, "right": None,
                "insideV": None}


def _edges(tag: str, edges: Edges) -> etree._Element:
    kids = [el(f"w:{edge}", rule.attrs() if rule else {"w:val": "nil"}) for edge, rule in edges.items()]
    return el(tag, children=kids)


def _cell_borders(edges: Edges) -> etree._Element:
    return _edges("w:tcBorders", edges)


def _borders(color: str, size_eighths: int = 4) -> etree._Element:
    """``<w:tblBorders>``: single lines on all edges and inner lines."""
    rule = Rule(size_eighths, color)
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    return _edges("w:tblBorders", dict.fromkeys(edges, rule))


def table_borders(tbl_pr: etree._Element, color: str, size_eighths: int = 4) -> None:
    """Single borders on all edges and inner lines of a table."""
    tbl_pr.insert_element_before(
        _borders(color, size_eighths), "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"
    )


def _shading(fill: str) -> etree._Element:
    return el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill.lstrip("#").upper()})


def cell_shading(tc_pr: etree._Element, fill: str) -> None:
    tc_pr.insert_element_before(
        _shading(fill),
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
    )


ROW_END = "</w:tr>"
CELL_END = "</w:p></w:tc>"


@functools.cache
def row_start(*, header: bool) -> str:
    """``<w:tr>`` and its ``<w:trPr>``: ``cantSplit`` and, on a header row, ``tblHeader`` (S29)."""
    kids = [el("w:cantSplit")] + ([el("w:tblHeader")] if header else [])
    return "<w:tr>" + fragment(el("w:trPr", children=kids))


@functools.lru_cache(maxsize=64)
def _shading_xml(fill: str) -> str:
    return fragment(_shading(fill))


@functools.lru_cache(maxsize=16)
def cell_borders_xml(edges: tuple[tuple[str, Rule | None], ...]) -> str:
    """``<w:tcBorders>`` of ``edges`` (items of an ``Edges`` dict) as a string."""
    return fragment(_cell_borders(dict(edges)))


def cell_start(width: int, para: ParaFormat, fill: str | None = None, borders: str = "") -> str:
    """``<w:tc>`` of ``width`` twips (its ``borders`` from ``cell_borders_xml``, shaded
    ``fill``), opening its one paragraph ``para``: the cell's runs and ``CELL_END`` follow."""
    shading = _shading_xml(fill) if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{borders}{shading}</w:tcPr>'
            f"<w:p>{ppr_xml(para)}")


def band_row(height: int, fill: str, valign: str, margins: tuple[int, int, int, int],
             width: int, content: str) -> str:
    """A row of the cover's band: one cell ``width`` twips wide, exactly ``height`` twips
    tall, filled ``fill``, its paragraphs ``content`` aligned ``valign`` (top, bottom) inside
    the cell margins ``(top, left, bottom, right)`` in twips."""
    sides = zip(("top", "left", "bottom", "right"), margins, strict=True)
    mar = "".join(f'<w:{side} w:w="{value}" w:type="dxa"/>' for side, value in sides)
    return (f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/>'
            f'</w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{_shading_xml(fill)}'
            f'<w:tcMar>{mar}</w:tcMar><w:vAlign w:val="{valign}"/></w:tcPr>{content}</w:tc></w:tr>')


def band_table(width: int, rows: str) -> str:
    """The cover's band: a one-column table ``width`` twips wide without lines or cell
    margins holding the ``band_row`` strings ``rows``."""
    nil = "".join(f'<w:{edge} w:val="nil"/>'
                  for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="{width}"/>'
            f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{nil}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
            f'<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{rows}</w:tbl>')
