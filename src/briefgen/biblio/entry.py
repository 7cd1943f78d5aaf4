"""One bibliography entry as the house style needs it, whatever file it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["article", "report", "web", "book"]
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def is_hangul(text: str) -> bool:
    """True if ``text`` holds a Hangul letter (a Korean name or title)."""
    return bool(_HANGUL.search(text))


@dataclass(frozen=True)
class Name:
    """An author: a person (``family``, ``given``) or an organisation (``literal``)."""

    family: str
    given: str = ""
    literal: bool = False

    @property
    def korean(self) -> bool:
        return is_hangul(self.family + self.given)


@dataclass(frozen=True)
class Entry:
    """A work the brief may cite; empty strings for fields the file does not give."""

    key: str
    kind: Kind
    authors: tuple[Name, ...]
    year: str
    title: str
    source: str  # the bibliography file, relative to the project
    line: int | None = None
    venue: str = ""  # journal, proceedings, arXiv:ID; the site of a web page
    volume: str = ""
    issue: str = ""
    pages: str = ""
    series: str = ""  # a report's series (이슈리포트)
    number: str = ""  # a report's number (IS-160)
    publisher: str = ""  # publisher or institution
    place: str = ""
    url: str = ""
    accessed: str = ""  # YYYY-MM-DD
    others: bool = False  # the list ends with BibTeX's "and others": more authors than named

    @property
    def where(self) -> str:
        """``refs.bib:12``: where the entry is written."""
        return f"{self.source}:{self.line}" if self.line else self.source
