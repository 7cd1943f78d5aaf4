"""Assign every number of the document once: chapters Ⅰ Ⅱ Ⅲ, sections 1. 2., [그림 n],
<표 n>, footnotes n), resolve cross-references (with their particles) and compose the front
matter (``briefgen.frontmatter``).

All writers show the numbers set here, so DOCX, PDF and later formats agree.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefgen.errors import BriefError
from briefgen.frontmatter import compose_front_matter
from briefgen.ir import (
    Block,
    Box,
    Bullet,
    CrossRef,
    Document,
    Emph,
    Figure,
    FootnoteRef,
    Inline,
    Link,
    Paragraph,
    Strong,
    Superscript,
    Table,
    plain_text,
)
from briefgen.korean.josa import attach
from briefgen.theme import Theme

ROMAN_NUMERALS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"  # U+2160..U+2169; NanumGothic lacks Ⅺ Ⅻ (P6)


def number_document(doc: Document, theme: Theme) -> list[str]:
    """Number ``doc`` in place; return warnings (e.g. a figure never cited)."""
    if len(doc.chapters) > len(ROMAN_NUMERALS):
        raise BriefError(f"at most {len(ROMAN_NUMERALS)} chapters are supported, found {len(doc.chapters)}")
    for paragraph in doc.summary:
        if any(isinstance(node, FootnoteRef) for node in walk_inlines(paragraph.inlines)):
            raise BriefError("the 요약 must not carry footnote marks (S3)", source=str(paragraph.loc))
    objects: dict[str, Figure | Table] = {}
    counters = {"figure": 0, "table": 0}
    for c_index, chapter in enumerate(doc.chapters, start=1):
        chapter.number, chapter.label, chapter.anchor = c_index, f"{ROMAN_NUMERALS[c_index - 1]}.", f"ch-{c_index}"
        for s_index, section in enumerate(chapter.sections, start=1):
            section.number, section.label, section.anchor = s_index, f"{s_index}.", f"sec-{c_index}-{s_index}"
    for block in document_blocks(doc):
        if isinstance(block, Figure | Table):
            kind = "figure" if isinstance(block, Figure) else "table"
            counters[kind] += 1
            block.number = counters[kind]
            block.label = theme.caption_label(kind, block.number)
            objects[block.key] = block
    _number_footnotes(doc)
    warnings = _resolve_crossrefs(doc, objects)
    doc.references.sort(key=lambda ref: _reference_sort_key(ref.inlines))
    doc.front_matter = compose_front_matter(doc.meta, theme)
    return warnings


def document_blocks(doc: Document) -> Iterator[Block]:
    """Every block of the body in reading order (boxes expanded after themselves)."""
    for chapter in doc.chapters:
        yield from _expand(chapter.blocks)
        for section in chapter.sections:
            yield from _expand(section.blocks)


def _expand(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, Box):
            yield from _expand(block.blocks)


def block_inlines(block: Block) -> Iterator[list[Inline]]:
    """The inline lists of one block in reading order (captions before cells, source last)."""
    match block:
        case Paragraph(inlines=inlines) | Bullet(inlines=inlines):
            yield inlines
        case Table():
            yield block.caption
            for cell in block.header:
                yield cell.inlines
            for row in block.rows:
                for cell in row:
                    yield cell.inlines
            yield from block.notes
            if block.source:
                yield block.source
        case Figure():
            yield block.caption
            yield from block.notes
            if block.source:
                yield block.source
        case Box():
            return  # its blocks are visited by document_blocks


def walk_inlines(inlines: list[Inline]) -> Iterator[Inline]:
    """Depth-first over inlines, containers before their children."""
    for node in inlines:
        yield node
        if isinstance(node, Strong | Emph | Superscript | Link):
            yield from walk_inlines(node.children)


def body_inlines(doc: Document) -> Iterator[Inline]:
    """Every inline node of the body in reading order."""
    for block in document_blocks(doc):
        for inlines in block_inlines(block):
            yield from walk_inlines(inlines)


def _number_footnotes(doc: Document) -> None:
    numbers: dict[str, int] = {}
    for node in body_inlines(doc):
        if isinstance(node, FootnoteRef):
            numbers.setdefault(node.key, len(numbers) + 1)
            node.number = numbers[node.key]
    for note in doc.footnotes:
        if note.key not in numbers:
            raise BriefError(
                f"footnote [^{note.key}] is referenced outside the body (only chapters may carry footnotes)",
                source=str(note.loc) if note.loc else None,
            )
        note.number = numbers[note.key]
    doc.footnotes.sort(key=lambda note: note.number)


def _resolve_crossrefs(doc: Document, objects: dict[str, Figure | Table]) -> list[str]:
    cited: set[str] = set()
    warnings: list[str] = []
    for block in document_blocks(doc):
        if isinstance(block, Figure | Table) and block.key not in cited:
            warnings.append(f"{block.loc}: {block.label} (#{block.key}) is not cited in the text before it (S27)")
        for inlines in block_inlines(block):
            for node in walk_inlines(inlines):
                if isinstance(node, CrossRef):
                    if node.key not in objects:
                        known = ", ".join(sorted(objects)) or "none"
                        where = getattr(block, "loc", None)
                        raise BriefError(
                            f"reference to unknown figure/table '#{node.key}' (known: {known})",
                            source=where.file if where else None,
                            line=where.line if where else None,
                        )
                    label = objects[node.key].label
                    node.text = attach(label, node.particle) if node.particle else label
                    cited.add(node.key)
    return warnings


def _reference_sort_key(inlines: list[Inline]) -> tuple[int, str]:
    """S32: Latin-script entries first (case-insensitive), then Hangul in 가나다 order."""
    text = plain_text(inlines).strip()
    first = next((ch for ch in text if ch.isalpha()), "")
    is_hangul = "\uac00" <= first <= "\ud7a3" or "\u3131" <= first <= "\u318e"
    return (1 if is_hangul else 0, text.casefold())
