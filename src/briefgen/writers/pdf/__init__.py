"""PDF writer (ReportLab platypus) with page-bottom footnotes, TOC, outline and metadata."""

from __future__ import annotations

from pathlib import Path

from briefgen.ir import Document
from briefgen.theme import Theme
from briefgen.writers import WriteContext, Written
from briefgen.writers.pdf.images import PendingImages
from briefgen.writers.pdf.writer import PdfResult, lay_out, write_pdf

__all__ = ["PdfResult", "lay_out", "write", "write_pdf"]


def write(document: Document, theme: Theme, target: Path, context: WriteContext) -> Written:
    """The registry's entry point (see ``briefgen.writers``): images still being made are laid
    out at their planned size."""
    pending = PendingImages(dict(context.planned), context.image_ready) if context.planned else None
    result = write_pdf(document, theme, target, pending)
    return Written(result.pages, result.page_of)
