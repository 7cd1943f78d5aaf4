"""Brief parameters: one project, one brief per region, sector or quarter.

``params:`` in brief.yaml declares each parameter with a type and usually a default::

    params:
      region: {type: text, default: 서울, choices: [서울, 부산]}
      year: {type: int, default: 2023}

A build takes the values from ``--param NAME=VALUE`` or from a series entry (``Setting``),
else the defaults. In the config a value stands as ``{param: NAME}`` anywhere under ``data``,
``statistics``, ``tables``, ``charts`` and ``facts`` (typed: ``between: [{param: year}, 2025]``),
and as ``{NAME}`` in a pattern: the ``meta`` texts and ``output.name``
(``name: brief-{region}``). Templates see ``params.NAME``.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from briefgen.errors import BriefError
from briefgen.yamlio import position

#: Type names in brief.yaml → what a value is turned into.
TYPES = ("text", "int", "number", "bool")
PARAM_KEYS = {"type", "default", "choices", "description"}
SUBSTITUTED = ("data", "statistics", "tables", "charts", "facts")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")
_MISSING = object()


@dataclass(frozen=True)
class Param:
    """One declared parameter; ``default`` is ``None`` when it has none (then it must be given)."""

    name: str
    type: str
    default: Any = None
    choices: tuple[Any, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Setting:
    """A value given for a parameter, and where it was given (for a located error): the keyword
    arguments of a ``BriefError`` (``source``, ``line``, ``key``, ``cell``)."""

    name: str
    value: Any
    where: Mapping[str, Any] = field(default_factory=dict)

    def error(self, message: str) -> BriefError:
        """A BriefError at the place this value was given."""
        return BriefError(message, **dict(self.where))


def cli_setting(option: str) -> Setting:
    """``--param NAME=VALUE`` as a Setting (the value stays text until its type is known)."""
    name, equals, value = option.partition("=")
    source = f"--param {option}"
    if not equals or not name.strip():
        raise BriefError("write a parameter as NAME=VALUE (e.g. --param region=서울)", source=source)
    return Setting(name.strip(), value, {"source": source})


def declare(raw: Any, source: str, lines: dict[str, int]) -> dict[str, Param]:
    """The parameters ``params:`` declares (BriefError at the offending key otherwise)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _at("'params' must be a mapping: NAME: {type: text, default: …}", source, lines, "params")
    declared: dict[str, Param] = {}
    for name, body in raw.items():
        key = f"params.{name}"
        if not isinstance(name, str) or not _NAME.match(name):
            raise _at(f"parameter name '{name}' must be a name of letters, digits and _ (not starting "
                      "with a digit, at most 40), as templates use it: params.region", source, lines, key)
        if not isinstance(body, dict):  # the short form: the default, its type taken from it
            body = {"type": _type_of(body), "default": body}
        for extra in body:
            if extra not in PARAM_KEYS:
                close = difflib.get_close_matches(str(extra), sorted(PARAM_KEYS), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(sorted(PARAM_KEYS))})"
                raise _at(f"unknown key '{extra}'{hint}", source, lines, f"{key}.{extra}")
        kind = body.get("type", "text")
        if kind not in TYPES:
            raise _at(f"parameter type '{kind}' is not one of {', '.join(TYPES)}", source, lines, f"{key}.type")
        param = Param(name, kind, description=str(body.get("description", "")))
        choices = body.get("choices")
        if choices is not None:
            if not isinstance(choices, list) or not choices:
                raise _at("choices must be a non-empty list of values", source, lines, f"{key}.choices")
            where = {"source": source, "line": position(lines, f"{key}.choices")[0], "key": f"{key}.choices"}
            param = Param(name, kind, None, tuple(convert(param, c, Setting(name, c, where)) for c in choices),
                          param.description)
        if body.get("default") is not None:
            default = body["default"]
            where = {"source": source, "line": position(lines, f"{key}.default")[0], "key": f"{key}.default"}
            param = Param(name, kind, convert(param, default, Setting(name, default, where)), param.choices,
                          param.description)
        declared[name] = param
    return declared


def convert(param: Param, value: Any, given: Setting) -> Any:
    """``value`` as the parameter's type (text from the command line, a YAML or data value),
    one of its choices; BriefError where it was given otherwise."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # a numpy scalar from a data column
    converted = _MISSING
    if param.type == "text" and isinstance(value, str | int | float) and not isinstance(value, bool):
        converted = value if isinstance(value, str) else _plain_number(value)
    elif param.type == "int":
        converted = _to_int(value)
    elif param.type == "number":
        converted = _to_number(value)
    elif param.type == "bool":
        converted = _to_bool(value)
    if converted is _MISSING:
        raise given.error(f"parameter '{param.name}' is {_A_TYPE[param.type]}, not {value!r}")
    if param.choices and converted not in param.choices:
        listed = ", ".join(str(c) for c in param.choices)
        raise given.error(f"parameter '{param.name}' is one of {listed}, not {converted!r}")
    return converted


_A_TYPE = {"text": "a text", "int": "a whole number", "number": "a number", "bool": "true or false"}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    return "number" if isinstance(value, float) else "text"


def _plain_number(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _to_int(value: Any) -> Any:
    if isinstance(value, bool):
        return _MISSING
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else _MISSING
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d+\s*", value):
        return int(value)
    return _MISSING


def _to_number(value: Any) -> Any:
    if isinstance(value, bool):
        return _MISSING
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", value):
        number = float(value)
        return int(number) if number.is_integer() and "." not in value and "e" not in value.lower() else number
    return _MISSING


def _to_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str | int) else ""
    return True if text in _TRUE else False if text in _FALSE else _MISSING


def resolve(declared: Mapping[str, Param], settings: Iterable[Setting], source: str,
            lines: dict[str, int]) -> dict[str, Any]:
    """Every declared parameter's value: the one given, else its default. An unknown name,
    a value of the wrong type and a parameter with neither are BriefErrors."""
    values: dict[str, Any] = {}
    for given in settings:
        param = declared.get(given.name)
        if param is None:
            raise given.error(f"unknown parameter '{given.name}'{_known(given.name, declared, source)}")
        values[given.name] = convert(param, given.value, given)
    for name, param in declared.items():
        if name not in values:
            if param.default is None:
                raise _at(f"parameter '{name}' has no default; give it: --param {name}=…",
                          source, lines, f"params.{name}")
            values[name] = param.default
    return values


def _known(name: str, declared: Iterable[str], source: str) -> str:
    names = list(declared)
    if not names:
        return f" ({source} declares no params:)"
    close = difflib.get_close_matches(name, sorted(names), n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (declared: {', '.join(names)})"


def apply(raw: dict[str, Any], values: Mapping[str, Any], source: str,
          lines: dict[str, int]) -> dict[str, Any]:
    """A copy of the config ``raw`` with every ``{param: NAME}`` replaced by its value and the
    patterns of ``meta`` and ``output.name`` filled in."""
    if "params" not in raw:
        return raw
    out = dict(raw)
    for section in SUBSTITUTED:
        if section in out:
            out[section] = substitute(out[section], values, section, source, lines)
    if isinstance(out.get("meta"), dict):
        meta = dict(out["meta"])
        for key, value in meta.items():
            if isinstance(value, str):
                meta[key] = fill(value, values, f"meta.{key}", source, lines)
            elif key == "keywords" and isinstance(value, list):
                meta[key] = [fill(v, values, f"meta.keywords.{i}", source, lines) if isinstance(v, str) else v
                             for i, v in enumerate(value)]
        out["meta"] = meta
    output = out.get("output")
    if isinstance(output, dict) and isinstance(output.get("name"), str):
        out["output"] = {**output, "name": fill(output["name"], values, "output.name", source, lines)}
    return out


def substitute(tree: Any, values: Mapping[str, Any], key: str, source: str, lines: dict[str, int]) -> Any:
    """``tree`` with each ``{param: NAME}`` mapping replaced by the value of NAME."""
    if isinstance(tree, dict):
        if set(tree) == {"param"}:
            name = tree["param"]
            if name not in values:
                raise _at(f"unknown parameter '{name}'{_known(str(name), values, source)}",
                          source, lines, f"{key}.param")
            return values[name]
        return {k: substitute(v, values, f"{key}.{k}", source, lines) for k, v in tree.items()}
    if isinstance(tree, list):
        return [substitute(v, values, f"{key}.{i}", source, lines) for i, v in enumerate(tree)]
    return tree


def fill(pattern: str, values: Mapping[str, Any], key: str, source: str, lines: dict[str, int]) -> str:
    """``pattern`` with each ``{NAME}`` (or ``{NAME:format}``) replaced by the value of NAME;
    ``{{`` and ``}}`` stand for braces."""
    out = []
    try:
        for text, name, spec, conversion in string.Formatter().parse(pattern):
            out.append(text)
            if name is None:
                continue
            if conversion or name not in values:
                what = f"'{name}'" if name else "'{}'"
                raise _at(f"unknown parameter {what} in the pattern '{pattern}'"
                          f"{_known(name, values, source)}; a literal brace is written {{{{ or }}}}",
                          source, lines, key)
            out.append(format(values[name], spec or ""))
    except ValueError as exc:
        raise _at(f"cannot fill the pattern '{pattern}': {exc}", source, lines, key) from None
    return "".join(out)


def describe(values: Mapping[str, Any]) -> str:
    """``region=서울 year=2023``: a brief of a series as a person names it."""
    return " ".join(f"{name}={value}" for name, value in values.items())


def _at(message: str, source: str, lines: dict[str, int], key: str) -> BriefError:
    line, column = position(lines, key)
    return BriefError(message, source=source, line=line, column=column, key=key)
