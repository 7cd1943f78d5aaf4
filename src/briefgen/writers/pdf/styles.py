"""ParagraphStyles built from the theme tokens (S44 sizes, S45 colours, S46 leading, S12 indents)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from briefgen.errors import BriefError
from briefgen.theme import Theme
from briefgen.writers.pdf.fonts import FontSet

#: Space above the Executive Summary and 목차 titles where they follow on the 요약's page (pt).
FRONT_GAP = 34
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@dataclass(frozen=True)
class Styles:
    """Every ParagraphStyle the writer uses; all carry a registered TTF (P5)."""

    fonts: FontSet
    theme: Theme
    body: ParagraphStyle
    chapter: ParagraphStyle
    section: ParagraphStyle
    bullets: dict[int, ParagraphStyle]
    caption: ParagraphStyle
    unit: ParagraphStyle
    source: ParagraphStyle
    cell: ParagraphStyle
    footnote: ParagraphStyle
    page_title: ParagraphStyle
    front_title: ParagraphStyle  # 요약's followers on a shared front page: space above
    reference: ParagraphStyle
    toc: ParagraphStyle
    summary: ParagraphStyle
    cover_series: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle

    def bullet_markup(self, level: int) -> str:
        """``<bullet>`` markup drawing the level's marker in its size (S9); font and colour
        (S45) come from the style, as attributes of ``<bullet>`` would make ReportLab copy
        the style for every paragraph it parses."""
        st = self.bullets[level]
        marker = self.theme.marker(level)
        try:
            self.fonts.check(marker, st.bulletFontName)
        except BriefError as error:
            key = f"bullets.markers.{level - 1}"
            raise self.theme.error(error.message.removesuffix(f": '{marker}'"), key) from None
        return f'<bullet><font size="{st.fontSize}">{escape(marker)}</font></bullet>'

    def cell_style(self, align: str, header: bool) -> ParagraphStyle:
        """Table cell text: 10 pt, bold centred in the header row, else per column ``align``."""
        if header:
            return ParagraphStyle(
                "cell-head", self.cell, fontName=self.fonts.bold, alignment=TA_CENTER
            )
        return ParagraphStyle(f"cell-{align}", self.cell, alignment=ALIGN[align])


def build_styles(theme: Theme, fonts: FontSet) -> Styles:
    """All styles for ``theme``; leading is ``line_spacing`` × size everywhere but footnotes."""
    ls = theme.line_spacing
    text = color(theme, "text")

    def style(name: str, size: float, font: str = fonts.body, **kw: object) -> ParagraphStyle:
        kw.setdefault("leading", size * ls)
        kw.setdefault("textColor", text)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

    body_size = theme.size("body")
    bullets = {level: _bullet_style(theme, fonts, level) for level in (1, 2, 3, 4)}
    note = theme.data["footnotes"]
    return Styles(
        fonts=fonts,
        theme=theme,
        body=style("body", body_size, alignment=TA_JUSTIFY, spaceBefore=6),
        chapter=style(
            "chapter",
            theme.size("chapter"),
            fonts.bold,
            textColor=color(theme, "primary"),
            spaceAfter=14,
            keepWithNext=1,
        ),
        section=style(
            "section",
            theme.size("section"),
            fonts.bold,
            spaceBefore=14,
            spaceAfter=4,
            keepWithNext=1,
        ),
        bullets=bullets,
        caption=style(
            "caption",
            theme.size("caption"),
            fonts.bold,
            alignment=TA_CENTER,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        unit=style("unit", theme.size("source"), alignment=TA_RIGHT, keepWithNext=1),
        source=style("source", theme.size("source"), alignment=TA_LEFT),
        cell=style("cell", theme.size("table"), leading=theme.size("table") * 1.3),
        footnote=style(
            "footnote",
            theme.size("footnote"),
            leading=theme.size("footnote") * note["leading"],
            alignment=TA_JUSTIFY,
        ),
        page_title=style(
            "page-title",
            theme.size("chapter"),
            fonts.bold,
            textColor=color(theme, "primary"),
            spaceAfter=16,
        ),
        front_title=style(
            "front-title",
            theme.size("chapter"),
            fonts.bold,
            textColor=color(theme, "primary"),
            spaceBefore=FRONT_GAP,
            spaceAfter=16,
        ),
        reference=style(
            "reference",
            body_size,
            alignment=TA_LEFT,  # long URLs would stretch justified lines
            spaceBefore=6,
            leftIndent=stringWidth(theme.references_prefix, fonts.body, body_size),
            firstLineIndent=-stringWidth(theme.references_prefix, fonts.body, body_size),
        ),
        toc=style("toc", theme.size("toc")),
        summary=style("summary", theme.size("summary"), alignment=TA_JUSTIFY),
        cover_series=style(
            "cover-series",
            theme.size("cover_subtitle"),
            fonts.bold,
            textColor=color(theme, "primary"),
        ),
        cover_title=style(
            "cover-title",
            theme.size("cover_title"),
            fonts.heavy,
            leading=theme.size("cover_title") * 1.3,
            spaceBefore=theme.cover_space("title_before"),
        ),
        cover_subtitle=style(
            "cover-subtitle",
            theme.size("cover_subtitle"),
            fonts.bold,
            spaceBefore=theme.cover_space("pdf_subtitle_before"),
        ),
        cover_line=style("cover-line", theme.size("body")),
    )


def color(theme: Theme, token: str) -> Color:
    """The theme colour ``token`` as a ReportLab colour: a ``#RRGGBB`` string would be parsed
    again at every use (ReportLab's ``toColor`` is slow, and text is coloured per line)."""
    return HexColor(theme.color(token))


def _marker_color(theme: Theme, level: int) -> Color:
    return color(theme, {1: "bullet1", 2: "bullet2"}.get(level, "text"))


def _bullet_style(theme: Theme, fonts: FontSet, level: int) -> ParagraphStyle:
    """S12: marker at (level-1) × indent_step; wrapped lines hang under the first text
    character, i.e. at marker x + advance of marker and one space.

    ReportLab starts the text ``0.6 × bulletFontSize`` after the marker, so ``bulletFontSize``
    is set to make that gap exactly one space; the marker's real size comes from ``<bullet>``
    markup (``Styles.bullet_markup``)."""
    size = theme.bullet_size(level)
    font = fonts.bold if level == 1 else fonts.body
    x = (level - 1) * theme.indent_step
    space = stringWidth(" ", font, size)
    return ParagraphStyle(
        f"bullet{level}",
        fontName=font,
        fontSize=size,
        leading=size * theme.line_spacing,
        alignment=TA_JUSTIFY,
        bulletFontName=font,
        bulletColor=_marker_color(theme, level),
        bulletFontSize=space / 0.6,
        bulletIndent=x,
        leftIndent=x + stringWidth(theme.marker(level) + " ", font, size),
        spaceBefore=theme.bullet_space_before(level),
        textColor=color(theme, "bullet1" if level == 1 else "text"),
        keepWithNext=int(level == 1),  # a □ sub-heading never ends a page
    )
