"""The loaded dataset: a filtered frame plus what is needed to cite it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from briefgen.errors import BriefError


@dataclass
class Dataset:
    """One declared dataset after reading, renaming, deriving, splitting and filtering.

    ``frame`` is indexed by spreadsheet row number (header = row 1, first record = row 2);
    multi-value columns hold tuples of tokens, derived numeric columns are nullable ints.
    ``sources`` maps each canonical column to the source column it came from.
    ``keys`` / ``label`` name the columns that identify a row (one or several: 분류, 항목 and
    연도 of a table read with ``wide``) and the column that names it (for diffs).
    ``snapshot``: when the data was taken (ISO ``2025-05`` or ``2025-05-14``), if declared
    or derived (``briefgen.data.snapshot``). ``unit``: the unit of its numbers, if declared or
    stated in the sheet (``억 달러``). ``digest``: the sha256 of a query's result (a query
    dataset is an input of the build as a file is).
    """

    name: str
    path: str
    frame: pd.DataFrame
    multi: set[str]
    encoding: str
    rows_read: int
    filters: list[str]
    sources: dict[str, str] = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    label: str | None = None
    snapshot: str | None = None
    unit: str | None = None
    digest: str | None = None

    def source_column(self, column: str) -> str:
        """The column name in the data file behind canonical ``column``."""
        return self.sources.get(column, column)

    def numbers(self, column: str, frame: pd.DataFrame | None = None) -> pd.Series:
        """``column`` of ``frame`` (default: the dataset) as floats; empty cells are NaN.

        A non-empty cell that is not a number raises BriefError naming file, row and column.
        """
        series = (self.frame if frame is None else frame)[column]
        if column in self.multi:
            raise BriefError(
                f"column {column!r} holds several values per row and cannot be used as a number",
                source=self.path,
            )
        if pd.api.types.is_numeric_dtype(series.dtype):
            return series.astype("float64")
        text = series.astype(str).str.strip().str.replace(",", "", regex=False)
        values = pd.to_numeric(text.where(text != ""), errors="coerce")
        bad = values.isna() & (text != "")
        if bad.any():
            row = bad.idxmax()
            raise BriefError(
                f"not a number: {series[row]!r}",
                source=self.path,
                cell=f'row {row}, column "{self.source_column(column)}"',
            )
        return values.astype("float64")
