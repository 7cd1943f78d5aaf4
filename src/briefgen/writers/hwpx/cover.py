"""The HWPX's designed cover (S2, theme ``cover.design: band``), as the PDF draws it.

Two tables anchored to the paper (``vertRelTo``/``horzRelTo="PAPER"``), both behind the text
(``BEHIND_TEXT``, so the title's own spacing puts it under the band): the band at the top edge, as wide as the page, in the house
colour, with the mark (the theme's logo, else the typographic mark) at its top and the series
label and the report number set large at its foot, and the accent stripe as its second row;
and, standing on the bottom margin (placed from the top edge once its height is laid out),
the date, the authors, a short accent rule and the organisation.
The title and subtitle follow the band in the text. Rows are at least the heights written;
the layout (``lines``) grows them to their text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hwpx import HwpxDocument

from briefgen.ir import Cover
from briefgen.theme import Theme
from briefgen.writers.hwpx import owpml
from briefgen.writers.hwpx.images import read_image
from briefgen.writers.hwpx.styles import CharStyle, HouseStyles, ParaStyle, hwp, hwp_mm
from briefgen.writers.textwidth import text_width

#: Distances on the band as shares of its height (the PDF's): the mark's top below the page's
#: top edge, the report number's baseline above the band's foot.
MARK_TOP, NUMBER_BASELINE = 0.16, 0.14
DESCENT = 0.15  # a line's depth below its baseline, as a share of its size (한/글: 85 % above)
TITLE_GAP = 22  # mm from the band's foot (the stripe's) to the title
RULE_SHARE, RULE_HEIGHT = 0.12, 1.5  # the accent rule: share of the text width, points
MM = 72 / 25.4  # points a millimetre


class BandCover:
    """Writes the designed cover of ``cover`` through ``paragraph(para_id)`` (a new body
    paragraph of that shape) into ``document``."""

    def __init__(self, document: HwpxDocument, styles: HouseStyles, theme: Theme) -> None:
        self.doc, self.st, self.theme = document, styles, theme
        self.none = document.styles.ensure_border_fill(active_borders=())
        self.foot: Any = None  # the foot block's table, placed by ``settle``

    def write(self, cover: Cover, paragraph: Callable[[str], Any]) -> None:
        theme, size = self.theme, self.theme.size
        band = theme.cover_mm("band_height") + theme.cover_mm("accent_height")
        below = (band + TITLE_GAP - theme.page("margin_top")) * MM  # from the text's top
        anchor = paragraph(self.st.para(ParaStyle(align="LEFT", line=100, after=max(below, 0))))
        owpml.end_shape(anchor, self.st.char(CharStyle("body", 1)))
        self._band(anchor, cover)
        self._foot(anchor, cover)
        title = paragraph(self.st.para(ParaStyle(
            align="LEFT", line=130, after=theme.cover_space("title_after"))))
        title.add_run(cover.title, char_pr_id_ref=self.st.char(
            CharStyle("heavy", size("cover_title"), True, theme.color("text"))))
        if cover.subtitle:
            subtitle = paragraph(self.st.para(ParaStyle(
                align="LEFT", line=130, after=theme.cover_space("subtitle_after"))))
            subtitle.add_run(cover.subtitle, char_pr_id_ref=self.st.char(
                CharStyle("bold", size("cover_subtitle"), True)))

    def _band(self, anchor: Any, cover: Cover) -> None:
        """The band and its stripe: a table as wide as the paper at its top edge."""
        theme, size = self.theme, self.theme.size
        width = hwp_mm(theme.page("width"))
        band, stripe = hwp_mm(theme.cover_mm("band_height")), hwp_mm(theme.cover_mm("accent_height"))
        fill = self.doc.styles.ensure_border_fill(active_borders=(), fill_color=theme.color("cover_band"))
        table = anchor.add_table(2 if stripe else 1, 1, width=width, border_fill_id_ref=self.none)
        owpml.on_paper(table, top=0)
        cell = table.cell(0, 0)
        table.set_cell_border_fill(0, 0, fill)
        number, label = self._number_size(cover.report_number), size("cover_series")
        top, bottom = round(band * MARK_TOP), max(0, round(band * NUMBER_BASELINE - hwp(DESCENT * number)))
        cell.set_margins(left=hwp_mm(theme.page("margin_left")), right=hwp_mm(theme.page("margin_right")),
                         top=top, bottom=bottom)
        cell.set_size(height=band)
        logo = hwp_mm(theme.cover_mm("logo_height")) if theme.cover_logo else hwp(size("cover_mark"))
        gap = max(0, band - top - bottom - logo - hwp(label) - hwp(number))
        self._mark(cell.paragraphs[0], theme.color("cover_on_band"), gap / 100)
        on_band = theme.color("cover_on_band")
        for text, style in ((cover.series_name or cover.series, CharStyle("bold", label, True, on_band)),
                            (cover.report_number, CharStyle("heavy", number, True, on_band))):
            p = cell.add_paragraph("", para_pr_id_ref=self.st.para(ParaStyle(align="LEFT", line=100)))
            owpml.drop_empty_runs(p)
            if text:
                p.add_run(text, char_pr_id_ref=self.st.char(style))
        if stripe:
            accent = self.doc.styles.ensure_border_fill(
                active_borders=(), fill_color=theme.color("cover_accent"))
            table.set_cell_border_fill(1, 0, accent)
            self._empty_cell(table.cell(1, 0), stripe)

    def _mark(self, p: Any, colour: str, after: float) -> None:
        """The band's first line, ``after`` points above the series label: the logo
        picture, else the typographic mark."""
        theme = self.theme
        p.para_pr_id_ref = self.st.para(ParaStyle(align="LEFT", line=100, after=after))
        owpml.drop_empty_runs(p)
        logo = theme.cover_logo
        if logo is None:
            p.add_run(theme.cover_mark, char_pr_id_ref=self.st.char(
                CharStyle("heavy", theme.size("cover_mark"), True, colour)))
            return
        image = read_image(logo)
        height = hwp_mm(theme.cover_mm("logo_height"))
        item = self.doc.media.add_image(image.data, image.kind)
        width = round(height * image.pixels[0] / image.pixels[1])
        owpml.picture_geometry(p.add_picture(str(item), width=width, height=height), image.pixels, image.dpi)

    def _foot(self, anchor: Any, cover: Cover) -> None:
        """Date, authors, the accent rule and the organisation on the bottom margin."""
        theme, size, space = self.theme, self.theme.size, self.theme.cover_space
        width = self.st.body_width()
        table = anchor.add_table(1, 1, width=width, border_fill_id_ref=self.none)
        owpml.on_paper(table, top=0, left=hwp_mm(theme.page("margin_left")))
        self.foot = table
        cell = table.cell(0, 0)
        table.set_cell_border_fill(0, 0, self.none)
        cell.set_margins(left=0, right=0, top=0, bottom=0)
        line = ParaStyle(align="LEFT", line=theme.line_spacing * 100)
        text = CharStyle("body", size("body"))
        half = space("organisation_before") / 2
        lines = [(replace(line, after=space("date_after")), text, cover.date)]
        lines += [(line, text, author) for author in cover.authors]
        for index, (style, char, value) in enumerate(lines):
            p = cell.paragraphs[0] if index == 0 else cell.add_paragraph("")
            p.para_pr_id_ref = self.st.para(style)
            owpml.drop_empty_runs(p)
            p.add_run(value, char_pr_id_ref=self.st.char(char))
        rule = cell.add_paragraph("", para_pr_id_ref=self.st.para(
            ParaStyle(align="LEFT", line=100, before=half, after=half)))
        owpml.drop_empty_runs(rule)
        owpml.end_shape(rule, self.st.char(CharStyle("body", 1)))
        accent = self.doc.styles.ensure_border_fill(active_borders=(), fill_color=theme.color("cover_accent"))
        bar = rule.add_table(1, 1, width=round(width * RULE_SHARE), border_fill_id_ref=self.none)
        bar.set_cell_border_fill(0, 0, accent)
        self._empty_cell(bar.cell(0, 0), hwp(RULE_HEIGHT))
        organisation = cell.add_paragraph("", para_pr_id_ref=self.st.para(replace(line, line=100)))
        owpml.drop_empty_runs(organisation)
        organisation.add_run(cover.organisation, char_pr_id_ref=self.st.char(
            CharStyle("bold", size("cover_subtitle"), True, theme.color("primary"))))

    def _number_size(self, number: str) -> float:
        """``sizes.cover_number``, or smaller where the report number would be wider than
        the text (as the PDF sets it)."""
        size = self.theme.size("cover_number")
        room = self.st.body_width() / 100
        width = text_width(self.theme.font("heavy"), number, size) if number else 0.0
        return size if width <= room else size * room / width

    def settle(self) -> None:
        """Once the document is laid out (its height known), stand the foot block on the
        bottom margin."""
        if self.foot is None:
            return
        theme = self.theme
        bottom = hwp_mm(theme.page("height")) - hwp_mm(theme.page("margin_bottom"))
        height = int(self.foot.element.find(f"{owpml.HP}sz").get("height"))
        owpml.on_paper(self.foot, top=bottom - height, left=hwp_mm(theme.page("margin_left")))

    def _empty_cell(self, cell: Any, height: int) -> None:
        """A cell ``height`` tall with no text: an empty line of 1 pt, no margins."""
        cell.set_margins(left=0, right=0, top=0, bottom=0)
        cell.set_size(height=height)
        p = cell.paragraphs[0]
        p.para_pr_id_ref = self.st.para(ParaStyle(align="LEFT", line=100))
        owpml.drop_empty_runs(p)
        owpml.end_shape(p, self.st.char(CharStyle("body", 1)))
