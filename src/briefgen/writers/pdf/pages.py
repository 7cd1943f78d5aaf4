"""Page geometry, page templates and page furniture (S42, S47): header, page numbers, notes."""

from __future__ import annotations

import calendar
import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from briefgen.compat.reportlab import set_creation_time
from briefgen.ir import FrontMatter, Meta
from briefgen.theme import Theme
from briefgen.writers.pdf.fonts import FontSet
from briefgen.writers.pdf.footnotes import FootnoteEngine
from briefgen.writers.pdf.inline import HEADING_CALLBACK, MARK_CALLBACK
from briefgen.writers.pdf.styles import color

#: Page template ids, in document order (S1).
COVER, FRONT, BODY, BACK = "cover", "front", "body", "back"


@dataclass(frozen=True)
class Geometry:
    """A4 page and text block in points, from the theme's millimetres (S42)."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    header: float
    footer: float

    @classmethod
    def from_theme(cls, theme: Theme) -> Geometry:
        keys = (
            "width",
            "height",
            "margin_left",
            "margin_right",
            "margin_top",
            "margin_bottom",
            "header_distance",
            "footer_distance",
        )
        return cls(*(theme.page(k) * mm for k in keys))

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


class BriefDocTemplate(BaseDocTemplate):
    """Doc template whose body frame shrinks by the footnote reservation of each page."""

    def __init__(
        self,
        target: Any,
        *,
        theme: Theme,
        fonts: FontSet,
        meta: Meta,
        front: FrontMatter,
        geometry: Geometry,
        engine: FootnoteEngine,
        heading_outline: dict[str, tuple[str, int]],
    ) -> None:
        super().__init__(
            target,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left,
            rightMargin=geometry.right,
            topMargin=geometry.top,
            bottomMargin=geometry.bottom,
            title=meta.title,
            author=front.file_authors,
            subject=meta.subject or meta.title,
            keywords=", ".join(meta.keywords),
            creator="briefgen",
            producer="briefgen (ReportLab)",
            lang=meta.lang,
            invariant=1,
            initialFontName=fonts.body,  # else every page's preamble names an unembedded Helvetica
        )
        self.theme, self.fonts, self.meta, self.geometry, self.engine = (
            theme,
            fonts,
            meta,
            geometry,
            engine,
        )
        self.heading_outline = heading_outline
        self.heading_pages: dict[str, int] = {}
        self.first_body_page: int | None = None
        self.pages = 0
        self.header_text = front.running_header
        fonts.check(self.header_text, fonts.body)
        self.addPageTemplates([self._template(name) for name in (COVER, FRONT, BODY, BACK)])

    def _template(self, name: str) -> PageTemplate:
        g = self.geometry
        frame = _Frame(g.left, g.bottom, g.text_width, g.text_height, 0, 0, 0, 0, id=name)
        return PageTemplate(name, [frame], onPage=self._on_page, onPageEnd=self._on_page_end)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        canv = self.canv
        canv.setNamedCB(MARK_CALLBACK, self.engine.on_mark)
        canv.setNamedCB(HEADING_CALLBACK, self._on_heading)
        _set_timestamp(canv, self.meta.date)
        canv.showOutline()
        canv.addPageLabel(0, "ROMAN_LOWER", 1)  # the cover and front matter: i, ii, …

    def body_page(self, canv: Canvas) -> int:
        """The printed page number (1 = first body page, S47)."""
        assert self.first_body_page is not None
        page: int = canv.getPageNumber()
        return page - self.first_body_page + 1

    def _on_heading(self, canv: Canvas, kind: str, anchor: str) -> None:
        if anchor in self.heading_pages:
            return
        self.heading_pages[anchor] = self.body_page(canv)
        title, level = self.heading_outline[anchor]
        canv.addOutlineEntry(title, anchor, level=level, closed=False)

    def _on_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        frame = self.pageTemplate.frames[0]
        reserve = self.engine.reservation(canv.getPageNumber())
        frame.y1 = self.geometry.bottom + reserve
        frame.height = self.geometry.text_height - reserve
        if self.pageTemplate.id == BODY:
            if self.first_body_page is None:
                self.first_body_page = canv.getPageNumber()
            if self.body_page(canv) == 1:  # from here a viewer's page number is the folio
                canv.addPageLabel(canv.getPageNumber() - 1, "ARABIC", 1)
            self._furniture(canv)

    def _on_page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.engine.draw_page(canv)
        self.pages = canv.getPageNumber()

    def _furniture(self, canv: Canvas) -> None:
        """Running header top-left; page number at the outer bottom corner (S47)."""
        g, theme = self.geometry, self.theme
        canv.saveState()
        canv.setFillColor(color(theme, "primary"))
        size = theme.size("header")
        canv.setFont(self.fonts.body, size)
        canv.drawString(g.left, g.height - g.header - size, self.header_text)
        number = self.body_page(canv)
        canv.setFont(self.fonts.bold, theme.size("page_number"))
        if number % 2 == 0:
            canv.drawString(g.left, g.footer, str(number))
        else:
            canv.drawRightString(g.width - g.right, g.footer, str(number))
        canv.restoreState()


class _Frame(Frame):
    """A frame whose deep copy is a shallow one: ReportLab deep-copies the current frame each
    time it measures a ``KeepTogether`` (for frame-generated content, which these frames never
    hold), a tenth of a layout pass."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        return copy.copy(self)


def _set_timestamp(canv: Canvas, date: dt.date) -> None:
    """Creation/modification date = the report date, 00:00 UTC (deterministic output)."""
    set_creation_time(canv, calendar.timegm(date.timetuple()))
