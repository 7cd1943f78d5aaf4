"""Validation helpers for config mappings: unknown keys with suggestions, required keys."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from briefgen.errors import BriefError


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'by'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def expect_mapping(value: Any, source: str, key: str) -> dict:
    """Return ``value`` if it is a mapping, else raise a located BriefError."""
    if not isinstance(value, dict):
        raise BriefError(
            f"expected a mapping, got {type(value).__name__}: {value!r}", source=source, key=key
        )
    return value


def check_keys(
    spec: dict,
    allowed: Iterable[str],
    source: str,
    key: str,
    required: Iterable[str] = (),
) -> None:
    """Reject keys outside ``allowed`` (suggesting the closest) and missing ``required`` keys."""
    allowed = set(allowed)
    for name in spec:
        if name not in allowed:
            raise BriefError(
                f"unknown key '{name}'{suggest(str(name), allowed)}; "
                f"allowed: {', '.join(sorted(allowed))}",
                source=source,
                key=f"{key}.{name}",
            )
    for name in required:
        if name not in spec:
            raise BriefError(f"missing required key '{name}'", source=source, key=f"{key}.{name}")


def as_list(value: Any) -> list:
    """A scalar becomes a one-element list; a list stays as it is."""
    return list(value) if isinstance(value, list | tuple) else [value]
