"""Statistic results: plain numbers plus provenance, friendly to Jinja attribute access."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from briefgen.errors import BriefError


@dataclass(frozen=True)
class Provenance:
    """Where a number came from: dataset, file, source columns, filters, rows counted."""

    dataset: str | None
    file: str | None
    columns: list[str] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass
class Stat:
    """Base of every result: ``name`` (config key), ``kind`` (type) and provenance."""

    name: str
    kind: str
    provenance: Provenance

    def to_json(self) -> dict[str, Any]:
        """Raw values and provenance as JSON-ready data (for the build manifest)."""
        return asdict(self)


@dataclass
class Count(Stat):
    """Number of rows."""

    value: int = 0


@dataclass
class Share(Stat):
    """``count`` of ``total`` rows; ``share`` is the fraction (0..1)."""

    count: int = 0
    total: int = 0
    share: float = 0.0


@dataclass
class Cagr(Stat):
    """Compound annual growth rate between two labels: ``(end_value/start_value)^(1/years) - 1``
    (the values are row counts, or a column's sums)."""

    value: float = 0.0
    start: int | str = 0
    end: int | str = 0
    start_value: int | float = 0
    end_value: int | float = 0
    years: int = 0


@dataclass(frozen=True)
class CountItem:
    """One label of a Counts result; ``share`` = count / rows of the population.

    ``rank``: competition rank by count among all labels (ties share a rank: 1, 2, 2, 4);
    None for the ``other`` bucket; ``tied``: another label has the same count (the rank
    filter prints ``공동 3위``). ``printed_share``: the share after ``rounding:``
    (None without it); the ``pct`` filters print it instead of ``share``.
    """

    label: str
    count: int
    share: float
    rank: int | None = None
    printed_share: float | None = None
    tied: bool = False


@dataclass(frozen=True)
class SumItem:
    """One label of a Sums result: ``value`` = sum of the column over the label's rows,
    ``share`` = value / total, ``rows`` = rows with a number; rank/printed_share/tied as
    CountItem."""

    label: str
    value: float
    share: float
    rows: int
    rank: int | None = None
    printed_share: float | None = None
    tied: bool = False


@dataclass(frozen=True)
class GrowthItem:
    """One label of a Growth result: ``value`` (rows or a column sum; also ``.count``),
    ``previous`` (the preceding label's value, None for the first), ``change`` (difference)
    and ``rate`` (change / previous; None for the first label and for a zero base)."""

    label: str
    value: float
    previous: float | None
    change: float | None
    rate: float | None

    @property
    def count(self) -> float:
        """The grown quantity (same as ``value``), so ``count``/``num`` filters print it."""
        return self.value


@dataclass(frozen=True)
class CumulativeItem:
    """One label of a Cumulative result: ``count`` (rows or a column sum of the label),
    ``cumulative`` (running total up to it) and ``share`` (cumulative / final total)."""

    label: str
    count: float
    cumulative: float
    share: float


@dataclass
class Grouped(Stat):
    """Items keyed by label, in the declared order: ``["미국"]``, ``in``, loops, ``.top(n)``."""

    items: list[Any] = field(default_factory=list)

    def __getitem__(self, label: object) -> Any:
        key = str(label)
        for item in self.items:
            if item.label == key:
                return item
        raise BriefError(
            f"statistic '{self.name}' has no label {key!r} (labels: {', '.join(self.labels())})"
        )

    def __contains__(self, label: object) -> bool:
        return any(item.label == str(label) for item in self.items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def top(self, n: int) -> list[Any]:
        """The first ``n`` items (items are already in the declared order)."""
        return self.items[:n]

    def labels(self) -> list[str]:
        """All labels in order."""
        return [item.label for item in self.items]

    @property
    def first(self) -> Any:
        """The first item (the largest with ``sort: desc``)."""
        if not self.items:
            raise BriefError(f"statistic '{self.name}' has no items")
        return self.items[0]

    def ratio(self, numerator: object, denominator: object) -> float:
        """``amount(numerator) / amount(denominator)`` of two labels (error on a zero base, S36a)."""
        top, bottom = _amount(self[numerator]), _amount(self[denominator])
        if not bottom:
            raise BriefError(
                f"statistic '{self.name}': ratio {numerator}/{denominator} has a denominator of 0"
            )
        return top / bottom


def _amount(item: Any) -> float:
    return item.count if hasattr(item, "count") else item.value


@dataclass
class Counts(Grouped):
    """Ordered (label, count, share) items; ``total`` = rows of the population."""

    total: int = 0

    def count_of(self, label: object) -> int:
        """The count of ``label``, 0 if it does not occur (e.g. a country absent in one year)."""
        key = str(label)
        return next((item.count for item in self.items if item.label == key), 0)

    def rank(self, label: object) -> int:
        """Competition rank of ``label`` by count among all labels (1, 2, 2, 4 on ties)."""
        item = self[label]
        if item.rank is None:
            raise BriefError(f"statistic '{self.name}': {item.label!r} (the 'other' bucket) has no rank")
        return item.rank


@dataclass
class Sums(Grouped):
    """Sum of a numeric ``column`` by label (SumItem); ``total`` = sum over the population
    (a multi-value label column adds a row's value to each of its labels)."""

    column: str = ""
    total: float = 0.0


@dataclass
class Growth(Grouped):
    """Label-to-label growth (GrowthItem) in label order; integer labels (years) are filled
    to a contiguous range, a missing year counting 0."""


@dataclass
class Cumulative(Grouped):
    """Running totals (CumulativeItem) in label order; ``total`` = the final running total."""

    total: float = 0.0


@dataclass
class Ratio(Stat):
    """``numerator`` / ``denominator`` (row counts, or sums of ``column``); ``value`` = ratio."""

    value: float = 0.0
    numerator: float = 0
    denominator: float = 0


@dataclass
class Crosstab(Stat):
    """Counts by two columns; ``cells[i][j]`` is row label i × column label j."""

    row_labels: list[str] = field(default_factory=list)
    col_labels: list[str] = field(default_factory=list)
    cells: list[list[int]] = field(default_factory=list)

    def _index(self, labels: list[str], label: object, what: str) -> int:
        try:
            return labels.index(str(label))
        except ValueError:
            raise BriefError(
                f"statistic '{self.name}' has no {what} {str(label)!r} "
                f"({what}s: {', '.join(labels)})"
            ) from None

    def cell(self, row: object, col: object) -> int:
        """The count at row label ``row`` and column label ``col``."""
        return self.cells[self._index(self.row_labels, row, "row")][
            self._index(self.col_labels, col, "column")
        ]

    def row_total(self, row: object) -> int:
        """Sum of one row (a multi-value column counts a row once per token)."""
        return sum(self.cells[self._index(self.row_labels, row, "row")])

    def col_total(self, col: object) -> int:
        """Sum of one column."""
        j = self._index(self.col_labels, col, "column")
        return sum(r[j] for r in self.cells)


@dataclass
class Aggregate(Stat):
    """min / max / sum / mean / median of a numeric column (NaN-free: empty cells skipped).

    For min and max, ``label`` is the ``label`` column's value on that row (if declared).
    """

    value: float = 0.0
    label: str | None = None


@dataclass
class Value(Stat):
    """A literal declared in the config."""

    value: Any = None


@dataclass
class Rows(Stat):
    """Records of a dataset (selected columns, in a declared order): values usable as tables.

    Each record maps a column to its text (multi-value cells joined with ``, ``);
    templates loop over it: ``{% for row in stats.predictions %}{{ row.verdict }}``.
    """

    columns: list[str] = field(default_factory=list)
    records: list[dict[str, str]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

