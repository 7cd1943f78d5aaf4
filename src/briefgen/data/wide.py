"""Wide to long: a published table's period columns (``2019``, ``2020년``, ``2022 p)``,
``2023.1/4``, ``2023.01``) become rows, as statistics by year, quarter or month need them.

A column whose header is a period (``data.periods``) is a period column; the text before the
period (``수출액`` of ``수출액 2021년``) names the measure. Every other column identifies the
row and is repeated for each period, unless ``wide.id`` names those columns (then every other
column must be a period). A header that may be either (``2020년 기준 분류``) is an error until
``wide.id`` settles it. One measure gives one value column (named ``wide.value``, else after
the measure); several give one column each. The cells must be numbers (empty, or a declared
missing marker, is no value).
"""

from __future__ import annotations

import math

import pandas as pd

from briefgen.data.layout import MINUS_MARKS, Wide
from briefgen.data.periods import KIND_WORDS, Period, mentions_year, read_period
from briefgen.errors import BriefError

COMMON_MARKERS = ("-", "…", "...", "x", "X", "*", "n.a.", "NA")
_PLURAL = {"year": "years", "quarter": "quarters", "month": "months"}


def to_long(frame: pd.DataFrame, wide: Wide, rel: str, declared: tuple[str, ...]) -> pd.DataFrame:
    """The long form of ``frame``: its id columns, then ``wide.year`` (whole numbers), then
    the quarter or month column if declared, then the value column(s) as floats (NaN: no
    value); rows numbered from 2 as in a long file."""
    ids, periods = _columns(frame, wide, rel)
    _check_kind(periods, wide, rel)
    targets = _targets(periods, wide, rel)
    made = [wide.year, *([wide.part] if wide.part else []), *targets.values()]
    for name in made:
        if name in ids:
            raise BriefError(f"wide: column '{name}' would be made twice (a column of that name is "
                             "in the file); choose another name in brief.yaml", source=rel)
    seen: dict[tuple[int, int, str], str] = {}
    for name, period in periods.items():
        slot = (period.year, period.part, period.measure)
        if slot in seen:
            raise BriefError(f"wide: columns '{seen[slot]}' and '{name}' both hold "
                             f"{_when(period)}{' ' + period.measure if period.measure else ''}", source=rel)
        seen[slot] = name
    values = {name: _numbers(frame[name], name, rel, declared) for name in periods}
    when = sorted({(p.year, p.part) for p in periods.values()})
    records = []
    for row in frame.index:
        base = [frame.at[row, c] for c in ids]
        for year, part in when:
            cells = [values[seen[(year, part, m)]][row] if (year, part, m) in seen else math.nan
                     for m in targets]
            records.append([*base, year, *([part] if wide.part else []), *cells])
    long = pd.DataFrame(records, columns=[*ids, *made], index=pd.RangeIndex(2, len(records) + 2))
    long[ids] = long[ids].astype(object)
    for name in made[: 2 if wide.part else 1]:
        long[name] = long[name].astype("Int64")
    for name in targets.values():
        long[name] = long[name].astype("float64")
    return long


def _columns(frame: pd.DataFrame, wide: Wide, rel: str) -> tuple[list[str], dict[str, Period]]:
    """The id columns and the period columns (header → period) of ``frame``."""
    names = [str(c) for c in frame.columns]
    missing = [c for c in wide.ids if c not in names]
    if missing:
        raise BriefError(f"wide.id names column '{missing[0]}', which the table lacks (columns: "
                         f"{', '.join(names)})", source=rel)
    ids: list[str] = []
    periods: dict[str, Period] = {}
    unsure: list[str] = []
    for name in names:
        period = None if name in wide.ids else read_period(name)
        if name in wide.ids:
            ids.append(name)
        elif wide.ids and period is None:
            raise BriefError(f"wide: column '{name}' is no period (2021, 2023.1/4, 2023.01, 수출액 2021년) "
                             f"and not among wide.id ({', '.join(wide.ids)})", source=rel)
        elif period is not None and (wide.ids or not period.leading):
            periods[name] = period
        else:
            if period is not None or mentions_year(name):
                unsure.append(name)
            ids.append(name)
    if unsure:
        listed = ", ".join(c for c in ids)
        raise BriefError(f"wide: column '{unsure[0]}' may be a period or a column naming the rows; "
                         f"name the columns that identify a row: wide: {{id: [{listed}]}} (the others "
                         "are periods)", source=rel)
    if not periods:
        raise BriefError("wide: no column header holds a year (2021, 2021년, 2022 p)); columns: "
                         + ", ".join(names), source=rel)
    return ids, periods


def _check_kind(periods: dict[str, Period], wide: Wide, rel: str) -> None:
    """Every period header is of the kind brief.yaml declares (a year unless quarter: or
    month: is given)."""
    first: dict[str, str] = {}
    for name, period in periods.items():
        first.setdefault(period.kind, name)
    if len(first) > 1:
        (a, one), (b, other) = list(first.items())[:2]
        raise BriefError(f"wide: column '{one}' is {KIND_WORDS[a]} but column '{other}' "
                         f"{KIND_WORDS[b]}; the period columns must be all years, all quarters or "
                         "all months", source=rel)
    kind, name = next(iter(first.items()))
    if kind == wide.period:
        return
    if wide.period == "year":
        raise BriefError(f"wide: the period columns are {_PLURAL[kind]} ('{name}', …); name the "
                         f"column for the {kind}: wide: {{year: {wide.year}, {kind}: "
                         f"{'분기' if kind == 'quarter' else '월'}}}", source=rel)
    raise BriefError(f"wide: wide.{wide.period} is declared but the period columns are "
                     f"{_PLURAL[kind]} ('{name}', …)", source=rel)


def _when(period: Period) -> str:
    if period.kind == "quarter":
        return f"{period.year} Q{period.part}"
    return f"{period.year}-{period.part:02d}" if period.kind == "month" else str(period.year)


def _targets(periods: dict[str, Period], wide: Wide, rel: str) -> dict[str, str]:
    """Each measure → the name of its value column."""
    measures = list(dict.fromkeys(period.measure for period in periods.values()))
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
        bare = next(name for name, p in periods.items() if not p.measure)
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
