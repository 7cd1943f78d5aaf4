"""A dataset's snapshot date: when the data was taken, as provenance rather than prose.

``data.NAME.snapshot`` in brief.yaml takes one of

- a date: ``2024-07`` or ``2024-07-15`` (also ``2024.07.``), declared by hand;
- ``{from: file_name}``: the first ``YYYY-MM`` or ``YYYY-MM-DD`` (also ``_``, ``.`` or no
  separator) in the file name, e.g. ``large_scale_ai_models_2025-05.csv`` → ``2025-05``;
- ``{from: column, column: NAME}``: the latest date in a column of the whole file (before
  filters), e.g. the newest publication date.

The result is an ISO string (``2025-05`` or ``2025-05-14``) that templates print with the
date filter (``{{ data.models.snapshot | date('dot_month') }}`` → ``2025.05.``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from briefgen.data.keys import check_keys, expect_mapping
from briefgen.errors import BriefError

SNAPSHOT_KEYS = ("from", "column")
_DECLARED = re.compile(r"(\d{4})[-.](\d{2})(?:[-.](\d{2}))?\.?")
_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def read_snapshot(spec: object, file_name: str, frame: pd.DataFrame, config_file: str,
                  key: str) -> str | None:
    """The snapshot date ``spec`` (the value of ``data.NAME.snapshot``) asks for, or None."""
    if spec is None:
        return None
    if isinstance(spec, dt.date):  # YAML reads 2024-07-15 as a date
        return spec.isoformat()[:10]
    if isinstance(spec, str):
        match = _DECLARED.fullmatch(spec.strip())
        if not match:
            raise BriefError(f"snapshot must be a date like 2024-07 or 2024-07-15, got {spec!r}",
                             source=config_file, key=key)
        return _iso(match, config_file, key)
    body = expect_mapping(spec, config_file, key)
    check_keys(body, SNAPSHOT_KEYS, config_file, key, required=("from",))
    origin = body["from"]
    if origin == "file_name":
        found = _IN_NAME.search(file_name.rsplit("/", 1)[-1])
        if not found:
            raise BriefError(f"no date like 2024-07 in the file name {file_name!r}",
                             source=config_file, key=f"{key}.from")
        return _iso(found, config_file, key)
    if origin == "column":
        return _latest(body, frame, config_file, key)
    raise BriefError(f"snapshot 'from' must be file_name or column, got {origin!r}",
                     source=config_file, key=f"{key}.from")


def _iso(match: re.Match[str], config_file: str, key: str) -> str:
    year, month, day = match[1], match[2], match[3]
    try:
        dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        raise BriefError(f"not a date: {match[0]!r}", source=config_file, key=key) from None
    return f"{year}-{month}" + (f"-{day}" if day else "")


def _latest(body: dict[str, Any], frame: pd.DataFrame, config_file: str, key: str) -> str:
    column = str(body.get("column", ""))
    if column not in frame.columns:
        raise BriefError(f"unknown column '{column}' (columns: {', '.join(map(str, frame.columns))})",
                         source=config_file, key=f"{key}.column")
    dates = pd.to_datetime(frame[column].astype(str), errors="coerce", format="mixed")
    if dates.isna().all():
        raise BriefError(f"column '{column}' holds no dates", source=config_file, key=f"{key}.column")
    return str(dates.max().date().isoformat())


def house_form(snapshot: str) -> str:
    """``2025-05`` → ``2025.05.``; ``2025-05-14`` → ``2025.05.14.`` (S40)."""
    return snapshot.replace("-", ".") + "."
