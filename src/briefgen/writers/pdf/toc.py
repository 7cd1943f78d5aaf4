"""목차 lines (S5): title, ``·`` dot leaders, right-aligned page number, internal link."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from briefgen.writers.pdf.draft import is_draft

LEADER = "·"  # U+00B7 (S5)


class TocLine(Flowable):
    """One TOC entry linking to the bookmark ``anchor``."""

    def __init__(
        self,
        text: str,
        page: str,
        anchor: str,
        *,
        font: str,
        size: float,
        indent: float,
        leading: float,
        color: Color,
        space_before: float,
    ) -> None:
        super().__init__()
        self.text, self.page, self.anchor = text, page, anchor
        self.font, self.size, self.indent, self.leading = font, size, indent, leading
        self.color, self.spaceBefore = color, space_before

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.leading

    def draw(self) -> None:
        if is_draft(self.canv):  # nothing here fires a callback
            return
        canv, font, size = self.canv, self.font, self.size
        y = (self.leading - size) / 2 + size * 0.2
        canv.setFont(font, size)
        canv.setFillColor(self.color)
        canv.drawString(self.indent, y, self.text)
        canv.drawRightString(self.width, y, self.page)
        start = self.indent + stringWidth(self.text, font, size) + size * 0.5
        end = self.width - stringWidth(self.page, font, size) - size * 0.5
        width = stringWidth(LEADER, font, size)
        dot = width * 1.6
        count, x = 0, end - dot
        while x >= start:  # right-aligned leaders so the columns of dots line up
            count, x = count + 1, x - dot
        if count:  # one string, its dots ``dot`` apart (character spacing)
            canv.drawString(end - count * dot, y, LEADER * count, charSpace=dot - width)
        canv.linkRect(
            "", self.anchor, (self.indent, 0, self.width, self.leading), relative=1, thickness=0
        )
