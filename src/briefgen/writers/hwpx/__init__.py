"""HWPX (한/글) writer: ``write_hwpx(doc, theme, out, page_of=...)`` (see ``writer``)."""

from __future__ import annotations

from pathlib import Path

from briefgen.ir import Document
from briefgen.theme import Theme
from briefgen.writers import WriteContext, Written
from briefgen.writers.hwpx.writer import write_hwpx

__all__ = ["write", "write_hwpx"]


def write(document: Document, theme: Theme, target: Path, context: WriteContext) -> Written:
    """The registry's entry point (see ``briefgen.writers``)."""
    write_hwpx(document, theme, target, page_of=context.page_of)
    return Written()
