"""markdown-it rules for the briefgen content dialect (one rule per construct).

- ``bullet``: a line starting with a house marker (□ ㅇ ○ - *) and a space is one 개조식 item;
  following non-blank lines that start with no marker continue it (S9-S11).
- ``caption_line``: ``출처:``/``주:`` lines under a figure or table (they end a pipe table).
- ``crossref``: ``{@fig-key}`` or ``{@tab-key|과}`` refers to a figure/table; the particle is
  resolved against the number later (S52).
- ``citation``: ``[@key; @key, p. 3]``, ``[-@key]`` or narrative ``@key`` (Pandoc's syntax,
  ``briefgen.biblio.syntax``); the reader prints it from the bibliography (S21).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from briefgen.biblio.syntax import match_citation

MARKER_LEVELS = {"□": 1, "ㅇ": 2, "○": 2, "-": 3, "*": 4}
_BULLET_START = re.compile(r"([□ㅇ○*-])[ \t\u00a0]+(?=\S)")
_BLOCK_BREAK = re.compile(r"(:::|#|\||\[\^[^\]]+\]:)")
_CAPTION_LINE = re.compile(r"(?:☞\s*)?(?:출처|자료|Source|주)\s*:")
_CROSSREF = re.compile(r"\{@([A-Za-z0-9_-]+)(?:\|([^{}|\s]+))?\}")


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def bullet_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: one bullet item (marker line plus continuation lines)."""
    match = _BULLET_START.match(_line(state, start_line))
    if not match:
        return False
    if silent:
        return True
    texts = [_line(state, start_line)[match.end() :].strip()]
    next_line = start_line + 1
    while next_line < end_line and not state.isEmpty(next_line):
        text = _line(state, next_line)
        if _BULLET_START.match(text) or _BLOCK_BREAK.match(text):
            break
        texts.append(text.strip())
        next_line += 1
    marker = match.group(1)
    open_token = state.push("bullet_open", "li", 1)
    open_token.markup = marker
    open_token.meta = {"level": MARKER_LEVELS[marker]}
    open_token.map = [start_line, next_line]
    inline = state.push("inline", "", 0)
    inline.content = "\n".join(texts)
    inline.map = [start_line, next_line]
    inline.children = []
    state.push("bullet_close", "li", -1)
    state.line = next_line
    return True


def caption_line_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a ``출처:`` / ``주:`` line is its own paragraph and ends a pipe table."""
    text = _line(state, start_line)
    if not _CAPTION_LINE.match(text):
        return False
    if silent:
        return True
    open_token = state.push("paragraph_open", "p", 1)
    open_token.map = [start_line, start_line + 1]
    inline = state.push("inline", "", 0)
    inline.content = text.strip()
    inline.map = [start_line, start_line + 1]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    state.line = start_line + 1
    return True


def crossref_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``{@key}`` / ``{@key|particle}``."""
    if state.src[state.pos] != "{":
        return False
    match = _CROSSREF.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("crossref", "", 0)
        token.meta = {"key": match.group(1), "particle": match.group(2)}
    state.pos = match.end()
    return True


def citation_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: a Pandoc citation (its text comes from the bibliography)."""
    if state.src[state.pos] not in "[@":
        return False
    found = match_citation(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"citation": found[0]}
    state.pos = found[1]
    return True


def crossref_and_bullets_plugin(md: MarkdownIt) -> None:
    """Install the dialect's own rules."""
    md.block.ruler.before("table", "bullet", bullet_rule, {"alt": ["paragraph"]})
    md.block.ruler.before("table", "caption_line", caption_line_rule, {"alt": ["paragraph", "blockquote"]})
    md.inline.ruler.before("link", "crossref", crossref_rule)
    md.inline.ruler.before("link", "citation", citation_rule)
