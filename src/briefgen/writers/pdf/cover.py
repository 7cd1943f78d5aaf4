"""The designed cover (S2, theme ``cover.design: band``): a full-width band in the house colour
holding the organisation's mark (its logo, else a typographic mark) and the series block (the
series label and the report number set large), a stripe under it, the title set large below,
and the date, authors and organisation at the foot of the page.

The cover is one flowable as tall as the frame, so it never spills onto a second page: when
the theme's sizes and spacings make it taller, ReportLab cannot place it and the writer
reports the cover as not fitting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from briefgen.ir import Cover
from briefgen.theme import Theme
from briefgen.writers.pdf.fonts import FontSet
from briefgen.writers.pdf.linebreak import Paragraph
from briefgen.writers.pdf.pages import Geometry
from briefgen.writers.pdf.styles import color

#: Distances on the band, as shares of the band's height: the mark's top below the page's
#: top edge, and the report number's baseline above the band's foot.
MARK_TOP = 0.16
NUMBER_BASELINE = 0.14
#: Gap between the series label's baseline and the report number's cap height (× label size).
LABEL_GAP = 0.7
#: Cap height of the heavy face (× size): where the report number's top is.
CAP_HEIGHT = 0.75
#: The rule above the organisation: its length (share of the text width) and width (pt).
FOOT_RULE = (0.12, 1.5)

Make = Callable[[str, str], Paragraph]  # (text, style name) → paragraph


@dataclass(frozen=True)
class CoverParts:
    """What the cover draws besides its paragraphs: fonts, colours and the page geometry."""

    theme: Theme
    fonts: FontSet
    geometry: Geometry


class CoverPage(Flowable):
    """The whole designed cover: band and stripe from the page's top edge (drawn out to the
    page's edges from the frame), ``head`` (title, subtitle) below them, ``foot`` (date,
    authors) and the organisation at the bottom of the frame."""

    def __init__(self, parts: CoverParts, cover: Cover, head: list[Flowable], foot: list[Flowable],
                 organisation: Paragraph) -> None:
        super().__init__()
        self.parts, self.cover = parts, cover
        self.head, self.foot, self.organisation = head, foot, organisation
        theme, g = parts.theme, parts.geometry
        self.band = theme.cover_mm("band_height") * mm
        self.stripe = theme.cover_mm("accent_height") * mm
        self.top_part = max(0.0, self.band + self.stripe - g.top) + theme.cover_space("pdf_series_after")
        self.rule_gap = theme.cover_space("pdf_organisation_before")
        self.number_size = _fitting_size(parts, cover.report_number)

    def _heights(self, flowables: list[Flowable], width: float) -> list[float]:
        return [f.wrap(width, 100_000)[1] + (f.getSpaceBefore() if i else 0)
                for i, f in enumerate(flowables)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        need = (self.top_part + sum(self._heights(self.head, avail_width)) + self.rule_gap
                + sum(self._heights([*self.foot, self.organisation], avail_width)))
        self.height = max(need, avail_height)
        return avail_width, self.height

    def draw(self) -> None:
        self._band()
        width = self.width
        y = self.height - self.top_part
        for flowable, height in zip(self.head, self._heights(self.head, width), strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y)
        heights = self._heights([*self.foot, self.organisation], width)
        y = 0.0
        self.organisation.drawOn(self.canv, 0, y)
        y += heights[-1] + self.rule_gap / 2
        self._rule(y)
        y += self.rule_gap / 2
        for flowable, height in zip(reversed(self.foot), reversed(heights[:-1]), strict=True):
            flowable.drawOn(self.canv, 0, y)
            y += height

    def _band(self) -> None:
        theme, fonts, g = self.parts.theme, self.parts.fonts, self.parts.geometry
        canv = self.canv
        top = self.height + g.top  # the page's top edge, from the flowable's origin
        canv.saveState()
        canv.setFillColor(color(theme, "cover_band"))
        canv.rect(-g.left, top - self.band, g.width, self.band, stroke=0, fill=1)
        if self.stripe:
            canv.setFillColor(color(theme, "cover_accent"))
            canv.rect(-g.left, top - self.band - self.stripe, g.width, self.stripe, stroke=0, fill=1)
        self._mark(top - self.band * MARK_TOP)
        canv.setFillColor(color(theme, "cover_on_band"))
        label_size = theme.size("cover_series")
        baseline = top - self.band * (1 - NUMBER_BASELINE)
        canv.setFont(fonts.heavy, self.number_size)
        canv.drawString(0, baseline, self.cover.report_number)
        canv.setFont(fonts.bold, label_size)
        canv.drawString(0, baseline + self.number_size * CAP_HEIGHT + label_size * LABEL_GAP,
                        self.cover.series_name)
        canv.restoreState()

    def _mark(self, top: float) -> None:
        """The logo (``logo_height`` high) or the typographic mark, its top at ``top``."""
        theme, canv = self.parts.theme, self.canv
        logo = theme.cover_logo
        if logo is not None:
            from reportlab.lib.utils import ImageReader

            image = ImageReader(str(logo))
            iw, ih = image.getSize()
            height = theme.cover_mm("logo_height") * mm
            canv.drawImage(image, 0, top - height, height * iw / ih, height, mask="auto")
            return
        size = theme.size("cover_mark")
        canv.setFillColor(color(theme, "cover_on_band"))
        canv.setFont(self.parts.fonts.heavy, size)
        canv.drawString(0, top - size * CAP_HEIGHT, theme.cover_mark)

    def _rule(self, y: float) -> None:
        """The short accent rule above the organisation."""
        length, weight = FOOT_RULE
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(color(self.parts.theme, "cover_accent"))
        canv.setLineWidth(weight)
        canv.line(0, y, self.width * length, y)
        canv.restoreState()


def band_cover(parts: CoverParts, cover: Cover, make: Make) -> list[Flowable]:
    """The designed cover's flowable; ``make(text, style_name)`` makes a paragraph."""
    theme, fonts = parts.theme, parts.fonts
    for text, font in ((cover.report_number, fonts.heavy), (cover.series_name, fonts.bold),
                       (theme.cover_mark if theme.cover_logo is None else "", fonts.heavy)):
        fonts.check(text, font)
    head: list[Flowable] = [make(cover.title, "cover_title")]
    if cover.subtitle:
        head.append(make(cover.subtitle, "cover_subtitle"))
    foot: list[Flowable] = [make(cover.date, "cover_line"), Spacer(1, theme.cover_space("date_after"))]
    foot += [make(line, "cover_line") for line in cover.authors]
    return [CoverPage(parts, cover, head, foot, make(cover.organisation, "cover_series"))]


def _fitting_size(parts: CoverParts, number: str) -> float:
    """``sizes.cover_number``, or smaller where the report number would be wider than the text."""
    size = parts.theme.size("cover_number")
    width = stringWidth(number, parts.fonts.heavy, size)
    return size if width <= parts.geometry.text_width else size * parts.geometry.text_width / width
