"""Column headers that name a period, as published tables write them: a year (``2021``,
``2021년``), a quarter (``2023.1/4``, ``2023 1/4``, ``2023년 1분기``, ``2023 Q1``) or a month
(``2023.01``, ``2023년 1월``, ``2023-01``), each perhaps marked provisional (``2022 p)``,
``2023(잠정)``). A header is read with a few anchored patterns: wholly a period, a measure
then a period (``수출액 2021년``, the measure from the header row above), or a period then more
text (``2020년 기준 분류``), which may be either and is left to brief.yaml to settle."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("year", "quarter", "month")
KIND_WORDS = {"year": "a year", "quarter": "a quarter", "month": "a month"}

_Y = r"(?P<year>(?:19|20)\d{2})"
_PERIOD = {
    "quarter": _Y + r"(?:\s*년|\s*\.)?\s*(?:(?P<q1>[1-4])\s*/\s*4(?:\s*분기)?|(?P<q2>[1-4])\s*분기|[-\s]?[Qq](?P<q3>[1-4]))",
    "month": _Y + r"(?:\s*[.\-/]\s*(?P<m1>0[1-9]|1[0-2])\.?|\s*년\s*(?P<m2>1[0-2]|0?[1-9])\s*월)",
    "year": _Y + r"(?:\s*년)?",
}
_MARK = r"(?:\s*(?:[pPeE]\)|\((?:[pPeE]|잠정|추정|확정)\)|[pPeE]))?"
_WHOLE = {kind: re.compile(rf"{body}{_MARK}") for kind, body in _PERIOD.items()}
_AFTER = {kind: re.compile(rf"(?P<measure>.*\S)\s+{body}{_MARK}") for kind, body in _PERIOD.items()}
_BEFORE = {kind: re.compile(rf"{body}{_MARK}\s+(?P<measure>\S.*)") for kind, body in _PERIOD.items()}


@dataclass(frozen=True)
class Period:
    """What one header says: ``kind`` (year, quarter, month), the year, the quarter or month
    (0 for a year), the measure beside it (``수출액``; '' when the header is only the period),
    and whether more text follows the period (``2020년 기준 분류``: perhaps no period at all)."""

    kind: str
    year: int
    part: int
    measure: str = ""
    leading: bool = False


def read_period(header: str) -> Period | None:
    """The period ``header`` names, or None when it names none (anchored patterns only)."""
    text = " ".join(header.split())
    for kind in KINDS:
        whole = _WHOLE[kind].fullmatch(text)
        if whole:
            return _period(kind, whole)
    for kind in KINDS:
        after = _AFTER[kind].fullmatch(text)
        if after and not after.group("measure")[-1].isdigit():
            return _period(kind, after, after.group("measure"))
    for kind in KINDS:
        before = _BEFORE[kind].fullmatch(text)
        if before and not before.group("measure")[0].isdigit():
            return _period(kind, before, before.group("measure"), leading=True)
    return None


def _period(kind: str, found: re.Match[str], measure: str = "", leading: bool = False) -> Period:
    groups = {"quarter": ("q1", "q2", "q3"), "month": ("m1", "m2"), "year": ()}[kind]
    part = next((int(found.group(g)) for g in groups if found.group(g)), 0)
    return Period(kind, int(found.group("year")), part, measure.strip(), leading)


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def mentions_year(header: str) -> bool:
    """``header`` holds something like a year (``2023.1``, ``GDP(2015=100)``) though it is no
    period header: a column that may or may not be a period."""
    return bool(_A_YEAR.search(header))
