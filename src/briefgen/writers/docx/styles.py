"""The DOCX style sheet and bullet numbering, derived from theme tokens (S43-S46, S12)."""

from __future__ import annotations

from functools import cache

from docx.oxml.ns import qn
from lxml import etree

from briefgen.fonts import font_path
from briefgen.theme import Theme
from briefgen.writers.docx import oxml
from briefgen.writers.docx.oxml import BulletLevel, ParaFormat, Rule, RunFormat, TableRules
from briefgen.writers.fontinfo import ENGLISH_US, KOREAN, read_font_info
from briefgen.writers.tablerules import Line, house_table_rules
from briefgen.writers.textwidth import text_width

BULLET_NUM_ID = 1
LANG = "ko-KR"

# Style ids (Word's own ids where Word has the style).
NORMAL = "Normal"
BODY = "BodyText"
TITLE = "Title"
SUBTITLE = "Subtitle"
COVER_SERIES = "CoverSeries"
COVER_DATE = "CoverDate"
COVER_AUTHOR = "CoverAuthor"
COVER_ORG = "CoverOrganisation"
COVER_MARK = "CoverMark"
COVER_LABEL = "CoverSeriesLabel"
COVER_NUMBER = "CoverNumber"
COVER_RULE = "CoverRule"
FRONT_HEADING = "FrontHeading"
SUMMARY = "SummaryText"
HEADING1 = "Heading1"
HEADING2 = "Heading2"
CAPTION = "Caption"
UNIT = "TableUnit"
TABLE_TEXT = "TableText"
SOURCE = "SourceLine"
FIGURE = "FigureImage"
BOX_TITLE = "BoxTitle"
TOC1 = "TOC1"
TOC2 = "TOC2"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REF = "FootnoteReference"
REFS_HEADING = "ReferencesHeading"
REFERENCE = "Reference"
BACK_ORG = "BackOrganisation"
BACK_PAGE = "BackPage"
HEADER = "Header"
FOOTER = "Footer"
TABLE = "HouseTable"


def bullet_style(level: int) -> str:
    return f"Bullet{level}"


@cache
def _font_names(family: str) -> oxml.FontEntry:
    info = read_font_info(font_path(family))
    return oxml.FontEntry(
        name=info.family_names.get(ENGLISH_US, family),
        alt_name=info.family_names.get(KOREAN, ""),
        panose=info.panose.hex().upper(),
    )


def word_font(family: str) -> str:
    """The name Word and LibreOffice know the theme font ``family`` by: its Windows family
    name (name id 1). ``NanumGothicBold`` is the Bold face of family ``NanumGothic`` (chosen
    by ``w:b``); as a family name it is unknown, and LibreOffice draws Latin text in DejaVu."""
    return _font_names(family).name


def font_entries(theme: Theme) -> list[oxml.FontEntry]:
    """The font table of the house fonts, one entry per family (with its Korean name)."""
    entries: dict[str, oxml.FontEntry] = {}
    for role in ("body", "bold", "heavy"):
        entry = _font_names(theme.font(role))
        entries.setdefault(entry.name, entry)
    return list(entries.values())


def table_rules(theme: Theme) -> TableRules:
    """The house's open table rules (S29) in WordprocessingML's eighths of a point."""
    house = house_table_rules(theme)

    def rule(line: Line) -> Rule:
        return Rule(round(line.width * 8), line.color)

    return TableRules(outer=rule(house.outer), head=rule(house.head), inner=rule(house.inner))


def footnote_hang(theme: Theme, number: int) -> float:
    """The hanging indent of note ``number`` in points: the width of its label ``n) ``."""
    return round(text_width(theme.font("body"), f"{number}) ", theme.size("footnote")), 2)


def body_width(theme: Theme) -> float:
    """Text width in points (page width minus side margins)."""
    mm = 72 / 25.4
    return (theme.page("width") - theme.page("margin_left") - theme.page("margin_right")) * mm


def bullet_levels(theme: Theme) -> list[BulletLevel]:
    """Markers, colours and indents of the four bullet levels (S9, S12, S45)."""
    colors = {1: theme.color("bullet1"), 2: theme.color("bullet2")}
    levels = []
    for level in (1, 2, 3, 4):
        family = theme.font("bold") if level == 1 else theme.font("body")
        size = theme.bullet_size(level)
        marker = theme.marker(level)
        hanging = text_width(family, marker + " ", size)
        left = (level - 1) * theme.indent_step + hanging
        fmt = RunFormat(font=word_font(family), size=size, bold=level == 1, color=colors.get(level))
        levels.append(BulletLevel(marker, fmt, round(left, 2), round(hanging, 2)))
    return levels


def _styles(theme: Theme) -> list[etree._Element]:
    body, bold, heavy = theme.font("body"), theme.font("bold"), theme.font("heavy")
    primary = theme.color("primary")
    on_band = theme.color("cover_on_band")
    line = round(240 * theme.line_spacing)

    def para(
        style_id: str,
        name: str,
        fmt: ParaFormat,
        chars: RunFormat,
        based_on: str = NORMAL,
    ) -> etree._Element:
        full = RunFormat(**{**chars.__dict__, "lang": LANG})
        return oxml.style("paragraph", style_id, name, para=fmt, chars=full, based_on=based_on)

    def text(family: str, size: float, **kw: object) -> RunFormat:
        return RunFormat(font=word_font(family), size=size, **kw)  # type: ignore[arg-type]

    def pf(**kw: object) -> ParaFormat:
        return ParaFormat(word_wrap=True, no_autospace=True, **kw)  # type: ignore[arg-type]

    size, space = theme.size, theme.cover_space
    toc_tab = (body_width(theme), "middleDot")
    styles = [
        oxml.style(
            "paragraph",
            NORMAL,
            "Normal",
            based_on=None,
            default=True,
            para=pf(after=0, line=line, jc="both"),
            chars=text(body, size("body"), lang=LANG, color=theme.color("text")),
        ),
        para(BODY, "Body Text", pf(before=4, line=line, jc="both"), text(body, size("body"))),
        para(
            SUMMARY,
            "Summary Text",
            pf(before=4, after=4, line=line, jc="both"),
            text(body, size("summary")),
        ),
        para(
            TITLE,
            "Title",
            pf(before=space("title_before"), after=space("title_after"), line=300, jc="left"),
            text(heavy, size("cover_title"), unbold=True),
        ),
        para(
            SUBTITLE,
            "Subtitle",
            pf(after=space("subtitle_after"), line=240, jc="left"),
            text(bold, size("cover_subtitle"), bold=True),
        ),
        para(
            COVER_SERIES,
            "Cover Series",
            pf(before=space("series_before"), after=space("series_after"), line=240, jc="left"),
            text(bold, size("cover_subtitle"), bold=True, color=primary),
        ),
        para(
            COVER_DATE,
            "Cover Date",
            pf(before=space("date_before"), after=space("date_after"), line=240, jc="left"),
            text(body, size("body")),
        ),
        para(COVER_AUTHOR, "Cover Author", pf(line=line, jc="left"), text(body, size("body"))),
        # the designed cover's band (theme cover.design: band): mark, series label, number
        para(
            COVER_MARK,
            "Cover Mark",
            pf(line_exact=size("cover_mark") * 1.2, jc="left"),
            text(heavy, size("cover_mark"), unbold=True, color=on_band),
        ),
        para(
            COVER_LABEL,
            "Cover Series Label",
            pf(line_exact=size("cover_series") * 1.5, jc="left"),
            text(bold, size("cover_series"), bold=True, color=on_band),
        ),
        para(  # the band's stripe and the rule above the organisation: a point high
            COVER_RULE,
            "Cover Rule",
            pf(before=0, after=0, line_exact=1, jc="left"),
            text(body, 1),
        ),
        para(
            COVER_NUMBER,
            "Cover Number",
            pf(line_exact=size("cover_number") * 1.1, jc="left"),
            text(heavy, size("cover_number"), unbold=True, color=on_band),
        ),
        para(
            COVER_ORG,
            "Cover Organisation",
            pf(before=space("organisation_before"), line=240, jc="left"),
            text(bold, size("section"), bold=True, color=primary),
        ),
        para(
            FRONT_HEADING,
            "Front Heading",
            pf(keep_next=True, after=12, line=240, jc="left"),
            text(bold, size("chapter"), bold=True, color=primary),
        ),
        para(
            HEADING1,
            "heading 1",
            pf(keep_next=True, after=18, line=240, jc="left", outline=0),
            text(bold, size("chapter"), bold=True, color=primary),  # S45: as in the PDF
        ),
        para(
            HEADING2,
            "heading 2",
            pf(keep_next=True, before=18, after=6, line=240, jc="left", outline=1),
            text(bold, size("section"), bold=True),
        ),
        para(
            CAPTION,
            "caption",
            pf(keep_next=True, before=12, after=4, line=240, jc="center"),
            text(bold, size("caption"), bold=True),
        ),
        para(
            UNIT,
            "Table Unit",
            pf(keep_next=True, after=2, line=240, jc="right"),
            text(body, size("table")),
        ),
        para(
            TABLE_TEXT,
            "Table Text",
            pf(before=2, after=2, line=240, jc="left"),
            text(body, size("table")),
        ),
        para(SOURCE, "Source Line", pf(before=2, line=240, jc="left"), text(body, size("source"))),
        para(
            FIGURE,
            "Figure Image",
            pf(keep_next=True, line=240, jc="center"),
            text(body, size("body")),
        ),
        para(
            BOX_TITLE,
            "Box Title",
            pf(keep_next=True, after=4, line=240, jc="left"),
            text(bold, size("bullet1"), bold=True),
        ),
        para(
            TOC1,
            "toc 1",
            pf(before=6, line=line, jc="left", tab_right_leader=toc_tab),
            text(bold, size("toc"), bold=True),
        ),
        para(
            TOC2,
            "toc 2",
            pf(left=12, line=line, jc="left", tab_right_leader=toc_tab),
            text(body, size("toc")),
        ),
        para(
            FOOTNOTE_TEXT,
            "footnote text",
            # S24: wrapped lines hang under the text after ``n) `` (one digit here; each
            # note's own paragraph sets the indent of its number, see ``footnote_hang``)
            pf(after=0, line=240, jc="both", left=footnote_hang(theme, 0),
               hanging=footnote_hang(theme, 0)),
            text(body, size("footnote")),
        ),
        para(
            REFS_HEADING,
            "References Heading",
            pf(keep_next=True, after=18, line=240, jc="left"),
            text(bold, size("chapter"), bold=True, color=primary),
        ),
        para(
            BACK_PAGE, "Back Page", pf(before=4, line=line, jc="left"), text(body, size("source"))
        ),
        para(  # as the PDF's back page: the section heading's face and size in the text colour
            BACK_ORG,
            "Back Organisation",
            pf(after=4, line=line, jc="left"),
            text(bold, size("section"), bold=True),
        ),
        para(
            HEADER,
            "header",
            pf(after=0, line=240, jc="left"),
            text(body, size("header"), color=primary),
        ),
        para(
            FOOTER,
            "footer",
            pf(after=0, line=240, jc="right"),
            text(bold, size("page_number"), bold=True, color=primary),
        ),
        oxml.style(
            "character",
            FOOTNOTE_REF,
            "footnote reference",
            # no size: the mark takes its paragraph's size (body text, or 9 pt in a note)
            chars=RunFormat(font=word_font(body), superscript=True, lang=LANG),
        ),
        oxml.table_style(
            TABLE,
            "House Table",
            chars=text(body, size("table"), lang=LANG),
            para=pf(before=2, after=2, line=240, jc="left"),
            rules=table_rules(theme),
            header_fill=theme.color("table_header_fill"),
        ),
    ]
    ref_hang = text_width(body, theme.references_prefix, size("body"))
    styles.append(
        para(
            REFERENCE,
            "Reference",
            pf(before=4, line=line, jc="left", left=ref_hang, hanging=ref_hang),
            text(body, size("body")),
        )
    )
    for index, level in enumerate(bullet_levels(theme), start=1):
        fmt = pf(
            keep_next=index == 1,  # a □ sub-heading stays with its first item
            before=theme.bullet_space_before(index),
            line=line,
            jc="both",
            num=(BULLET_NUM_ID, index - 1),
            left=level.left,
            hanging=level.hanging,
        )
        # S45: the □ item is a green sub-heading (as in the PDF); deeper items are body text
        color = theme.color("bullet1") if index == 1 else None
        family = bold if index == 1 else body
        chars = text(family, theme.bullet_size(index), bold=index == 1, color=color)
        styles.append(para(bullet_style(index), f"Bullet {index}", fmt, chars))
    return styles


def install(styles_root: etree._Element, theme: Theme) -> set[str]:
    """Make the template's styles.xml the house style sheet (S43, S50): no theme fonts,
    ko-KR defaults, every house style with all four font slots and ``wordWrap``.
    Returns the ids of the house styles."""
    oxml.strip_theme_fonts(styles_root)
    oxml.set_doc_defaults(
        styles_root,
        RunFormat(font=word_font(theme.font("body")), size=theme.size("body"), lang=LANG),
        ParaFormat(
            after=0, line=round(240 * theme.line_spacing), word_wrap=True, no_autospace=True
        ),
    )
    house = _styles(theme)
    oxml.install_styles(styles_root, house)
    return {node.get(qn("w:styleId")) for node in house}


def finish(styles_root: etree._Element, keep: set[str], theme: Theme) -> None:
    """Drop the template's styles not in ``keep`` (defaults and what kept styles are based
    on stay), then give every remaining paragraph, character and table style all four font
    slots and ko-KR (S43, S50)."""
    oxml.prune_styles(styles_root, keep)
    body = word_font(theme.font("body"))
    oxml.complete_style_fonts(styles_root, RunFormat(font=body, lang=LANG))
