"""Nothing typed that the data decides: warnings about the prose of a content template.

Three checks, each a located warning (``content.md:57: …``) from ``briefgen check`` and the build:

- a digit in prose outside an expression (``{{ }}``): a number typed by hand goes stale when
  the data changes. Not counted: citations ``(Kaplan et al., 2020)``, footnote marks,
  cross-references, container parameters, pipe-table rules, powers ``10^23^``, the
  ``::: references`` block, and a line that carries a ``{# fixed #}`` comment (a constant
  of the text, such as a formula);
- a word of the prose that equals a label of a statistic used on the same line (directly or
  through a ``{% set %}`` name): a category typed by hand holds only while the data agrees
  (``그다음은 멀티모달 …``); print it from the data (``{{ item.label }}``) instead;
- a direction of change typed after a printed value (``{{ c | pct }} 증가``) or an ending typed
  after a change filter (``{{ a | change(b) }}하였다``, which prints ``변동 없음하였다`` when
  nothing changed): the change filters pick the word and its ending (S56).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
_SET = re.compile(r"\{%-?\s*set\s+([\w\s,]+?)\s*=(.*?)-?%\}", re.S)
_STAT = re.compile(r"\bstats\.(\w+)|\bstats\[\s*['\"](\w+)['\"]\s*\]")
_NAME = re.compile(r"\b([A-Za-z_]\w*)\b")
_FIXED = re.compile(r"\{#-?\s*fixed\b")
_NOT_DATA = [
    re.compile(r"\d+\^\d+\^"),                                # powers: 10^23^
    re.compile(r"\([^()]*(?:(?:et al\.|외),?|[A-Za-z가-힣],) \d{4}[^()]*\)"),  # citations (S21)
    re.compile(r"\[[^\[\]]*@[^\[\]]*\]|(?<![\w.])@\{?\w[^\s\[\]{}]*"),  # [@key, p. 3], @key
    re.compile(r"\[\^[^\]]+\]"),                              # footnote marks
    re.compile(r"\{@[^}]+\}"),                                # cross-references
    re.compile(r"^:::.*$"),                                   # container parameters
    re.compile(r"^\s*\|[-:| ]+\|\s*$"),                       # pipe-table rules
    re.compile(r"https?://\S+"),                              # addresses
]
_PARTICLES = ("으로", "에서", "보다", "처럼", "까지", "부터", "이", "가", "은", "는", "을", "를",
              "과", "와", "의", "로", "에", "도", "만")
_HANGUL = re.compile(r"[가-힣]")
_COMMENT = re.compile(r"\{#.*?#\}", re.S)
# a direction typed after a value: }} 증가, }}%p 감소 (not the nouns 증가율, 증가세, 감소폭)
_TYPED_DIRECTION = re.compile(r"\}\}\s*(?:%p|%)?\s*(증가|감소|상승|하락)(?![율세폭분])")
# an ending typed after a change filter: change(b) }}하였다, count_change(b) }}한
_CHANGE_FILTER = re.compile(
    r"\|\s*(rate_change|pp_change|count_change|change)\b(?:(?!\}\}).)*\}\}(하였|하여|하고|한|함|했)"
)


def lint_template(source: str, name: str, statistics: dict[str, Any]) -> list[str]:
    """Warnings (``name:line: …``) for digits and statistic labels typed in the prose."""
    aliases = _aliases(source)
    warnings = []
    for number, line, prose in _prose_lines(source):
        if re.search(r"\d", _without_allowed(prose)) and not _FIXED.search(line):
            warnings.append(f"{name}:{number}: a number typed in the prose "
                            f"({_clip(prose)}); print it from a statistic")
        for stat, label in _typed_labels(line, prose, aliases, statistics):
            warnings.append(f"{name}:{number}: '{label}' is a label of statistic '{stat}' typed "
                            "in the prose; print it from the data ({{ item.label }})")
        warnings.extend(f"{name}:{number}: {problem}" for problem in _typed_changes(line))
    return warnings


def _typed_changes(line: str) -> Iterator[str]:
    """Directions of change and their endings typed around printed values (S56)."""
    line = _COMMENT.sub("", line)
    for match in _TYPED_DIRECTION.finditer(line):
        yield (f"'{match[1]}' typed after a printed value: the direction follows the data; "
               "print it with rate_change, pp_change, change or count_change")
    for match in _CHANGE_FILTER.finditer(line):
        yield (f"'{match[2]}…' typed after {match[1]}: give the filter its ending (form='다', "
               f"'어', '은' or '음'); typed, it prints '변동 없음{match[2]}…' when nothing changed")


def _prose_lines(source: str) -> Iterator[tuple[int, str, str]]:
    """(line number, template line, its prose) outside ``::: references`` blocks; the prose is
    the line with every Jinja tag, expression and comment taken out."""
    blanked = _JINJA.sub(lambda m: "\n" * m.group().count("\n"), source)
    in_references = False
    for number, (line, prose) in enumerate(zip(source.split("\n"), blanked.split("\n"),
                                               strict=True), 1):
        if prose.startswith("::: references"):
            in_references = True
        elif prose.startswith(":::"):
            in_references = False
        if not in_references:
            yield number, line, prose


def _without_allowed(prose: str) -> str:
    for pattern in _NOT_DATA:
        prose = pattern.sub("", prose)
    return prose


def _aliases(source: str) -> dict[str, set[str]]:
    """``{% set name = … %}`` → the statistics the name stands for (followed through names)."""
    aliases: dict[str, set[str]] = {}
    for names, expression in _SET.findall(source):
        used = _statistics_in(expression, aliases)
        for alias in (n.strip() for n in names.split(",")):
            aliases[alias] = used
    return aliases


def _statistics_in(expression: str, aliases: dict[str, set[str]]) -> set[str]:
    used = {a or b for a, b in _STAT.findall(expression)}
    for name in _NAME.findall(expression):
        used |= aliases.get(name, set())
    return used


def _typed_labels(line: str, prose: str, aliases: dict[str, set[str]],
                  statistics: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if not _HANGUL.search(prose):
        return
    used: set[str] = set()
    for a, b in _EXPRESSION.findall(line):
        if not (b or "").lstrip("-").lstrip().startswith("set "):
            used |= _statistics_in(a or b, aliases)
    for stat in sorted(used):
        for label in sorted(_labels(statistics.get(stat))):
            if len(label) >= 2 and _HANGUL.search(label) and _typed(label, prose):
                yield stat, label


def _labels(stat: Any) -> set[str]:
    if stat is None:
        return set()
    if hasattr(stat, "labels") and callable(stat.labels):
        return {str(label) for label in stat.labels()}
    return {str(label) for label in [*getattr(stat, "row_labels", []),
                                     *getattr(stat, "col_labels", [])]}


def _typed(label: str, prose: str) -> bool:
    """Whether ``label`` stands in ``prose`` as a word of its own (a particle may follow)."""
    for match in re.finditer(re.escape(label), prose):
        before = prose[match.start() - 1] if match.start() else " "
        if _HANGUL.match(before):
            continue
        rest = prose[match.end():]
        if not rest or not _HANGUL.match(rest[0]):
            return True
        particle = next((p for p in _PARTICLES if rest.startswith(p)), None)
        if particle and not _HANGUL.match(rest[len(particle):len(particle) + 1] or " "):
            return True
    return False


def _clip(prose: str) -> str:
    text = " ".join(prose.split())
    return text if len(text) <= 60 else text[:57] + "…"
