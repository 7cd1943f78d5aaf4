"""The PDF's page numbers, as the page-less writers (DOCX, HWPX) print them in their 목차."""

from __future__ import annotations

from collections.abc import Callable, Mapping

PageNumbers = Mapping[str, int] | None  # heading anchor -> printed page (from the PDF)
PageSource = PageNumbers | Callable[[], PageNumbers]  # the numbers, or how to wait for them


def page_numbers(source: PageSource) -> PageNumbers:
    """The page numbers; a function is asked now (the PDF may have been laid out meanwhile)."""
    return source() if callable(source) else source
