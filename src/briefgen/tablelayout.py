"""Column widths of a table from its content, shared by every writer (same look in DOCX/PDF).

A column gets room in proportion to its longest cell (capped, so one long sentence does not
starve the others), but never less than its longest unbreakable word.
"""

from __future__ import annotations

import unicodedata

from briefgen.ir import Table, plain_text

MAX_DESIRED = 60  # display cells: beyond this a column wraps anyway
MAX_WORD = 24  # a longer token may be split by the writer
MIN_WIDTH = 4
PADDING = 3  # cell padding and a little air, in display cells


def display_width(text: str) -> int:
    """Width in half-width cells: Hangul and other wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_fractions(table: Table) -> list[float]:
    """Fractions of the text width for each column (they sum to 1)."""
    columns = len(table.header)
    desired = [MIN_WIDTH] * columns
    minimum = [MIN_WIDTH] * columns
    for row_index, row in enumerate([table.header, *table.rows]):
        for column, cell in enumerate(row[:columns]):
            text = plain_text(cell.inlines)
            words = [display_width(word) for word in text.split()] or [0]
            minimum[column] = max(minimum[column], min(max(words), MAX_WORD))
            if row_index:  # headers wrap at their spaces; body cells decide the width
                desired[column] = max(desired[column], min(display_width(text), MAX_DESIRED))
    weights = [max(d, m) + PADDING for d, m in zip(desired, minimum, strict=True)]
    total = sum(weights)
    return [weight / total for weight in weights]
