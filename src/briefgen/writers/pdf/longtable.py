"""Long tables split by page without ReportLab's quadratic re-measuring (S29).

ReportLab splits a long table by re-measuring all of its remaining rows at every page break
and building a new table of them, which takes seconds for thousands of rows. Row heights do
not depend on the page, so ``TableRows`` measures every row once per document (in small
chunks) and ``RowRun`` cuts the rows at each page end itself into a ``RowPiece`` per page: the
rows of that page under a copy of the header row, with the style commands ReportLab gives the
parts of a split table (see ``TableRows._commands``). A piece becomes a ReportLab table only
when it is drawn, and on a layout pass only if a cell holds a callback (a footnote mark).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate, chain, islice
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Table as RLTable
from reportlab.platypus.tables import LINECOMMANDS

from briefgen.compat.reportlab import row_heights
from briefgen.writers.pdf.draft import is_draft
from briefgen.writers.pdf.linebreak import Paragraph

#: Rows measured per ReportLab table (its own measuring is quadratic in the row count).
MEASURE_CHUNK = 64
#: Style command only for the last piece of a table: the rule under its last row.
BOTTOM_RULE = ("LINEBELOW", (0, -1), (-1, -1))


@dataclass(frozen=True)
class ParaCell:
    """A cell that needs a paragraph (marks, emphasis, wrapping): made afresh for each
    table, as drawing a paragraph edits it."""

    markup: str
    style: ParagraphStyle

    @property
    def calls(self) -> bool:
        """True if drawing it fires a canvas callback (``<onDraw>``, e.g. a footnote mark)."""
        return "<onDraw" in self.markup

    def flowable(self) -> Paragraph:
        return Paragraph(self.markup, self.style)


Cell = str | ParaCell


def stacked(heights: list[float]) -> float:
    """The height of rows ``heights`` exactly as ReportLab sums it (compensated, bottom up)."""
    height = carry = 0.0
    for h in reversed(heights):
        y = h - carry
        total = height + y
        carry = (total - height) - y
        height = total
    return height


@dataclass
class TableRows:
    """One table's cells, column widths and style commands, with its row heights measured
    once: ``heights[0]`` is the header row, ``heights[i]`` body row ``i``. The commands must
    style every body row alike (they may single out the header row and columns)."""

    head: list[Cell]
    body: list[list[Cell]]
    widths: list[float]
    commands: list[tuple[Any, ...]]
    heights: list[float] = field(init=False)
    #: ``below[i]``: the header row and body rows ``i:`` (a plain sum, see ``stacked``).
    below: list[float] = field(init=False)
    #: Cell styles of the header row and of any body row, as ReportLab derives them.
    _styles: tuple[list[Any], list[Any]] = field(init=False)

    def __post_init__(self) -> None:
        blank = [""] * len(self.widths)
        sample = RLTable([blank, blank], colWidths=self.widths, style=self.commands)
        self._styles = (sample._cellStyles[0], sample._cellStyles[1])
        self.heights = self._measure()
        rest = list(accumulate(reversed(self.heights[1:]), initial=0.0))
        self.below = [self.heights[0] + h for h in reversed(rest)]

    def _measure(self) -> list[float]:
        """Row heights: rows of one-line strings all measure alike (measure the first), the
        other rows in chunks of ``MEASURE_CHUNK``, each under the header row."""
        plain = [all(isinstance(c, str) and "\n" not in c for c in row) for row in self.body]
        sample = plain.index(True) if True in plain else None
        rows = [i for i, p in enumerate(plain) if not p] + ([sample] if sample is not None else [])
        heights = [0.0] * (1 + len(self.body))
        for at in range(0, max(len(rows), 1), MEASURE_CHUNK):
            chunk = rows[at : at + MEASURE_CHUNK]
            table = self._table([self.body[i] for i in chunk], None, [])  # rules move nothing
            table.wrap(sum(self.widths), 1e9)
            measured = row_heights(table)
            heights[0] = measured[0]
            for i, h in zip(chunk, measured[1:], strict=True):
                heights[1 + i] = h
        if sample is not None:
            one = heights[1 + sample]
            heights[1:] = [one if p else h for p, h in zip(plain, heights[1:], strict=True)]
        return heights

    def rows_height(self, start: int, end: int) -> float:
        """Height of the header row and body rows ``start:end`` as a ReportLab table."""
        return stacked([self.heights[0], *self.heights[1 + start : 1 + end]])

    def calls(self, start: int, end: int) -> bool:
        """True if a cell of the header or of body rows ``start:end`` fires a callback."""
        cells = chain(self.head, *self.body[start:end])
        return any(isinstance(c, ParaCell) and c.calls for c in cells)

    def table(self, start: int, end: int) -> RLTable:
        """The header row and body rows ``start:end`` as a ReportLab table (header repeated
        if it splits) with their measured heights."""
        heights = [self.heights[0], *self.heights[1 + start : 1 + end]]
        return self._table(self.body[start:end], heights, self._commands(start, end))

    def _table(self, body: list[list[Cell]], heights: list[float] | None,
               commands: list[tuple[Any, ...]]) -> RLTable:
        data = [[c.flowable() if isinstance(c, ParaCell) else c for c in row]
                for row in [self.head, *body]]
        head, row = self._styles
        table = RLTable(data, colWidths=self.widths, rowHeights=heights, repeatRows=1,
                        cellStyles=[head, *[row] * len(body)])
        table.setStyle(TableStyle(commands))
        return table

    def _commands(self, start: int, end: int) -> list[tuple[Any, ...]]:
        """The rules and fills of rows ``start:end`` (cell styles come from ``_styles``): the
        bottom rule only under the last row of the table; where a page cuts the inner grid,
        its rule under the last row before the cut and above the first row after it (as
        ReportLab splits an ``INNERGRID``)."""
        last = end >= len(self.body)
        out: list[tuple[Any, ...]] = []
        for command in self.commands:
            if command[0] not in LINECOMMANDS and command[0] != "BACKGROUND":
                continue
            if command[0] == "INNERGRID":
                rule = command[3:]
                if start:
                    out.append(("LINEABOVE", (0, 1), (-1, 1), *rule))
                if not last:
                    out.append(("LINEBELOW", (0, -1), (-1, -1), *rule))
            if last or command[:3] != BOTTOM_RULE:
                out.append(command)
        return out


class RowPiece(Flowable):
    """The header row and body rows ``start:end`` of a long table: one page's part."""

    def __init__(self, rows: TableRows, start: int, end: int) -> None:
        super().__init__()
        self.rows, self.start, self.end = rows, start, end
        self.hAlign = "CENTER"  # as a ReportLab table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.rows.widths)
        self.height = self.rows.rows_height(self.start, self.end)
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if is_draft(canvas) and not self.rows.calls(self.start, self.end):
            return
        table = self.rows.table(self.start, self.end)
        table.wrap(self.width, self.height)
        table.drawOn(canvas, x, y, _sW)


class RowRun(Flowable):
    """Body rows ``start:`` of a long table under its header row: at a page end it splits
    into a ``RowPiece`` of the rows that fit and a ``RowRun`` of the rest."""

    def __init__(self, rows: TableRows, start: int = 0, last_rows: int = 0) -> None:
        super().__init__()
        self.rows, self.start, self.last_rows = rows, start, last_rows
        self.hAlign = "CENTER"  # as a ReportLab table

    def _rest(self) -> RowPiece:
        return RowPiece(self.rows, self.start, len(self.rows.body))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.rows.widths)
        self.height = self.rows.below[self.start]
        if self.height <= avail_height + 1:  # it may fit: the exact sum decides
            self.height = self._rest().wrap(avail_width, avail_height)[1]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Cut after the last row that fits (ReportLab's rule), but leave at least
        ``last_rows`` rows for the next page (no last row alone above the source line) where
        that leaves one here; [] if not even one fits."""
        heights, used, end = self.rows.heights, 0.0, self.start - 1  # the header row counts
        for h in chain(heights[:1], islice(heights, 1 + self.start, None)):
            if used + h > avail_height:
                break
            used += h
            end += 1
        if end <= self.start:
            return []
        count = len(self.rows.body)
        if end >= count:
            return [self._rest()]
        end = max(self.start + 1, min(end, count - self.last_rows))
        return [RowPiece(self.rows, self.start, end), RowRun(self.rows, end, self.last_rows)]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        piece = self._rest()
        piece.wrap(self.width, self.height)
        piece.drawOn(canvas, x, y, _sW)
