"""Read a Parquet file (pyarrow, the ``parquet`` extra) into a frame of cell texts, as a CSV
reads: typed values become the text a spreadsheet would show (``values.cell_text``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from briefgen.data.limits import check_shape
from briefgen.data.values import cell_text
from briefgen.errors import BriefError


def read_parquet(path: Path, rel: str) -> pd.DataFrame:
    """The table of a Parquet file; its row count and width are checked before it is read."""
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise BriefError("reading a .parquet file needs pyarrow: pip install 'briefgen[parquet]'",
                         source=rel) from None
    try:
        meta = pq.ParquetFile(path).metadata
        check_shape(meta.num_rows, meta.num_columns, rel)
        table = pq.read_table(path)
    except BriefError:
        raise
    except Exception as exc:  # pyarrow raises ArrowInvalid, OSError, … for a damaged file
        raise BriefError(f"not a readable Parquet file ({' '.join(str(exc).split())[:200]})", source=rel) from None
    return frame_of_texts(table.column_names, zip(*(c.to_pylist() for c in table.columns), strict=True))


def frame_of_texts(columns: Sequence[object], rows: Iterable[Sequence[object]]) -> pd.DataFrame:
    """A frame of cell texts from typed ``rows`` under ``columns`` (a query's result too)."""
    records = [[cell_text(value) for value in row] for row in rows]
    return pd.DataFrame(records, columns=[str(c) for c in columns], dtype=object)
