"""Which briefs a series has: ``series:`` in brief.yaml, one brief per set of parameter values.

``series:`` is a list of parameter sets (``- {region: 서울}``), or the distinct values of a data
column, in the order they first appear (``series: {data: regions, column: region}``; several
parameters: ``columns: [region, year]``). Parameters a set leaves out keep their defaults.
``--shard i/n`` keeps every n-th brief starting with the i-th: a deterministic slice, so n
machines or scheduler tasks given 1/n … n/n build the series once between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError
from briefgen.params import Setting, describe, substitute
from briefgen.project import Project, load_project, load_variants
from briefgen.yamlio import parse_yaml

SERIES_KEYS = {"data", "column", "columns"}
_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Brief:
    """One brief of a series: its number (1-based, in series order), the values it is given,
    all its parameters' values and its output name."""

    number: int
    settings: tuple[Setting, ...]
    values: dict[str, Any]
    name: str

    @property
    def label(self) -> str:
        """``region=서울``: the values that make this brief (else ``#3``)."""
        return describe({s.name: self.values[s.name] for s in self.settings}) or f"#{self.number}"


@dataclass(frozen=True)
class Shard:
    """Part ``index`` of ``count`` (1-based) of a series."""

    index: int
    count: int

    def keeps(self, brief: Brief) -> bool:
        """Whether this part builds ``brief`` (every count-th brief, from the index-th)."""
        return (brief.number - 1) % self.count == self.index - 1


def parse_shard(text: str) -> Shard:
    """``2/4`` → Shard(2, 4); a located error for anything else."""
    match = _SHARD.match(text)
    if match is None or not 1 <= int(match[1]) <= int(match[2]):
        raise BriefError(f"a shard is i/n with 1 ≤ i ≤ n (e.g. 2/4: the second of four parts), not '{text}'",
                         source=f"--shard {text}")
    return Shard(int(match[1]), int(match[2]))


def plan_series(path: Path, project: Project | None = None) -> list[Brief]:
    """The briefs of the series the project at ``path`` declares (BriefError if it declares
    none, or a set is wrong, or two briefs would write the same outputs)."""
    project = project or load_project(path)
    source = project.config_file
    if project.series is None:
        raise BriefError("declares no series: (a list of parameter sets, or {data: NAME, column: COLUMN})",
                         source=source)
    sets = _column_sets(project) if isinstance(project.series, dict) else _listed_sets(project)
    if not sets:
        raise BriefError("the series has no briefs", source=source, line=project.line_of("series"), key="series")
    briefs: list[Brief] = []
    seen: dict[str, Brief] = {}
    for number, (settings, loaded) in enumerate(zip(sets, load_variants(path, sets), strict=True), start=1):
        brief = Brief(number, settings, loaded.params, loaded.output_name)
        if brief.name in seen:
            first = seen[brief.name]
            raise BriefError(
                f"briefs {first.number} ({first.label}) and {number} ({brief.label}) would both be "
                f"output/{brief.name}: put the parameters that differ in output.name "
                f"(e.g. name: brief-{{{settings[0].name if settings else 'region'}}})",
                source=source, line=project.line_of("output.name"), key="output.name")
        seen[brief.name] = brief
        briefs.append(brief)
    return briefs


def _listed_sets(project: Project) -> list[tuple[Setting, ...]]:
    """``series: [{region: 서울}, …]``: each entry's values, located at their lines."""
    source = project.config_file
    if not isinstance(project.series, list):
        raise BriefError("series must be a list of parameter sets (- {region: 서울}) or "
                         "{data: NAME, column: COLUMN}", source=source, line=project.line_of("series"),
                         key="series")
    sets = []
    for index, entry in enumerate(project.series):
        key = f"series.{index}"
        if not isinstance(entry, dict) or not entry:
            raise BriefError("a series entry is a mapping of parameter values ({region: 서울})",
                             source=source, line=project.line_of(key), key=key)
        sets.append(tuple(
            Setting(str(name), value, {"source": source, "line": project.line_of(f"{key}.{name}"),
                                       "key": f"{key}.{name}"})
            for name, value in entry.items()
        ))
    return sets


def _column_sets(project: Project) -> list[tuple[Setting, ...]]:
    """``series: {data: regions, column: region}``: the distinct values of the column(s), in
    the order they first appear, each located at its data cell. The dataset's filters that use
    a parameter are not applied (they would keep only the default's rows)."""
    from briefgen.data import load_datasets

    source, spec = project.config_file, project.series
    for extra in spec:
        if extra not in SERIES_KEYS:
            raise BriefError(f"unknown key '{extra}' (allowed: {', '.join(sorted(SERIES_KEYS))})",
                             source=source, line=project.line_of(f"series.{extra}"), key=f"series.{extra}")
    name = spec.get("data")
    raw, lines = parse_yaml((project.root / source).read_text("utf-8-sig"), source)
    datasets = raw.get("data") or {}
    if not isinstance(name, str) or name not in datasets:
        known = ", ".join(str(n) for n in datasets) or "none"
        raise BriefError(f"series.data names a dataset of data: (declared: {known}), not {name!r}",
                         source=source, line=project.line_of("series.data"), key="series.data")
    columns = spec.get("columns", [spec.get("column")])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise BriefError("series.column names one column (column: region), series.columns a list of them",
                         source=source, line=project.line_of("series"), key="series")
    body = dict(datasets[name])
    if isinstance(body.get("filters"), list):
        body["filters"] = [f for f in body["filters"] if not _uses_param(f)]
    body = substitute(body, project.params, f"data.{name}", source, lines)
    dataset = load_datasets({name: body}, project.root, source)[name]
    frame = dataset.frame
    for column in columns:
        if column not in frame.columns or column not in project.declared:
            missing = "a parameter (params:)" if column in frame.columns else f"a column of data '{name}'"
            raise BriefError(f"series column '{column}' must be {missing}; it names the parameter its "
                             "values are given to", source=source, line=project.line_of("series"), key="series")
    sets: dict[tuple[Any, ...], tuple[Setting, ...]] = {}
    for row, values in zip(frame.index, frame[columns].itertuples(index=False, name=None), strict=True):
        if any(_empty(v) for v in values):
            continue
        settings = tuple(
            Setting(column, value, {"source": dataset.path, "cell": f'row {row}, column "{column}"'})
            for column, value in zip(columns, values, strict=True)
        )
        sets.setdefault(tuple(str(v) for v in values), settings)
    return list(sets.values())


def _uses_param(tree: Any) -> bool:
    if isinstance(tree, dict):
        return set(tree) == {"param"} or any(_uses_param(v) for v in tree.values())
    if isinstance(tree, list):
        return any(_uses_param(v) for v in tree)
    return False


def _empty(value: Any) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())

