"""The DOCX's designed cover (S2, theme ``cover.design: band``), as the PDF draws it.

The cover section has no top or side margins. A one-row table as wide as the page holds the
band in the house colour: the mark (the theme's logo, else the typographic mark) at its top,
the series label and the report number set large at its foot; a second row is the accent
stripe. The title and subtitle follow, indented to the text block, and the date, authors,
a short accent rule and the organisation stand at the foot of the page.

Word and LibreOffice lay out every cover line at an exact height, so the space before the
date that puts the foot block on the bottom margin is computed here from the theme; the
title's line count comes from the same font metrics the PDF uses. (A frame anchored to the
page foot would need no arithmetic, but LibreOffice 7.4 imports it as an ordinary paragraph.)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.ir import Cover
from briefgen.theme import Theme
from briefgen.writers.docx import oxml
from briefgen.writers.docx import styles as st
from briefgen.writers.docx.oxml import ParaFormat
from briefgen.writers.textwidth import text_width

MM = 72 / 25.4
#: Distances on the band as shares of its height (the PDF's): the mark's top below the page's
#: top edge, the report number's baseline above the band's foot.
MARK_TOP, NUMBER_BASELINE = 0.16, 0.14
#: Line heights of the cover's lines (× their size) and the number's depth below its baseline.
MARK_LINE, LABEL_LINE, NUMBER_LINE, NUMBER_DEPTH = 1.2, 1.5, 1.1, 0.25
TITLE_LINE, TEXT_LINE, LOGO_LINE = 1.3, 1.5, 1.15
#: The short rule above the organisation: width in eighths of a point, share of the text width.
RULE_EIGHTHS, RULE_SHARE = 12, 0.12
#: Height kept free under the foot block (rounding in Word and LibreOffice), points.
SLACK = 12.0


@dataclass(frozen=True)
class CoverLayout:
    """The cover as the writer puts it in: the band table (WordprocessingML) and the
    paragraphs after it, each its format and text."""

    band: str
    paragraphs: list[tuple[ParaFormat, str]]


def mark_line(theme: Theme) -> float:
    """The height of the band's mark line in points: the logo's, or the typographic mark's."""
    if theme.cover_logo is not None:
        return theme.cover_mm("logo_height") * MM * LOGO_LINE
    return theme.size("cover_mark") * MARK_LINE


def band_cover(theme: Theme, cover: Cover, mark: Callable[[ParaFormat], str]) -> CoverLayout:
    """The designed cover of ``cover``; ``mark(fmt)`` makes the band's first paragraph (the
    logo or the typographic mark) in the format ``fmt``."""
    width = theme.page("width") * MM
    left, right = theme.page("margin_left") * MM, theme.page("margin_right") * MM
    text_w = width - left - right
    band = theme.cover_mm("band_height") * MM
    stripe = theme.cover_mm("accent_height") * MM
    size, space, twips = theme.size, theme.cover_space, oxml.twips

    number, label = size("cover_number"), size("cover_series")
    foot = max(0.0, band * NUMBER_BASELINE - NUMBER_DEPTH * number)
    lines = mark_line(theme) + label * LABEL_LINE + number * NUMBER_LINE
    gap = max(0.0, band * (1 - MARK_TOP) - foot - lines)
    logo_line = 240 if theme.cover_logo is not None else None  # a picture sets its line's height
    content = (mark(ParaFormat(style=st.COVER_MARK, after=gap, line=logo_line))
               + paragraph(ParaFormat(style=st.COVER_LABEL), cover.series_name or cover.series)
               + paragraph(ParaFormat(style=st.COVER_NUMBER), cover.report_number))
    rows = oxml.band_row(twips(band), theme.color("cover_band"), "bottom",
                         (0, twips(left), twips(foot), twips(right)), twips(width), content)
    if stripe:
        empty = paragraph(ParaFormat(style=st.COVER_RULE), "")
        rows += oxml.band_row(twips(stripe), theme.color("cover_accent"), "top", (0, 0, 0, 0),
                              twips(width), empty)

    title_line, text_line = size("cover_title") * TITLE_LINE, size("body") * TEXT_LINE
    before_title = space("series_after") + space("title_before")
    out = [(ParaFormat(style=st.TITLE, before=before_title, after=space("title_after"),
                       line_exact=title_line, left=left, right=right), cover.title)]
    used = band + stripe + before_title + space("title_after")
    used += title_line * wrapped_lines(cover.title, theme.font("heavy"), size("cover_title"), text_w)
    if cover.subtitle:
        sub_line = size("cover_subtitle") * TEXT_LINE
        out.append((ParaFormat(style=st.SUBTITLE, after=space("subtitle_after"),
                               line_exact=sub_line, left=left, right=right), cover.subtitle))
        sub_lines = wrapped_lines(cover.subtitle, theme.font("bold"), size("cover_subtitle"), text_w)
        used += sub_line * sub_lines + space("subtitle_after")

    half = space("organisation_before") / 2
    org_line = size("section") * TEXT_LINE
    foot_block = (text_line * (1 + len(cover.authors)) + space("date_after")
                  + 2 * half + 1 + RULE_EIGHTHS / 8 + org_line)
    room = theme.page("height") * MM - theme.page("margin_bottom") * MM - used - foot_block - SLACK
    out.append((ParaFormat(style=st.COVER_DATE, before=max(space("date_after"), room),
                           after=space("date_after"), line_exact=text_line, left=left, right=right), cover.date))
    out += [(ParaFormat(style=st.COVER_AUTHOR, line_exact=text_line, left=left, right=right), line)
            for line in cover.authors]
    rule = ParaFormat(style=st.COVER_RULE, before=half, after=half, left=left,
                      right=right + text_w * (1 - RULE_SHARE),
                      rule_below=(RULE_EIGHTHS, theme.color("cover_accent")))
    out += [(rule, ""), (ParaFormat(style=st.COVER_ORG, before=0, line_exact=org_line, left=left, right=right),
                         cover.organisation)]
    return CoverLayout(oxml.band_table(twips(width), rows), out)


def paragraph(fmt: ParaFormat, text: str) -> str:
    """A ``<w:p>`` of ``fmt`` holding ``text`` (none if empty)."""
    return f"<w:p>{oxml.ppr_xml(fmt)}{oxml.run_xml(text) if text else ''}</w:p>"


def wrapped_lines(text: str, family: str, size: float, width: float) -> int:
    """How many lines ``text`` takes at ``size`` pt in ``width`` points, broken at spaces
    (a word wider than a line counts the lines it fills)."""
    space = text_width(family, " ", size)
    lines, used = 1, 0.0
    for word in text.split():
        w = text_width(family, word, size)
        if used and used + space + w > width:
            lines, used = lines + 1, 0.0
        if w > width:
            lines += math.ceil(w / width) - 1
            w = w % width
        used = used + space + w if used else w
    return lines
