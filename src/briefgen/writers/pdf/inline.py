"""IR inlines → ReportLab paragraph markup (escaped, glyph-checked, footnote marks as hooks)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never
from xml.sax.saxutils import escape, quoteattr

from briefgen.ir import (
    CrossRef,
    Emph,
    FootnoteRef,
    Inline,
    Link,
    SourceLoc,
    Strong,
    Superscript,
    Text,
    plain_text,
)
from briefgen.writers.pdf.fonts import FontSet

#: Name of the canvas callback fired where a footnote mark is drawn (see footnotes.py).
MARK_CALLBACK = "briefgen_fnmark"
#: Name of the canvas callback fired where a chapter/section heading is drawn.
HEADING_CALLBACK = "briefgen_heading"

# A footnote mark / superscript: 70 % of the running size, raised by 35 % of it (S22, S25, S41).
_SUPER = '<super size="70%" rise="35%">'


@dataclass(frozen=True)
class Markup:
    """Turns strings and inlines into ReportLab markup, checking every glyph in its font."""

    fonts: FontSet
    emphasis: str = "#000000"  # colour of Emph (theme ``colors.emphasis``)
    link: str = "#000000"  # colour of Link text, underlined as in the DOCX (``colors.link``)

    def text(
        self, s: str, font: str, loc: SourceLoc | None = None, context: str | None = None
    ) -> str:
        """Escape ``s`` for paragraph markup after checking it against ``font``."""
        self.fonts.check(s, font, loc, context)
        return escape(s)

    def inlines(self, nodes: list[Inline], font: str, loc: SourceLoc | None = None) -> str:
        """Markup for ``nodes`` in a paragraph whose face is ``font``."""
        context = plain_text(nodes)
        return "".join(self._node(n, font, loc, context) for n in nodes)

    def _node(self, node: Inline, font: str, loc: SourceLoc | None, context: str) -> str:
        match node:
            case Text(text=s):
                return self.text(s, font, loc, context)
            case Strong(children=children):
                bold = self.fonts.bold if font == self.fonts.body else font
                inner = "".join(self._node(c, bold, loc, context) for c in children)
                return f"<b>{inner}</b>"
            case Emph(children=children):
                # No italic face exists: emphasis is coloured (theme token), never slanted.
                inner = "".join(self._node(c, font, loc, context) for c in children)
                return f'<font color="{self.emphasis}">{inner}</font>'
            case Superscript(children=children):
                inner = "".join(self._node(c, font, loc, context) for c in children)
                return f"{_SUPER}{inner}</super>"
            case Link(children=children, url=url):
                inner = "".join(self._node(c, font, loc, context) for c in children)
                return f'<a href={quoteattr(url)} color="{self.link}"><u>{inner}</u></a>'
            case FootnoteRef(number=n):
                mark = self.text(node.label, font, loc, context)
                return f'{_SUPER}{mark}</super><onDraw name="{MARK_CALLBACK}" label="{n}"/>'
            case CrossRef(text=s):
                return self.text(s, font, loc, context)
            case _:
                assert_never(node)
