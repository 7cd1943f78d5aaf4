"""Read a CSV, XLSX, JSON or Parquet file into a frame of strings (empty cell = ``""``)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from briefgen.data.limits import (
    check_file_size,
    check_shape,
    check_xlsx_archive,
)
from briefgen.data.plausible import check_cp949_reading, undecodable
from briefgen.data.shape import check_header, check_short_rows, csv_header, csv_records
from briefgen.data.values import cell_text
from briefgen.errors import BriefError

AUTO_ENCODINGS = ("utf-8", "cp949")
FORMATS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".json": "json",
           ".parquet": "parquet"}
ROW_FORMATS = ("csv", "xlsx")  # files whose rows a layout (header rows, footer) can cut
_RAGGED = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_OTHER_DELIMITERS = (";", "\t", "|")


def read_table(
    path: Path,
    rel: str,
    *,
    encoding: str = "auto",
    delimiter: str | None = None,
    sheet: str | int | None = None,
) -> tuple[pd.DataFrame, str]:
    """Read ``path`` (shown to users as ``rel``); return the frame and the encoding used.

    Every cell is a ``str``; missing cells are ``""``. XLSX files report ``"xlsx"`` as
    encoding. Unsupported formats, undecodable bytes and malformed files raise BriefError.
    """
    kind = _kind(path, rel)
    if kind == "parquet":
        from briefgen.data.parquet import read_parquet  # pyarrow: only for a Parquet file

        return read_parquet(path, rel), "parquet"
    if kind == "xlsx":
        check_xlsx_archive(path, rel)
        from briefgen.data.xlsx import read_xlsx  # openpyxl: only for a spreadsheet

        return read_xlsx(path, rel, sheet), "xlsx"
    text, used = _decode(path.read_bytes(), rel, encoding)
    if kind == "json":
        return _read_json(text, rel), used
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    return _read_csv(text, rel, delimiter), used


def read_rows(
    path: Path,
    rel: str,
    *,
    encoding: str = "auto",
    delimiter: str | None = None,
    sheet: str | int | None = None,
) -> tuple[list[list[str]], str, Callable[[int], str]]:
    """Every row of a CSV or XLSX file as cell texts (``rows[0]`` is row 1, title rows
    included), the encoding used and how column i is named (``C`` in a sheet, ``3`` in a CSV)."""
    kind = _kind(path, rel)
    if kind not in ROW_FORMATS:
        raise BriefError(f"header, footer and unit: {{from: sheet}} read the rows of a CSV or XLSX file, "
                         f"not of a {path.suffix} file", source=rel)
    if kind == "xlsx":
        check_xlsx_archive(path, rel)
        from openpyxl.utils.cell import get_column_letter

        from briefgen.data.xlsx import xlsx_rows

        return xlsx_rows(path, rel, sheet), "xlsx", lambda at: get_column_letter(at + 1)
    text, used = _decode(path.read_bytes(), rel, encoding)
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = csv_records(text, delimiter, rel)
    check_shape(len(rows), max(map(len, rows), default=0), rel)
    return rows, used, lambda at: str(at + 1)


def _kind(path: Path, rel: str) -> str:
    """The format of ``path`` by its suffix, once its size is checked."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise BriefError(
            f"unsupported data format {path.suffix!r} (use .csv, .xlsx, .json or .parquet)", source=rel
        )
    check_file_size(path, rel)
    return kind


def _decode(data: bytes, rel: str, encoding: str) -> tuple[str, str]:
    if encoding != "auto":
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise BriefError(f"unknown encoding {encoding!r}", source=rel) from None
        except UnicodeDecodeError as exc:
            raise BriefError(
                f"cannot decode as {encoding}: byte {exc.start} is invalid (try encoding: auto)",
                source=rel,
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise BriefError(
                f"file starts with a UTF-16 BOM but byte {exc.start} is not UTF-16", source=rel
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise BriefError(
                f"file starts with a UTF-8 BOM but byte {exc.start + 3} is not UTF-8", source=rel
            ) from None
    for name in AUTO_ENCODINGS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "cp949":
            check_cp949_reading(text, rel)
        return text, name
    raise undecodable(data, rel)


def _read_csv(text: str, rel: str, delimiter: str) -> pd.DataFrame:
    if not text.strip():
        raise BriefError("data file is empty", source=rel)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            engine="c",  # a one-character delimiter: never read as a regular expression
        )
    except (pd.errors.ParserError, ValueError) as exc:
        ragged = _RAGGED.search(str(exc))
        if ragged:
            header, line, saw = ragged.groups()
            raise BriefError(
                f"this line has {saw} values but the header has {header} "
                "(an unquoted delimiter inside a value?)",
                source=rel,
                line=int(line),
            ) from None
        raise BriefError(f"cannot parse CSV: {exc}", source=rel) from None
    check_shape(len(frame), len(frame.columns), rel)
    if len(frame.columns) == 1:
        _check_delimiter(str(frame.columns[0]), delimiter, rel)
    check_header(csv_header(text, delimiter, rel), rel, lambda at: str(at + 1))
    if len(frame.columns) > 1 and (frame.iloc[:, -1] == "").any():  # a short row ends empty
        check_short_rows(text, delimiter, len(frame.columns), rel)
    return frame.astype(object)


def _check_delimiter(header: str, delimiter: str, rel: str) -> None:
    """A one-column file whose header holds another delimiter was read with the wrong one."""
    for other in _OTHER_DELIMITERS:
        if other != delimiter and header.count(other) >= 1:
            shown = "\\t" if other == "\t" else other
            raise BriefError(
                f"the header is one column {header!r}: the file seems to separate values with "
                f"{shown!r}; declare it in brief.yaml (delimiter: \"{shown}\")",
                source=rel,
                line=1,
            )


def _read_json(text: str, rel: str) -> pd.DataFrame:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BriefError(f"invalid JSON: {exc.msg}", source=rel, line=exc.lineno) from None
    except RecursionError:
        raise BriefError("JSON nested too deeply (records are one level of objects)", source=rel) from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise BriefError("JSON data must be a list of objects (records)", source=rel)
    columns: list[str] = []
    for record in records:
        columns.extend(k for k in record if k not in columns)
    rows = []
    for number, record in enumerate(records, start=1):
        row = []
        for name in columns:
            value = record.get(name)
            if isinstance(value, dict | list):
                raise BriefError(
                    f"nested value in column {name!r} is not supported",
                    source=rel,
                    cell=f"record {number}",
                )
            row.append(cell_text(value))
        rows.append(row)
    check_shape(len(rows), len(columns), rel)
    return pd.DataFrame(rows, columns=columns, dtype=object)
