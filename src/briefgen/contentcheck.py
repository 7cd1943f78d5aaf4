"""Content checks of a numbered document, reported as located warnings by ``build`` and
``check``: slips of the writer that the house style names but no parser catches.

- S3: the 요약 is 350–800 characters long (spaces counted);
- S14: a ``*`` note explains a term of the item above it, which carries the anchor (``*`` for
  its first note, ``**`` for the second);
- S33: every work listed under 참고문헌 is cited in the text (author and year, in a citation,
  a source line or a note);
- S40: running text writes dates as ``2024년 7월``, not in the dot form of the cover and the
  source lines (``2024.07.``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefgen.ir import (
    Bullet,
    Document,
    Figure,
    Inline,
    Paragraph,
    Reference,
    SourceLoc,
    Table,
    plain_text,
)
from briefgen.numbering import block_inlines, document_blocks

SUMMARY_CHARS = (350, 800)
#: a date in the dot form: 2024.07. or 2024.07.19. (S40)
DOT_DATE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\.\s?(0?[1-9]|1[0-2])\.(?:\s?(0?[1-9]|[12]\d|3[01])\.)?(?!\d)")
#: the author part and year of a 참고문헌 entry: ``Kaplan, J. et al. (2020).``, ``안성원 외 (2023).``
REFERENCE_HEAD = re.compile(r"^(?:§\s*)?(?P<authors>[^(]+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?[).]")
#: how far after an author's name a citation gives the year (``Kaplan et al., 2020``)
CITATION_SPAN = 60
STAR_RUN = re.compile(r"(?<!\*)\*+(?!\*)")


@dataclass(frozen=True)
class _Text:
    """A piece of the document's text and where it comes from."""

    text: str
    loc: SourceLoc | None


def content_warnings(document: Document, content: str) -> list[str]:
    """Every warning of the four checks (``content``: the content template's name, for the
    warnings whose node has no line)."""
    return [
        *_summary_length(document, content),
        *_star_notes(document, content),
        *_uncited_references(document, content),
        *_dot_dates(document, content),
    ]


def _where(loc: SourceLoc | None, content: str) -> str:
    return str(loc) if loc is not None else content


def _summary_length(document: Document, content: str) -> Iterator[str]:
    """S3: the 요약's length in characters, spaces counted."""
    if not document.summary:
        return
    length = len(" ".join(plain_text(p.inlines).strip() for p in document.summary))
    low, high = SUMMARY_CHARS
    if not low <= length <= high:
        where = _where(document.summary[0].loc, content)
        yield (f"{where}: the 요약 has {length:,} characters; an editor expects {low}~{high} "
               "(4 to 8 sentences) (S3)")


def _star_notes(document: Document, content: str) -> Iterator[str]:
    """S14: the n-th ``*`` note under an item needs an anchor of n stars in that item."""
    item: Bullet | None = None
    notes = 0
    for block in document_blocks(document):
        if not isinstance(block, Bullet):
            continue
        if block.level < 4:
            item, notes = block, 0
            continue
        notes += 1
        anchor = "*" * notes
        runs = {len(run) for run in STAR_RUN.findall(plain_text(item.inlines))} if item else set()
        if notes not in runs:
            above = f" ({item.loc})" if item is not None and item.loc is not None else ""
            yield (f"{_where(block.loc, content)}: the '*' note has no '{anchor}' anchor in the item above it{above}; "
                   f"mark the term it explains (write {anchor} as ^{anchor}^ after it) (S14)")


def _uncited_references(document: Document, content: str) -> Iterator[str]:
    """S33: a listed work whose first author is never followed by its year in the text."""
    text = "\n".join(piece.text for piece in _cited_text(document))
    for reference in document.references:
        head = _reference_head(reference)
        if head is None:
            continue
        author, year = head
        if not any(year in text[m.end():m.end() + CITATION_SPAN] for m in re.finditer(re.escape(author), text)):
            yield (f"{_where(reference.loc, content)}: the reference '{author} ({year})' is never cited "
                   "in the text; cite it or leave it out (S33)")


def _reference_head(reference: Reference) -> tuple[str, str] | None:
    """The first author's name (surname, or the organisation) and the year of an entry."""
    match = REFERENCE_HEAD.match(plain_text(reference.inlines).strip())
    if match is None:
        return None
    first = match["authors"].split(",")[0]
    first = re.sub(r"\s+(?:et al\.?|외|등)$", "", first.strip())
    return (first, match["year"]) if first else None


def _cited_text(document: Document) -> Iterator[_Text]:
    """Everything but the 참고문헌: where a work can be cited."""
    for paragraph in document.summary + document.executive_summary:
        yield _Text(plain_text(paragraph.inlines), paragraph.loc)
    for block in document_blocks(document):
        for inlines in block_inlines(block):
            yield _Text(plain_text(inlines), getattr(block, "loc", None))
    for note in document.footnotes:
        yield _Text(plain_text(note.inlines), note.loc)


def _running_text(document: Document) -> Iterator[_Text]:
    """The sentences of the brief: the 요약, items, paragraphs, captions' notes and footnotes
    (not the cover, the source lines, table cells or the 참고문헌, which use the dot form)."""
    for paragraph in document.summary:
        yield _Text(plain_text(paragraph.inlines), paragraph.loc)
    for block in document_blocks(document):
        pieces: list[list[Inline]] = []
        if isinstance(block, Paragraph | Bullet):
            pieces = [block.inlines]
        elif isinstance(block, Table | Figure):
            pieces = list(block.notes)
        for inlines in pieces:
            yield _Text(plain_text(inlines), block.loc)
    for note in document.footnotes:
        yield _Text(plain_text(note.inlines), note.loc)


def _dot_dates(document: Document, content: str) -> Iterator[str]:
    """S40: ``2024.07.`` in running text."""
    for piece in _running_text(document):
        for match in DOT_DATE.finditer(piece.text):
            year, month, day = match.group(1), int(match.group(2)), match.group(3)
            written = f"{year}년 {month}월" + (f" {int(day)}일" if day else "")
            yield (f"{_where(piece.loc, content)}: the date '{match.group().strip()}' is in the dot form of the cover and "
                   f"source lines; running text writes '{written}' (S40)")
