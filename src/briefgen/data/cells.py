"""Cell hygiene for the declared columns: no control characters, no absurdly long cells."""

from __future__ import annotations

import pandas as pd

from briefgen.data.limits import MAX_CELL_CHARS
from briefgen.errors import BriefError
from briefgen.hygiene import CONTROL_CHARACTERS


def check_cells(frame: pd.DataFrame, sources: dict[str, str], rel: str) -> None:
    """Raise BriefError naming row and column of the first cell that is longer than
    MAX_CELL_CHARS or holds a control character (tab, CR and LF are allowed)."""
    for column in frame.columns:
        text = frame[column].astype(str)
        where = sources.get(str(column), str(column))
        lengths = text.str.len()
        too_long = lengths > MAX_CELL_CHARS
        if too_long.any():
            row = too_long.idxmax()
            raise BriefError(
                f"the cell has {lengths[row]:,} characters; the limit is {MAX_CELL_CHARS:,}",
                source=rel,
                cell=f'row {row}, column "{where}"',
            )
        bad = text.str.contains(CONTROL_CHARACTERS.pattern, regex=True)
        if bad.any():
            row = bad.idxmax()
            char = CONTROL_CHARACTERS.search(text[row]).group()  # type: ignore[union-attr]
            hint = " (a binary or UTF-16 file?)" if char == "\x00" else ""
            raise BriefError(
                f"control character U+{ord(char):04X} in the cell{hint}; remove it",
                source=rel,
                cell=f'row {row}, column "{where}"',
            )
