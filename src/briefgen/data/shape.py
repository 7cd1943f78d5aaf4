"""The shape of a table as written: every header name once, every CSV row as wide as the header."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator

from briefgen.errors import BriefError


def check_header(
    names: list[str], rel: str, position: Callable[[int], str], line: int = 1
) -> None:
    """Refuse a header (on ``line``) naming one column twice; ``position(i)`` shows the i-th
    (0-based) column."""
    seen: dict[str, int] = {}
    for at, name in enumerate(names):
        if not name:
            continue
        if name in seen:
            raise BriefError(
                f"the header names column {name!r} twice (columns {position(seen[name])} and "
                f"{position(at)}); rename one of them",
                source=rel,
                line=line,
            )
        seen[name] = at


def csv_header(text: str, delimiter: str, rel: str) -> list[str]:
    """The names of the first record of a CSV text, as written (pandas renames duplicates)."""
    return next(_records(text, delimiter, rel), [])


def csv_records(text: str, delimiter: str, rel: str) -> list[list[str]]:
    """Every record of a CSV text as written (a title line may be shorter than the table)."""
    return list(_records(text, delimiter, rel))


def check_short_rows(text: str, delimiter: str, width: int, rel: str) -> None:
    """Refuse a row with fewer values than the header (pandas pads it with empty cells).

    Rows are counted as in a spreadsheet: the header is row 1, blank lines are skipped.
    """
    records = (record for record in _records(text, delimiter, rel) if record)
    for row, record in enumerate(records, start=1):
        if row > 1 and len(record) < width:
            raise BriefError(
                f"row {row} has {len(record)} value{'s' if len(record) != 1 else ''}, the header "
                f"has {width} (a value missing? an empty value is written as two delimiters)",
                source=rel,
            )


def _records(text: str, delimiter: str, rel: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as exc:  # e.g. a value longer than the csv module's field limit
        raise BriefError(f"cannot parse CSV: {exc}", source=rel, line=reader.line_num) from None
