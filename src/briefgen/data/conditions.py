"""Row conditions shared by dataset ``filters`` and statistic ``where`` clauses.

A condition is a mapping with ``column`` and one or more operators (all must hold), or
``{any: [...]}`` / ``{all: [...]}``; a list of conditions means AND. On a multi-value column
``equals``/``contains``/``in`` hold when ANY token matches; on a text column ``contains`` is a
substring test. ``min``/``max``/``between`` compare numbers (empty cells never match).
``min_tokens``/``max_tokens`` count the distinct tokens of a multi-value column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from briefgen.data.dataset import Dataset
from briefgen.data.keys import as_list, check_keys, expect_mapping, suggest
from briefgen.errors import BriefError

OPERATORS = (
    "equals", "not_equals", "in", "not_in", "contains", "not_contains",
    "empty", "not_empty", "min", "max", "between", "min_tokens", "max_tokens",
)  # fmt: skip
NUMERIC = ("min", "max", "between", "min_tokens", "max_tokens")


@dataclass(frozen=True)
class Condition:
    """One test on one column (``op`` is one of OPERATORS)."""

    column: str
    op: str
    value: Any

    def describe(self) -> str:
        """Human-readable form, e.g. ``year between 2020 and 2023``."""
        v = self.value
        match self.op:
            case "equals" | "not_equals" | "contains" | "not_contains":
                word = {"equals": "=", "not_equals": "!=", "contains": "contains"}.get(
                    self.op, "does not contain"
                )
                text = f"{word} {v!r}"
            case "in" | "not_in":
                text = f"{self.op.replace('_', ' ')} {list(v)!r}"
            case "empty" | "not_empty":
                text = "is not empty" if (self.op == "not_empty") == v else "is empty"
            case "min" | "max":
                text = f"{'>=' if self.op == 'min' else '<='} {v}"
            case "between":
                text = f"between {v[0]} and {v[1]}"
            case _:
                text = f"has {'at least' if self.op == 'min_tokens' else 'at most'} {v} value{'' if v == 1 else 's'}"
        return f"{self.column} {text}"

    def columns(self) -> list[str]:
        """The columns this condition reads."""
        return [self.column]


@dataclass(frozen=True)
class AnyOf:
    """True when at least one child condition holds."""

    children: tuple[Condition | AnyOf | AllOf, ...]

    def describe(self) -> str:
        """Human-readable form."""
        return "(" + " or ".join(c.describe() for c in self.children) + ")"

    def columns(self) -> list[str]:
        """The columns this condition reads."""
        return [c for child in self.children for c in child.columns()]


@dataclass(frozen=True)
class AllOf:
    """True when every child condition holds."""

    children: tuple[Condition | AnyOf | AllOf, ...]

    def describe(self) -> str:
        """Human-readable form."""
        return "(" + " and ".join(c.describe() for c in self.children) + ")"

    def columns(self) -> list[str]:
        """The columns this condition reads."""
        return [c for child in self.children for c in child.columns()]


Node = Condition | AnyOf | AllOf


def parse_conditions(spec: Any, columns: list[str], source: str, key: str) -> list[Node]:
    """Validate a condition or list of conditions against the available ``columns``."""
    if spec is None:
        return []
    items = spec if isinstance(spec, list) else [spec]
    return [
        _parse_one(item, columns, source, f"{key}[{i}]" if isinstance(spec, list) else key)
        for i, item in enumerate(items)
    ]


def _parse_one(item: Any, columns: list[str], source: str, key: str) -> Node:
    item = expect_mapping(item, source, key)
    for group, cls in (("any", AnyOf), ("all", AllOf)):
        if group in item:
            check_keys(item, (group,), source, key)
            children = parse_conditions(as_list(item[group]), columns, source, f"{key}.{group}")
            if not children:
                raise BriefError(f"'{group}' needs conditions", source=source, key=key)
            return cls(tuple(children))
    check_keys(item, ("column", *OPERATORS, "any", "all"), source, key, required=("column",))
    column = str(item["column"])
    if column not in columns:
        raise BriefError(
            f"unknown column '{column}'{suggest(column, columns)} (columns: {', '.join(columns)})",
            source=source,
            key=f"{key}.column",
        )
    ops = [op for op in OPERATORS if op in item]
    if not ops:
        raise BriefError(
            f"condition on '{column}' needs an operator: {', '.join(OPERATORS)}",
            source=source,
            key=key,
        )
    nodes = [_make(column, op, item[op], source, f"{key}.{op}") for op in ops]
    return nodes[0] if len(nodes) == 1 else AllOf(tuple(nodes))


def _make(column: str, op: str, value: Any, source: str, key: str) -> Condition:
    if op in ("in", "not_in"):
        value = tuple(as_list(value))
    elif op == "between":
        if not (isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)):
            raise BriefError("'between' needs [low, high] numbers", source=source, key=key)
        value = tuple(value)
    elif op in NUMERIC and not _is_number(value):
        raise BriefError(f"'{op}' needs a number, got {value!r}", source=source, key=key)
    elif op in ("empty", "not_empty") and not isinstance(value, bool):
        raise BriefError(f"'{op}' needs true or false, got {value!r}", source=source, key=key)
    return Condition(column, op, value)


def _to_float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def mask(nodes: list[Node], dataset: Dataset, frame: pd.DataFrame) -> pd.Series:
    """Boolean Series over ``frame`` rows: all ``nodes`` hold."""
    result = pd.Series(True, index=frame.index, dtype=bool)
    for node in nodes:
        result &= _eval(node, dataset, frame)
    return result


def _eval(node: Node, dataset: Dataset, frame: pd.DataFrame) -> pd.Series:
    if isinstance(node, AnyOf):
        result = pd.Series(False, index=frame.index, dtype=bool)
        for child in node.children:
            result |= _eval(child, dataset, frame)
        return result
    if isinstance(node, AllOf):
        return mask(list(node.children), dataset, frame)
    return _test(node, dataset, frame)


def _test(cond: Condition, dataset: Dataset, frame: pd.DataFrame) -> pd.Series:
    col, op, value = cond.column, cond.op, cond.value
    series = frame[col]
    is_multi = col in dataset.multi
    numeric = pd.api.types.is_numeric_dtype(series.dtype)

    def cells(test) -> pd.Series:
        return pd.Series([bool(test(v)) for v in series], index=frame.index, dtype=bool)

    def present(v: Any) -> bool:
        if is_multi:
            return len(v) > 0
        return not pd.isna(v) and str(v).strip() != ""

    match op:
        case "equals" | "not_equals" | "in" | "not_in":
            wanted = value if op in ("in", "not_in") else (value,)
            if numeric:
                wanted_n = {n for n in (_to_float(v) for v in wanted) if n is not None}
                hit = series.astype("float64").isin(wanted_n).fillna(False).astype(bool)
            elif is_multi:
                texts = {str(v) for v in wanted}
                hit = cells(lambda v: any(t in texts for t in v))
            else:
                texts = {str(v) for v in wanted}
                hit = cells(lambda v: str(v) in texts)
            return ~hit if op.startswith("not_") else hit
        case "contains" | "not_contains":
            if numeric:
                raise BriefError(
                    f"'{op}' needs a text column, but '{col}' holds numbers", source=dataset.path
                )
            text = str(value)
            hit = cells(lambda v: text in v) if is_multi else cells(lambda v: text in str(v))
            return ~hit if op == "not_contains" else hit
        case "empty" | "not_empty":
            filled = cells(present)
            return filled if (op == "not_empty") == value else ~filled
        case "min_tokens" | "max_tokens":
            sizes = pd.Series(
                [len(v) if is_multi else int(present(v)) for v in series], index=frame.index
            )
            return sizes >= value if op == "min_tokens" else sizes <= value
        case _:
            values = dataset.numbers(col, frame)
            if op == "min":
                hit = values >= value
            elif op == "max":
                hit = values <= value
            else:
                hit = values.between(value[0], value[1])
            return hit.fillna(False).astype(bool)
