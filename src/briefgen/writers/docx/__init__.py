"""DOCX writer: ``write_docx(doc, theme, out, page_of=...)`` (see ``writer``)."""

from briefgen.writers.docx.writer import write_docx

__all__ = ["write_docx"]
