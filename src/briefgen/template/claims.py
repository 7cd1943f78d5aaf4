"""Claims and data-chosen words of one render: what the prose relies on, checked on the data.

A template states the facts its prose relies on next to the prose:

- ``{{ claim(us_latest > cn_latest, "미국 {}개 > 중국 {}개({}년)", us_latest, cn_latest, y1) }}``
  prints nothing; when the condition is false the build stops with a located error
  (``content.md:78: claim no longer holds: 미국 39개 > 중국 46개(2023년)``);
- ``{% if holds(condition, "…", …) %}문구{% else %}대안 문구{% endif %}`` is a claim with an
  alternative wording: it never stops the build, and its truth picks the words.

Every claim and every word picked by a wording filter (``compare``, ``direction``,
``gap_trend``, ``rank`` …) is recorded with its template line and values; the build manifest
keeps them, and ``briefgen diff`` lists the claims that flipped and the words that changed.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from briefgen.errors import BriefError

MAX_RECORDS = 10_000
"""Claims and chosen words one render may record (a loop over every data row is a bug)."""


@dataclass(frozen=True)
class ClaimRecord:
    """One evaluated claim: ``text`` as written, ``statement`` with its values filled in."""

    line: int | None
    text: str
    statement: str
    values: list[Any]
    holds: bool
    alternative: bool  # stated with holds(): the template has wording for either outcome

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data for the manifest."""
        return {"line": self.line, "text": self.text, "statement": self.statement,
                "values": self.values, "holds": self.holds, "alternative": self.alternative}


@dataclass(frozen=True)
class ChoiceRecord:
    """One word a wording filter picked from numbers (``kind``: compare, direction, gap, rank …)."""

    line: int | None
    kind: str
    word: str
    values: list[Any]
    subject: str | None = None  # the item the word is about (a rank's label), if known

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data for the manifest."""
        return {"line": self.line, "kind": self.kind, "word": self.word, "values": self.values,
                "subject": self.subject}


@dataclass
class Ledger:
    """The claims and chosen words of one render, in template order."""

    claims: list[ClaimRecord] = field(default_factory=list)
    choices: list[ChoiceRecord] = field(default_factory=list)

    def claim(self, condition: object, text: object = "", *values: object) -> str:
        """A claim the prose relies on: prints nothing, stops the build when false."""
        record = self._record(condition, text, values, alternative=False)
        if not record.holds:
            raise BriefError(f"claim no longer holds: {record.statement}")
        return ""

    def holds(self, condition: object, text: object = "", *values: object) -> bool:
        """A claim with alternative wording: its truth, recorded (for ``{% if %}``)."""
        return self._record(condition, text, values, alternative=True).holds

    def chose(self, kind: str, word: str, values: list[Any], subject: str | None = None) -> str:
        """Record a word picked from ``values`` (about item ``subject``); return it."""
        self._room()
        self.choices.append(ChoiceRecord(template_line(), kind, word, [_plain(v) for v in values],
                                         subject))
        return word

    def to_json(self) -> dict[str, Any]:
        """Both lists as JSON-ready data."""
        return {"claims": [c.to_json() for c in self.claims],
                "choices": [c.to_json() for c in self.choices]}

    def _record(self, condition: object, text: object, values: tuple[object, ...],
                alternative: bool) -> ClaimRecord:
        truth = _truth(condition)
        if not isinstance(text, str):
            raise BriefError(f"a claim's description must be text, not {type(text).__name__}")
        statement = _fill(text, values)
        self._room()
        record = ClaimRecord(template_line(), text, statement, [_plain(v) for v in values], truth,
                             alternative)
        self.claims.append(record)
        return record

    def _room(self) -> None:
        if len(self.claims) + len(self.choices) >= MAX_RECORDS:
            raise BriefError(f"more than {MAX_RECORDS:,} claims and chosen words in one render "
                             "(a claim inside a loop over the data?)")


def _truth(condition: object) -> bool:
    """A claim's condition must be a true/false comparison, not a number or a text."""
    if type(condition).__name__ == "bool_":  # numpy's bool from a pandas comparison
        return bool(condition)
    if not isinstance(condition, bool):
        raise BriefError(
            f"a claim needs a true/false condition (a comparison such as a > b), "
            f"not {type(condition).__name__} {condition!r}"
        )
    return condition


def _fill(text: str, values: tuple[object, ...]) -> str:
    """``"미국 {}개 > 중국 {}개"`` with the values printed as the brief prints numbers."""
    printed = [_printed(value) for value in values]
    if text.count("{}") != len(printed):
        raise BriefError(
            f"claim {text!r} has {text.count('{}')} '{{}}' place(s) for {len(printed)} value(s)"
        )
    parts = text.split("{}")
    return "".join(part + (printed[i] if i < len(printed) else "") for i, part in enumerate(parts))


def _printed(value: object) -> str:
    """A claim's value in its message: whole numbers as they are (a year stays 2023), other
    numbers with one decimal, items by their label."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(getattr(value, "label", value))
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def _plain(value: object) -> Any:
    """A value as JSON can hold it (a statistic item by its label)."""
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return str(getattr(value, "label", value))


def template_line() -> int | None:
    """The template line now rendering (the innermost frame of compiled template code)."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back  # type: ignore[assignment]
    return None
