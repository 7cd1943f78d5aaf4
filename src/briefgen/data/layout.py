"""How a table is laid out in its file, as published tables are (KOSIS, e-나라지표, ministries'
spreadsheets): the dataset keys ``header``, ``footer``, ``missing``, ``thousands``, ``unit`` and
``wide``, checked here against brief.yaml.

- ``header``: the sheet row (1-based, as Excel numbers it) or rows of the header; the rows above
  are titles. Several rows are joined per column (``수출액`` over ``2021년`` → ``수출액 2021년``).
- ``footer``: how many of the last non-empty rows are notes (``주:``, ``자료:``), not data.
- ``skip``: other rows below the header that are not data (a units row, a sub-heading), by
  their sheet row numbers.
- ``missing``: cell texts that mean "no value" (``-``, ``…``, ``x``); they read as empty cells.
- ``thousands``: the thousands separator of numbers written as text (``1,234``).
- ``minus``: the mark a table writes before a negative number instead of ``-`` (``△4.9``).
- ``unit``: the unit of the numbers: a text (``억 달러``) or ``{from: sheet}``, the ``단위``
  stated above the data (``(단위: 억 달러)``).
- ``wide``: ``{year: NAME, value: NAME}``: the columns whose header is a year (``2021``,
  ``2021년``, ``2022 p)``) become rows, the year in column ``year`` and the cell in ``value``;
  ``quarter: NAME`` or ``month: NAME`` when the headers are quarters (``2023.1/4``) or months
  (``2023.01``), and ``id: [NAME, …]`` naming the columns that identify a row (the others must
  then all be periods).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.data.keys import as_list, check_keys, expect_mapping
from briefgen.errors import BriefError

LAYOUT_KEYS = ("header", "footer", "skip", "missing", "thousands", "minus", "unit", "wide")
ROW_KEYS = ("header", "footer", "skip")  # read from the rows of a CSV or XLSX file only
WIDE_KEYS = ("year", "value", "quarter", "month", "id")
WIDE_NAMES = ("year", "value", "quarter", "month")  # the keys naming a column made by wide
UNIT_KEYS = ("from",)
THOUSANDS = (",", ".", " ", "'", "\u00a0")
MINUS_MARKS = ("△", "▽", "▼")  # what Korean statistics tables write for a decrease
MAX_HEADER_ROWS = 10


@dataclass(frozen=True)
class Wide:
    """Period columns to rows: the year goes to column ``year``, the quarter or month (if
    ``period`` is one) to column ``part``, the cells to ``value`` (None: named after the header
    text beside the period, e.g. ``수출액``). ``ids``: the columns declared to identify a row
    (empty: every column that is no period)."""

    year: str
    value: str | None = None
    period: str = "year"
    part: str | None = None
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """The declared layout of one dataset's table (every field optional)."""

    header: tuple[int, ...] = ()
    footer: int = 0
    skip: frozenset[int] = frozenset()
    missing: tuple[str, ...] = ()
    thousands: str | None = None
    minus: str | None = None
    unit: str | None = None
    unit_from_sheet: bool = False
    wide: Wide | None = None

    @property
    def by_rows(self) -> bool:
        """The table must be cut from the file's rows (a header row or a footer declared)."""
        return bool(self.header) or self.footer > 0 or bool(self.skip) or self.unit_from_sheet


def parse_layout(spec: dict[str, Any], config_file: str, key: str) -> Layout:
    """The layout keys of dataset ``spec`` (at config ``key``), checked."""
    header = _header(spec.get("header"), config_file, f"{key}.header")
    footer = spec.get("footer", 0)
    if not (isinstance(footer, int) and not isinstance(footer, bool) and footer >= 0):
        raise BriefError(f"footer must be a number of rows (0 or more), got {footer!r}",
                         source=config_file, key=f"{key}.footer")
    skip = as_list(spec.get("skip", []))
    if not all(isinstance(r, int) and not isinstance(r, bool) and r >= 1 for r in skip):
        raise BriefError(f"skip must be a list of row numbers (1 is the first row), got {spec['skip']!r}",
                         source=config_file, key=f"{key}.skip")
    if header and any(r <= header[-1] for r in skip):
        raise BriefError(f"skip names row {min(skip)}, which is not below the header (rows above it are "
                         "skipped anyway)", source=config_file, key=f"{key}.skip")
    missing = tuple(str(m).strip() for m in as_list(spec.get("missing", [])))
    if any(not m for m in missing):
        raise BriefError("a missing marker must not be empty (empty cells are missing anyway)",
                         source=config_file, key=f"{key}.missing")
    thousands = spec.get("thousands")
    if thousands is not None and thousands not in THOUSANDS:
        shown = ", ".join(repr(t) for t in THOUSANDS)
        raise BriefError(f"thousands must be one of {shown}, got {thousands!r}",
                         source=config_file, key=f"{key}.thousands")
    minus = spec.get("minus")
    if minus is not None and minus not in MINUS_MARKS:
        raise BriefError(f"minus must be one of {', '.join(MINUS_MARKS)} (a plain '-' needs no declaring), "
                         f"got {minus!r}", source=config_file, key=f"{key}.minus")
    unit, from_sheet = _unit(spec.get("unit"), config_file, f"{key}.unit")
    return Layout(header, footer, frozenset(skip), missing, thousands, minus, unit, from_sheet,
                  _wide(spec.get("wide"), config_file, f"{key}.wide"))


def _header(value: Any, config_file: str, key: str) -> tuple[int, ...]:
    if value is None:
        return ()
    rows = as_list(value)
    if not rows or not all(isinstance(r, int) and not isinstance(r, bool) and r >= 1 for r in rows):
        raise BriefError(f"header must be a row number (1 is the first row) or a list of them, got {value!r}",
                         source=config_file, key=key)
    if len(rows) > MAX_HEADER_ROWS or rows != list(range(rows[0], rows[0] + len(rows))):
        raise BriefError(f"header rows must follow each other (e.g. [3, 4]), at most {MAX_HEADER_ROWS}; "
                         f"got {value!r}", source=config_file, key=key)
    return tuple(rows)


def _unit(value: Any, config_file: str, key: str) -> tuple[str | None, bool]:
    if value is None:
        return None, False
    if isinstance(value, str) and value.strip():
        return value.strip(), False
    body = expect_mapping(value, config_file, key)
    check_keys(body, UNIT_KEYS, config_file, key, required=UNIT_KEYS)
    if body["from"] != "sheet":
        raise BriefError(f"unit 'from' must be sheet (the '단위' stated above the data), got {body['from']!r}",
                         source=config_file, key=f"{key}.from")
    return None, True


def _wide(value: Any, config_file: str, key: str) -> Wide | None:
    if value is None:
        return None
    body = expect_mapping(value, config_file, key)
    check_keys(body, WIDE_KEYS, config_file, key, required=("year",))
    names: dict[str, str] = {}
    for name in WIDE_NAMES:
        if name in body:
            if not (isinstance(body[name], str) and body[name].strip()):
                raise BriefError(f"wide.{name} must be a column name, got {body[name]!r}",
                                 source=config_file, key=f"{key}.{name}")
            text = body[name].strip()
            if text in names.values():
                other = next(k for k, v in names.items() if v == text)
                raise BriefError(f"wide.{other} and wide.{name} must name two different columns",
                                 source=config_file, key=f"{key}.{name}")
            names[name] = text
    if "quarter" in names and "month" in names:
        raise BriefError("wide takes quarter or month (the kind of the period headers), not both",
                         source=config_file, key=f"{key}.month")
    period = "quarter" if "quarter" in names else "month" if "month" in names else "year"
    ids = as_list(body.get("id", []))
    if "id" in body and (not ids or not all(isinstance(c, str) and c.strip() for c in ids)):
        raise BriefError(f"wide.id must be a column name or a list of them, got {body['id']!r}",
                         source=config_file, key=f"{key}.id")
    return Wide(names["year"], names.get("value"), period, names.get(period) if period != "year" else None,
                tuple(c.strip() for c in ids))
