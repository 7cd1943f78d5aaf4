"""House character and paragraph shapes (``hh:charPr``/``hh:paraPr``) from theme tokens.

HWPX has no style inheritance a writer can lean on: every paragraph names its own paragraph
shape and every run its own character shape. ``HouseStyles`` mints them on demand in the
document's header (python-hwpx dedupes equal shapes) and remembers the ids by role.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hwpx import HwpxDocument

from briefgen.fonts import font_path
from briefgen.theme import Theme
from briefgen.writers.fontinfo import ENGLISH_US, read_font_info
from briefgen.writers.hwpx import owpml
from briefgen.writers.tablerules import Line, house_table_rules
from briefgen.writers.textwidth import text_width

PT = 100  # HWPUNIT per point (1/7200 inch)
ROLES = ("body", "bold", "heavy")
MM = 7200 / 25.4  # HWPUNIT per millimetre
#: The line widths OWPML names (mm), thinnest first.
LINE_WIDTHS_MM = (0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0)


@cache
def _face(family: str) -> str:
    return read_font_info(font_path(family)).family_names.get(ENGLISH_US, family)


def hwp(points: float) -> int:
    """Points to HWPUNIT."""
    return round(points * PT)


def hwp_mm(mm: float) -> int:
    """Millimetres to HWPUNIT."""
    return round(mm * MM)


@dataclass(frozen=True)
class CharStyle:
    """One character shape: a theme font role (``body``/``bold``/``heavy``) and looks."""

    role: str = "body"
    size: float = 11.5
    bold: bool = False
    color: str | None = None
    superscript: bool = False
    underline: bool = False


@dataclass(frozen=True)
class ParaStyle:
    """One paragraph shape, in points (``hanging`` > 0 indents the lines after the first)."""

    align: str = "JUSTIFY"
    line: float = 150  # line spacing, percent of the font size
    left: float = 0
    hanging: float = 0
    before: float = 0
    after: float = 0
    keep_next: bool = False
    dot_leader: bool = False  # a right tab stop at the text's right edge, dotted leader (S5)


@dataclass(frozen=True)
class Rule:
    """A cell edge's line: its width as OWPML names it (``"0.4 mm"``) and colour."""

    width: str
    color: str


@dataclass(frozen=True)
class CellBorders:
    """One cell's border fill: a rule or none (``None``) on each edge, a fill colour or none."""

    top: Rule | None = None
    bottom: Rule | None = None
    left: Rule | None = None
    right: Rule | None = None
    fill: str | None = None


@dataclass(frozen=True)
class TableRules:
    """Open table rules (S29): ``outer`` above the header row and under the last row, ``head``
    under the header row, ``inner`` between body rows and columns; no outer sides."""

    outer: Rule
    head: Rule
    inner: Rule
    header_fill: str

    def cell(self, row: int, rows: int, column: int, columns: int) -> CellBorders:
        """The borders of the cell at ``row``, ``column`` of a ``rows`` × ``columns`` grid whose
        row 0 is the header. Neighbours agree on the edge they share; the header row has no
        column lines."""
        last = row == rows - 1
        if row == 0:
            return CellBorders(top=self.outer, bottom=self.outer if last else self.head,
                               fill=self.header_fill)
        return CellBorders(
            top=self.head if row == 1 else self.inner,
            bottom=self.outer if last else self.inner,
            left=None if column == 0 else self.inner,
            right=None if column == columns - 1 else self.inner,
        )


def table_rules(theme: Theme) -> TableRules:
    """The house's open table rules (S29), each in the thinnest OWPML width not thinner than
    it (1 pt 0.35 mm → 0.4 mm, 0.5 pt → 0.2 mm, 0.25 pt → 0.1 mm)."""
    house = house_table_rules(theme)

    def rule(line: Line) -> Rule:
        mm = line.width * 25.4 / 72
        width = next((w for w in LINE_WIDTHS_MM if w >= mm), LINE_WIDTHS_MM[-1])
        return Rule(f"{width:g} mm", line.color)

    return TableRules(outer=rule(house.outer), head=rule(house.head), inner=rule(house.inner),
                      header_fill=house.header_fill)


class HouseStyles:
    """Mints the house shapes of ``theme`` in ``doc`` and caches their ids."""

    def __init__(self, doc: HwpxDocument, theme: Theme) -> None:
        self.doc = doc
        self.theme = theme
        self.header = doc.oxml.headers[0]
        for role in ROLES:
            doc.styles.ensure_font(self.face(role))
        self.base_para = owpml.keep_word_para_pr(self.header)
        self._chars: dict[CharStyle, str] = {}
        self._paras: dict[ParaStyle, str] = {}
        self._borders: dict[CellBorders, str] = {}

    def char(self, style: CharStyle) -> str:
        """The ``charPr`` id of ``style``."""
        if style not in self._chars:
            self._chars[style] = self.doc.styles.ensure_run(
                font=self.face(style.role),
                size=style.size,
                bold=style.bold and self.bold_face(style.role),
                italic=False,
                underline=style.underline,
                color=style.color or self.theme.color("text"),
                script="sup" if style.superscript else None,
            )
        return self._chars[style]

    def face(self, role: str) -> str:
        """The name 한/글 knows the theme font of ``role`` by: its Windows family name
        (name id 1). ``NanumGothicBold`` is the Bold face of family ``NanumGothic`` (chosen by
        the bold attribute); as a face name it is unknown, and other fonts are drawn."""
        return _face(self.theme.font(role))

    def bold_face(self, role: str) -> bool:
        """Whether ``role``'s font is the bold face of a family (``NanumGothicBold``), chosen
        by the bold attribute, rather than a family of its own (``NanumGothicExtraBold``,
        which the attribute would embolden once more)."""
        return self.face(role) != self.theme.font(role)

    def faces(self) -> dict[tuple[str, bool], str]:
        """The theme's font families by (face name, bold attribute), for measuring text."""
        return {(self.face(role), self.bold_face(role)): self.theme.font(role) for role in ROLES}

    def para(self, style: ParaStyle) -> str:
        """The ``paraPr`` id of ``style`` (Hangul wraps at spaces, S49)."""
        if style not in self._paras:
            self._paras[style] = self.header.ensure_paragraph_format(
                base_para_pr_id=self.base_para,
                alignment=style.align,
                line_spacing_percent=style.line,
                margins={
                    "left": hwp(style.left),
                    "right": 0,
                    "intent": -hwp(style.hanging),
                    "prev": hwp(style.before),
                    "next": hwp(style.after),
                },
                break_setting={"keep_with_next": style.keep_next},
                tab_pr_id_ref=self._dot_leader_tab() if style.dot_leader else None,
            )
        return self._paras[style]

    def borders(self, borders: CellBorders) -> str:
        """The ``borderFill`` id of ``borders`` (python-hwpx's ``ensure_border_fill`` draws one
        rule on every edge it draws; the edges are set on a copy of its fill)."""
        if borders not in self._borders:
            base = self.doc.styles.ensure_border_fill(active_borders=(), fill_color=borders.fill)
            edges = {"top": borders.top, "bottom": borders.bottom, "left": borders.left,
                     "right": borders.right}
            self._borders[borders] = owpml.border_fill(
                self.header, base,
                {edge: (rule.width, rule.color) if rule else None for edge, rule in edges.items()},
            )
        return self._borders[borders]

    def _dot_leader_tab(self) -> str:
        """The ``tabPr`` id of one right-aligned tab stop with a dotted leader (``hh:tabItem
        type="RIGHT" leader="DOT"``) at the text's right edge: Hancom measures tab stops from
        the column's left edge, whatever the paragraph's indent (python-hwpx's layout model,
        ``hwpx.form_fit.measure.tab_reach``)."""
        stop = {"pos": self.body_width(), "type": "RIGHT", "leader": "DOT"}
        return self.header.ensure_tab_definition(tab_stops=[stop])

    # ------------------------------------------------------------------ roles
    def body_width(self) -> int:
        """Text width in HWPUNIT."""
        page = self.theme.page
        return hwp_mm(page("width") - page("margin_left") - page("margin_right"))

    def bullet(self, level: int) -> tuple[ParaStyle, CharStyle, CharStyle]:
        """Paragraph shape, marker look and text look of a bullet level (S9, S12, S44, S45)."""
        theme = self.theme
        size = theme.bullet_size(level)
        role = "bold" if level == 1 else "body"
        hanging = text_width(theme.font(role), theme.marker(level) + " ", size)
        para = ParaStyle(
            left=(level - 1) * theme.indent_step,
            hanging=round(hanging, 2),
            before=theme.bullet_space_before(level),
            line=theme.line_spacing * 100,
            keep_next=level == 1,
        )
        marker_color = {1: theme.color("bullet1"), 2: theme.color("bullet2")}.get(level)
        marker = CharStyle(role, size, bold=level == 1, color=marker_color)
        text = CharStyle(
            role, size, bold=level == 1, color=theme.color("bullet1") if level == 1 else None
        )
        return para, marker, text

    def reference(self) -> ParaStyle:
        size = self.theme.size("body")
        hanging = text_width(self.theme.font("body"), self.theme.references_prefix, size)
        return ParaStyle(
            align="LEFT", hanging=round(hanging, 2), before=4, line=self.theme.line_spacing * 100
        )
