"""Declared statistics over loaded datasets: counts, shares, CAGR, crosstabs, aggregates."""

from briefgen.stats.compute import compute_statistics
from briefgen.stats.results import (
    Aggregate,
    Cagr,
    Count,
    CountItem,
    Counts,
    Crosstab,
    Provenance,
    Rows,
    Share,
    Stat,
    Value,
)

__all__ = [
    "Aggregate",
    "Cagr",
    "Count",
    "CountItem",
    "Counts",
    "Crosstab",
    "Provenance",
    "Rows",
    "Share",
    "Stat",
    "Value",
    "compute_statistics",
]
