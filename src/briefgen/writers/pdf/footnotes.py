"""Page-bottom footnotes (S24): notes sit at the bottom of the page that holds their mark.

ReportLab has no footnotes, so the writer lays the document out several times. In each pass
the body frame of page *p* is shortened by ``reserve[p]``; a canvas callback fired where each
mark is drawn tells the engine which page holds it; at the end of the page the engine draws
those notes (after any continuation carried over from the previous page) above the footer and
records the height they ``needed``. The writer stops when every page's notes fit in its
reservation; otherwise it runs again with new reservations. The first passes reserve exactly
what each page needed (no stale space where a mark has moved away); later passes only grow
them (``reserve = max(reserve, needed)``), so a mark that the reservation pushes to the next
page simply belongs to that page, and since reservations then never shrink and take values
from a finite set (sums of line heights of the notes) the loop reaches a fixed point. The
writer still caps the number of passes.

Notes take at most ``max_area`` of the text height; longer ones continue on the next page
under a full-width rule. Every note starts on its mark's page: continuations yield room to
the first line of each new note, and if those first lines alone exceed the cap the area grows
(the body shrinks, which may move marks to the next page). Notes still running after the
last body page get pages of their own (``FlushNotes``).

The first pass has no reservations; instead each mark, as it is drawn, raises the bottom of
the rest of its page above the notes due so far (``guess``). Only the paragraph that holds a
mark may then reach into its notes' space, so the second pass starts close to the fixed
point (a 460-page brief: 5 passes instead of 8).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Spacer

from briefgen.compat.reportlab import current_frame, raise_frame_bottom
from briefgen.theme import Theme
from briefgen.writers.pdf.linebreak import Paragraph
from briefgen.writers.pdf.styles import color


@dataclass
class NoteArea:
    """Where notes may go: left edge ``x``, bottom ``y``, ``width``, and the text block height."""

    x: float
    y: float
    width: float
    text_height: float


@dataclass
class _Fit:
    """One page's note area: items placed (with heights), what continues, height used, and
    whether it opens with a continuation (drawn under a full-width rule)."""

    placed: list[tuple[Flowable, float]] = field(default_factory=list)
    rest: list[Flowable] = field(default_factory=list)
    used: float = 0.0
    continued: bool = False

    def add(self, item: Flowable, height: float, is_new: bool) -> None:
        if not self.placed:
            self.continued = not is_new
        self.placed.append((item, height))
        self.used += height


@dataclass
class FootnoteEngine:
    """One layout pass of the footnote machinery (see the module docstring)."""

    notes: dict[int, str]  # number -> paragraph markup of the note text (without the ``n) ``)
    style: ParagraphStyle
    theme: Theme
    area: NoteArea
    reserve: dict[int, float]
    #: Hanging-indent style of each note; passing one dict to every pass lets the memo of
    #: parsed paragraphs (keyed by style) serve all passes.
    note_styles: dict[int, ParagraphStyle] = field(default_factory=dict)
    #: Each note's paragraph, shared by all passes like ``note_styles``: it keeps its line
    #: breaks from pass to pass (a layout pass draws nothing; the real one draws it once).
    note_paragraphs: dict[int, Paragraph] = field(default_factory=dict)
    #: First pass, with no reservations yet: each mark shrinks the rest of its page by the
    #: notes so far, so that the pass starts the loop near its end (see ``on_mark``).
    guess: bool = False
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
            if self.guess:
                self._shrink_frame(current_frame(canv))

    def _shrink_frame(self, frame: Frame) -> None:
        """Raise the bottom of the rest of the page above the notes due on it so far (the
        paragraph holding the mark may already reach below: the next pass reserves)."""
        used = self._layout(list(self._carry), sorted(self._pending)).used + 2 * self._gap
        raise_frame_bottom(frame, used)

    def _note(self, number: int) -> Paragraph:
        para = self.note_paragraphs.get(number)
        if para is None:
            para = self.note_paragraphs[number] = self._make_note(number)
        return para

    def _make_note(self, number: int) -> Paragraph:
        prefix = f"{number}) "
        style = self.note_styles.get(number)
        if style is None:
            hang = stringWidth(prefix, self.style.fontName, self.style.fontSize)
            style = self.note_styles[number] = ParagraphStyle(
                f"fn{number}", self.style, leftIndent=hang, firstLineIndent=-hang, allowOrphans=1
            )
        return Paragraph(f"{prefix}{self.notes[number]}", style)

    def _first_line(self) -> float:
        return float(self.style.leading)

    def _layout(self, carry: list[Flowable], new: list[int]) -> _Fit:
        """Fit ``carry`` (continuations, first) and the notes ``new`` whose marks are on this
        page into the note area.

        The area is ``max_area`` of the text height, or more when the first lines of the new
        notes need it: every note starts on its mark's page (the body then shrinks and may push
        marks onward). Each item may use what is left after one line for each later new note."""
        cap = float(self.theme.data["footnotes"]["max_area"]) * self.area.text_height
        line = self._first_line()
        room = max(cap - 2 * self._gap, line * len(new))
        items: list[tuple[Flowable, bool]] = [(c, False) for c in carry]
        items += [(self._note(n), True) for n in new]
        later_new = len(new)
        fit = _Fit()
        for item, is_new in items:
            later_new -= is_new
            if fit.rest and not is_new:  # continuations keep their order
                fit.rest.append(item)
                continue
            avail = room - fit.used - later_new * line + 1e-6
            _, h = item.wrap(self.area.width, avail)
            if h <= avail:
                fit.add(item, h, is_new)
                continue
            parts = item.split(self.area.width, avail) if avail >= line else []
            if len(parts) == 2:
                _, h = parts[0].wrap(self.area.width, avail)
                fit.add(parts[0], h, is_new)
                fit.rest.append(parts[1])
            else:
                fit.rest.append(item)
        return fit

    def overflows(self) -> bool:
        """True when the notes due on the current page would continue past it."""
        if not self._carry and not self._pending:
            return False
        return bool(self._layout(list(self._carry), sorted(self._pending)).rest)

    def draw_page(self, canv: Canvas) -> None:
        """Draw the notes of the page just finished (call from the page-end hook)."""
        fit = self._layout(self._carry, sorted(self._pending))
        self._carry, self._pending = fit.rest, []
        if fit.placed:
            self.needed[canv.getPageNumber()] = fit.used + 2 * self._gap
            self._draw(canv, fit)

    def _draw(self, canv: Canvas, fit: _Fit) -> None:
        """The rule (full width over a continuation, else short) and the notes under it."""
        cfg = self.theme.data["footnotes"]
        x, width = self.area.x, self.area.width
        rule_y = self.area.y + fit.used + self._gap * 0.75
        canv.saveState()
        canv.setLineWidth(float(cfg["rule_width"]))
        canv.setStrokeColor(color(self.theme, "text"))
        length = width if fit.continued else width * float(cfg["rule_ratio"])
        canv.line(x, rule_y, x + length, rule_y)
        canv.restoreState()
        y = self.area.y + fit.used
        for item, h in fit.placed:
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


class FlushNotes(Flowable):
    """Placed after the last body flowable: while notes would continue past the current page,
    take the rest of it, so that leftover notes get pages of their own before the back page."""

    def __init__(self, engine: FootnoteEngine) -> None:
        super().__init__()
        self.engine = engine

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = avail_height + 1 if self.engine.overflows() else 0.0
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if avail_height < 1:
            return []  # the frame is full: go on to the next page, where notes continue
        return [Spacer(avail_width, avail_height), FlushNotes(self.engine)]

    def draw(self) -> None:
        """Nothing to draw: the page-end hook draws the notes."""
