"""IR inlines → escaped HTML; footnote marks become links to the numbered notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import assert_never

from briefgen.ir import (
    CrossRef,
    Emph,
    FootnoteRef,
    Inline,
    Link,
    Strong,
    Superscript,
    Text,
)

#: Only these links become ``href``s; any other URL is shown as plain text.
SAFE_URL = re.compile(r"(?:https?://|mailto:)[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def safe_url(url: str) -> bool:
    """True for an http(s) or mailto URL without whitespace or control characters."""
    return SAFE_URL.fullmatch(url) is not None


def note_id(number: int) -> str:
    """Id of footnote ``number`` in the notes list."""
    return f"fn-{number}"


def mark_id(number: int) -> str:
    """Id of the (first) mark of footnote ``number``: the back-link target."""
    return f"fnref-{number}"


@dataclass
class InlineWriter:
    """Renders inlines; remembers which footnote marks were written (for back-links).

    ``notes``: numbers of the footnotes that exist; ``targets``: ids of figures and tables
    (a cross-reference to one of them becomes an internal link).
    """

    notes: frozenset[int]
    targets: frozenset[str]
    marked: set[int] = field(default_factory=set)

    def render(self, nodes: list[Inline]) -> str:
        """HTML for ``nodes``; every text is escaped, no markup passes through."""
        return "".join(self._node(node) for node in nodes)

    def _node(self, node: Inline) -> str:
        match node:
            case Text(text=text):
                return escape(text)
            case Strong(children=children):
                return f"<strong>{self.render(children)}</strong>"
            case Emph(children=children):
                return f"<em>{self.render(children)}</em>"
            case Superscript(children=children):
                return f"<sup>{self.render(children)}</sup>"
            case Link(children=children, url=url):
                inner = self.render(children) or escape(url)
                if not safe_url(url):
                    return inner
                return f'<a href="{escape(url)}">{inner}</a>'
            case FootnoteRef(number=number):
                return self._mark(number, node.label)
            case CrossRef(key=key, text=text):
                if key in self.targets:
                    return f'<a class="xref" href="#{escape(key)}">{escape(text)}</a>'
                return escape(text)
            case _:
                assert_never(node)

    def _mark(self, number: int, label: str) -> str:
        if number not in self.notes:
            return f'<sup class="fnref">{escape(label)}</sup>'
        first = number not in self.marked
        self.marked.add(number)
        ident = f' id="{mark_id(number)}"' if first else ""
        return (
            f'<sup class="fnref"><a href="#{note_id(number)}"{ident} role="doc-noteref">'
            f"{escape(label)}</a></sup>"
        )
