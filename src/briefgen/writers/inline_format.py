"""Inline formatting that writers inherit down the inline tree (shared by DOCX and HWPX)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InlineFormat:
    """What the enclosing inlines ask for: Strong → bold, Emph, Superscript, Link, and
    whether we are inside a footnote's text (where footnote marks are not allowed)."""

    bold: bool = False
    emphasis: bool = False
    superscript: bool = False
    link: bool = False
    in_footnote: bool = False


PLAIN = InlineFormat()
