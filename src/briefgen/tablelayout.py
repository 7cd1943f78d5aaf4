"""Column widths of a table from its content, shared by every writer (same look in DOCX/PDF).

A column gets room in proportion to its longest cell (capped, so one long sentence does not
starve the others), but never less than its longest unbreakable word.
"""

from __future__ import annotations

from functools import cache

from briefgen.ir import Table, plain_text

MEASURE_FONT = "NanumGothic"  # the house body face: widths as the reader sees them

MAX_DESIRED = 60  # display cells: beyond this a column wraps anyway
MAX_WORD = 24  # a longer token may be split by the writer
MIN_WIDTH = 4
PADDING = 3  # cell padding and a little air, in display cells
LINE = 96  # the text width in display cells at the table size (170 mm at 10 pt)
MIN_COLUMN = 5  # display cells: the writers' cell padding and one Hangul syllable
MAX_COLUMNS = LINE // MIN_COLUMN  # more columns than this cannot each get MIN_COLUMN


@cache
def _registered() -> str:
    from briefgen.cache.fonts import register_font

    return register_font(MEASURE_FONT)


def display_width(text: str) -> float:
    """Width in half-em cells, measured in the house font: a Hangul syllable is about 2, a
    digit 1.2, ``%`` 2.2 (counting every Latin character as 1 cell squeezed ``+2.2%p``)."""
    widths = _CHAR_WIDTHS
    total = 0.0
    for ch in text:
        width = widths.get(ch)
        if width is None:
            width = widths[ch] = _measure(ch)
        total += width
    return total


_CHAR_WIDTHS: dict[str, float] = {}  # ReportLab adds TrueType advances without kerning


def _measure(ch: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(ch, _registered(), 2)


def column_fractions(table: Table) -> list[float]:
    """Fractions of the text width for each column (they sum to 1)."""
    columns = len(table.header)
    desired: list[float] = [MIN_WIDTH] * columns
    minimum: list[float] = [MIN_WIDTH] * columns
    for row_index, row in enumerate([table.header, *table.rows]):
        for column, cell in enumerate(row[:columns]):
            text = plain_text(cell.inlines)
            words = [display_width(word) for word in text.split()] or [0]
            minimum[column] = max(minimum[column], min(max(words), MAX_WORD))
            if row_index:  # headers wrap at their spaces; body cells decide the width
                desired[column] = max(desired[column], min(display_width(text), MAX_DESIRED))
    want = [max(d, m) + PADDING for d, m in zip(desired, minimum, strict=True)]
    need = [m + PADDING for m in minimum]
    if sum(want) <= LINE or sum(need) >= LINE:  # all fits, or nothing does: in proportion
        weights = want if sum(want) <= LINE else need
        return _at_least(MIN_COLUMN / LINE, [weight / sum(weights) for weight in weights])
    # Every column gets its longest word; the room left goes to the columns that want more.
    spare, extra = LINE - sum(need), [w - n for w, n in zip(want, need, strict=True)]
    return [(n + spare * e / sum(extra)) / LINE for n, e in zip(need, extra, strict=True)]


def _at_least(floor: float, fractions: list[float]) -> list[float]:
    """``fractions`` with every one below ``floor`` raised to it and the others shrunk in
    proportion to keep the sum 1 (many columns of long words would leave a short one no room
    for its cell padding); unchanged when none is below."""
    fixed: set[int] = set()
    result = fractions
    while low := {i for i, f in enumerate(result) if f < floor and i not in fixed}:
        fixed |= low
        free = sum(f for i, f in enumerate(fractions) if i not in fixed)
        scale = (1 - floor * len(fixed)) / free
        result = [floor if i in fixed else f * scale for i, f in enumerate(fractions)]
    return result
