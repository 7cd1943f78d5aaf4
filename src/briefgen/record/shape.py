"""The shape of a manifest: the types of the fields a build and ``briefgen diff`` read.

A manifest is read back from the output folder, which may come with a project someone sent,
so it is untrusted input: ``check_shape`` refuses one whose fields have other types (a
BriefError naming the file and the dotted key) before any code reads it. Fields a newer
briefgen added may be missing; unknown fields are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.errors import BriefError

Spec = Any  # a type, a tuple of types, or one of the classes below

TEXT = str
OPTIONAL_TEXT = (str, type(None))
NUMBER = (int, float)
OPTIONAL_NUMBER = (int, float, type(None))
LABEL = (str, int, float, bool, type(None))  # a category, a year: anything hashable
MAX_INT = 2**63  # larger integers are no count or sum a build writes (and do not fit a float)


@dataclass(frozen=True)
class Obj:
    """A JSON object with these fields (``required`` ones must be present)."""

    fields: dict[str, Spec]
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListOf:
    """A JSON array of values of one shape."""

    item: Spec


@dataclass(frozen=True)
class MapOf:
    """A JSON object whose every value has one shape (keys are free)."""

    value: Spec


ITEM = Obj({"label": LABEL, "count": OPTIONAL_NUMBER, "share": OPTIONAL_NUMBER, "value": OPTIONAL_NUMBER,
            "cumulative": OPTIONAL_NUMBER}, required=("label",))
#: A statistic's raw value and printed texts: the fields ``briefgen diff`` compares.
STAT_VALUE = Obj({"items": ListOf(ITEM), "total": OPTIONAL_NUMBER, "share": OPTIONAL_NUMBER,
                  "row_labels": ListOf(LABEL), "col_labels": ListOf(LABEL),
                  "cells": ListOf(ListOf(NUMBER)), "records": list})
STAT_TEXT = Obj({"count": TEXT, "count_share": TEXT, "pct": TEXT, "span": TEXT, "num": TEXT,
                 "text": TEXT, "items": MapOf(MapOf(OPTIONAL_TEXT))})
FILE = Obj({"path": TEXT, "sha256": TEXT}, required=("path", "sha256"))
ROW = Obj({"row": int, "key": TEXT, "label": TEXT, "cells": MapOf(TEXT)}, required=("key", "label", "cells"))
MANIFEST = Obj(
    {
        "manifest_version": int,
        "name": TEXT,
        "fingerprint": TEXT,
        "inputs": Obj({"files": MapOf(ListOf(FILE)), "formats": ListOf(TEXT), "params": MapOf(LABEL),
                       "briefgen": Obj({"version": TEXT, "code_sha256": TEXT})}, required=("files",)),
        "outputs": MapOf(Obj({"path": TEXT, "sha256": TEXT, "pages": int}, required=("sha256",))),
        "statistics": MapOf(Obj({"kind": TEXT, "value": STAT_VALUE, "text": STAT_TEXT,
                                 "provenance": Obj({"filters": list})}, required=("kind",))),
        "datasets": MapOf(Obj({"path": TEXT, "key": OPTIONAL_TEXT, "keys": ListOf(TEXT), "label": OPTIONAL_TEXT,
                               "rows_read": int, "rows": ListOf(ROW), "filters": ListOf(TEXT),
                               "snapshot": TEXT, "unit": TEXT}, required=("rows",))),
        "sentences": ListOf(Obj({"id": TEXT, "where": TEXT, "text": TEXT, "marked": TEXT},
                                required=("where", "text"))),
        "claims": ListOf(Obj({"text": TEXT, "statement": TEXT, "holds": bool, "line": (int, type(None))},
                             required=("text", "statement", "holds"))),
        "choices": ListOf(Obj({"kind": TEXT, "word": TEXT, "line": (int, type(None)),
                               "subject": OPTIONAL_TEXT}, required=("kind", "word"))),
        "readings_used": ListOf(TEXT),
        "warnings": ListOf(TEXT),
        "timing": dict,
    },
    required=("manifest_version", "fingerprint", "inputs", "outputs"),
)


def check_shape(data: Any, source: str) -> None:
    """BriefError (``source``, the dotted key) if ``data`` is not shaped as a manifest."""
    _check(data, MANIFEST, "", source)


def _check(value: Any, spec: Spec, key: str, source: str) -> None:
    if isinstance(spec, Obj):
        _expect(isinstance(value, dict), "an object", value, key, source)
        for name in spec.required:
            if name not in value:
                raise BriefError(f"missing field '{name}'", source=source, key=key or None)
        for name, inner in spec.fields.items():
            if name in value:
                _check(value[name], inner, _join(key, name), source)
    elif isinstance(spec, ListOf):
        _expect(isinstance(value, list), "an array", value, key, source)
        for index, item in enumerate(value):
            _check(item, spec.item, _join(key, str(index)), source)
    elif isinstance(spec, MapOf):
        _expect(isinstance(value, dict), "an object", value, key, source)
        for name, item in value.items():
            _check(item, spec.value, _join(key, name), source)
    else:
        types = spec if isinstance(spec, tuple) else (spec,)
        ok = isinstance(value, types) and (bool in types or not isinstance(value, bool))
        if ok and isinstance(value, int) and abs(value) > MAX_INT:
            raise BriefError(f"integer beyond ±2^63 ({str(value)[:20]}…)", source=source, key=key or None)
        _expect(ok, " or ".join(_NAMES.get(t, t.__name__) for t in types), value, key, source)


_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
          dict: "an object", list: "an array", type(None): "null"}


def _expect(ok: bool, what: str, value: Any, key: str, source: str) -> None:
    if not ok:
        found = _NAMES.get(type(value), type(value).__name__)
        raise BriefError(f"expected {what}, found {found}", source=source, key=key or None)


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
