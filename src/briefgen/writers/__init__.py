"""The writers, one package per format, each with one entry point
``write(document, theme, target, context)``, found by format with ``writer(fmt)`` (its
libraries are imported on first use)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from briefgen.writers.page_numbers import PageNumbers

if TYPE_CHECKING:
    from briefgen.ir import Document
    from briefgen.theme import Theme

FORMATS = ("pdf", "docx", "html", "hwpx")


def _no_pages() -> PageNumbers:
    return None


def _nothing(path: Path) -> None:
    return None


@dataclass(frozen=True)
class WriteContext:
    """What a writer may need besides the document and the theme.

    ``page_of`` returns the PDF's page numbers (the 목차 of the DOCX and HWPX print them; it may
    wait for the PDF). ``planned``: image files still being made, with their pixel size;
    ``image_ready(path)`` returns once one of them exists (a writer calls it before reading it).
    """

    page_of: Callable[[], PageNumbers] = _no_pages
    planned: Mapping[Path, tuple[int, int]] = field(default_factory=dict)
    image_ready: Callable[[Path], None] = _nothing


@dataclass(frozen=True)
class Written:
    """What a writer reports: pages and each heading's printed page (a paged format only)."""

    pages: int = 0
    page_of: dict[str, int] | None = None


class Writer(Protocol):
    def __call__(self, document: Document, theme: Theme, target: Path,
                 context: WriteContext) -> Written: ...


def writer(fmt: str) -> Writer:
    """The ``write`` function of format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ValueError(f"no writer for {fmt!r} (formats: {', '.join(FORMATS)})")
    write: Writer = importlib.import_module(f"briefgen.writers.{fmt}").write
    return write
