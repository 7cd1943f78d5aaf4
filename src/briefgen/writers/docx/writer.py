"""The DOCX writer: walks the document model and writes a Word file in SPRi house style.

python-docx builds the package, sections, tables' frames, pictures and core properties;
paragraphs, table rows and footnotes are ``oxml`` strings spliced into their parts as the
package is saved; every hand-made element comes from ``oxml``; the style sheet and numbering
from ``styles``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import assert_never

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.oxml.table import CT_Tbl
from docx.shared import Length, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from lxml import etree

from briefgen import ir
from briefgen.compat import docx as docx_compat
from briefgen.tablelayout import column_fractions
from briefgen.theme import Theme
from briefgen.writers.docx import oxml
from briefgen.writers.docx import styles as st
from briefgen.writers.docx.cover import band_cover
from briefgen.writers.docx.cover import paragraph as cover_paragraph
from briefgen.writers.docx.oxml import ParaFormat, RunFormat
from briefgen.writers.docx.package import package_entries, write_stable_zip
from briefgen.writers.inline_format import InlineFormat
from briefgen.writers.page_numbers import PageSource, page_numbers

Container = DocxDocument | _Cell
LAST_MODIFIED_BY = "briefgen"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_STYLE_REFS = (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
DOCUMENT, FOOTNOTES = "word/document.xml", "word/footnotes.xml"


@dataclass(frozen=True)
class _Fmt(InlineFormat):
    """Inline formatting inherited down the inline tree, as a DOCX run format."""

    def run_format(self, theme: Theme) -> RunFormat | None:
        """Emphasis and links are coloured as in the PDF (no italic Nanum face exists)."""
        if not (self.bold or self.emphasis or self.superscript or self.link):
            return None
        color = None
        if self.link:
            color = theme.color("link")
        elif self.emphasis:
            color = theme.color("emphasis")
        return RunFormat(
            bold=self.bold,
            superscript=self.superscript,
            underline=self.link,
            color=color,
        )


def write_docx(
    doc: ir.Document,
    theme: Theme,
    out: Path,
    *,
    page_of: PageSource = None,
) -> None:
    """Write ``doc`` as a DOCX file at ``out`` in ``theme``'s house style.

    ``page_of`` maps chapter/section anchors to the page numbers the PDF printed; they fill
    the cached result of the TOC field (omitted when ``None``). It may be a function, called
    only when the rest of the document is built (the PDF can still be laying out meanwhile).
    Same input, same bytes.
    """
    _Writer(doc, theme, page_of).write(out)


class _Writer:
    def __init__(self, doc: ir.Document, theme: Theme,
                 page_of: PageSource) -> None:
        self.doc = doc
        self.theme = theme
        self.page_of = page_of
        self.word = docx.Document()
        # The body's final section properties: blocks go before it. python-docx finds it by
        # scanning every body child on each add_paragraph (quadratic in a 500-page brief).
        self.body_end = self.word.element.body.sectPr
        self.block_width: Length = Length(0)  # text width; set once the page is set up
        self.shape_id = 0  # last drawing id; python-docx's next_id searches the whole body
        self.bookmark_id = 0
        self.note_ids: dict[int, int] = {}  # footnote number -> Word id, in order of the marks
        # TOC entries (spliced index, paragraph start, heading, anchor, paragraph end): their
        # strings are made last, with the page numbers
        self.toc_entries: list[tuple[int, str, str, str, str]] = []
        self.spliced: list[str] = []  # paragraphs, table rows, notes: put in as it is saved
        self._prepare_package()

    # ------------------------------------------------------------------ package
    def _prepare_package(self) -> None:
        part = self.word.part
        self.house_styles = st.install(self.word.styles.element, self.theme)
        oxml.remove_theme_font_lang(docx_compat.settings_xml(part))
        numbering_part = part.numbering_part
        docx_compat.replace_xml(numbering_part, oxml.numbering(st.bullet_levels(self.theme), st.BULLET_NUM_ID))
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype == STYLES_WITH_EFFECTS:
                part.drop_rel(rel_id)
        package_rels = part.package.rels
        for rel_id, rel in list(package_rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package_rels[rel_id]
        self.notes_part = XmlPart(
            PackURI("/word/footnotes.xml"),
            oxml.FOOTNOTES_CONTENT_TYPE,
            oxml.footnotes_root(st.FOOTNOTE_TEXT),
            part.package,
        )
        part.relate_to(self.notes_part, RT.FOOTNOTES)

    def write(self, out: Path) -> None:
        self._page_setup(self.word.sections[0])
        self.block_width = docx_compat.block_width(self.word)
        self._cover()
        band = self.theme.cover_design == "band"
        self._new_section(tight=band)  # a full cover page has no room for a blank line
        if band:  # the band runs to the page's edges
            cover = self.word.sections[0]
            cover.top_margin = cover.left_margin = cover.right_margin = Length(0)
        self._front_matter()
        body = self._new_section()
        self._body_header_footer(body)
        for index, chapter in enumerate(self.doc.chapters):
            self._chapter(chapter, first=index == 0)
        self._references()
        back = self._new_section()
        for hf in (back.header, back.even_page_header, back.footer, back.even_page_footer):
            hf.is_linked_to_previous = False  # the back page has no header or number
            oxml.set_ppr(docx_compat.paragraph_xml(hf.paragraphs[0]), ParaFormat(style=st.HEADER))
        self._back_page()
        self._footnotes()
        self._finish_styles()
        self._core_properties()
        self._toc_pages()
        entries = package_entries(self.word.part.package)
        for name in (DOCUMENT, FOOTNOTES):
            entries[name] = oxml.splice(entries[name], self.spliced)
        write_stable_zip(entries, out)

    # ------------------------------------------------------------------ page layout
    def _page_setup(self, section: docx.section.Section) -> None:
        page = self.theme.page
        section.page_width, section.page_height = Mm(page("width")), Mm(page("height"))
        section.left_margin, section.right_margin = (
            Mm(page("margin_left")),
            Mm(page("margin_right")),
        )
        section.top_margin, section.bottom_margin = (
            Mm(page("margin_top")),
            Mm(page("margin_bottom")),
        )
        section.header_distance, section.footer_distance = (
            Mm(page("header_distance")),
            Mm(page("footer_distance")),
        )
        section.gutter = 0

    def _new_section(self, *, tight: bool = False) -> docx.section.Section:
        """A new section after the content so far; its break paragraph is ``tight`` (a
        point high) where the page before is full."""
        section: docx.section.Section = self.word.add_section(WD_SECTION.NEW_PAGE)
        body = self.word.element.body
        break_paragraph = body.findall(qn("w:p"))[-1]
        fmt = ParaFormat(style=st.BODY, before=0, after=0, line_exact=1) if tight else ParaFormat(
            style=st.BODY)
        oxml.set_ppr(break_paragraph, fmt)
        return section

    def _body_header_footer(self, section: docx.section.Section) -> None:
        """Running header on odd and even pages; the page number in the outer corner:
        right on odd pages, left on even pages (S47). The cover and front matter sections
        keep no header or footer of their own, so they show none."""
        oxml.set_page_number_start(docx_compat.section_xml(section), 1)
        self.word.settings.odd_and_even_pages_header_footer = True
        running = self.doc.front.running_header
        for header in (section.header, section.even_page_header):
            header.is_linked_to_previous = False
            p = docx_compat.paragraph_xml(header.paragraphs[0])
            oxml.set_ppr(p, ParaFormat(style=st.HEADER))
            p.append(oxml.run(running))
        for footer, jc, cached in (
            (section.footer, "right", "1"),
            (section.even_page_footer, "left", "2"),
        ):
            footer.is_linked_to_previous = False
            p = docx_compat.paragraph_xml(footer.paragraphs[0])
            oxml.set_ppr(p, ParaFormat(style=st.FOOTER, jc=jc))
            p.extend(oxml.field("PAGE", cached))

    # ------------------------------------------------------------------ paragraphs and inlines
    def _para(self, container: Container, style_id: str) -> etree._Element:
        """An empty paragraph of ``style_id`` at the end of ``container``, as an element."""
        fmt = ParaFormat(style=style_id)
        if isinstance(container, DocxDocument):
            p = oxml.parse_fragment(f"<w:p>{oxml.ppr_xml(fmt)}</w:p>")[0]
            self.body_end.addprevious(p)
        else:
            p = docx_compat.paragraph_xml(container.add_paragraph())
            oxml.set_ppr(p, fmt)
        return p

    def _add_table(self, container: Container, rows: int, columns: int) -> DocxTable:
        """A ``rows`` × ``columns`` table at the end of ``container``, as wide as the text."""
        if isinstance(container, DocxDocument):
            tbl = CT_Tbl.new_tbl(rows, columns, self.block_width)
            self.body_end.addprevious(tbl)
            return DocxTable(tbl, docx_compat.body(container))
        return container.add_table(rows, columns)

    def _xml_para(self, container: Container, fmt: ParaFormat, runs: str) -> None:
        """A paragraph ``fmt`` holding the WordprocessingML ``runs``; in the body it stays a
        string until the document is saved (parsing one small string per paragraph was half
        the writer's time on a 500-page brief)."""
        if isinstance(container, DocxDocument):
            self._splice(self.body_end.addprevious, f"<w:p>{oxml.ppr_xml(fmt)}{runs}</w:p>")
            return
        p = docx_compat.paragraph_xml(container.add_paragraph())
        oxml.set_ppr(p, fmt)
        if runs:
            p.extend(oxml.parse_fragment(runs))

    def _splice(self, place: Callable[[etree._Element], object], xml: str) -> None:
        """Put a placeholder where ``place`` puts an element; ``xml`` replaces it on saving
        (it may refer to house styles only: see ``_finish_styles``)."""
        place(oxml.splice_mark(len(self.spliced)))
        self.spliced.append(xml)

    def _text_para(
        self, container: Container, style_id: str, text: str, **overrides: object
    ) -> None:
        fmt = ParaFormat(style=style_id, **overrides)  # type: ignore[arg-type]
        self._xml_para(container, fmt, oxml.run_xml(text))

    def _inlines(self, p: etree._Element, inlines: list[ir.Inline], fmt: _Fmt = _Fmt()) -> None:
        xml = self._inline_xml(inlines, fmt)
        if xml:
            p.extend(oxml.parse_fragment(xml))

    def _inline_xml(self, inlines: list[ir.Inline], fmt: _Fmt = _Fmt()) -> str:
        """The runs of ``inlines`` as one WordprocessingML string (see ``oxml.parse_fragment``)."""
        parts: list[str] = []
        for node in inlines:
            match node:
                case ir.Text(text=text) | ir.CrossRef(text=text):
                    parts.append(oxml.run_xml(text, fmt.run_format(self.theme)))
                case ir.Strong(children=children):
                    parts.append(self._inline_xml(children, replace(fmt, bold=True)))
                case ir.Emph(children=children):
                    parts.append(self._inline_xml(children, replace(fmt, emphasis=True)))
                case ir.Superscript(children=children):
                    parts.append(self._inline_xml(children, replace(fmt, superscript=True)))
                case ir.Link(children=children, url=url):
                    part = self.notes_part if fmt.in_footnote else self.word.part
                    rel_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
                    content = self._inline_xml(children, replace(fmt, link=True))
                    parts.append(oxml.hyperlink_xml(rel_id, content))
                case ir.FootnoteRef(number=number):
                    if not fmt.in_footnote:  # a mark inside a footnote's text is not allowed
                        mark = oxml.footnote_reference(self._note_id(number), st.FOOTNOTE_REF)
                        parts.append(mark)
                case _:
                    assert_never(node)
        return "".join(parts)

    def _note_id(self, number: int) -> int:
        """Word ids follow the marks' order in the document: LibreOffice pairs footnote
        bodies with marks by position in footnotes.xml, Word by id; this satisfies both."""
        return self.note_ids.setdefault(number, len(self.note_ids) + 1)

    # ------------------------------------------------------------------ cover and front matter
    def _cover(self) -> None:
        if self.theme.cover_design == "band":
            self._band_cover()
            return
        cover, body = self.doc.front.cover, self.word
        self._text_para(body, st.COVER_SERIES, cover.series)
        self._text_para(body, st.TITLE, cover.title)
        if cover.subtitle:
            self._text_para(body, st.SUBTITLE, cover.subtitle)
        self._text_para(body, st.COVER_DATE, cover.date)
        for line in cover.authors:
            self._text_para(body, st.COVER_AUTHOR, line)
        self._text_para(body, st.COVER_ORG, cover.organisation)

    def _band_cover(self) -> None:
        """The designed cover (S2, see ``cover``) as the first section's content."""
        layout = band_cover(self.theme, self.doc.front.cover, self._mark_paragraph)
        self._splice(self.body_end.addprevious, layout.band)
        for fmt, text in layout.paragraphs:
            self._xml_para(self.word, fmt, oxml.run_xml(text) if text else "")

    def _mark_paragraph(self, fmt: ParaFormat) -> str:
        """The band's mark in ``fmt``: the theme's logo image ``logo_height`` high, else the
        typographic mark (in the Cover Mark style's heavy face)."""
        logo = self.theme.cover_logo
        if logo is None:
            return cover_paragraph(fmt, self.theme.cover_mark)
        part = self.word.part
        rel_id, image = part.get_or_add_image(str(logo))
        cx, cy = image.scaled_dimensions(None, Mm(self.theme.cover_mm("logo_height")))
        self.shape_id = self.shape_id + 1 if self.shape_id else part.next_id
        inline = CT_Inline.new_pic_inline(self.shape_id, rel_id, image.filename, cx, cy)
        drawing = oxml.fragment(oxml.el("w:drawing", children=[inline]))
        return f"<w:p>{oxml.ppr_xml(fmt)}<w:r>{drawing}</w:r></w:p>"

    def _front_matter(self) -> None:
        body = self.word
        self._text_para(body, st.FRONT_HEADING, self.doc.front.summary_title)
        box = self._box_cell(body)
        for index, paragraph in enumerate(self.doc.summary):
            cell_paragraph = box.paragraphs[0] if index == 0 else box.add_paragraph()
            p = docx_compat.paragraph_xml(cell_paragraph)
            oxml.set_ppr(p, ParaFormat(style=st.SUMMARY))
            self._inlines(p, paragraph.inlines)
        # 요약, Executive Summary and 목차 flow on as in the PDF (S1); the body starts a new page.
        if self.doc.executive_summary:  # a change-report annex has none
            self._text_para(body, st.FRONT_HEADING, self.doc.front.executive_summary_title)
        for paragraph in self.doc.executive_summary:
            self._xml_para(body, ParaFormat(style=st.BODY), self._inline_xml(paragraph.inlines))
        self._text_para(body, st.FRONT_HEADING, self.doc.front.toc_title)
        self._toc()

    def _toc(self) -> None:
        """A real TOC field whose cached result lists chapters and sections (S5)."""
        entries: list[tuple[str, str, str]] = []
        for chapter in self.doc.chapters:
            entries.append((st.TOC1, chapter.heading, chapter.anchor))
            entries += [(st.TOC2, section.heading, section.anchor) for section in chapter.sections]
        begin, end = oxml.field_begin_xml('TOC \\o "1-2" \\h \\z \\u'), oxml.field_end_xml()
        if not entries:
            self._xml_para(self.word, ParaFormat(style=st.TOC1), begin + end)
            return
        last = len(entries) - 1
        for index, (style_id, heading, anchor) in enumerate(entries):
            start = f"<w:p>{oxml.ppr_xml(ParaFormat(style=style_id))}{begin if index == 0 else ''}"
            close = f"{end if index == last else ''}</w:p>"
            self.toc_entries.append((len(self.spliced), start, heading, anchor, close))
            self._splice(self.body_end.addprevious, "")  # made by _toc_pages

    def _toc_pages(self) -> None:
        """The TOC entries, with page numbers once the PDF layout has given them."""
        page_of = page_numbers(self.page_of)
        for index, start, heading, anchor, close in self.toc_entries:
            runs = oxml.run_xml(heading)
            if page_of is not None and anchor in page_of:
                runs += oxml.TAB_RUN + oxml.run_xml(str(page_of[anchor]))
            link = oxml.bookmark_link_xml(_bookmark_name(anchor), runs)
            self.spliced[index] = f"{start}{link}{close}"

    # ------------------------------------------------------------------ chapters
    def _heading(self, style_id: str, anchor: str, runs: str, **overrides: object) -> None:
        fmt = ParaFormat(style=style_id, **overrides)  # type: ignore[arg-type]
        self._xml_para(self.word, fmt, oxml.bookmark_xml(self.bookmark_id, _bookmark_name(anchor), runs))
        self.bookmark_id += 1

    def _chapter(self, chapter: ir.Chapter, *, first: bool) -> None:
        numeral = RunFormat(
            font=st.word_font(self.theme.font("heavy")),
            unbold=True,
            color=self.theme.color("primary"),
        )
        runs = (
            oxml.run_xml(chapter.label, numeral) + oxml.run_xml(f" {chapter.title}")
            if chapter.label
            else oxml.run_xml(chapter.title)
        )
        self._heading(st.HEADING1, chapter.anchor, runs, page_break_before=not first)
        self._blocks(self.word, chapter.blocks)
        for section in chapter.sections:
            self._heading(st.HEADING2, section.anchor, oxml.run_xml(section.heading))
            self._blocks(self.word, section.blocks)

    def _blocks(self, container: Container, blocks: list[ir.Block]) -> None:
        for block in blocks:
            match block:
                case ir.Paragraph(inlines=inlines):
                    self._xml_para(container, ParaFormat(style=st.BODY), self._inline_xml(inlines))
                case ir.Bullet(level=level, inlines=inlines):
                    fmt = ParaFormat(style=st.bullet_style(level), num=(st.BULLET_NUM_ID, level - 1))
                    self._xml_para(container, fmt, self._inline_xml(inlines))
                case ir.Table():
                    self._table(container, block)
                case ir.Figure():
                    self._figure(container, block)
                case ir.Box(title=title, blocks=inner):
                    cell = self._box_cell(container)
                    first = docx_compat.paragraph_xml(cell.paragraphs[0])
                    if title:
                        oxml.set_ppr(first, ParaFormat(style=st.BOX_TITLE))
                        first.append(oxml.run(title))
                    self._blocks(cell, inner)
                    if not title and len(cell.paragraphs) > 1:
                        first.getparent().remove(first)
                case _:
                    assert_never(block)

    def _box_cell(self, container: Container) -> _Cell:
        table = self._add_table(container, 1, 1)
        oxml.table_borders(docx_compat.table_xml(table).tblPr, self.theme.color("primary"))
        cell = table.cell(0, 0)
        oxml.cell_shading(docx_compat.cell_xml(cell).get_or_add_tcPr(), self.theme.color("summary_fill"))
        oxml.set_ppr(docx_compat.paragraph_xml(cell.paragraphs[0]), ParaFormat(style=st.SUMMARY))
        self._after_table(container)
        return cell

    def _after_table(self, container: Container) -> None:
        """A small gap paragraph after a table (Word merges adjacent tables otherwise)."""
        if isinstance(container, DocxDocument):
            self._xml_para(container, ParaFormat(style=st.SOURCE), "")

    def _caption(
        self, container: Container, kind: str, seq: str, number: int, caption: list[ir.Inline]
    ) -> None:
        """``<표 n>``/``[그림 n]`` with a SEQ field holding ``n``, then the caption text (S27)."""
        before, num, after = self.theme.caption_label(kind, number).rpartition(str(number))
        runs = oxml.run_xml(before) + oxml.field_xml(f"SEQ {seq} \\* ARABIC", num)
        runs += oxml.run_xml(after + " ") + self._inline_xml(caption)
        self._xml_para(container, ParaFormat(style=st.CAPTION), runs)

    def _notes_and_source(
        self, container: Container, notes: list[list[ir.Inline]], source: list[ir.Inline] | None
    ) -> None:
        fmt = ParaFormat(style=st.SOURCE)
        for note in notes:
            self._xml_para(container, fmt, oxml.run_xml(self.theme.note_prefix) + self._inline_xml(note))
        if source is not None:
            runs = oxml.run_xml(self.theme.source_prefix) + self._inline_xml(source)
            self._xml_para(container, fmt, runs)

    def _table(self, container: Container, table: ir.Table) -> None:
        self._caption(container, "table", "표", table.number, table.caption)
        if table.unit:
            self._text_para(container, st.UNIT, table.unit)
        columns = len(table.header)
        grid = self._add_table(container, 0, columns)
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        docx_compat.table_xml(grid).tblPr.style = st.TABLE
        widths = [Pt(st.body_width(self.theme) * f) for f in column_fractions(table)]
        for column, width in zip(docx_compat.table_xml(grid).tblGrid.gridCol_lst, widths, strict=True):
            column.w = width
        # The rows are one string spliced into document.xml as it is saved, never parsed:
        # python-docx's per-cell API (and element-by-element building) is many times slower on
        # thousands of rows, and so is parsing the string and serializing it again.
        fill = self.theme.color("table_header_fill")
        edges = oxml.cell_borders_xml(tuple(st.table_rules(self.theme).header_edges().items()))
        head = [
            oxml.cell_start(w.twips, ParaFormat(style=st.TABLE_TEXT, jc="center"), fill, edges)
            for w in widths
        ]
        aligns = [table.align[c] if c < len(table.align) else "left" for c in range(columns)]
        body = [
            oxml.cell_start(w.twips, ParaFormat(style=st.TABLE_TEXT, jc=align))
            for w, align in zip(widths, aligns, strict=True)
        ]
        parts = [oxml.row_start(header=True)]
        bold = _Fmt(bold=True)
        for start, cell in zip(head, table.header, strict=True):
            parts += [start, self._inline_xml(cell.inlines, bold), oxml.CELL_END]
        parts.append(oxml.ROW_END)
        body_row = oxml.row_start(header=False)
        plain: dict[str, str] = {}  # cell text -> its run (values repeat down a column)
        for row in table.rows:
            parts.append(body_row)
            for c, start in enumerate(body):
                inlines = row[c].inlines if c < len(row) else []
                if len(inlines) == 1 and type(inlines[0]) is ir.Text:
                    text = inlines[0].text
                    content = plain.get(text) or plain.setdefault(text, oxml.run_xml(text))
                else:
                    content = self._inline_xml(inlines)
                parts += [start, content, oxml.CELL_END]
            parts.append(oxml.ROW_END)
        self._splice(grid._tbl.append, "".join(parts))
        self._notes_and_source(container, table.notes, table.source)

    def _figure(self, container: Container, figure: ir.Figure) -> None:
        self._caption(container, "figure", "그림", figure.number, figure.caption)
        p = self._para(container, st.FIGURE)
        part = self.word.part
        rel_id, image = part.get_or_add_image(str(figure.image))
        cx, cy = image.scaled_dimensions(Pt(st.body_width(self.theme) * figure.width_ratio), None)
        self.shape_id = self.shape_id + 1 if self.shape_id else part.next_id
        # named by its number, not its file: a chart's file name holds a per-user key
        name = f"image{figure.number}{Path(image.filename).suffix}"
        inline = CT_Inline.new_pic_inline(self.shape_id, rel_id, name, cx, cy)
        p.append(oxml.el("w:r", children=[oxml.el("w:drawing", children=[inline])]))
        self._notes_and_source(container, figure.notes, figure.source)

    # ------------------------------------------------------------------ back matter
    def _references(self) -> None:
        if not self.doc.references:
            return
        self._text_para(
            self.word, st.REFS_HEADING, self.doc.references_title, page_break_before=True
        )
        fmt, prefix = ParaFormat(style=st.REFERENCE), oxml.run_xml(self.theme.references_prefix)
        for reference in self.doc.references:
            self._xml_para(self.word, fmt, prefix + self._inline_xml(reference.inlines))

    def _back_page(self) -> None:
        back, body = self.doc.front.back, self.word
        before = self.theme.cover_space("back_before")
        self._text_para(body, st.BACK_ORG, back.organisation, before=before)
        for line in (back.homepage_line, back.contact, back.address):
            if line:
                self._text_para(body, st.BACK_PAGE, line)
        if back.disclaimer:  # set off from the lines above as in the PDF
            space = self.theme.cover_space("pdf_disclaimer_before")
            self._text_para(body, st.BACK_PAGE, back.disclaimer, before=space)

    def _footnotes(self) -> None:
        """One Word footnote per model footnote, its text starting ``n) `` (S24, S25)."""
        root = self.notes_part.element
        notes = sorted(self.doc.footnotes, key=lambda note: self._note_id(note.number))
        for note in notes:
            note_id = self._note_id(note.number)  # the number Word and LibreOffice print
            hang = st.footnote_hang(self.theme, note_id)
            fmt = ParaFormat(style=st.FOOTNOTE_TEXT, left=hang, hanging=hang)
            start = oxml.ppr_xml(fmt) + oxml.footnote_label()
            runs = self._inline_xml(note.inlines, _Fmt(in_footnote=True))
            self._splice(root.append, oxml.footnote(note_id, start + runs))

    def _finish_styles(self) -> None:
        """Keep the house styles and every style a part refers to; drop the rest (the
        spliced strings, not in the tree, refer to house styles only)."""
        used: set[str] = set()
        val = qn("w:val")
        for part in self.word.part.package.iter_parts():
            if isinstance(part, XmlPart):
                nodes = part.element.iter(*_STYLE_REFS)  # one pass over the part
                used.update(node.get(val) for node in nodes)
        st.finish(self.word.styles.element, used | self.house_styles, self.theme)

    def _core_properties(self) -> None:
        meta = self.doc.meta
        props = self.word.core_properties
        props.title = oxml.clean(self.doc.front.file_title)
        props.author = oxml.clean(self.doc.front.file_authors)
        props.subject = oxml.clean(meta.subject)
        props.keywords = oxml.clean(", ".join(meta.keywords))
        props.language = meta.lang
        props.last_modified_by = LAST_MODIFIED_BY
        props.revision = 1
        props.comments = ""
        stamp = dt.datetime.combine(meta.date, dt.time())
        props.created = props.modified = stamp
        props.last_printed = stamp
        for part in self.word.part.package.iter_parts():
            if part.partname == "/docProps/app.xml":
                docx_compat.replace_blob(part, oxml.app_properties(LAST_MODIFIED_BY))
            elif part.partname == "/word/fontTable.xml":
                docx_compat.replace_blob(part, oxml.font_table(st.font_entries(self.theme)))


def _bookmark_name(anchor: str) -> str:
    """A Word bookmark name for ``anchor`` (letters, digits, underscore; ≤ 40 characters)."""
    return ("_Toc_" + re.sub(r"\W", "_", anchor, flags=re.ASCII))[:40]
