"""Pandoc's citation syntax, as the content template writes it.

``[@kaplan2020]``, ``[@kaplan2020; @hoffmann2022]``, ``[@kaplan2020, p. 3]``, ``[see
@kaplan2020]``, ``[-@kaplan2020]`` (year only) in brackets; ``@kaplan2020`` (narrative, the
author in the sentence) and ``@kaplan2020 [p. 3]``; ``@{key}`` for a key followed by letters.
Keys are ASCII letters, digits and ``_``, with ``:.#$%&-+?<>~/`` inside, so a Korean particle
right after a key is not part of it (``@kaplan2020은``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&\-+?<>~/](?=[A-Za-z0-9_]))*"
_KEY_REF = rf"(?:(?P<key>{_KEY})|\{{(?P<braced>[^{{}}\s]+)\}})"
_BRACKETS = re.compile(r"\[(?P<body>[^\[\]]*@[^\[\]]*)\]")
_ITEM = re.compile(rf"(?P<prefix>(?:[^@]*\s)?)(?P<dash>-?)@{_KEY_REF}(?P<suffix>[^@]*)", re.DOTALL)
_NARRATIVE = re.compile(rf"@{_KEY_REF}(?: \[(?P<locator>[^\[\]@]*)\])?")
_NOT_AFTER = re.compile(r"[\w{]", re.ASCII)  # a@b.kr is an address, {@fig-x} a cross-reference
#: The characters a citation starts with (for the markup's plain-text shortcut).
STARTS = "[@"


@dataclass(frozen=True)
class CiteItem:
    """One cited work: ``prefix`` (``see``), ``suffix`` (a locator ``p. 3``), year only or not."""

    key: str
    prefix: str = ""
    suffix: str = ""
    year_only: bool = False


@dataclass(frozen=True)
class Citation:
    """A citation as written: several items in brackets, or one narrative item."""

    items: tuple[CiteItem, ...]
    narrative: bool = False

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]


def match_citation(text: str, pos: int) -> tuple[Citation, int] | None:
    """The citation starting at ``text[pos]`` and where it ends, or None."""
    if text.startswith("[", pos):
        found = _BRACKETS.match(text, pos)
        if not found or text.startswith("(", found.end()):  # [@x](url) is a link
            return None
        items = []
        for part in found.group("body").split(";"):
            written = _ITEM.fullmatch(part.strip())
            if written is None:
                return None
            items.append(CiteItem(written["key"] or written["braced"],
                                  " ".join(written["prefix"].split()),
                                  _locator(written["suffix"]), bool(written["dash"])))
        return Citation(tuple(items)), found.end()
    if text.startswith("@", pos) and not (pos and _NOT_AFTER.match(text[pos - 1])):
        found = _NARRATIVE.match(text, pos)
        if found:
            item = CiteItem(found["key"] or found["braced"], suffix=_locator(found["locator"] or ""))
            return Citation((item,), narrative=True), found.end()
    return None


def _locator(suffix: str) -> str:
    """``, p. 3`` → ``p. 3``."""
    return " ".join(suffix.strip().lstrip(",").split())


def find_citations(text: str) -> list[tuple[int, Citation]]:
    """Every citation in ``text`` with its 1-based line (``\\@`` and ``[^note]`` are not)."""
    found = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        hit = match_citation(text, pos) if char in STARTS else None
        if hit:
            found.append((text.count("\n", 0, pos) + 1, hit[0]))
            pos = hit[1]
        else:
            pos += 1
    return found
