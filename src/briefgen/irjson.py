"""Plain-data (JSON-ready) view of the document model, for golden snapshots and manifests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any


def to_data(node: Any) -> Any:
    """Dataclasses become dicts tagged with ``"type"``; paths become file names; dates ISO."""
    kind: type = type(node)
    names = _field_names(kind)
    if names is not None:
        data: dict[str, Any] = {"type": type(node).__name__}
        for name in names:
            value = getattr(node, name)
            if value in (None, "", [], 0) and name != "level":
                continue
            data[name] = to_data(value)
        return data
    if isinstance(node, list | tuple):
        return [to_data(item) for item in node]
    if isinstance(node, dict):
        return {str(key): to_data(value) for key, value in node.items()}
    if isinstance(node, Path):
        return node.name
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None
