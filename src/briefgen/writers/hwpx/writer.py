"""The HWPX writer: walks the document model and writes a 한/글 (OWPML) file in SPRi house style.

python-hwpx builds the package, sections, runs, tables, pictures, real footnotes, headers,
footers and page numbers; house shapes come from ``styles``; the little raw OWPML python-hwpx
has no API for sits in ``owpml``; ``package`` makes the bytes deterministic.

Layout: section 0 holds the cover, 요약, Executive Summary and 목차 (no header or page number);
section 1 holds the chapters, references and the back page, with the running header, page
numbers from 1 in the outer corner, and header and footer hidden on the back page (S47).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any, assert_never

from hwpx import HwpxDocument

from briefgen import ir
from briefgen.compat.hwpx import stable_ids
from briefgen.tablelayout import column_fractions
from briefgen.theme import Theme
from briefgen.writers.hwpx import lines, owpml
from briefgen.writers.hwpx.cover import BandCover
from briefgen.writers.hwpx.images import read_image
from briefgen.writers.hwpx.package import write_package
from briefgen.writers.hwpx.styles import (
    CharStyle,
    HouseStyles,
    ParaStyle,
    hwp,
    hwp_mm,
    table_rules,
)
from briefgen.writers.inline_format import PLAIN, InlineFormat
from briefgen.writers.page_numbers import PageSource, page_numbers
from briefgen.writers.textwidth import text_width

ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
BOX_INSET = (12, 10, 12)  # a box's text inset from its sides, top and bottom (pt), as the PDF's


def write_hwpx(
    doc: ir.Document,
    theme: Theme,
    out: Path,
    *,
    page_of: PageSource = None,
) -> None:
    """Write ``doc`` as an HWPX file at ``out`` in ``theme``'s house style.

    ``page_of`` maps chapter/section anchors to the page numbers the PDF printed; they end the
    목차 entries (left out when ``None`` or missing). It may be a function, called only when
    the rest of the document is built (the PDF can still be laying out meanwhile).
    Same input, same bytes.
    """
    with stable_ids():
        document = _Writer(doc, theme, page_of).build()
        write_package(document, out)


class _Cell:
    """Paragraphs appended to a table cell (its seeded first paragraph is used first)."""

    def __init__(self, cell: Any) -> None:
        self.cell = cell
        self.fresh = True

    def paragraph(self, para_id: str) -> Any:
        if self.fresh:
            self.fresh = False
            p = self.cell.paragraphs[0]
            p.para_pr_id_ref = para_id
        else:
            p = self.cell.add_paragraph("", para_pr_id_ref=para_id)
        owpml.drop_empty_runs(p)
        return p


class _Body:
    """Paragraphs appended to a section of the document body. A section's first paragraph
    (which holds its properties, ``hp:secPr``) is written into, not left blank."""

    def __init__(self, doc: HwpxDocument, section: Any) -> None:
        self.doc = doc
        self.section = section
        self.fresh = True

    def paragraph(self, para_id: str) -> Any:
        if self.fresh:
            self.fresh = False
            p = self.section.paragraphs[0]
            p.para_pr_id_ref = para_id
            owpml.drop_empty_runs(p)
            return p
        return self.doc.add_paragraph(
            "",
            section=self.section,
            para_pr_id_ref=para_id,
            style_id_ref=0,
            include_run=False,
            inherit_style=False,
        )


Flow = _Cell | _Body


class _Writer:
    def __init__(self, doc: ir.Document, theme: Theme,
                 page_of: PageSource = None) -> None:
        self.doc = doc
        self.theme = theme
        self.page_of = page_of
        self.toc_entries: list[tuple[Any, str, str]] = []  # paragraph, anchor, charPr id
        self.band_cover: BandCover | None = None
        self.hwpx = HwpxDocument.new()
        self.st = HouseStyles(self.hwpx, theme)
        size, line = theme.size, theme.line_spacing * 100
        self.body_char = CharStyle("body", size("body"))
        self.body_para = ParaStyle(before=4, line=line)
        self.table_para = ParaStyle(align="LEFT", line=130, before=2, after=2)
        self.source_para = ParaStyle(align="LEFT", line=130, before=2)
        self.note_para = ParaStyle(line=theme.data["footnotes"]["leading"] * 100)
        self.note_char = CharStyle("body", size("footnote"))
        self.table_rules = table_rules(theme)
        self.no_border = self.hwpx.styles.ensure_border_fill(active_borders=())
        self.box_fill = self.hwpx.styles.ensure_border_fill(
            border_color=theme.color("primary"),
            border_width="0.4 mm",
            fill_color=theme.color("summary_fill"),
        )

    # ------------------------------------------------------------------ document
    def build(self) -> HwpxDocument:
        front_section = self.hwpx.sections[0]
        self._page_setup(front_section)
        front = _Body(self.hwpx, front_section)
        self._cover(front)
        self._front_matter(front)
        body_section = self.hwpx.add_section()
        self._page_setup(body_section)
        body = _Body(self.hwpx, body_section)
        for index, chapter in enumerate(self.doc.chapters):
            self._chapter(body, chapter, first=index == 0)
        self._references(body)
        self._back_page(body)
        self._header_footer(body_section)
        self.hwpx.page.restart_page_number(body_section.paragraphs[0], number=1)
        self._metadata()
        self._toc_pages()
        self._lay_out()
        if self.band_cover is not None:
            self.band_cover.settle()
        return self.hwpx

    def _lay_out(self) -> None:
        """Store the line segments and the table heights 한/글 would (``lines``)."""
        shapes = lines.Shapes(self.st.header.element, self.st.faces(), self.theme.font("body"))
        for section in self.hwpx.sections:
            lines.lay_out(section.element, shapes, self.st.body_width())
            section.mark_dirty()

    def _page_setup(self, section: Any) -> None:
        """A4 and the house margins (S42). Hancom stacks the header area under the top
        margin (body top = top + header), so ``top`` is the header's distance from the edge
        and ``header`` the rest of the theme's top margin; likewise at the bottom."""
        page = self.theme.page
        self.hwpx.page.set_size(
            width=hwp_mm(page("width")), height=hwp_mm(page("height")), section=section
        )
        self.hwpx.page.set_margins(
            left=hwp_mm(page("margin_left")),
            right=hwp_mm(page("margin_right")),
            top=hwp_mm(page("header_distance")),
            header=hwp_mm(page("margin_top")) - hwp_mm(page("header_distance")),
            bottom=hwp_mm(page("footer_distance")),
            footer=hwp_mm(page("margin_bottom")) - hwp_mm(page("footer_distance")),
            gutter=0,
            section=section,
        )
        owpml.footnote_shape(
            section, round(self.st.body_width() * self.theme.data["footnotes"]["rule_ratio"])
        )

    def _header_footer(self, section: Any) -> None:
        """Running header on every body page; page number in the outer corner: right on
        odd pages, left on even pages (S47)."""
        theme = self.theme
        primary = theme.color("primary")
        self.hwpx.page.set_header(text=self.doc.front.running_header, section=section)
        header = CharStyle("body", theme.size("header"), color=primary)
        owpml.restyle_story(
            section,
            "header",
            "BOTH",
            self.st.para(ParaStyle(align="LEFT", line=100)),
            self.st.char(header),
        )
        number = self.st.char(CharStyle("bold", theme.size("page_number"), True, primary))
        for page_type, align in (("ODD", "RIGHT"), ("EVEN", "LEFT")):
            self.hwpx.page.set_page_number(
                page_type=page_type, align=align, position=f"BOTTOM_{align}", section=section
            )
            para = self.st.para(ParaStyle(align=align, line=100))
            owpml.restyle_story(section, "footer", page_type, para, number)

    def _metadata(self) -> None:
        meta = self.doc.meta
        stamp = dt.datetime.combine(meta.date, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = self.hwpx.parts
        parts.clear_document_metadata(timestamp=stamp)
        parts.set_document_metadata(
            title=self.doc.front.file_title,
            creator=self.doc.front.file_authors,
            subject=meta.subject,
            keyword=", ".join(meta.keywords),
            created_date=stamp,
            modified_date=stamp,
        )
        parts.clear_preview()

    # ------------------------------------------------------------------ paragraphs and inlines
    def _para(self, flow: Flow, style: ParaStyle) -> Any:
        return flow.paragraph(self.st.para(style))

    def _text_para(self, flow: Flow, style: ParaStyle, char: CharStyle, text: str) -> Any:
        p = self._para(flow, style)
        p.add_run(text, char_pr_id_ref=self.st.char(char))
        return p

    def _char(self, base: CharStyle, fmt: InlineFormat) -> str:
        style = base
        if fmt.bold:
            style = replace(style, role="bold", bold=True)
        if fmt.emphasis:
            style = replace(style, color=self.theme.color("emphasis"))
        if fmt.superscript:
            style = replace(style, superscript=True)
        if fmt.link:
            style = replace(style, color=self.theme.color("link"), underline=True)
        return self.st.char(style)

    def _inlines(
        self, p: Any, inlines: list[ir.Inline], base: CharStyle, fmt: InlineFormat = PLAIN
    ) -> None:
        for node in inlines:
            match node:
                case ir.Text(text=text) | ir.CrossRef(text=text):
                    if text:
                        p.add_run(text, char_pr_id_ref=self._char(base, fmt))
                case ir.Strong(children=children):
                    self._inlines(p, children, base, replace(fmt, bold=True))
                case ir.Emph(children=children):
                    self._inlines(p, children, base, replace(fmt, emphasis=True))
                case ir.Superscript(children=children):
                    self._inlines(p, children, base, replace(fmt, superscript=True))
                case ir.Link(children=children, url=url):
                    style = self._char(base, replace(fmt, link=True))
                    p.add_hyperlink(url, ir.plain_text(children), char_pr_id_ref=style)
                case ir.FootnoteRef(key=key):
                    if not fmt.in_footnote:  # a mark inside a footnote's text is not allowed
                        self._footnote(p, self.doc.footnote(key), base)
                case _:
                    assert_never(node)

    def _footnote(self, p: Any, note: ir.Footnote, base: CharStyle) -> None:
        """A real 한/글 footnote (``hp:footNote``): the mark ``n)`` follows the text written so
        far; the note's own paragraph starts with Hancom's number ``n)`` and a space, its
        further lines hanging under the text as in the PDF (S22-S25)."""
        footnote = p.add_footnote(" ", char_pr_id_ref=self.st.char(self.note_char))
        body = footnote.body_paragraph
        label = text_width(self.theme.font("body"), f"{note.number}) ", self.note_char.size)
        body.para_pr_id_ref = self.st.para(replace(self.note_para, hanging=round(label, 2)))
        self._inlines(body, note.inlines, self.note_char, InlineFormat(in_footnote=True))

    # ------------------------------------------------------------------ cover and front matter
    def _cover(self, flow: Flow) -> None:
        """S2: series and report number, title, subtitle, date, authors, organisation; on a
        band (``cover``) when the theme's design is ``band``, else as text on white."""
        cover, size, primary = self.doc.front.cover, self.theme.size, self.theme.color("primary")
        if self.theme.cover_design == "band":
            self.band_cover = BandCover(self.hwpx, self.st, self.theme)
            self.band_cover.write(cover, flow.paragraph)
            return
        space = self.theme.cover_space
        left = ParaStyle(align="LEFT", line=130)
        self._text_para(
            flow,
            replace(left, before=space("series_before"), after=space("series_after")),
            CharStyle("bold", size("cover_subtitle"), True, primary),
            cover.series,
        )
        self._text_para(
            flow,
            replace(left, before=space("title_before"), after=space("title_after")),
            CharStyle("heavy", size("cover_title"), True),
            cover.title,
        )
        if cover.subtitle:
            self._text_para(
                flow,
                replace(left, after=space("subtitle_after")),
                CharStyle("bold", size("cover_subtitle"), True),
                cover.subtitle,
            )
        self._text_para(
            flow,
            replace(left, before=space("date_before"), after=space("date_after")),
            CharStyle("body", size("body")),
            cover.date,
        )
        for line in cover.authors:
            self._text_para(flow, left, CharStyle("body", size("body")), line)
        self._text_para(
            flow,
            replace(left, before=space("organisation_before")),
            CharStyle("bold", size("section"), True, primary),
            cover.organisation,
        )

    def _front_heading(self, flow: Flow, text: str, *, new_page: bool = False) -> None:
        p = self._text_para(
            flow,
            ParaStyle(align="LEFT", line=130, before=0 if new_page else 24, after=12,
                      keep_next=True),
            CharStyle("bold", self.theme.size("chapter"), True, self.theme.color("primary")),
            text,
        )
        if new_page:
            owpml.page_break_before(p)

    def _front_matter(self, flow: Flow) -> None:
        """요약 in a shaded box (S3), then Executive Summary (S4) and 목차 (S5) flowing on, as
        in the PDF; the body starts a new page."""
        self._front_heading(flow, self.doc.front.summary_title, new_page=True)
        box = _Cell(self._box(flow))
        summary = CharStyle("body", self.theme.size("summary"))
        for paragraph in self.doc.summary:
            p = box.paragraph(self.st.para(replace(self.body_para, after=4)))
            self._inlines(p, paragraph.inlines, summary)
        if self.doc.executive_summary:
            self._front_heading(flow, self.doc.front.executive_summary_title)
        for paragraph in self.doc.executive_summary:
            self._inlines(self._para(flow, self.body_para), paragraph.inlines, self.body_char)
        self._toc(flow)

    def _toc(self, flow: Flow) -> None:
        """목차: chapters, then their sections indented, each line ending in a
        right tab with a dotted leader to its page number, added last (S5)."""
        self._front_heading(flow, self.doc.front.toc_title)
        size, line = self.theme.size("toc"), self.theme.line_spacing * 100
        chapter = (ParaStyle(align="LEFT", line=line, before=6, dot_leader=True),
                   CharStyle("bold", size, True))
        section = (ParaStyle(align="LEFT", line=line, left=12, dot_leader=True),
                   CharStyle("body", size))
        for ch in self.doc.chapters:
            entries = [(chapter, ch.heading, ch.anchor)]
            entries += [(section, sec.heading, sec.anchor) for sec in ch.sections]
            for (para, char), heading, anchor in entries:
                p = self._text_para(flow, para, char, heading)
                self.toc_entries.append((p, anchor, self.st.char(char)))

    def _toc_pages(self) -> None:
        """Each 목차 entry's page number after a tab, once the PDF layout has given them."""
        page_of = page_numbers(self.page_of)
        for p, anchor, char in self.toc_entries:
            if page_of is not None and anchor in page_of:
                p.add_run(f"\t{page_of[anchor]}", char_pr_id_ref=char)

    def _box(self, flow: Flow) -> Any:
        """A one-cell table with the primary-coloured border and the summary fill, its text
        inset as in the PDF's box."""
        anchor = self._para(flow, ParaStyle(align="CENTER", line=100, before=4, after=4))
        table = anchor.add_table(1, 1, width=self.st.body_width(), border_fill_id_ref=self.box_fill)
        table.set_treat_as_char(False)  # a long box flows across pages
        table.set_cell_border_fill(0, 0, self.box_fill)
        cell = table.cell(0, 0)
        left, top, bottom = BOX_INSET
        cell.set_margins(left=hwp(left), right=hwp(left), top=hwp(top), bottom=hwp(bottom))
        return cell

    # ------------------------------------------------------------------ chapters
    def _chapter(self, flow: Flow, chapter: ir.Chapter, *, first: bool) -> None:
        size = self.theme.size
        heading = self._para(flow, ParaStyle(align="LEFT", line=130, after=18, keep_next=True))
        if not first:
            owpml.page_break_before(heading)  # S6: a new page per chapter
        title = CharStyle("bold", size("chapter"), True)
        if chapter.label:
            numeral = CharStyle("heavy", size("chapter"), True, self.theme.color("primary"))
            heading.add_run(chapter.label, char_pr_id_ref=self.st.char(numeral))
            heading.add_run(f" {chapter.title}", char_pr_id_ref=self.st.char(title))
        else:
            heading.add_run(chapter.title, char_pr_id_ref=self.st.char(title))
        self._blocks(flow, chapter.blocks)
        for section in chapter.sections:
            self._text_para(
                flow,
                ParaStyle(align="LEFT", line=130, before=18, after=6, keep_next=True),
                CharStyle("bold", size("section"), True),
                section.heading,
            )
            self._blocks(flow, section.blocks)

    def _blocks(self, flow: Flow, blocks: list[ir.Block]) -> None:
        for block in blocks:
            match block:
                case ir.Paragraph(inlines=inlines):
                    self._inlines(self._para(flow, self.body_para), inlines, self.body_char)
                case ir.Bullet(level=level, inlines=inlines):
                    para, marker, text = self.st.bullet(level)
                    p = self._para(flow, para)
                    p.add_run(self.theme.marker(level) + " ", char_pr_id_ref=self.st.char(marker))
                    self._inlines(p, inlines, text)
                case ir.Table():
                    self._table(flow, block)
                case ir.Figure():
                    self._figure(flow, block)
                case ir.Box(title=title, blocks=inner):
                    cell = _Cell(self._box(flow))
                    if title:
                        self._text_para(
                            cell,
                            ParaStyle(align="LEFT", line=130, after=4, keep_next=True),
                            CharStyle("bold", self.theme.size("bullet1"), True),
                            title,
                        )
                    self._blocks(cell, inner)
                case _:
                    assert_never(block)

    def _caption(self, flow: Flow, kind: str, number: int, caption: list[ir.Inline]) -> None:
        """``<표 n> 제목`` / ``[그림 n] 제목`` above the object, centred, bold (S27)."""
        p = self._para(
            flow, ParaStyle(align="CENTER", line=130, before=12, after=4, keep_next=True)
        )
        char = CharStyle("bold", self.theme.size("caption"), True)
        p.add_run(self.theme.caption_label(kind, number) + " ", char_pr_id_ref=self.st.char(char))
        self._inlines(p, caption, char)

    def _notes_and_source(
        self, flow: Flow, notes: list[list[ir.Inline]], source: list[ir.Inline] | None
    ) -> None:
        """``주: …`` lines, then ``☞ 출처 : …`` below the object (S28)."""
        char = CharStyle("body", self.theme.size("source"))
        lines = [(self.theme.note_prefix, note) for note in notes]
        if source is not None:
            lines.append((self.theme.source_prefix, source))
        for prefix, inlines in lines:
            p = self._para(flow, self.source_para)
            p.add_run(prefix, char_pr_id_ref=self.st.char(char))
            self._inlines(p, inlines, char)

    def _table(self, flow: Flow, table: ir.Table) -> None:
        """Caption, unit note right-aligned, grid with a bold shaded header row and the open
        rules (S27-S29)."""
        self._caption(flow, "table", table.number, table.caption)
        char = CharStyle("body", self.theme.size("table"))
        if table.unit:
            self._text_para(
                flow, ParaStyle(align="RIGHT", line=130, after=2, keep_next=True), char, table.unit
            )
        columns = len(table.header)
        anchor = self._para(flow, ParaStyle(align="CENTER", line=100))
        grid = anchor.add_table(
            min(1 + len(table.rows), 2),  # the header and a body row, copied by grow_rows
            columns,
            width=self.st.body_width(),
            border_fill_id_ref=self.no_border,  # the cells draw the rules
        )
        grid.set_treat_as_char(False)  # flows across pages, header row repeated
        grid.set_column_widths([round(f * 1000) for f in column_fractions(table)])
        owpml.grow_rows(grid, 1 + len(table.rows))
        owpml.header_row(grid)
        size = (1 + len(table.rows), columns)
        owpml.cell_border_fills(
            grid, lambda r, c: self.st.borders(self.table_rules.cell(r, size[0], c, size[1]))
        )
        aligns = [ALIGN[table.align[c] if c < len(table.align) else "left"] for c in range(columns)]
        body = [replace(self.table_para, align=align) for align in aligns]
        head = replace(self.table_para, align="CENTER")
        rows = [table.header, *table.rows]
        for r, (cells, row) in enumerate(zip(rows, grid.rows, strict=True)):
            fmt = InlineFormat(bold=r == 0)
            for c, grid_cell in enumerate(row.cells):  # an unmerged grid: row r, column c
                inlines = cells[c].inlines if c < len(cells) else []
                shape = self.st.para(head if r == 0 else body[c])
                plain = [node for node in inlines if isinstance(node, ir.Text | ir.CrossRef)]
                if len(plain) == len(inlines):
                    runs = [(node.text, self._char(char, fmt)) for node in plain if node.text]
                    owpml.cell_text(grid_cell.element, shape, runs)
                else:
                    self._inlines(_Cell(grid_cell).paragraph(shape), inlines, char, fmt)
        self._notes_and_source(flow, table.notes, table.source)

    def _figure(self, flow: Flow, figure: ir.Figure) -> None:
        """Caption, the image (PNG or JPEG) embedded as a binary item, notes and source."""
        self._caption(flow, "figure", figure.number, figure.caption)
        image = read_image(figure.image)
        width = round(self.st.body_width() * figure.width_ratio)
        item = self.hwpx.media.add_image(image.data, image.kind)
        p = self._para(flow, ParaStyle(align="CENTER", line=100, keep_next=True))
        height = round(width * image.pixels[1] / image.pixels[0])
        owpml.picture_geometry(p.add_picture(str(item), width=width, height=height), image.pixels, image.dpi)
        self._notes_and_source(flow, figure.notes, figure.source)

    # ------------------------------------------------------------------ back matter
    def _references(self, flow: Flow) -> None:
        """``<참고문헌>`` on a new page, each entry starting ``§ `` with a hanging indent (S31)."""
        if not self.doc.references:
            return
        heading = self._text_para(
            flow,
            ParaStyle(align="LEFT", line=130, after=18, keep_next=True),
            CharStyle("bold", self.theme.size("chapter"), True),
            self.doc.references_title,
        )
        owpml.page_break_before(heading)
        para = self.st.reference()
        for reference in self.doc.references:
            p = self._para(flow, para)
            p.add_run(self.theme.references_prefix, char_pr_id_ref=self.st.char(self.body_char))
            self._inlines(p, reference.inlines, self.body_char)

    def _back_page(self, flow: Flow) -> None:
        """S48 on its own page, with the running header and page number hidden. The space
        above the organisation is the space after an empty first line: a page's first
        paragraph loses its space before in 한/글's layout."""
        back, size = self.doc.front.back, self.theme.size
        first = self._para(flow, ParaStyle(align="LEFT", line=100, after=self.theme.cover_space("back_before")))
        owpml.end_shape(first, self.st.char(CharStyle("body", 1)))
        owpml.page_break_before(first)
        self.hwpx.page.hide_page_elements(first, header=True, footer=True)
        self._text_para(
            flow,
            ParaStyle(align="LEFT", line=130),
            CharStyle("bold", size("section"), True, self.theme.color("text")),  # as the PDF
            back.organisation,
        )
        lines = [line for line in (back.homepage_line, back.contact, back.address, back.disclaimer) if line]
        for line in lines:
            self._text_para(
                flow,
                ParaStyle(align="LEFT", line=self.theme.line_spacing * 100, before=4),
                CharStyle("body", size("source")),
                line,
            )
