"""The document model: the only contract between the markup reader and the writers.

A small closed set of dataclasses (in the spirit of pandoc-types). The reader produces a
``Document``; ``numbering.number_document`` fills every ``label``/``number`` field once and
composes the front matter (cover, back page, running header); the writers (DOCX, PDF, ...)
consume it in full and never parse markup, format numbers or compose cover text.

Writers handle every node type explicitly (``match`` + ``assert_never``), so adding a node
fails loudly in every writer that forgot it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# --------------------------------------------------------------------------- locations


@dataclass(frozen=True)
class SourceLoc:
    """Where a node came from in the user's content template (1-based line)."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


# --------------------------------------------------------------------------- inlines


@dataclass
class Text:
    """Plain text (already NFC-normalised, never containing markup)."""

    text: str


@dataclass
class Strong:
    children: list[Inline]


@dataclass
class Emph:
    children: list[Inline]


@dataclass
class Superscript:
    """Raised small text, e.g. the ``23`` of ``10²³`` or a ``*`` anchor (S14, S41)."""

    children: list[Inline]


@dataclass
class Link:
    children: list[Inline]
    url: str


@dataclass
class FootnoteRef:
    """A footnote mark. ``number`` is assigned by numbering (1…N through the document)."""

    key: str
    number: int = 0

    @property
    def label(self) -> str:
        """The visible mark, ``n)`` (S22)."""
        return f"{self.number})"


@dataclass
class CrossRef:
    """A reference to a figure or table, rendered as ``[그림 3]`` / ``<표 1>``.

    ``particle`` (e.g. ``"과"`` as written ``과/와``) is resolved by numbering against the
    label, so ``{@fig-x|과}`` becomes ``[그림 3]과``. ``text`` holds the final string.
    """

    key: str
    particle: str | None = None
    text: str = ""


Inline = Text | Strong | Emph | Superscript | Link | FootnoteRef | CrossRef


# --------------------------------------------------------------------------- blocks


@dataclass
class Paragraph:
    """Body prose (used in boxes, the summary and the rare free paragraph)."""

    inlines: list[Inline]
    loc: SourceLoc | None = None


@dataclass
class Bullet:
    """One 개조식 item: level 1 □, 2 ㅇ, 3 -, 4 * (S9). The marker comes from the theme."""

    level: Literal[1, 2, 3, 4]
    inlines: list[Inline]
    loc: SourceLoc | None = None


Alignment = Literal["left", "center", "right"]


@dataclass
class TableCell:
    inlines: list[Inline]


@dataclass
class Table:
    """A numbered table; caption above, unit note above right, source line below (S27-S29)."""

    key: str
    caption: list[Inline]
    header: list[TableCell]
    rows: list[list[TableCell]]
    align: list[Alignment]
    unit: str | None = None
    notes: list[list[Inline]] = field(default_factory=list)
    source: list[Inline] | None = None
    number: int = 0
    label: str = ""
    loc: SourceLoc | None = None


@dataclass
class Figure:
    """A numbered figure (a chart rendered to PNG, or a user image)."""

    key: str
    caption: list[Inline]
    image: Path
    width_ratio: float = 0.9
    notes: list[list[Inline]] = field(default_factory=list)
    source: list[Inline] | None = None
    number: int = 0
    label: str = ""
    loc: SourceLoc | None = None


@dataclass
class Box:
    """A shaded box with an optional title (e.g. a 참고 box inside a chapter)."""

    title: str | None
    blocks: list[Block]
    loc: SourceLoc | None = None


Block = Paragraph | Bullet | Table | Figure | Box


# --------------------------------------------------------------------------- structure


class _Headed:
    """A numbered heading: ``heading`` is label and title (``Ⅰ. 서론``, ``1. 배경``)."""

    title: str
    label: str

    @property
    def heading(self) -> str:
        return f"{self.label} {self.title}" if self.label else self.title


@dataclass
class Section(_Headed):
    """``1. 제목`` inside a chapter (S8). ``label`` is ``"1."`` after numbering."""

    title: str
    blocks: list[Block]
    number: int = 0
    label: str = ""
    anchor: str = ""
    loc: SourceLoc | None = None


@dataclass
class Chapter(_Headed):
    """``Ⅰ. 제목`` (S6). ``blocks`` come before the first section."""

    title: str
    blocks: list[Block]
    sections: list[Section]
    number: int = 0
    label: str = ""
    anchor: str = ""
    loc: SourceLoc | None = None


@dataclass
class Footnote:
    """A footnote's text. ``number`` matches its (single) FootnoteRef."""

    key: str
    inlines: list[Inline]
    number: int = 0
    loc: SourceLoc | None = None

    @property
    def label(self) -> str:
        return f"{self.number})"


@dataclass
class Reference:
    """One 참고문헌 entry (written without the ``§ `` prefix; writers add it, S31)."""

    inlines: list[Inline]
    loc: SourceLoc | None = None


@dataclass
class Author:
    name: str
    affiliation: str = ""
    position: str = ""
    email: str = ""
    phone: str = ""


@dataclass
class Meta:
    """Report metadata from the brief config."""

    title: str
    report_number: str
    date: dt.date
    subtitle: str = ""
    series: str = "이슈리포트"
    organisation: str = "소프트웨어정책연구소"
    authors: list[Author] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    subject: str = ""
    homepage: str = ""
    address: str = ""
    contact: str = ""
    disclaimer: str = ""
    lang: str = "ko-KR"


# --------------------------------------------------------------------------- front matter


@dataclass
class Cover:
    """The cover's lines as printed (S2): composed once by numbering, laid out by writers."""

    series: str  # ``이슈리포트 IS-201``
    title: str
    subtitle: str  # ``- 부제 -``; empty when the brief has none
    date: str  # ``2024.08.19.`` (S40)
    authors: list[str]  # ``이름 소속 직위``, one line per author
    organisation: str
    series_name: str = ""  # ``이슈리포트``: the band's series label (designed covers)
    report_number: str = ""  # ``IS-201``: set large on the band


@dataclass
class BackPage:
    """The back page's lines (S48); an empty line is left out."""

    organisation: str
    homepage_label: str  # ``홈페이지 : ``
    homepage: str  # the address (the HTML links it)
    contact: str
    address: str
    disclaimer: str

    @property
    def homepage_line(self) -> str:
        """``홈페이지 : https://…``, or empty without a homepage."""
        return self.homepage_label + self.homepage if self.homepage else ""


@dataclass
class FrontMatter:
    """Everything printed around the content that is made from the metadata and the theme."""

    cover: Cover
    back: BackPage
    running_header: str  # ``SPRi 이슈리포트 | IS-201`` (S47)
    summary_title: str
    executive_summary_title: str
    toc_title: str
    file_title: str  # ``제목 - 부제``: the title in the file's properties
    file_authors: str  # ``이름, 이름``: the authors in the file's properties


@dataclass
class Document:
    """A whole brief. Order of parts follows S1."""

    meta: Meta
    summary: list[Paragraph]
    executive_summary: list[Paragraph]
    chapters: list[Chapter]
    footnotes: list[Footnote]
    references: list[Reference]
    references_title: str = "<참고문헌>"
    front_matter: FrontMatter | None = None  # composed by numbering

    @property
    def front(self) -> FrontMatter:
        """The composed front matter (ValueError before numbering)."""
        if self.front_matter is None:
            raise ValueError("the document is not numbered: no front matter yet")
        return self.front_matter

    def footnote(self, key: str) -> Footnote:
        """The footnote with ``key`` (KeyError if undefined; the reader guarantees it)."""
        for note in self.footnotes:
            if note.key == key:
                return note
        raise KeyError(key)


def plain_text(inlines: list[Inline]) -> str:
    """The visible text of inlines (footnote marks as ``n)``), for TOC, metadata and tests."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Text(text=text):
                out.append(text)
            case Strong(children=c) | Emph(children=c) | Superscript(children=c) | Link(children=c):
                out.append(plain_text(c))
            case FootnoteRef():
                out.append(node.label)
            case CrossRef(text=text):
                out.append(text)
    return "".join(out)
