"""The build manifest ``output/<name>.manifest.json``: what went in, what came out.

Sections: ``inputs`` (files with sha256, briefgen version), ``statistics`` (raw value,
house-formatted text, provenance), ``datasets`` (rows with key and display name, for row
diffs), ``sentences`` (the rendered text by stable id), ``claims`` (every claim of the
template with its values and truth), ``choices`` (every word picked from numbers),
``outputs`` (sha256, pages) and ``timing``. Everything but ``timing`` is deterministic; ``fingerprint`` hashes the inputs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from briefgen.cache.inputs import sha256_json
from briefgen.cache.paths import is_regular, open_regular
from briefgen.errors import BriefError
from briefgen.record.shape import check_shape

KEY_JOINER = " · "  # between the columns, and the values, of a key of several columns

MANIFEST_VERSION = 1
MAX_MANIFEST = 512 << 20  # bytes: a manifest holds every dataset row, as text


def manifest_path(output_dir: Path, name: str) -> Path:
    """``output/<name>.manifest.json``."""
    return output_dir / f"{name}.manifest.json"


def previous_path(output_dir: Path, name: str) -> Path:
    """``output/.<name>.manifest.prev.json``: the manifest a later build replaced."""
    return output_dir / f".{name}.manifest.prev.json"


def plain(value: Any) -> Any:
    """JSON-ready copy: numpy scalars → Python, NaN → None, tuples → lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


#: The item field a grouped statistic is reported and compared by (the diff uses it too).
ITEM_FIELD = {"sums": "share", "growth": "value", "cumulative": "cumulative"}


def stat_texts(stat: Any) -> dict[str, Any]:
    """The statistic in the house formats the template filters print (S34, S35)."""
    from briefgen.template import filters

    def safe(fn: Any, *args: Any) -> str | None:
        try:
            return fn(*args)
        except (BriefError, TypeError, ValueError, ArithmeticError, AttributeError):
            return None

    kind = type(stat).__name__
    texts: dict[str, Any] = {}
    if kind == "Count":
        texts = {"count": safe(filters.count, stat), "num": safe(filters.num, stat)}
    elif kind == "Share":
        texts = {"pct": safe(filters.pct, stat), "count_share": safe(filters.count_share, stat)}
    elif kind == "Cagr":
        texts = {"pct": safe(filters.pct, stat), "span": safe(filters.span, stat, "년")}
    elif kind == "Aggregate":
        whole = isinstance(stat.value, int | float) and float(stat.value).is_integer()
        texts = {"num": safe(filters.num, stat.value, 0 if whole else 1)}
    elif kind == "Counts":
        texts = {
            "items": {
                item.label: {"count": safe(filters.count, item), "pct": safe(filters.pct, item)}
                for item in stat.items
            }
        }
    elif stat.kind in ITEM_FIELD:
        field = ITEM_FIELD[stat.kind]
        show = filters.pct if field == "share" else filters.num
        texts = {"items": {item.label: {field: safe(show, getattr(item, field))} for item in stat.items}}
    elif kind == "Ratio":
        texts = {"num": safe(filters.num, stat.value, 2)}
    elif kind == "Value" and isinstance(stat.value, str | int | float):
        texts = {"text": str(stat.value)}
    return {k: v for k, v in texts.items() if v is not None}


def stat_entry(stat: Any) -> dict[str, Any]:
    """One statistic: kind, raw value (Stat.to_json minus identity), texts, provenance."""
    data = plain(stat.to_json())
    provenance = data.pop("provenance", {})
    data.pop("name", None)
    kind = data.pop("kind", type(stat).__name__)
    return {"kind": kind, "value": data, "text": stat_texts(stat), "provenance": provenance}


def dataset_entry(dataset: Any, snapshot: str = "") -> dict[str, Any]:
    """A dataset's population rows: row number, key, display name and cell values, the
    snapshot date the brief states for it and the unit of its numbers (if known)."""
    frame = dataset.frame
    columns = [str(c) for c in frame.columns]
    rows = []
    for number, values in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        cells = {c: _cell(v) for c, v in zip(columns, values, strict=True)}
        rows.append({
            "row": int(number),
            "key": KEY_JOINER.join(cells.get(c, "") for c in dataset.keys) if dataset.keys else str(number),
            "label": cells.get(dataset.label, "") if dataset.label else "",
            "cells": cells,
        })
    return {
        "path": dataset.path,
        "key": KEY_JOINER.join(dataset.keys) or None,
        "keys": list(dataset.keys),
        "label": dataset.label,
        "rows_read": int(dataset.rows_read),
        "rows": rows,
        "filters": list(dataset.filters),
        "snapshot": snapshot,
        **({"unit": dataset.unit} if getattr(dataset, "unit", None) else {}),
    }


def _cell(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    value = plain(value)
    if value is None:
        return ""
    return " ".join(str(value).split())


def make_manifest(
    *,
    name: str,
    inputs: dict[str, Any],
    statistics: dict[str, Any],
    datasets: dict[str, Any],
    sentences: list[dict[str, str]],
    outputs: dict[str, dict[str, Any]],
    warnings: list[str],
    timing: dict[str, Any],
    readings_used: list[str] | None = None,
    ledger: dict[str, Any] | None = None,
    snapshots: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Assemble the manifest (``fingerprint`` = hash of ``inputs``).

    ``readings_used``: the reading-dictionary words that decided a particle in the text;
    ``ledger``: the claims and chosen words of the render (``Ledger.to_json``);
    ``snapshots``: the snapshot date the brief states for each dataset.
    """
    ledger, snapshots = ledger or {}, snapshots or {}
    return {
        "manifest_version": MANIFEST_VERSION,
        "name": name,
        "fingerprint": sha256_json(inputs),
        "inputs": inputs,
        "outputs": outputs,
        "statistics": {n: stat_entry(s) for n, s in statistics.items()},
        "datasets": {n: dataset_entry(d, snapshots.get(n, "")) for n, d in datasets.items()},
        "sentences": sentences,
        "claims": plain(ledger.get("claims", [])),
        "choices": plain(ledger.get("choices", [])),
        "readings_used": list(readings_used or []),
        "warnings": list(warnings),
        "timing": timing,
    }


def report_hash(manifest: dict[str, Any]) -> str:
    """Hash of what ``briefgen diff`` reports on (input files, numbers, sentences, rows, pages);
    a build that changes none of it (e.g. a new briefgen) keeps the previous manifest."""
    inputs = manifest.get("inputs", {})
    return sha256_json([inputs.get("files"), manifest.get("statistics"), manifest.get("sentences"),
                        manifest.get("datasets"), manifest.get("outputs", {}).get("pdf", {}).get("pages"),
                        manifest.get("claims"), manifest.get("choices")])


def dumps(manifest: dict[str, Any]) -> str:
    """Stable JSON text (sorted keys, UTF-8, 1-space indent)."""
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_manifest(path: Path) -> dict[str, Any]:
    """Read a manifest (a regular file of at most ``MAX_MANIFEST`` bytes, checked before it is
    read); BriefError if missing, unreadable, not a briefgen manifest or not shaped as one."""
    try:
        with open_regular(path, MAX_MANIFEST) as handle:
            data = json.loads(handle.read().decode("utf-8"))
    except FileNotFoundError:
        raise BriefError("manifest not found (build first: briefgen build)", source=str(path)) from None
    except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise BriefError(f"cannot read manifest: {exc}", source=str(path)) from None
    except RecursionError:
        raise BriefError("cannot read manifest: nested too deeply", source=str(path)) from None
    if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
        raise BriefError("not a briefgen manifest (manifest_version 1)", source=str(path))
    check_shape(data, str(path))
    return data


def read_previous(path: Path, shown: str) -> tuple[dict[str, Any] | None, str | None]:
    """The last build's manifest for the up-to-date check, and a warning when there is one but
    it cannot be used (damaged, mistyped, a symlink or not a regular file): then it counts as
    absent and the brief is built in full. ``shown`` names the file in the warning."""
    if not (path.exists() or path.is_symlink()):
        return None, None
    try:
        if not is_regular(path):
            raise BriefError("not a regular file", source=shown)
        return load_manifest(path), None
    except BriefError as error:
        error.source = shown
        return None, f"{error}; ignored, the brief is built in full"


def stale_snapshots(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """Warnings for datasets whose file content changed since the ``old`` build while the
    snapshot date the brief states for them did not."""
    if old is None:
        return []
    warnings = []
    old_hashes, new_hashes = _data_hashes(old), _data_hashes(new)
    for name, entry in new.get("datasets", {}).items():
        before = old.get("datasets", {}).get(name)
        if not before or not entry.get("snapshot"):
            continue
        changed = old_hashes.get(before.get("path")) != new_hashes.get(entry.get("path"))
        if changed and before.get("snapshot") == entry["snapshot"]:
            warnings.append(
                f"{entry['path']}: data '{name}' changed since the last build but its snapshot "
                f"date {entry['snapshot']} did not (declare data.{name}.snapshot, e.g. "
                "{from: file_name}, or update meta.data_snapshot)"
            )
    return warnings


def _data_hashes(manifest: dict[str, Any]) -> dict[str, str]:
    files = manifest.get("inputs", {}).get("files", {}).get("data", [])
    return {f.get("path"): f.get("sha256") for f in files}
