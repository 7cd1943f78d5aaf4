"""The PDF writer: IR Document → story of flowables → multi-pass build (footnotes, TOC)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, assert_never
from xml.sax.saxutils import quoteattr

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import LayoutError

from briefgen import ir
from briefgen.compat.reportlab import binary_streams, keep_together_content, record_multibuild_edits
from briefgen.errors import BriefError
from briefgen.numbering import document_blocks
from briefgen.tablelayout import column_fractions
from briefgen.theme import Theme
from briefgen.writers.pdf.cover import CoverParts, band_cover
from briefgen.writers.pdf.draft import DraftCanvas
from briefgen.writers.pdf.figuregroup import FigureGroup
from briefgen.writers.pdf.fonts import FontSet, register_fonts
from briefgen.writers.pdf.footnotes import FlushNotes, FootnoteEngine, NoteArea
from briefgen.writers.pdf.images import Figure, PendingImages, PlanMissed, image_size
from briefgen.writers.pdf.inline import HEADING_CALLBACK, Markup
from briefgen.writers.pdf.linebreak import Paragraph, forget_parsed
from briefgen.writers.pdf.longtable import BOTTOM_RULE, Cell, ParaCell, RowRun, TableRows
from briefgen.writers.pdf.pages import BACK, BODY, FRONT, BriefDocTemplate, Geometry
from briefgen.writers.pdf.styles import Styles, build_styles, color
from briefgen.writers.pdf.toc import TocLine
from briefgen.writers.tablerules import Line, house_table_rules

#: Upper bound on layout passes; the loop converges long before (see footnotes.py).
MAX_PASSES = 10
#: Passes that reserve exactly the space needed before reservations may only grow (the first
#: pass guesses the notes' space as it goes, so its needs are close to the final ones).
EXACT_PASSES = 2
#: Tables shorter than this share of the text height move whole with caption and source line;
#: a taller one that does not fit where it falls splits there (a whole move would leave up
#: to its height empty above it).
TABLE_KEEP_RATIO = 0.25
#: ReportLab's default left/right cell padding (pt).
CELL_PADDING = 6
#: A long table starts on a page only if its caption, header and this many rows fit there.
LONG_TABLE_FIRST_ROWS = 3
#: ... and it leaves at least this many rows for the next page, never one alone.
LONG_TABLE_LAST_ROWS = 2


@dataclass
class PdfResult:
    """``pages``: total page count; ``page_of``: heading anchor → printed page number (S47)."""

    pages: int
    page_of: dict[str, int]


def lay_out(doc: ir.Document, theme: Theme) -> PdfResult:
    """Lay ``doc`` out as ``write_pdf`` would, without drawing or writing a file: the errors of
    the layout (a box, summary or table row taller than a page, a block that fits no page) are
    raised as they are by a build. Its images must exist."""
    try:
        return _write(doc, theme, None, None)
    except LayoutError as error:
        raise _unplaceable(error, doc) from None


def write_pdf(doc: ir.Document, theme: Theme, out: Path,
              pending: PendingImages | None = None) -> PdfResult:
    """Write ``doc`` as a PDF to ``out``; BriefError if a character is missing from its font.

    ``pending``: figures' image files still being made; the layout passes use their planned
    sizes and the final pass waits for each when it draws it. An image whose real size is not
    the planned one has the whole layout redone with the real sizes."""
    try:
        try:
            return _write(doc, theme, out, pending)
        except PlanMissed:
            assert pending is not None
            pending.wait()
            return _write(doc, theme, out, None)
    except LayoutError as error:
        raise _unplaceable(error, doc) from None


def _unplaceable(error: LayoutError, doc: ir.Document) -> BriefError:
    """A block ReportLab could not place on any page, as a BriefError naming the page: in the
    body, at the content (the tables, figures and boxes were checked at their lines), else at
    the theme, whose sizes and spacings made the cover or front matter too tall."""
    found = re.search(r"too large on page (\d+) in frame '(\w+)'", str(error))
    page, frame = (f" on page {found[1]}", found[2]) if found else ("", "body")
    if frame != BODY:
        return BriefError(f"the cover or front matter of the PDF does not fit{page}: the theme's page "
                          "size, margins, font sizes or spacings leave too little room", key="theme")
    source = next((block.loc.file for block in document_blocks(doc) if block.loc), None)
    return BriefError(f"a block of the PDF does not fit{page}: too many or too long footnotes on one "
                      "line, or a theme that leaves too little room", source=source)


def _write(doc: ir.Document, theme: Theme, out: Path | None,
           pending: PendingImages | None) -> PdfResult:
    fonts = register_fonts(theme)
    styles = build_styles(theme, fonts)
    markup = Markup(fonts, theme.color("emphasis"), theme.color("link"))
    story = _Story(doc, styles, markup, Geometry.from_theme(theme), pending)
    notes = {n.number: story.markup.inlines(n.inlines, fonts.body, n.loc) for n in doc.footnotes}
    try:
        with binary_streams():  # every layout pass re-encodes every image
            return _layout(doc, theme, out, story, notes, fonts, styles)
    finally:
        forget_parsed()


def _layout(doc: ir.Document, theme: Theme, out: Path | None, story: _Story, notes: dict[int, str],
            fonts: FontSet, styles: Styles) -> PdfResult:
    """Lay the story out until footnote space and TOC pages are stable, then draw it to ``out``
    (with ``out`` None, return once the layout is settled).

    Layout passes draw on a ``DraftCanvas``; the pass after a settled one draws for real. When
    a pass changes only the TOC page numbers (which move nothing), the next pass will be
    settled, so it draws for real at once. That pass waits for each pending image as it
    reaches it."""
    g = story.geometry
    reserve: dict[int, float] = {}
    toc_pages: dict[str, int] = {}
    note_styles: dict[int, ParagraphStyle] = {}
    note_paragraphs: dict[int, Paragraph] = {}
    final = False
    for number in range(MAX_PASSES):
        if final:
            fonts.load_subsetting()
        engine = FootnoteEngine(
            notes,
            styles.footnote,
            theme,
            NoteArea(g.left, g.bottom, g.text_width, g.text_height),
            reserve,
            note_styles,
            note_paragraphs,
            guess=number == 0,
        )
        buf = io.BytesIO()
        template = BriefDocTemplate(
            buf,
            theme=theme,
            fonts=fonts,
            meta=doc.meta,
            front=doc.front,
            geometry=g,
            engine=engine,
            heading_outline=story.outline(),
        )
        edits: list[tuple[Any, ...]] = []  # attributes ReportLab changes on flowables
        record_multibuild_edits(template, edits.append)
        template.build(story.flowables(toc_pages, engine), canvasmaker=Canvas if final else DraftCanvas)
        for undo, *args in edits:  # the story's flowables serve the next pass as they were
            undo(*args)
        if engine.fits() and template.heading_pages == toc_pages:
            if out is None:  # settled: the drawing pass would break the pages the same way
                return PdfResult(pages=template.pages, page_of=dict(template.heading_pages))
            if final:
                out.write_bytes(buf.getvalue())
                return PdfResult(pages=template.pages, page_of=dict(template.heading_pages))
            final = True  # the layout is settled: lay it out once more and really draw it
            continue
        next_reserve = engine.next_reserve(monotone=number >= EXACT_PASSES - 1)
        final = engine.fits() and next_reserve == reserve and out is not None
        reserve, toc_pages = next_reserve, dict(template.heading_pages)
    raise RuntimeError(f"PDF layout did not converge in {MAX_PASSES} passes")


@dataclass
class _Story:
    doc: ir.Document
    styles: Styles
    markup: Markup
    geometry: Geometry
    pending: PendingImages | None = None
    #: pending images laid out at their planned size (checked when the final pass draws them)
    planned: dict[Path, tuple[int, int]] = field(default_factory=dict)
    tables: dict[int, TableRows] = field(default_factory=dict)  # id(ir.Table) → its rows
    #: (id(inlines), font) → (inlines, their markup), for every layout pass
    marked: dict[tuple[int, str], tuple[list[ir.Inline], str]] = field(default_factory=dict)
    #: front matter before the TOC, body, back page: made by the first pass, reused by the others
    parts: tuple[list[Flowable], list[Flowable], list[Flowable]] | None = None

    @property
    def theme(self) -> Theme:
        return self.styles.theme

    def image_ready(self, path: Path) -> None:
        """Wait for the pending image ``path``; PlanMissed if it has another size than the
        one it was laid out at."""
        assert self.pending is not None
        self.pending.wait_for(path)
        if image_size(path) != self.planned[path]:
            raise PlanMissed

    def image_size(self, path: Path) -> tuple[int, int]:
        """The pixel size to lay ``path`` out at: planned while it is pending, else its own."""
        if self.pending is not None and path in self.pending.planned:
            size = self.planned[path] = self.pending.planned[path]
            return size
        return image_size(path)

    def outline(self) -> dict[str, tuple[str, int]]:
        """Anchor → (bookmark title, outline level) for chapters (0) and sections (1)."""
        entries: dict[str, tuple[str, int]] = {}
        for ch in self.doc.chapters:
            entries[ch.anchor] = (ch.heading, 0)
            for sec in ch.sections:
                entries[sec.anchor] = (sec.heading, 1)
        return entries

    def flowables(self, toc_pages: dict[str, int], engine: FootnoteEngine) -> list[Flowable]:
        """The whole document in S1 order; ``toc_pages`` come from the previous pass.

        Only the TOC and the note flush are made anew: the other flowables are made once and
        laid out by every pass (as ReportLab's ``multiBuild`` does), which spares remaking
        thousands of paragraphs and lets them keep what they measured."""
        if self.parts is None:
            self.parts = self._front(), self._body(), self._back_page()
        front, body, back = self.parts
        toc = [KeepTogether(self._toc(toc_pages)), NextPageTemplate(BODY), PageBreak()]
        return [*front, *toc, *body, FlushNotes(engine), NextPageTemplate(BACK), PageBreak(), *back]

    def _front(self) -> list[Flowable]:
        """Cover, then 요약, Executive Summary and (see ``flowables``) 목차 one after another:
        each is a third of a page or less, so they share a page where they fit, and one that
        does not fit moves whole to the next page (S1, S5)."""
        story: list[Flowable] = [*self._cover(), NextPageTemplate(FRONT), PageBreak()]
        english = [KeepTogether(self._executive_summary())] if self.doc.executive_summary else []
        return story + [*self._summary(), *english]

    def _body(self) -> list[Flowable]:
        story: list[Flowable] = []
        for i, chapter in enumerate(self.doc.chapters):
            if i:
                story.append(PageBreak())
            story += self._bind_keeps(self._chapter(chapter))
        if self.doc.references:
            story += [PageBreak(), *self._references()]
        return story

    # ----------------------------------------------------------------- helpers

    def _bind_keeps(self, flowables: list[Flowable]) -> list[Flowable]:
        """Bind headings and □ items (``keepWithNext``) to a following figure or table, which
        ReportLab's own keepWithNext skips because they are KeepTogether containers: join
        them into one KeepTogether, or raise the CondPageBreak before a long table by their
        height and put it in front of them."""
        g = self.geometry
        out: list[Flowable] = []
        run: list[Flowable] = []
        for f in flowables:
            if f.getKeepWithNext() and not isinstance(f, KeepTogether):
                run.append(f)
                continue
            if run and isinstance(f, FigureGroup):
                out.append(f.with_head(run))
            elif run and isinstance(f, KeepTogether):
                out.append(KeepTogether(run + keep_together_content(f)))
            elif run and isinstance(f, CondPageBreak):
                height = sum(
                    r.wrap(g.text_width, g.text_height)[1] + r.getSpaceBefore() + r.getSpaceAfter()
                    for r in run
                )
                out += [CondPageBreak(f.height + height), *run]
            else:
                out += [*run, f]
            run = []
        return out + run

    def _p(self, text: str, style_name: str, font: str | None = None) -> Paragraph:
        style = getattr(self.styles, style_name)
        return Paragraph(self.markup.text(text, font or style.fontName), style)

    def _inl(
        self,
        nodes: list[ir.Inline],
        style: ParagraphStyle,
        loc: ir.SourceLoc | None = None,
        prefix: str = "",
    ) -> Paragraph:
        head = self.markup.text(prefix, style.fontName, loc) if prefix else ""
        return Paragraph(head + self._inlines(nodes, style.fontName, loc), style)

    def _inlines(self, nodes: list[ir.Inline], font: str, loc: ir.SourceLoc | None) -> str:
        """``markup.inlines``, made once for all layout passes."""
        cached = self.marked.get((id(nodes), font))
        if cached is None or cached[0] is not nodes:
            cached = self.marked[(id(nodes), font)] = (nodes, self.markup.inlines(nodes, font, loc))
        return cached[1]

    def _box(self, flowables: list[Flowable], loc: ir.SourceLoc | None, what: str = "box") -> RLTable:
        """A filled, ruled box around ``flowables``; BriefError at ``loc`` if it is taller than a
        page (a box never splits)."""
        box = RLTable([[flowables]], colWidths=[self.geometry.text_width])
        box.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.styles.fonts.body),
                    (
                        "BACKGROUND",
                        (0, 0),
                        (-1, -1),
                        colors.HexColor(self.theme.color("summary_fill")),
                    ),
                    ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor(self.theme.color("primary"))),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 10),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ]
            )
        )
        room = self.geometry.text_height
        height = box.wrap(self.geometry.text_width, room)[1]
        if height > room:
            raise BriefError(f"the {what} is {height:,.0f} pt tall and a page holds {room:,.0f} pt; its "
                             "box never splits: shorten it", source=loc.file if loc else None,
                             line=loc.line if loc else None)
        return box

    # ----------------------------------------------------------------- front matter

    def _cover(self) -> list[Flowable]:
        cover, space = self.doc.front.cover, self.theme.cover_space
        if self.theme.cover_design == "band":
            return band_cover(CoverParts(self.theme, self.styles.fonts, self.geometry), cover, self._p)
        out: list[Flowable] = [
            Spacer(1, space("pdf_top")),
            self._p(cover.series, "cover_series"),
            Spacer(1, space("pdf_series_after")),
            self._p(cover.title, "cover_title"),
        ]
        if cover.subtitle:
            out.append(self._p(cover.subtitle, "cover_subtitle"))
        out += [Spacer(1, space("pdf_date_before")), self._p(cover.date, "cover_line"),
                Spacer(1, space("date_after"))]
        out += [self._p(line, "cover_line") for line in cover.authors]
        out += [Spacer(1, space("pdf_organisation_before")), self._p(cover.organisation, "cover_series")]
        return out

    def _summary(self) -> list[Flowable]:
        paras = [self._inl(p.inlines, self.styles.summary, p.loc) for p in self.doc.summary]
        loc = self.doc.summary[0].loc if self.doc.summary else None
        return [self._p(self.doc.front.summary_title, "page_title"), self._box(paras, loc, "summary")]

    def _executive_summary(self) -> list[Flowable]:
        out: list[Flowable] = [self._p(self.doc.front.executive_summary_title, "front_title")]
        return out + [
            self._inl(p.inlines, self.styles.body, p.loc) for p in self.doc.executive_summary
        ]

    def _toc(self, pages: dict[str, int]) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = [self._p(self.doc.front.toc_title, "front_title")]
        entries: list[tuple[str, str, int]] = []
        for ch in self.doc.chapters:
            entries.append((ch.heading, ch.anchor, 0))
            entries += [(sec.heading, sec.anchor, 1) for sec in ch.sections]
        for text, anchor, level in entries:
            font = s.fonts.bold if level == 0 else s.fonts.body
            page = str(pages.get(anchor, ""))
            s.fonts.check(text + "·", font)
            out.append(
                TocLine(
                    text,
                    page,
                    anchor,
                    font=font,
                    size=s.toc.fontSize,
                    indent=level * 14,
                    leading=s.toc.leading,
                    color=color(self.theme, "text"),
                    space_before=10 if level == 0 else 0,
                )
            )
        return out

    # ----------------------------------------------------------------- body

    def _heading(
        self, text: str, anchor: str, style_name: str, loc: ir.SourceLoc | None, numeral: str = ""
    ) -> Paragraph:
        """A heading with its outline hooks; a chapter's ``numeral`` (``Ⅰ.``) is set in the
        heavy face before ``text`` (S43)."""
        style = getattr(self.styles, style_name)
        hooks = f'<a name={quoteattr(anchor)}/><onDraw name="{HEADING_CALLBACK}" label={quoteattr(anchor)}/>'
        if numeral:
            heavy = self.styles.fonts.heavy
            hooks += f'<font name="{heavy}">{self.markup.text(numeral, heavy, loc)}</font> '
        return Paragraph(hooks + self.markup.text(text, style.fontName, loc), style)

    def _chapter(self, chapter: ir.Chapter) -> list[Flowable]:
        out: list[Flowable] = [
            self._heading(chapter.title, chapter.anchor, "chapter", chapter.loc, chapter.label)
        ]
        out += self._blocks(chapter.blocks)
        for sec in chapter.sections:
            out.append(self._heading(sec.heading, sec.anchor, "section", sec.loc))
            out += self._blocks(sec.blocks)
        return out

    def _blocks(self, blocks: list[ir.Block]) -> list[Flowable]:
        return [f for b in blocks for f in self._block(b)]

    def _block(self, block: ir.Block) -> list[Flowable]:
        s = self.styles
        match block:
            case ir.Paragraph(inlines=nodes, loc=loc):
                return [self._inl(nodes, s.body, loc)]
            case ir.Bullet(level=level, inlines=nodes, loc=loc):
                style = s.bullets[level]
                markup = self._inlines(nodes, style.fontName, loc)
                return [Paragraph(s.bullet_markup(level) + markup, style)]
            case ir.Table():
                return self._table(block)
            case ir.Figure():
                return self._figure(block)
            case ir.Box(title=title, blocks=inner):
                content = ([self._p(title, "caption")] if title else []) + self._blocks(inner)
                box = self._box(content, block.loc)
                box.spaceBefore = 6
                return [box]
            case _:
                assert_never(block)

    def _caption(
        self, label: str, caption: list[ir.Inline], loc: ir.SourceLoc | None
    ) -> Paragraph:
        return self._inl(caption, self.styles.caption, loc, prefix=f"{label} ")

    def _after(
        self, notes: list[list[ir.Inline]], source: list[ir.Inline] | None, loc: ir.SourceLoc | None
    ) -> list[Flowable]:
        st = self.styles.source
        out: list[Flowable] = [self._inl(n, st, loc, prefix=self.theme.note_prefix) for n in notes]
        if source:
            out.append(self._inl(source, st, loc, prefix=self.theme.source_prefix))
        return [Spacer(1, 4), *out] if out else out

    def _table(self, t: ir.Table) -> list[Flowable]:
        out: list[Flowable] = [self._caption(t.label, t.caption, t.loc)]
        if t.unit:
            out.append(self._p(t.unit, "unit"))
        rows = self._table_rows(t)
        after = self._after(t.notes, t.source, t.loc)
        g = self.geometry
        _check_rows_fit(rows, g.text_height, t.loc)
        if rows.below[0] < g.text_height * TABLE_KEEP_RATIO:
            return [KeepTogether([*out, rows.table(0, len(rows.body)), *after]), Spacer(1, 6)]
        # A long table starts where it is if its caption, header and first rows fit there,
        # else on the next page; it splits with the header row repeated (S29).
        for flowable in out:
            flowable.keepWithNext = 0
        head_rows = sum(rows.heights[: 1 + LONG_TABLE_FIRST_ROWS])
        above = sum(f.wrap(g.text_width, g.text_height)[1] + f.getSpaceBefore() for f in out)
        return [CondPageBreak(above + head_rows + 1), *out, RowRun(rows, last_rows=LONG_TABLE_LAST_ROWS),
                *after, Spacer(1, 6)]

    def _table_rows(self, t: ir.Table) -> TableRows:
        """The cells, widths, style and row heights of ``t``, made once for all passes."""
        rows = self.tables.get(id(t))
        if rows is None:
            rows = self.tables[id(t)] = self._make_rows(t)
        return rows

    def _make_rows(self, t: ir.Table) -> TableRows:
        s = self.styles
        head_style = s.cell_style("center", True)
        head: list[Cell] = [
            ParaCell(self.markup.inlines(c.inlines, head_style.fontName, t.loc), head_style)
            for c in t.header
        ]
        widths = [self.geometry.text_width * f for f in column_fractions(t)]
        if min(widths) <= 2 * CELL_PADDING:  # no room left inside the cell padding
            raise BriefError(f"the table's {len(widths)} columns do not fit the theme's text width of "
                             f"{self.geometry.text_width / mm:,.0f} mm (one gets {min(widths) / mm:.1f} mm); "
                             "fewer columns or narrower margins", source=t.loc.file if t.loc else None,
                             line=t.loc.line if t.loc else None)
        styles = [s.cell_style(a, False) for a in t.align]
        body = [
            [
                self._cell(c, style, width, t.loc)
                for c, style, width in zip(row, styles, widths, strict=True)
            ]
            for row in t.rows
        ]
        rules = house_table_rules(self.theme)
        aligns = [("ALIGN", (i, 1), (i, -1), a.upper()) for i, a in enumerate(t.align)]
        commands = [
            *aligns,
            ("FONTNAME", (0, 0), (-1, -1), s.fonts.body),
            ("FONTNAME", (0, 0), (-1, 0), s.fonts.bold),
            ("FONTSIZE", (0, 0), (-1, -1), s.cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), s.cell.leading),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(rules.header_fill)),
            ("LINEABOVE", (0, 0), (-1, 0), *_line(rules.outer)),
            ("LINEBELOW", (0, 0), (-1, 0), *_line(rules.head)),
            (*BOTTOM_RULE, *_line(rules.outer)),
            ("INNERGRID", (0, 1), (-1, -1), *_line(rules.inner)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        return TableRows(head, body, widths, commands)

    def _cell(self, cell: ir.TableCell, style: ParagraphStyle, width: float,
              loc: ir.SourceLoc | None) -> Cell:
        """A body cell: plain one-line text as a string (cheap to lay out, which keeps
        5,000-row tables fast), anything else (marks, emphasis, wrapping) as a paragraph."""
        nodes = cell.inlines
        texts = [node.text for node in nodes if isinstance(node, ir.Text)]
        if len(texts) == len(nodes):
            text = "".join(texts)
            room = width - 2 * CELL_PADDING
            if stringWidth(text, style.fontName, style.fontSize) <= room:
                self.styles.fonts.check(text, style.fontName, loc)
                return text
        return ParaCell(self.markup.inlines(nodes, style.fontName, loc), style)

    def _figure(self, f: ir.Figure) -> list[Flowable]:
        width = self.geometry.text_width * f.width_ratio
        iw, ih = self.image_size(f.image)
        ready = self.image_ready if f.image in self.planned else None
        image = Figure(f.image, width, width * ih / iw, ready)
        group = [
            self._caption(f.label, f.caption, f.loc),
            image,
            *self._after(f.notes, f.source, f.loc),
        ]
        return [FigureGroup(group, self.theme.figure_min_scale), Spacer(1, 6)]

    # ----------------------------------------------------------------- back matter

    def _references(self) -> list[Flowable]:
        st = self.styles.reference
        out: list[Flowable] = [self._p(self.doc.references_title, "chapter")]
        return out + [
            self._inl(r.inlines, st, r.loc, prefix=self.theme.references_prefix)
            for r in self.doc.references
        ]

    def _back_page(self) -> list[Flowable]:
        back, space = self.doc.front.back, self.theme.cover_space
        out: list[Flowable] = [
            Spacer(1, self.geometry.text_height * space("pdf_back_top")),
            self._p(back.organisation, "section"),
        ]
        out += [self._p(x, "source") for x in (back.homepage_line, back.contact, back.address) if x]
        if back.disclaimer:
            out += [Spacer(1, space("pdf_disclaimer_before")), self._p(back.disclaimer, "source")]
        return out


def _line(line: Line) -> tuple[float, colors.Color]:
    """A rule as ReportLab's line commands take it: width, colour."""
    return line.width, colors.HexColor(line.color)


def _check_rows_fit(rows: TableRows, room: float, loc: ir.SourceLoc | None) -> None:
    """BriefError at the table if the header row with one body row is taller than a page: a
    row never splits, so ReportLab could not place it."""
    body = rows.heights[1:] or [0.0]
    tallest = max(range(len(body)), key=body.__getitem__)
    height = rows.heights[0] + body[tallest]
    if height > room:
        row = ("the table's header row" if rows.heights[0] >= body[tallest]
               else f"row {tallest + 1} of the table with the header row")
        raise BriefError(f"{row} is {height:,.0f} pt tall and a page holds {room:,.0f} pt; "
                         "shorten its cells", source=loc.file if loc else None,
                         line=loc.line if loc else None)
