"""``compute_statistics``: the ``statistics:`` section of brief.yaml → result objects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd

from briefgen.data.conditions import Node, mask, parse_conditions
from briefgen.data.dataset import Dataset
from briefgen.data.keys import check_keys, expect_mapping, suggest
from briefgen.errors import BriefError
from briefgen.stats.results import (
    Aggregate,
    Cagr,
    Count,
    CountItem,
    Counts,
    Crosstab,
    Cumulative,
    CumulativeItem,
    Growth,
    GrowthItem,
    Provenance,
    Ratio,
    Rows,
    Share,
    Stat,
    SumItem,
    Sums,
    Value,
)
from briefgen.stats.rounding import ROUNDINGS, largest_remainder

SORTS = ("label", "desc", "asc")
AGGREGATES = ("min", "max", "sum", "mean", "median")
MAX_FILLED_LABELS = 10_000  # a growth or cumulative series by year spans far fewer


class _Ctx:
    """One statistic being computed: its config, dataset, population and error location."""

    def __init__(self, name: str, spec: dict, datasets: dict[str, Dataset], config_file: str):
        self.name, self.spec, self.config_file = name, spec, config_file
        self.key = f"statistics.{name}"
        data = self.require("data")
        if not isinstance(data, str) or data not in datasets:
            raise self.error(f"unknown dataset '{data}'{suggest(str(data), datasets)}", "data")
        self.dataset = datasets[data]
        self.used: list[str] = []
        self.filtered: list[str] = []
        where = parse_conditions(
            spec.get("where"), list(self.dataset.frame.columns), config_file, f"{self.key}.where"
        )
        self.frame = self.select(where)
        self.conditions = list(where)

    def error(self, message: str, key: str | None = None) -> BriefError:
        full = f"{self.key}.{key}" if key else self.key
        return BriefError(f"statistic '{self.name}': {message}", source=self.config_file, key=full)

    def require(self, key: str) -> Any:
        if key not in self.spec:
            raise self.error(f"missing required key '{key}'", key)
        return self.spec[key]

    def column(self, key: str) -> str:
        """The column named by config ``key``; remembered for provenance."""
        return self.known_column(str(self.require(key)), key)

    def known_column(self, name: str, key: str) -> str:
        """``name`` if the dataset has that column (else an error at config ``key``)."""
        columns = [str(c) for c in self.dataset.frame.columns]
        if name not in columns:
            raise self.error(
                f"unknown column '{name}'{suggest(name, columns)} "
                f"(columns of '{self.dataset.name}': {', '.join(columns)})",
                key,
            )
        self.used.append(name)
        return name

    def select(self, nodes: list[Node]) -> pd.DataFrame:
        for node in nodes:
            self.filtered.extend(node.columns())
        frame = self.dataset.frame
        return frame[mask(nodes, self.dataset, frame)]

    def provenance(self, rows: int) -> Provenance:
        ds = self.dataset
        used = self.used + self.filtered
        columns = list(dict.fromkeys(ds.source_column(c) for c in used))
        filters = ds.filters + [c.describe() for c in self.conditions]
        return Provenance(ds.name, ds.path, columns, filters, rows)

    def base(self, rows: int) -> dict[str, Any]:
        return {"name": self.name, "kind": self.spec["type"], "provenance": self.provenance(rows)}


def _labels(series: pd.Series, is_multi: bool) -> list[list[str]]:
    """Per row, the labels it counts under (none for an empty cell)."""
    out = []
    for value in series:
        if is_multi:
            out.append(list(value))
        elif value is None or value is pd.NA or (isinstance(value, float) and value != value):
            out.append([])
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out.append([str(int(value)) if float(value).is_integer() else str(value)])
        else:
            text = str(value).strip()
            out.append([text] if text else [])
    return out


def _label_key(labels: list[str]) -> Callable[[str], Any]:
    try:
        [float(x) for x in labels]
    except ValueError:
        return lambda x: x
    return float


def _order(counter: Counter, sort: str) -> list[str]:
    labels = list(counter)
    key = _label_key(labels)
    if sort == "desc":
        return sorted(labels, key=lambda x: (-counter[x], key(x)))
    if sort == "asc":
        return sorted(labels, key=lambda x: (counter[x], key(x)))
    return sorted(labels, key=key)


def _row_labels(ctx: _Ctx, column: str, empty: str | None = None) -> list[list[str]]:
    """Per row of the population, its labels (``[empty]`` for an empty cell if given)."""
    rows = _labels(ctx.frame[column], column in ctx.dataset.multi)
    return [labels or ([empty] if empty is not None else []) for labels in rows]


def _tally(ctx: _Ctx, column: str, empty: str | None = None) -> Counter:
    counter: Counter = Counter()
    for labels in _row_labels(ctx, column, empty):
        counter.update(labels)
    return counter


def _ranks(amounts: Counter) -> dict[str, tuple[int, bool]]:
    """Competition ranking by amount, largest first: ties share a rank (1, 2, 2, 4).

    Each label gets (rank, tied): ``tied`` when another label has the same amount."""
    values = sorted(amounts.values(), reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(values, start=1):
        first.setdefault(value, position)
    times = Counter(values)
    return {label: (first[amount], times[amount] > 1) for label, amount in amounts.items()}


def _top(ctx: _Ctx, labels: list[str]) -> tuple[list[str], list[str]]:
    """(shown labels, labels cut off) by the ``top`` key."""
    top = ctx.spec.get("top")
    if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise ctx.error(f"top must be a positive integer, got {top!r}", "top")
    return (labels[:top], labels[top:]) if top else (labels, [])


def _printed_shares(
    ctx: _Ctx, column: str, rows: list[list[str]], shown: list[float], hidden: list[float]
) -> list[float | None]:
    """Shares of the ``shown`` amounts after ``rounding:`` (None each for plain rounding);
    ``hidden`` = amounts of labels cut off by ``top`` without ``other``."""
    rounding = ctx.spec.get("rounding", "plain")
    if rounding not in ROUNDINGS:
        raise ctx.error(f"rounding must be one of {', '.join(ROUNDINGS)}, got {rounding!r}",
                        "rounding")
    digits = ctx.spec.get("digits", 1)
    if not isinstance(digits, int) or isinstance(digits, bool) or not 0 <= digits <= 4:
        raise ctx.error(f"digits must be a whole number from 0 to 4, got {digits!r}", "digits")
    if rounding == "plain":
        if "digits" in ctx.spec:
            raise ctx.error("'digits' is only meaningful with rounding: largest_remainder", "digits")
        return [None] * len(shown)
    _check_partition(ctx, column, rows, shown + hidden)
    return list(largest_remainder(shown + hidden, digits)[: len(shown)]) if rows else []


def _check_partition(ctx: _Ctx, column: str, rows: list[list[str]], amounts: list[float]) -> None:
    """Largest-remainder rounding needs every row in exactly one group, amounts >= 0."""
    prefix = "rounding: largest_remainder needs each row in exactly one group, but"
    if any(len(labels) > 1 for labels in rows):
        raise ctx.error(f"{prefix} '{column}' gives some rows several labels (their shares "
                        "can exceed 100%); use plain rounding", "rounding")
    if any(not labels for labels in rows):
        raise ctx.error(f"{prefix} some rows have an empty '{column}'; add 'empty: 미상' to "
                        "count them", "rounding")
    if rows and (any(a < 0 for a in amounts) or sum(amounts) <= 0):
        raise ctx.error("rounding: largest_remainder needs non-negative amounts with a positive "
                        "sum", "rounding")


def _sort_key(ctx: _Ctx, key: str) -> str:
    sort = ctx.spec.get(key, "label")
    if sort not in SORTS:
        raise ctx.error(f"{key} must be one of {', '.join(SORTS)}, got {sort!r}", key)
    return sort


def _count(ctx: _Ctx) -> Stat:
    return Count(**ctx.base(len(ctx.frame)), value=len(ctx.frame))


def _grouped(ctx: _Ctx, column: str, rows: list[list[str]], amounts: Counter) -> list[tuple]:
    """(label, amount, rank, tied, printed share) per shown group: sorted, cut by ``top``, the
    rest merged into ``other`` if given, shares rounded by ``rounding:``."""
    labels, rest = _top(ctx, _order(amounts, _sort_key(ctx, "sort")))
    ranks = _ranks(amounts)
    groups: list[tuple[str, int, int | None, bool]] = [
        (label, amounts[label], *ranks[label]) for label in labels
    ]
    other = ctx.spec.get("other")
    if other is not None and rest:
        groups.append((str(other), sum(amounts[x] for x in rest), None, False))
        rest = []
    printed = _printed_shares(
        ctx, column, rows, [g[1] for g in groups], [amounts[x] for x in rest]
    )
    return [(*group, share) for group, share in zip(groups, printed, strict=True)]


def _counts(ctx: _Ctx) -> Stat:
    column = ctx.column("by")
    empty = ctx.spec.get("empty")
    rows = _row_labels(ctx, column, None if empty is None else str(empty))
    counter: Counter = Counter(label for labels in rows for label in labels)
    total = len(ctx.frame)
    items = [
        CountItem(str(label), n, n / total if total else 0.0, rank, printed, tied)
        for label, n, rank, tied, printed in _grouped(ctx, column, rows, counter)
    ]
    return Counts(**ctx.base(total), items=items, total=total)


def _sums(ctx: _Ctx) -> Stat:
    by, column = ctx.column("by"), ctx.column("column")
    values = ctx.dataset.numbers(column, ctx.frame)
    empty = ctx.spec.get("empty")
    numbered = values.notna().to_numpy()
    rows = [
        labels
        for labels, keep in zip(_row_labels(ctx, by, None if empty is None else str(empty)), numbered,
                                strict=True)
        if keep
    ]
    numbers = values[numbered].tolist()
    sums: Counter = Counter()
    counted: Counter = Counter()
    for labels, number in zip(rows, numbers, strict=True):
        for label in labels:
            sums[label] += number
            counted[label] += 1
    total = float(sum(numbers))
    if total == 0:
        raise ctx.error(f"sums has a denominator of 0 (the values of '{column}' sum to 0)")
    items = [
        SumItem(str(label), float(value), value / total, counted[label], rank, printed, tied)
        for label, value, rank, tied, printed in _grouped(ctx, by, rows, sums)
    ]
    return Sums(**ctx.base(len(numbers)), items=items, column=column, total=total)


def _series(ctx: _Ctx) -> list[tuple[str, float]]:
    """(label, amount) in label order: rows per label, or the ``column`` sum with ``agg: sum``.
    Integer labels (years) are filled to a contiguous range (a missing year is 0)."""
    by = ctx.column("by")
    if "agg" in ctx.spec and "column" not in ctx.spec:
        raise ctx.error("'agg' needs a 'column' to aggregate", "agg")
    if ctx.spec.get("agg", "sum") != "sum":
        raise ctx.error(f"agg must be sum, got {ctx.spec['agg']!r}", "agg")
    rows = _row_labels(ctx, by)
    amounts: Counter = Counter()
    if "column" in ctx.spec:
        values = ctx.dataset.numbers(ctx.column("column"), ctx.frame)
        for labels, number in zip(rows, values.tolist(), strict=True):
            for label in labels if number == number else []:  # skip NaN
                amounts[label] += number
    else:
        for labels in rows:
            amounts.update(labels)
    labels = _order(amounts, "label")
    if labels and all(label.lstrip("-").isdigit() for label in labels):
        first, last = int(labels[0]), int(labels[-1])
        if last - first >= MAX_FILLED_LABELS:
            raise ctx.error(f"the labels of '{ctx.spec['by']}' run from {first} to {last:,}; whole-number "
                            f"labels (years) are filled to a range of at most {MAX_FILLED_LABELS:,}", "by")
        labels = [str(n) for n in range(first, last + 1)]
    return [(label, amounts[label]) for label in labels]


def _growth(ctx: _Ctx) -> Stat:
    items, previous = [], None
    for label, value in _series(ctx):
        change = None if previous is None else value - previous
        rate = change / previous if previous else None
        items.append(GrowthItem(label, value, previous, change, rate))
        previous = value
    return Growth(**ctx.base(len(ctx.frame)), items=items)


def _cumulative(ctx: _Ctx) -> Stat:
    series = _series(ctx)
    running: float = 0
    totals = []
    for _, value in series:
        running += value
        totals.append(running)
    final = totals[-1] if totals else 0
    items = [
        CumulativeItem(label, value, total, total / final if final else 0.0)
        for (label, value), total in zip(series, totals, strict=True)
    ]
    return Cumulative(**ctx.base(len(ctx.frame)), items=items, total=final)


def _ratio(ctx: _Ctx) -> Stat:
    column = ctx.column("column") if "column" in ctx.spec else None
    values = ctx.dataset.numbers(column, ctx.frame) if column else None
    amounts = []
    for key in ("numerator", "denominator"):
        nodes = parse_conditions(
            ctx.require(key), list(ctx.dataset.frame.columns), ctx.config_file, f"{ctx.key}.{key}"
        )
        for node in nodes:
            ctx.filtered.extend(node.columns())
        selected = mask(nodes, ctx.dataset, ctx.frame)
        amounts.append(float(values[selected].sum()) if values is not None else int(selected.sum()))
    numerator, denominator = amounts
    if denominator == 0:
        what = f"the sum of '{column}'" if column else "the number of rows"
        raise ctx.error(f"ratio has a denominator of 0 ({what} matching it is 0)", "denominator")
    return Ratio(
        **ctx.base(len(ctx.frame)),
        value=numerator / denominator,
        numerator=numerator,
        denominator=denominator,
    )


def _share(ctx: _Ctx) -> Stat:
    ctx.require("where")
    within = parse_conditions(
        ctx.spec.get("within"),
        list(ctx.dataset.frame.columns),
        ctx.config_file,
        f"{ctx.key}.within",
    )
    population = ctx.dataset.frame[mask(within, ctx.dataset, ctx.dataset.frame)]
    for node in within:
        ctx.filtered.extend(node.columns())
    total = len(population)
    count = int(ctx.frame.index.isin(population.index).sum())
    if total == 0:
        raise ctx.error("share has a denominator of 0 (no rows in the population)")
    ctx.conditions = list(within) + ctx.conditions
    return Share(**ctx.base(total), count=count, total=total, share=count / total)


def _cagr(ctx: _Ctx) -> Stat:
    column = ctx.column("by")
    start, end = ctx.require("from"), ctx.require("to")
    for key, v in (("from", start), ("to", end)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise ctx.error(f"'{key}' must be a whole number (a year), got {v!r}", key)
    if end <= start:
        raise ctx.error(f"'to' ({end}) must be after 'from' ({start})", "to")
    counter = dict(_series(ctx)) if "column" in ctx.spec else _tally(ctx, column)  # sums or rows
    first, last = counter.get(str(start), 0), counter.get(str(end), 0)
    if first == 0:
        what = f"'{ctx.spec['column']}' sums to 0" if "column" in ctx.spec else "no rows"
        raise ctx.error(f"CAGR has a denominator of 0 ({what} with {column} = {start})", "from")
    years = end - start
    value = (last / first) ** (1 / years) - 1
    return Cagr(
        **ctx.base(len(ctx.frame)),
        value=value,
        start=start,
        end=end,
        start_value=first,
        end_value=last,
        years=years,
    )


def _crosstab(ctx: _Ctx) -> Stat:
    rows, cols = ctx.column("rows"), ctx.column("columns")
    pairs: Counter = Counter()
    row_totals: Counter = Counter()
    col_totals: Counter = Counter()
    row_labels = _labels(ctx.frame[rows], rows in ctx.dataset.multi)
    col_labels = _labels(ctx.frame[cols], cols in ctx.dataset.multi)
    for r_labels, c_labels in zip(row_labels, col_labels, strict=True):
        for r in r_labels:
            for c in c_labels:
                pairs[r, c] += 1
                row_totals[r] += 1
                col_totals[c] += 1
    row_order = _order(row_totals, _sort_key(ctx, "row_sort"))
    col_order = _order(col_totals, _sort_key(ctx, "col_sort"))
    cells = [[pairs[r, c] for c in col_order] for r in row_order]
    return Crosstab(
        **ctx.base(len(ctx.frame)), row_labels=row_order, col_labels=col_order, cells=cells
    )


def _aggregate(ctx: _Ctx) -> Stat:
    kind = ctx.spec["type"]
    column = ctx.column("column")
    values = ctx.dataset.numbers(column, ctx.frame).dropna()
    if values.empty:
        raise ctx.error(f"no numeric values in column '{column}'", "column")
    value = float(getattr(values, kind)())
    label = None
    if "label" in ctx.spec:
        if kind not in ("min", "max"):
            raise ctx.error("'label' is only meaningful for min and max", "label")
        label_column = ctx.column("label")
        row = values.idxmax() if kind == "max" else values.idxmin()
        cell = ctx.frame.at[row, label_column]
        label = ", ".join(cell) if isinstance(cell, tuple) else str(cell)
    return Aggregate(**ctx.base(len(values)), value=value, label=label)


def _rows(ctx: _Ctx) -> Stat:
    names = ctx.require("columns")
    if not isinstance(names, list) or not names:
        raise ctx.error("'columns' must be a list of column names", "columns")
    columns = [ctx.known_column(str(name), f"columns.{i}") for i, name in enumerate(names)]
    frame = ctx.frame
    if "sort" in ctx.spec:
        sort = ctx.column("sort")
        numbers = pd.to_numeric(frame[sort], errors="coerce")
        order = numbers if numbers.notna().all() else frame[sort].astype(str)
        frame = frame.loc[order.sort_values(kind="stable").index]
    records = [
        {c: ", ".join(v) if isinstance(v, tuple) else str(v) for c, v in zip(columns, row, strict=True)}
        for row in frame[columns].itertuples(index=False, name=None)
    ]
    return Rows(**ctx.base(len(frame)), columns=columns, records=records)


COMPUTE: dict[str, tuple[tuple[str, ...], Callable[[_Ctx], Stat]]] = {
    "count": (("where",), _count),
    "counts": (("by", "where", "sort", "top", "other", "empty", "rounding", "digits"), _counts),
    "sums": (
        ("by", "column", "where", "sort", "top", "other", "empty", "rounding", "digits"),
        _sums,
    ),
    "growth": (("by", "column", "agg", "where"), _growth),
    "cumulative": (("by", "column", "agg", "where"), _cumulative),
    "ratio": (("numerator", "denominator", "column", "where"), _ratio),
    "share": (("where", "within"), _share),
    "cagr": (("by", "from", "to", "where", "column", "agg"), _cagr),
    "crosstab": (("rows", "columns", "where", "row_sort", "col_sort"), _crosstab),
    "rows": (("columns", "where", "sort"), _rows),
    **{name: (("column", "where", "label"), _aggregate) for name in AGGREGATES},
}


def compute_statistics(
    spec: dict, datasets: dict[str, Dataset], config_file: str
) -> dict[str, Stat]:
    """Compute every statistic declared under ``statistics:`` (in declaration order)."""
    spec = expect_mapping(spec or {}, config_file, "statistics")
    results: dict[str, Stat] = {}
    for name, body in spec.items():
        name = str(name)
        key = f"statistics.{name}"
        if not name.isidentifier():
            raise BriefError(
                f"statistic name '{name}' must be a plain identifier (letters, digits, _)",
                source=config_file,
                key=key,
            )
        body = expect_mapping(body, config_file, key)
        kind = body.get("type")
        if kind is None:
            raise BriefError(
                f"statistic '{name}': missing required key 'type'",
                source=config_file,
                key=f"{key}.type",
            )
        if kind == "value":
            check_keys(body, ("type", "value"), config_file, key, required=("value",))
            results[name] = Value(
                name=name, kind="value", provenance=Provenance(None, "config"), value=body["value"]
            )
            continue
        if not isinstance(kind, str) or kind not in COMPUTE:
            kinds = [*COMPUTE, "value"]
            raise BriefError(
                f"statistic '{name}': unknown type '{kind}'{suggest(str(kind), kinds)}; "
                f"types: {', '.join(kinds)}",
                source=config_file,
                key=f"{key}.type",
            )
        allowed, compute = COMPUTE[kind]
        check_keys(body, ("type", "data", *allowed), config_file, key)
        results[name] = compute(_Ctx(name, body, datasets, config_file))
    return results
