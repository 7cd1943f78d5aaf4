"""A core rule that skips inline parsing for text that cannot hold inline markup.

A brief's table cells and many sentences are plain text; markdown-it would still run its whole
inline parser over each (a third of reading a 5,000-row table). Text with none of the characters
that start an inline rule of the briefgen dialect (emphasis, links, escapes, line breaks,
entities, ``^sup^``, ``[^note]``, ``{@fig}``, ``@key`` citations) becomes one text token, as
the parser would make it. ``tests/test_markup_plaintext.py`` holds the two paths equal for every ASCII punctuation
character, so enabling another inline rule without updating ``MARKUP_CHARACTERS`` fails there.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

#: Characters at which an inline rule of the dialect may start (a superset is safe; ``~`` of
#: ``2020~2023년`` and ``%`` are not among them: strikethrough is off, ``%`` starts nothing).
MARKUP_CHARACTERS = "\n\\*_[<&^{@"
_PLAIN = re.compile(f"[^{re.escape(MARKUP_CHARACTERS)}]+")


def plain_text_plugin(md: MarkdownIt) -> None:
    """Replace the core ``inline`` rule by one that parses only text that may hold markup."""
    md.core.ruler.at("inline", _inline)


def _inline(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if _PLAIN.fullmatch(token.content):
            text = Token("text", "", 0)
            text.content = token.content
            token.children.append(text)
        else:
            state.md.inline.parse(token.content, state.md, state.env, token.children)
