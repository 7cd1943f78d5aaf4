"""Page-bottom footnotes (S24): notes sit at the bottom of the page that holds their mark.

ReportLab has no footnotes, so the writer lays the document out several times. In each pass
the body frame of page *p* is shortened by ``reserve[p]``; a canvas callback fired where each
mark is drawn tells the engine which page holds it; at the end of the page the engine draws
those notes (plus any continuation carried over from the previous page) above the footer and
records the height they ``needed``. The writer stops when every page's notes fit in its
reservation; otherwise it runs again with new reservations. The first passes reserve exactly
what each page needed (no stale space where a mark has moved away); later passes only grow
them (``reserve = max(reserve, needed)``), so a mark that the reservation pushes to the next
page simply belongs to that page, and since reservations then never shrink and take values
from a finite set (sums of line heights of the notes) the loop reaches a fixed point. The
writer still caps the number of passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from briefgen.theme import Theme


@dataclass
class NoteArea:
    """Where notes may go: left edge ``x``, bottom ``y``, ``width``, and the text block height."""

    x: float
    y: float
    width: float
    text_height: float


@dataclass
class FootnoteEngine:
    """One layout pass of the footnote machinery (see the module docstring)."""

    notes: dict[int, str]  # number -> paragraph markup of the note text (without the ``n) ``)
    style: ParagraphStyle
    theme: Theme
    area: NoteArea
    reserve: dict[int, float]
    marks: dict[int, int] = field(default_factory=dict)  # note number -> absolute page
    needed: dict[int, float] = field(default_factory=dict)  # absolute page -> height used
    _pending: list[int] = field(default_factory=list)
    _carry: list[Flowable] = field(default_factory=list)

    @property
    def _gap(self) -> float:
        return float(self.theme.data["footnotes"]["gap"])

    def reservation(self, page: int) -> float:
        """Height to take off the bottom of the body frame of ``page``."""
        return self.reserve.get(page, 0.0)

    def on_mark(self, canv: Canvas, kind: str, label: str) -> None:
        """Canvas callback fired by ``<onDraw>`` where the mark of note ``label`` is drawn."""
        number = int(label)
        if number not in self.marks:
            self.marks[number] = canv.getPageNumber()
            self._pending.append(number)

    def _note(self, number: int) -> Paragraph:
        prefix = f"{number}) "
        hang = stringWidth(prefix, self.style.fontName, self.style.fontSize)
        style = ParagraphStyle(f"fn{number}", self.style, leftIndent=hang, firstLineIndent=-hang)
        return Paragraph(f"{prefix}{self.notes[number]}", style)

    def draw_page(self, canv: Canvas) -> None:
        """Draw the notes of the page just finished (call from the page-end hook)."""
        page = canv.getPageNumber()
        continued = bool(self._carry)
        items = self._carry + [self._note(n) for n in sorted(self._pending)]
        self._carry, self._pending = [], []
        if not items:
            return
        cfg = self.theme.data["footnotes"]
        room = cfg["max_area"] * self.area.text_height - 2 * self._gap
        placed: list[tuple[Flowable, float]] = []
        used = 0.0
        for i, item in enumerate(items):
            _, h = item.wrap(self.area.width, room - used)
            if used + h <= room:
                placed.append((item, h))
                used += h
                continue
            parts = item.split(self.area.width, room - used)
            if len(parts) == 2:
                _, h = parts[0].wrap(self.area.width, room - used)
                placed.append((parts[0], h))
                used += h
                self._carry = [parts[1], *items[i + 1 :]]
            else:
                self._carry = items[i:]
            break
        self.needed[page] = used + 2 * self._gap
        self._draw(canv, placed, used, continued)

    def _draw(
        self, canv: Canvas, placed: list[tuple[Flowable, float]], used: float, continued: bool
    ) -> None:
        cfg = self.theme.data["footnotes"]
        x, width = self.area.x, self.area.width
        rule_y = self.area.y + used + self._gap * 0.75
        canv.saveState()
        canv.setLineWidth(float(cfg["rule_width"]))
        canv.setStrokeColor(self.theme.color("text"))
        length = width if continued else width * float(cfg["rule_ratio"])
        canv.line(x, rule_y, x + length, rule_y)
        canv.restoreState()
        y = self.area.y + used
        for item, h in placed:
            y -= h
            item.drawOn(canv, x, y)

    def fits(self) -> bool:
        """True when every page's notes fitted in the space reserved for them this pass."""
        return (
            all(h <= self.reservation(p) + 0.01 for p, h in self.needed.items()) and not self._carry
        )

    def next_reserve(self, monotone: bool) -> dict[int, float]:
        """Reservations for the next pass: what was needed, or (``monotone``) never less than
        before, which guarantees termination."""
        if not monotone:
            return dict(sorted(self.needed.items()))
        pages = set(self.reserve) | set(self.needed)
        return {p: max(self.reserve.get(p, 0.0), self.needed.get(p, 0.0)) for p in sorted(pages)}
