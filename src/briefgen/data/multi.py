"""Multi-value cells (``"Google,DeepMind"``): split, clean, map, de-duplicate, fall back.

Per row, in this order:

1. split on ``split`` (default ``","``), strip spaces and newlines, drop empty tokens;
2. remove tokens listed in ``drop`` (compared before mapping);
3. if no token is left and ``fallback`` is set: take the tokens of column ``fallback.from``
   (its FINAL tokens, i.e. after that column's own map; only the first one with
   ``first: true``) and look each up in ``fallback.map`` — a token missing from that map
   gives nothing (without a ``fallback.map`` the tokens are used as they are);
4. map every token through ``map`` (a token missing from it is kept unchanged);
5. de-duplicate, keeping the first occurrence.

So the country rule reads organisations already merged into "Google", and fallback values are
written in the data's own vocabulary ("United States of America") and then get the display map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from briefgen.data.keys import as_list, check_keys, expect_mapping
from briefgen.data.paths import project_path
from briefgen.errors import BriefError
from briefgen.yamlio import parse_yaml

MULTI_KEYS = ("split", "map", "map_file", "drop", "fallback")
FALLBACK_KEYS = ("from", "first", "map", "map_file")


@dataclass
class Fallback:
    """Where a row with no token left takes its tokens from."""

    source: str
    first: bool = False
    map: dict[str, str] | None = None


@dataclass
class MultiSpec:
    """How one multi-value column is cleaned."""

    column: str
    split: str = ","
    map: dict[str, str] = field(default_factory=dict)
    drop: set[str] = field(default_factory=set)
    fallback: Fallback | None = None

    def describe(self) -> str:
        """A short human-readable summary for provenance."""
        parts = [f"{self.column}: split on {self.split!r}"]
        if self.drop:
            parts.append(f"drop {', '.join(sorted(self.drop))}")
        if self.fallback:
            parts.append(
                f"if empty use {'first ' if self.fallback.first else ''}{self.fallback.source}"
            )
        if self.map:
            parts.append(f"{len(self.map)} mapped values")
        return "; ".join(parts)


def _load_map(spec: dict, project_dir: Path, source: str, key: str) -> dict[str, str] | None:
    if "map" in spec and "map_file" in spec:
        raise BriefError("give either 'map' or 'map_file', not both", source=source, key=key)
    if "map_file" in spec:
        path = project_path(spec["map_file"], project_dir, source, f"{key}.map_file")
        table, _ = parse_yaml(path.read_text(encoding="utf-8"), str(spec["map_file"]))
        table = expect_mapping(table, spec["map_file"], "(top level)")
    elif "map" in spec:
        table = expect_mapping(spec["map"], source, f"{key}.map")
    else:
        return None
    return {str(k): str(v) for k, v in table.items()}


def parse_multi(column: str, spec: object, project_dir: Path, source: str, key: str) -> MultiSpec:
    """Validate the ``multi.<column>`` config mapping."""
    spec = {} if spec is None else expect_mapping(spec, source, key)
    check_keys(spec, MULTI_KEYS, source, key)
    split = spec.get("split", ",")
    if not isinstance(split, str) or not split:
        raise BriefError("'split' must be a non-empty string", source=source, key=f"{key}.split")
    fallback = None
    if "fallback" in spec:
        fkey = f"{key}.fallback"
        fspec = expect_mapping(spec["fallback"], source, fkey)
        check_keys(fspec, FALLBACK_KEYS, source, fkey, required=("from",))
        fallback = Fallback(
            source=str(fspec["from"]),
            first=bool(fspec.get("first", False)),
            map=_load_map(fspec, project_dir, source, fkey),
        )
    return MultiSpec(
        column=column,
        split=split,
        map=_load_map(spec, project_dir, source, key) or {},
        drop={str(v) for v in as_list(spec.get("drop", []))},
        fallback=fallback,
    )


def _order(specs: dict[str, MultiSpec], source: str) -> list[MultiSpec]:
    """Columns ordered so a fallback's source column is processed first."""
    done: list[MultiSpec] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if any(s.column == name for s in done) or name not in specs:
            return
        if name in visiting:
            raise BriefError(f"fallback cycle through column {name!r}", source=source)
        visiting.add(name)
        fallback = specs[name].fallback
        if fallback:
            visit(fallback.source)
        visiting.discard(name)
        done.append(specs[name])

    for name in sorted(specs):
        visit(name)
    return done


def _tokens(cell: object, split: str) -> list[str]:
    return [t.strip() for t in str(cell).split(split) if t.strip()]


def _scalar_tokens(cell: object) -> list[str]:
    if cell is None or cell is pd.NA or (isinstance(cell, float) and cell != cell):
        return []
    text = str(cell).strip()
    return [text] if text else []


def _dedupe(tokens: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tokens))


def _fallback_tokens(other: object, fallback: Fallback) -> list[str]:
    """The tokens a row without its own takes from the fallback column's cell."""
    found = list(other) if isinstance(other, tuple) else _scalar_tokens(other)
    found = found[:1] if fallback.first else found
    if fallback.map is not None:
        found = [fallback.map[t] for t in found if t in fallback.map]
    return found


def apply_multi(frame: pd.DataFrame, specs: dict[str, MultiSpec], source: str) -> pd.DataFrame:
    """Replace every multi column of ``frame`` by tuples of clean tokens (see module doc)."""
    frame = frame.copy()
    for spec in _order(specs, source):
        fallback = spec.fallback
        if fallback and fallback.source not in frame.columns:
            raise BriefError(
                f"fallback column {fallback.source!r} of {spec.column!r} is not a column "
                f"(columns: {', '.join(map(str, frame.columns))})",
                source=source,
            )
        values = []
        others = frame[fallback.source].tolist() if fallback else []
        known: dict[str, tuple[str, ...]] = {}  # cell text → its tokens (cells repeat)
        for index, cell in enumerate(frame[spec.column].tolist()):
            text = str(cell)
            if text not in known:
                tokens = [t for t in _tokens(text, spec.split) if t not in spec.drop]
                if not tokens and fallback:  # this row's own tokens, from another column
                    found = _fallback_tokens(others[index], fallback)
                    values.append(_dedupe([spec.map.get(t, t) for t in found]))
                    continue
                known[text] = _dedupe([spec.map.get(t, t) for t in tokens])
            values.append(known[text])
        frame[spec.column] = pd.Series(values, index=frame.index, dtype=object)
    return frame
