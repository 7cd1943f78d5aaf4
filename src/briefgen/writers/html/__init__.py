"""HTML writer: one self-contained preview file (inline CSS, images as data URIs, no script)."""

from __future__ import annotations

from pathlib import Path

from briefgen.ir import Document
from briefgen.theme import Theme
from briefgen.writers import WriteContext, Written
from briefgen.writers.html.writer import render_html, write_html

__all__ = ["render_html", "write", "write_html"]


def write(document: Document, theme: Theme, target: Path, context: WriteContext) -> Written:
    """The registry's entry point (see ``briefgen.writers``)."""
    write_html(document, theme, target)
    return Written()
