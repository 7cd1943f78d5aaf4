"""The rendered text of a document as stable-id'd sentences, for the manifest and ``diff``.

Every heading, paragraph, bullet, table row, caption, source line and footnote becomes one
entry ``{"id", "where", "text"}``, plus ``marked`` when the text has raised parts: the same
text with superscripts and footnote marks wrapped in ``^…^`` (``10^23^ FLOP^2)^``), so a
change report can typeset them as the brief does. Ids follow the structure (``c2.s1.b3`` = chapter 2,
section 1, block 3; ``note.4``), ``where`` is the human location (``Ⅱ. 1. 연구 배경``).
"""

from __future__ import annotations

from typing import Any

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
    Text,
    plain_text,
)


def marked_text(inlines: list[Inline]) -> str:
    """The visible text with raised parts (superscripts, footnote marks) wrapped in ``^…^``."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Text(text=text) | CrossRef(text=text):
                out.append(text)
            case Strong(children=c) | Emph(children=c) | Link(children=c):
                out.append(marked_text(c))
            case Superscript(children=c):
                out.append(f"^{plain_text(c)}^")
            case FootnoteRef():
                out.append(f"^{node.label}^")
    return "".join(out)


def document_sentences(document: Document) -> list[dict[str, str]]:
    """All visible sentences of ``document`` in reading order."""
    out: list[dict[str, str]] = []

    def add(ident: str, where: str, text: str, marked: str = "") -> None:
        text = " ".join(text.split())
        marked = " ".join(marked.split())
        if text:
            entry = {"id": ident, "where": where, "text": text}
            if marked and marked != text:
                entry["marked"] = marked
            out.append(entry)

    for index, para in enumerate(document.summary, 1):
        add(f"summary.{index}", "요약", plain_text(para.inlines), marked_text(para.inlines))
    for index, para in enumerate(document.executive_summary, 1):
        add(f"executive.{index}", "Executive Summary", plain_text(para.inlines),
            marked_text(para.inlines))
    for c, chapter in enumerate(document.chapters, 1):
        where = chapter.heading
        add(f"c{c}", where, chapter.heading)
        _blocks(chapter.blocks, f"c{c}", where, add)
        for s, section in enumerate(chapter.sections, 1):
            swhere = f"{chapter.label} {section.heading}".strip()
            add(f"c{c}.s{s}", swhere, section.heading)
            _blocks(section.blocks, f"c{c}.s{s}", swhere, add)
    for note in document.footnotes:
        add(f"note.{note.number}", f"각주 {note.label}", plain_text(note.inlines),
            marked_text(note.inlines))
    for index, ref in enumerate(document.references, 1):
        add(f"ref.{index}", "참고문헌", plain_text(ref.inlines))
    return out


def _blocks(blocks: list[Block], prefix: str, where: str, add: Any) -> None:
    for b, block in enumerate(blocks, 1):
        ident = f"{prefix}.b{b}"
        match block:
            case Paragraph(inlines=inlines) | Bullet(inlines=inlines):
                add(ident, where, plain_text(inlines), marked_text(inlines))
            case Table():
                label = f"{where} {block.label}".strip()
                add(ident, label, f"{block.label} {plain_text(block.caption)}")
                add(f"{ident}.h", label, " | ".join(plain_text(c.inlines) for c in block.header))
                for r, row in enumerate(block.rows, 1):
                    add(f"{ident}.r{r}", label, " | ".join(plain_text(c.inlines) for c in row))
                _extras(block.notes, block.source, ident, label, add)
            case Figure():
                label = f"{where} {block.label}".strip()
                add(ident, label, f"{block.label} {plain_text(block.caption)}")
                _extras(block.notes, block.source, ident, label, add)
            case Box(blocks=inner):
                if block.title:
                    add(f"{ident}.t", where, block.title)
                _blocks(inner, ident, where, add)


def _extras(notes: list, source: list | None, ident: str, where: str, add: Any) -> None:
    for n, note in enumerate(notes, 1):
        add(f"{ident}.n{n}", where, plain_text(note))
    if source:
        add(f"{ident}.src", where, plain_text(source))
