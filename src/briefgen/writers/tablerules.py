"""The house's open table rules (S29), in points, which every writer draws in its own units.

A data table has a rule above its header row and under its last row (``outer``), a thinner
one under the header row (``head``), hairlines between body rows and columns (``inner``), no
outer sides, and a filled header row.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.theme import Theme

#: The grey of the hairlines between body cells.
INNER_GREY = "#999999"


@dataclass(frozen=True)
class Line:
    """A rule: its width in points and its colour (``#RRGGBB``)."""

    width: float
    color: str


@dataclass(frozen=True)
class HouseTableRules:
    """The lines and the header fill of a data table (S29)."""

    outer: Line
    head: Line
    inner: Line
    header_fill: str


def house_table_rules(theme: Theme) -> HouseTableRules:
    """1 pt in the text colour above the header and under the last row, 0.5 pt under the
    header, 0.25 pt grey hairlines between body cells; the header in ``table_header_fill``."""
    text = theme.color("text")
    return HouseTableRules(outer=Line(1.0, text), head=Line(0.5, text),
                           inner=Line(0.25, INNER_GREY), header_fill=theme.color("table_header_fill"))
