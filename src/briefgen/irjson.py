"""Plain-data (JSON-ready) view of the document model, for golden snapshots and manifests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any


def to_data(node: Any) -> Any:
    """Dataclasses become dicts tagged with ``"type"``; paths become file names; dates ISO."""
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        data: dict[str, Any] = {"type": type(node).__name__}
        for field in dataclasses.fields(node):
            value = getattr(node, field.name)
            if value in (None, "", [], 0) and field.name not in ("level",):
                continue
            data[field.name] = to_data(value)
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
