"""DOCX writer: ``write_docx(doc, theme, out, page_of=...)`` (see ``writer``)."""

from __future__ import annotations

from pathlib import Path

from briefgen.ir import Document
from briefgen.theme import Theme
from briefgen.writers import WriteContext, Written
from briefgen.writers.docx.writer import write_docx

__all__ = ["write", "write_docx"]


def write(document: Document, theme: Theme, target: Path, context: WriteContext) -> Written:
    """The registry's entry point (see ``briefgen.writers``)."""
    write_docx(document, theme, target, page_of=context.page_of)
    return Written()
