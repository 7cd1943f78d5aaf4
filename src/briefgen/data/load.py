"""``load_datasets``: the ``data:`` section of brief.yaml → filtered Datasets."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from briefgen.data.cells import check_cells
from briefgen.data.conditions import mask, parse_conditions
from briefgen.data.dataset import Dataset
from briefgen.data.dates import parse_dates
from briefgen.data.keys import as_list, check_keys, expect_mapping
from briefgen.data.layout import LAYOUT_KEYS, ROW_KEYS, Layout, parse_layout
from briefgen.data.markers import clean_markers
from briefgen.data.multi import apply_multi, parse_multi
from briefgen.data.paths import project_path
from briefgen.data.read import read_rows, read_table
from briefgen.data.sheet import table_from_rows
from briefgen.data.snapshot import read_snapshot
from briefgen.data.sql import SQL_KEYS, QueryResult, is_query, run_query
from briefgen.data.wide import to_long
from briefgen.errors import BriefError

DATASET_KEYS = (
    "path", "encoding", "delimiter", "sheet", "columns", "derive", "multi", "filters", "key", "label",
    "snapshot", *LAYOUT_KEYS, *SQL_KEYS,
)  # fmt: skip
FILE_KEYS = ("path", "encoding", "delimiter", "sheet")  # not for a query
DERIVE_KEYS = ("from", "date_format", "part")
DATE_PARTS = ("year", "month", "day", "quarter")


def load_datasets(spec: dict, project_dir: Path, config_file: str,
                  queries: Mapping[str, QueryResult] | None = None) -> dict[str, Dataset]:
    """Read, rename, derive, split and filter every dataset declared under ``data:``;
    ``queries``: the results of its query datasets if they were run already (by name)."""
    spec = expect_mapping(spec, config_file, "data")
    return {
        str(name): _load_one(str(name), body, project_dir, config_file, (queries or {}).get(str(name)))
        for name, body in spec.items()
    }


def _load_one(name: str, spec: object, project_dir: Path, config_file: str,
              result: QueryResult | None) -> Dataset:
    key = f"data.{name}"
    spec = expect_mapping(spec, config_file, key)
    query = is_query(spec)
    check_keys(spec, DATASET_KEYS, config_file, key, required=() if query else ("path",))
    layout = parse_layout(spec, config_file, key)
    if query:
        for other in (*FILE_KEYS, *ROW_KEYS):
            if other in spec:
                raise BriefError(f"'{other}' is for a data file; a query dataset (sql) has no {other}",
                                 source=config_file, key=f"{key}.{other}")
        if layout.unit_from_sheet:
            raise BriefError("a query has no sheet to state its unit; declare it (unit: 억 원)",
                             source=config_file, key=f"{key}.unit")
        result = result or run_query(name, spec, project_dir, config_file)
        rel, encoding, raw, unit = result.label, "sql", result.frame, None
    else:
        for other in SQL_KEYS:
            if other in spec:
                raise BriefError(f"'{other}' is for a query (sql:); a data file (path) has no {other}",
                                 source=config_file, key=f"{key}.{other}")
        rel, encoding, raw, unit = _read_file(spec, layout, project_dir, config_file, key)
    if raw.empty:
        raise BriefError("the data file has no data rows (only a header?)" if not query
                         else "the query returns no rows", source=rel)
    raw = clean_markers(raw, layout.missing, layout.thousands, layout.minus)
    identity: tuple[str, ...] = ()
    if layout.wide is not None:
        raw = to_long(raw, layout.wide, rel, layout.missing)
        made = list(map(str, raw.columns)).index(layout.wide.part or layout.wide.year)
        identity = tuple(map(str, raw.columns[: made + 1]))  # the id columns, the year (and part)
    frame, sources = _select(raw, spec.get("columns"), rel, config_file, f"{key}.columns")
    check_cells(frame, sources, rel)
    frame = _derive(frame, sources, spec.get("derive") or {}, rel, config_file, f"{key}.derive")
    multi_spec = expect_mapping(spec.get("multi") or {}, config_file, f"{key}.multi")
    specs = {}
    for column, body in multi_spec.items():
        _known(str(column), frame, config_file, f"{key}.multi.{column}")
        specs[str(column)] = parse_multi(
            str(column), body, project_dir, config_file, f"{key}.multi.{column}"
        )
    frame = apply_multi(frame, specs, config_file)
    snapshot = read_snapshot(spec.get("snapshot"), rel, frame, config_file, f"{key}.snapshot")
    dataset = Dataset(
        name=name,
        path=rel,
        frame=frame,
        multi=set(specs),
        encoding=encoding,
        rows_read=len(raw),
        filters=[],
        sources=sources,
        snapshot=snapshot,
        unit=layout.unit or unit,
        digest=result.sha256 if result is not None else None,
    )
    nodes = parse_conditions(
        spec.get("filters"), list(frame.columns), config_file, f"{key}.filters"
    )
    dataset.frame = frame[mask(nodes, dataset, frame)]
    dataset.filters = [n.describe() for n in nodes]
    if dataset.frame.empty:
        raise BriefError(
            f"the filters of data '{name}' leave no rows of {len(frame):,} "
            f"({' and '.join(dataset.filters)})",
            source=config_file,
            key=f"{key}.filters",
        )
    dataset.keys = _keys(spec, frame, identity, sources, config_file, key)
    if "label" in spec:  # the column naming a row in `briefgen diff` (key: link, label: model)
        _known(str(spec["label"]), frame, config_file, f"{key}.label")
        dataset.label = str(spec["label"])
    return dataset


def _keys(spec: dict, frame: pd.DataFrame, identity: tuple[str, ...], sources: dict[str, str],
          config_file: str, key: str) -> tuple[str, ...]:
    """The columns identifying a row for `briefgen diff`: ``key`` (a column or a list), else
    ``identity``, the id and period columns of a table read with ``wide`` (분류, 항목, 연도)
    that were kept, else none."""
    if "key" not in spec:
        return tuple(c for c in map(str, frame.columns) if sources.get(c, c) in identity)
    names = as_list(spec["key"])
    if not names or not all(isinstance(n, str | int) and not isinstance(n, bool) for n in names):
        raise BriefError(f"key must be a column or a list of columns, got {spec['key']!r}",
                         source=config_file, key=f"{key}.key")
    for name in names:
        _known(str(name), frame, config_file, f"{key}.key")
    return tuple(str(n) for n in names)


def _read_file(spec: dict, layout: Layout, project_dir: Path, config_file: str,
               key: str) -> tuple[str, str, pd.DataFrame, str | None]:
    """Read the dataset's file: its shown path, encoding, frame (index: row numbers) and the
    unit stated in the sheet (if asked)."""
    rel = str(spec["path"])
    path = project_path(rel, project_dir, config_file, f"{key}.path")
    delimiter = spec.get("delimiter")
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise BriefError(  # pandas would take a longer one as a regular expression
            f"delimiter must be one character (never a regular expression), got {delimiter!r}",
            source=config_file,
            key=f"{key}.delimiter",
        )
    encoding, sheet = str(spec.get("encoding", "auto")), spec.get("sheet")
    if layout.by_rows:
        rows, used, position = read_rows(path, rel, encoding=encoding, delimiter=delimiter, sheet=sheet)
        frame, unit = table_from_rows(rows, layout, rel, position)
        return rel, used, frame, unit
    raw, used = read_table(path, rel, encoding=encoding, delimiter=delimiter, sheet=sheet)
    raw.index = pd.RangeIndex(2, len(raw) + 2)
    return rel, used, raw, None


def _known(column: str, frame: pd.DataFrame, config_file: str, key: str) -> None:
    if column not in frame.columns:
        raise BriefError(
            f"unknown column '{column}' (columns: {', '.join(map(str, frame.columns))})",
            source=config_file,
            key=key,
        )


def _select(
    raw: pd.DataFrame, columns: object, rel: str, config_file: str, key: str
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Keep the declared columns under their canonical names (first present alias wins)."""
    if columns is None:
        return raw.copy(), {str(c): str(c) for c in raw.columns}
    columns = expect_mapping(columns, config_file, key)
    available = [str(c) for c in raw.columns]
    sources: dict[str, str] = {}
    for canonical, aliases in columns.items():
        names = [str(a) for a in as_list(aliases)]
        found = next((a for a in names if a in available), None)
        if found is None:
            wanted = " or ".join(f'"{a}"' for a in names)
            raise BriefError(
                f"column {wanted} not found in {rel} (available: {', '.join(available)})",
                source=config_file,
                key=f"{key}.{canonical}",
            )
        sources[str(canonical)] = found
    frame = pd.DataFrame({c: raw[s] for c, s in sources.items()}, index=raw.index)
    return frame, sources


def _derive(
    frame: pd.DataFrame, sources: dict[str, str], spec: object, rel: str, config_file: str,
    key: str,
) -> pd.DataFrame:
    """Add derived columns; today: a date part of a date column (``data.dates``: an
    unreadable cell → empty, a column without any date → error)."""
    spec = expect_mapping(spec, config_file, key)
    for name, body in spec.items():
        dkey = f"{key}.{name}"
        body = expect_mapping(body, config_file, dkey)
        check_keys(body, DERIVE_KEYS, config_file, dkey, required=("from", "part"))
        source = str(body["from"])
        _known(source, frame, config_file, f"{dkey}.from")
        if str(name) in frame.columns:
            raise BriefError(
                f"derived column '{name}' already exists", source=config_file, key=dkey
            )
        part = body["part"]
        if part not in DATE_PARTS:
            raise BriefError(
                f"part must be one of {', '.join(DATE_PARTS)}, got {part!r}",
                source=config_file,
                key=f"{dkey}.part",
            )
        dates = parse_dates(
            frame[source], str(body.get("date_format", "%Y-%m-%d")), rel, sources.get(source, source)
        )
        frame[str(name)] = getattr(dates.dt, part).astype("Int64")
        sources[str(name)] = sources.get(source, source)
    return frame
