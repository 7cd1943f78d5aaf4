"""Wide to long: a published table's year columns (``2019``, ``2020년``, ``2022 p)``) become
rows, as statistics by year need them.

A column whose header holds a year is a year column; the rest of its header (``수출액`` of
``수출액 2021년``) names the measure. Every other column identifies the row and is repeated for
each year. One measure gives one value column (named ``wide.value``, else after the measure);
several give one column each. The cells must be numbers (empty, or a declared missing marker,
is no value); a year annotation such as ``p)`` (잠정) or ``(e)`` is not part of the year.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from briefgen.data.layout import MINUS_MARKS, Wide
from briefgen.errors import BriefError

_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?!\d)\s*년?"
    r"(?:\s*(?:[pPeE]\)|\((?:[pPeE]|잠정|추정|확정)\)|[pPeE](?![A-Za-z])))?"
)
COMMON_MARKERS = ("-", "…", "...", "x", "X", "*", "n.a.", "NA")


def to_long(frame: pd.DataFrame, wide: Wide, rel: str, declared: tuple[str, ...]) -> pd.DataFrame:
    """The long form of ``frame``: its id columns, then ``wide.year`` (whole numbers), then the
    value column(s) as floats (NaN: no value); rows numbered from 2 as in a long file."""
    years: dict[str, tuple[int, str]] = {}
    for name in map(str, frame.columns):
        found = _YEAR.search(name)
        if found:
            years[name] = (int(found.group(1)), " ".join((name[: found.start()] + " " + name[found.end():]).split()))
    if not years:
        raise BriefError("wide: no column header holds a year (2021, 2021년, 2022 p)); columns: "
                         + ", ".join(map(str, frame.columns)), source=rel)
    ids = [str(c) for c in frame.columns if str(c) not in years]
    targets = _targets(years, wide, rel)
    for name in [wide.year, *targets.values()]:
        if name in ids:
            raise BriefError(f"wide: column '{name}' would be made twice (a column of that name is "
                             "in the file); choose another name in brief.yaml", source=rel)
    seen: dict[tuple[int, str], str] = {}
    for name, (year, measure) in years.items():
        if (year, measure) in seen:
            raise BriefError(f"wide: columns '{seen[(year, measure)]}' and '{name}' both hold "
                             f"{year}{' ' + measure if measure else ''}", source=rel)
        seen[(year, measure)] = name
    values = {name: _numbers(frame[name], name, rel, declared) for name in years}
    records = []
    for row in frame.index:
        base = [frame.at[row, c] for c in ids]
        for year in sorted({y for y, _ in years.values()}):
            cells = {targets[m]: values[seen[(year, m)]][row] if (year, m) in seen else math.nan
                     for m in targets}
            records.append([*base, year, *cells.values()])
    long = pd.DataFrame(records, columns=[*ids, wide.year, *targets.values()],
                        index=pd.RangeIndex(2, len(records) + 2))
    long[ids] = long[ids].astype(object)
    long[wide.year] = long[wide.year].astype("Int64")
    for name in targets.values():
        long[name] = long[name].astype("float64")
    return long


def _targets(years: dict[str, tuple[int, str]], wide: Wide, rel: str) -> dict[str, str]:
    """Each measure → the name of its value column."""
    measures = list(dict.fromkeys(measure for _, measure in years.values()))
    if len(measures) == 1:
        name = wide.value or measures[0]
        if not name:
            raise BriefError("wide: the year columns name no measure; name their column in "
                             "brief.yaml (wide: {year: 연도, value: 수출액})", source=rel)
        return {measures[0]: name}
    if wide.value:
        raise BriefError(f"wide: the year columns hold {len(measures)} measures ({', '.join(m or '(none)' for m in measures)}); "
                         "each becomes a column of its name, so leave out wide.value", source=rel)
    if "" in measures:
        bare = next(name for name, (_, m) in years.items() if not m)
        raise BriefError(f"wide: column '{bare}' names a year but no measure, while others do "
                         f"({', '.join(m for m in measures if m)})", source=rel)
    return {m: m for m in measures}


def _numbers(cells: pd.Series, column: str, rel: str, declared: tuple[str, ...]) -> pd.Series:
    """The cells of one year column as floats; a cell that is no number is a located error."""
    text = cells.astype(str).str.strip()
    numbers = pd.to_numeric(text.where(text != ""), errors="coerce")
    bad = numbers.isna() & (text != "")
    if bad.any():
        row = bad.idxmax()
        hint = ""
        if text[row] in COMMON_MARKERS and text[row] not in declared:
            hint = f"; if it marks a missing value, declare it: missing: [\"{text[row]}\"]"
        elif text[row][:1] in MINUS_MARKS:
            hint = f'; if {text[row][0]} marks a negative number, declare it: minus: "{text[row][0]}"'
        elif "," in text[row]:
            hint = '; if "," separates thousands, declare it: thousands: ","'
        raise BriefError(f"not a number: {text[row]!r}{hint}", source=rel,
                         cell=f'row {row}, column "{column}"')
    return numbers.astype("float64")
