"""PDF writer (ReportLab platypus) with page-bottom footnotes, TOC, outline and metadata."""

from briefgen.writers.pdf.writer import PdfResult, write_pdf

__all__ = ["PdfResult", "write_pdf"]
