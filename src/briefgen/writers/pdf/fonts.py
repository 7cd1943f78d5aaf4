"""Register the theme's Korean TTFs with ReportLab and check glyph coverage (S43, P5, P6)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

from briefgen.cache.fonts import load_subsetting, register_font
from briefgen.errors import BriefError
from briefgen.ir import SourceLoc
from briefgen.theme import Theme


@dataclass(frozen=True)
class FontSet:
    """The three registered faces: ``body`` (regular), ``bold`` and ``heavy``."""

    body: str
    bold: str
    heavy: str

    def load_subsetting(self) -> None:
        """Make the faces ready to be subset (see ``briefgen.cache.fonts``), e.g. while waiting."""
        for name in (self.body, self.bold, self.heavy):
            load_subsetting(pdfmetrics.getFont(name))

    def check(
        self, text: str, font: str, loc: SourceLoc | None = None, context: str | None = None
    ) -> None:
        """Raise BriefError naming the first character of ``text`` that ``font`` cannot draw."""
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        for ch in text:
            cp = ord(ch)
            if cp not in cmap and ch not in "\n\t":
                shown = context if context is not None else text
                raise BriefError(
                    f"character U+{cp:04X} '{ch}' is not in font {font}: '{shown}'",
                    source=str(loc.file) if loc else None,
                    line=loc.line if loc else None,
                )


def register_fonts(theme: Theme) -> FontSet:
    """Register body/bold/heavy TTFs (embedded as subsets) and map ``<b>`` to the Bold file
    (each parsed once per user, see ``briefgen.cache.fonts``)."""
    names = FontSet(theme.font("body"), theme.font("bold"), theme.font("heavy"))
    for name in (names.body, names.bold, names.heavy):
        register_font(name)
    # No italic face exists: <i> keeps the upright face rather than a synthesized slant.
    pdfmetrics.registerFontFamily(
        names.body, normal=names.body, bold=names.bold, italic=names.body, boldItalic=names.bold
    )
    pdfmetrics.registerFontFamily(
        names.bold, normal=names.bold, bold=names.bold, italic=names.bold, boldItalic=names.bold
    )
    pdfmetrics.registerFontFamily(
        names.heavy,
        normal=names.heavy,
        bold=names.heavy,
        italic=names.heavy,
        boldItalic=names.heavy,
    )
    return names
