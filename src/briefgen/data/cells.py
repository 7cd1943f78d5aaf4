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
        cells = [str(value) for value in frame[column].tolist()]
        where = sources.get(str(column), str(column))
        if max(map(len, cells), default=0) > MAX_CELL_CHARS:
            at = next(i for i, text in enumerate(cells) if len(text) > MAX_CELL_CHARS)
            raise BriefError(
                f"the cell has {len(cells[at]):,} characters; the limit is {MAX_CELL_CHARS:,}",
                source=rel,
                cell=f'row {frame.index[at]}, column "{where}"',
            )
        if CONTROL_CHARACTERS.search("\n".join(cells)):  # a line break is allowed: one search
            at = next(i for i, text in enumerate(cells) if CONTROL_CHARACTERS.search(text))
            char = CONTROL_CHARACTERS.search(cells[at]).group()  # type: ignore[union-attr]
            hint = " (a binary or UTF-16 file?)" if char == "\x00" else ""
            raise BriefError(
                f"control character U+{ord(char):04X} in the cell{hint}; remove it",
                source=rel,
                cell=f'row {frame.index[at]}, column "{where}"',
            )
