"""YAML as briefs need it: safe loading, YES/NO kept as text, and a key → line map."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from briefgen.errors import BriefError

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class BriefLoader(_SafeLoader):
    """Safe YAML where only ``true``/``false`` are booleans: ``YES``, ``NO``, ``on``, ``off``
    stay text (data values such as verdicts ``YES``/``NO`` are map keys in briefs)."""


BriefLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BriefLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _timestamp(loader: BriefLoader, node: yaml.ScalarNode) -> Any:
    """A YAML date or time; one that is no real date (2024-02-30) is a located YAML error."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value} is not a real date ({exc})", node.start_mark
        ) from None


BriefLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class LineMap(dict[str, int]):
    """Dotted key path → 1-based line of the key; ``columns`` has its 1-based column."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: dict[str, int] = {}


def position(lines: dict[str, int], key: str | None) -> tuple[int | None, int | None]:
    """(line, column) of ``key`` or of its nearest parent present in ``lines``."""
    while key:
        if key in lines:
            return lines[key], getattr(lines, "columns", {}).get(key)
        key = key.rpartition(".")[0]
    return None, None


MAX_EXPANDED_VALUES = 100_000
"""Most values a YAML document may hold once its aliases (``*name``) are expanded: a
"billion laughs" document is small but expands to billions when something walks it."""
MAX_DEPTH = 100
"""Deepest nesting of lists and mappings in a YAML document (a brief's is below 10)."""


def parse_yaml(text: str, source: str) -> tuple[Any, dict[str, int]]:
    """Safe-load YAML and map every dotted key path to its 1-based line."""
    try:
        _check_expansion(text, source)
        node = yaml.compose(text, Loader=BriefLoader)
        data = yaml.load(text, Loader=BriefLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise BriefError(
            f"invalid YAML: {problem}",
            source=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    lines = LineMap()
    try:
        _collect_lines(node, "", lines, set())
    except BriefError as error:
        raise BriefError(error.message, source=source, line=error.line, column=error.column) from None
    return data, lines


def _check_expansion(text: str, source: str) -> None:
    """Refuse a document whose aliases expand it beyond MAX_EXPANDED_VALUES (counted from the
    parser's events, without expanding anything), naming the alias that crosses the limit, and
    one nested deeper than MAX_DEPTH (loading it would recurse that deep)."""
    expanded = 0
    anchors: dict[str, int] = {}
    starts: list[tuple[str | None, int]] = []
    for event in yaml.parse(text, Loader=BriefLoader):
        if isinstance(event, yaml.AliasEvent):
            expanded += anchors.get(str(event.anchor), 1)
            if expanded > MAX_EXPANDED_VALUES:
                mark = event.start_mark
                raise BriefError(
                    f"the aliases (*{event.anchor}) expand the document beyond "
                    f"{MAX_EXPANDED_VALUES:,} values; write the values out",
                    source=source, line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.CollectionStartEvent):
            expanded += 1
            starts.append((event.anchor, expanded))
            if len(starts) > MAX_DEPTH:
                mark = event.start_mark
                raise BriefError(f"lists and mappings nested more than {MAX_DEPTH} levels deep",
                                 source=source, line=mark.line + 1 if mark else None,
                                 column=mark.column + 1 if mark else None)
        elif isinstance(event, yaml.CollectionEndEvent) and starts:
            anchor, start = starts.pop()
            if anchor:
                anchors[anchor] = expanded - start + 1


def _collect_lines(node: yaml.Node | None, prefix: str, lines: LineMap, seen: set[int]) -> None:
    # An alias (*name) is the same node object again: map it once, so a "billion laughs"
    # document of nested aliases stays linear instead of expanding exponentially.
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in first and key != "<<":  # PyYAML would keep the last one silently
                raise BriefError(f"duplicate key '{key}' (first at line {first[key]})", line=line,
                                 column=key_node.start_mark.column + 1)
            first[key] = line
            path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            lines[path] = key_node.start_mark.line + 1
            lines.columns[path] = key_node.start_mark.column + 1
            _collect_lines(value_node, path, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}.{index}"
            lines[path] = item.start_mark.line + 1
            lines.columns[path] = item.start_mark.column + 1
            _collect_lines(item, path, lines, seen)
