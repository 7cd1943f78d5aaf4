"""Advance widths of text in the theme's fonts, for the writers that size hanging indents
and boxes themselves (DOCX, HTML, HWPX).

Widths come from ReportLab's registered fonts: a build that lays out a PDF registers the
theme fonts before it writes the other formats (and before it forks their process), so
those writers measure without parsing a font file again; otherwise the font is registered
here, from ``briefgen.cache.fonts`` when it was parsed before.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from briefgen.cache.fonts import register_font


@lru_cache(maxsize=4096)  # bounded: a watch process measures every edit's paragraphs
def text_width(family: str, text: str, size: float) -> float:
    """Advance width in points of ``text`` in the theme font ``family`` at ``size`` pt
    (BriefError if the font file is missing)."""
    width: float = pdfmetrics.stringWidth(text, register_font(family), size)
    return width
