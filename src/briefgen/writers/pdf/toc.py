"""목차 lines (S5): title, ``·`` dot leaders, right-aligned page number, internal link."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

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
        color: str,
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
        canv, font, size = self.canv, self.font, self.size
        y = (self.leading - size) / 2 + size * 0.2
        canv.setFont(font, size)
        canv.setFillColor(self.color)
        canv.drawString(self.indent, y, self.text)
        canv.drawRightString(self.width, y, self.page)
        start = self.indent + stringWidth(self.text, font, size) + size * 0.5
        end = self.width - stringWidth(self.page, font, size) - size * 0.5
        dot = stringWidth(LEADER, font, size) * 1.6
        x = end - dot
        while x >= start:  # right-aligned leaders so the columns of dots line up
            canv.drawString(x, y, LEADER)
            x -= dot
        canv.linkRect(
            "", self.anchor, (self.indent, 0, self.width, self.leading), relative=1, thickness=0
        )
