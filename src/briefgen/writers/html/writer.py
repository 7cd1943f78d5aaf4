"""The HTML writer: IR Document → one self-contained HTML5 preview file.

Same content and numbers as the DOCX and PDF, laid out as a web page: no page numbers, the
TOC links to the headings, and the footnotes form one numbered list at the end of the
document (after the references, before the back-page block) with back-links to their marks.
CSS is inline (from the theme), images are data URIs, and a Content-Security-Policy forbids
scripts and every external request.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import assert_never

from briefgen import ir
from briefgen.errors import BriefError
from briefgen.tablelayout import column_fractions
from briefgen.theme import Theme
from briefgen.writers.html.css import stylesheet
from briefgen.writers.html.inline import InlineWriter, mark_id, note_id, safe_url
from briefgen.writers.html.webfont import font_faces, page_text

#: No script, no external request: only inline styles and data-URI images (self-contained).
CSP = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'"
#: Fixed ids of the front and back matter (objects with one of these keys get no id).
FIXED_IDS = ("cover", "summary-title", "executive-summary-title", "toc-title", "references")
#: Back-link from a note to its mark (U+FE0E: text, not emoji, presentation).
BACKLINK = "\u21a9\ufe0e"
#: Image types by file signature.
IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


def write_html(doc: ir.Document, theme: Theme, out: Path) -> None:
    """Write ``doc`` as a self-contained UTF-8 HTML file to ``out`` (deterministic bytes)."""
    out.write_bytes(render_html(doc, theme).encode("utf-8"))


def render_html(doc: ir.Document, theme: Theme) -> str:
    """The HTML text of ``doc`` (what :func:`write_html` writes)."""
    return _Page(doc, theme, _inline_writer(doc)).render()


def _inline_writer(doc: ir.Document) -> InlineWriter:
    """Cross-references link to figures and tables whose key is a free, non-empty id."""
    taken = set(FIXED_IDS)
    for chapter in doc.chapters:
        taken.add(chapter.anchor)
        taken.update(section.anchor for section in chapter.sections)
    numbers = frozenset(note.number for note in doc.footnotes)
    taken.update(note_id(n) for n in numbers)
    taken.update(mark_id(n) for n in numbers)
    keys = [obj.key for obj in _objects(doc)]
    targets = {k for k in keys if k and not any(c.isspace() for c in k) and k not in taken}
    unique = frozenset(k for k in targets if keys.count(k) == 1)
    return InlineWriter(notes=numbers, targets=unique)


def _objects(doc: ir.Document) -> list[ir.Figure | ir.Table]:
    """Every figure and table of the chapters, in document order (also inside boxes)."""

    def walk(blocks: list[ir.Block]) -> list[ir.Figure | ir.Table]:
        found: list[ir.Figure | ir.Table] = []
        for block in blocks:
            if isinstance(block, ir.Figure | ir.Table):
                found.append(block)
            elif isinstance(block, ir.Box):
                found += walk(block.blocks)
        return found

    found: list[ir.Figure | ir.Table] = []
    for chapter in doc.chapters:
        found += walk(chapter.blocks)
        for section in chapter.sections:
            found += walk(section.blocks)
    return found


@dataclass
class _Page:
    doc: ir.Document
    theme: Theme
    inl: InlineWriter

    def render(self) -> str:
        """The whole page in S1 order; footnotes last so every mark is known."""
        meta = self.doc.meta
        main = [self._summary(), self._executive_summary(), self._toc()]
        main += [self._chapter(chapter) for chapter in self.doc.chapters]
        if self.doc.references:
            main.append(self._references())
        if self.doc.footnotes:
            main.append(self._footnotes())
        lang = meta.lang.split("-")[0] or "ko"
        body = [self._cover(), "<main>", *main, "</main>", self._back_page()]
        return "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{escape(lang)}">',
                "<head>",
                *self._head(page_text(body)),
                "</head>",
                "<body>",
                *body,
                "</body>",
                "</html>",
                "",
            ]
        )

    # ----------------------------------------------------------------- helpers

    def _t(self, text: str) -> str:
        return escape(text)

    def _p(self, cls: str, content: str) -> str:
        return f'<p class="{cls}">{content}</p>'

    def _id(self, key: str) -> str:
        return f' id="{escape(key)}"' if key in self.inl.targets else ""

    # ----------------------------------------------------------------- head and front matter

    def _head(self, text: str) -> list[str]:
        meta = self.doc.meta
        names = {
            "generator": "briefgen",
            "author": self.doc.front.file_authors,
            "keywords": ", ".join(meta.keywords),
            "description": meta.subject,
        }
        lines = [
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
        ]
        lines += [
            f'<meta name="{name}" content="{escape(value)}">'
            for name, value in names.items()
            if value
        ]
        lines.append(f"<title>{self._t(meta.title)}</title>")
        css = font_faces(self.theme, text + meta.title, self._heavy_text()) + stylesheet(self.theme)
        return [*lines, "<style>", css.rstrip("\n"), "</style>"]

    def _cover(self) -> str:
        """S2: series line, title, subtitle, date, one author per line, institute; a designed
        cover (theme ``cover.design: band``) sets the mark or logo and the series line on a
        band in the house colour."""
        cover = self.doc.front.cover
        if self.theme.cover_design == "band":
            head = ['<header class="cover designed" id="cover">', '<div class="band">', self._mark(),
                    f'<p class="series"><span class="label">{self._t(cover.series_name)}</span> '
                    f'<span class="number">{self._t(cover.report_number)}</span></p>', "</div>"]
        else:
            head = ['<header class="cover" id="cover">', self._p("series", self._t(cover.series))]
        parts = [*head, self._p("title", self._t(cover.title))]
        if cover.subtitle:
            parts.append(self._p("subtitle", self._t(cover.subtitle)))
        parts.append(self._p("date", self._t(cover.date)))
        if cover.authors:
            parts += ['<div class="authors">', *(self._p("author", self._t(a)) for a in cover.authors)]
            parts.append("</div>")
        parts += [self._p("org", self._t(cover.organisation)), "</header>"]
        return "\n".join(parts)

    def _heavy_text(self) -> str:
        """What the stylesheet sets in weight 800: the cover's title, mark and report number,
        and the chapter numerals."""
        cover = self.doc.front.cover
        labels = [chapter.label for chapter in self.doc.chapters]
        return "".join([cover.title, cover.report_number, self.theme.cover_mark, *labels])

    def _numeral(self, label: str) -> str:
        """A chapter's numeral (``Ⅰ.``) in the heavy face before its title (S43), or nothing."""
        return f'<span class="numeral">{self._t(label)}</span> ' if label else ""

    def _mark(self) -> str:
        """The organisation's logo (a data URI) or its typographic mark, on the cover's band."""
        logo = self.theme.cover_logo
        if logo is None:
            return self._p("mark", self._t(self.theme.cover_mark))
        alt = self._t(self.doc.front.cover.organisation)
        return f'<p class="mark"><img src="{_data_uri(logo, None)}" alt="{alt}"></p>'

    def _front(self, cls: str, ident: str, title: str, body: list[str], lang: str = "") -> str:
        attr = f' lang="{lang}"' if lang else ""
        head = f'<h2 class="front-title" id="{ident}">{self._t(title)}</h2>'
        return "\n".join(
            [
                f'<section class="front-page {cls}" aria-labelledby="{ident}"{attr}>',
                head,
                *body,
                "</section>",
            ]
        )

    def _summary(self) -> str:
        """S3: the 요약 prose in a filled box."""
        paras = [f"<p>{self.inl.render(p.inlines)}</p>" for p in self.doc.summary]
        body = ['<div class="summary-box">', *paras, "</div>"]
        return self._front("summary", "summary-title", self.doc.front.summary_title, body)

    def _executive_summary(self) -> str:
        """S4: English prose under the fixed heading (nothing when there is none)."""
        if not self.doc.executive_summary:
            return ""
        paras = [self._p("text", self.inl.render(p.inlines)) for p in self.doc.executive_summary]
        title = self.doc.front.executive_summary_title
        return self._front("executive-summary", "executive-summary-title", title, paras, "en")

    def _toc(self) -> str:
        """S5 as a web page: chapters and sections linked to their headings, no page numbers."""
        items = ["<ol>"]
        for chapter in self.doc.chapters:
            items.append(
                f'<li class="chapter"><a href="#{escape(chapter.anchor)}">'
                f"{self._t(chapter.heading)}</a>"
            )
            if chapter.sections:
                items.append("<ol>")
                items += [
                    f'<li class="section"><a href="#{escape(s.anchor)}">{self._t(s.heading)}</a></li>'
                    for s in chapter.sections
                ]
                items.append("</ol>")
            items.append("</li>")
        items.append("</ol>")
        title = self.doc.front.toc_title
        head = f'<h2 class="front-title" id="toc-title">{self._t(title)}</h2>'
        return "\n".join(
            ['<nav class="front-page toc" aria-labelledby="toc-title">', head, *items, "</nav>"]
        )

    # ----------------------------------------------------------------- body

    def _chapter(self, chapter: ir.Chapter) -> str:
        """S6/S8: chapter as h1, sections as h2, ids = the IR anchors."""
        parts = [
            f'<section class="chapter-block" aria-labelledby="{escape(chapter.anchor)}">',
            f'<h1 id="{escape(chapter.anchor)}">{self._numeral(chapter.label)}{self._t(chapter.title)}</h1>',
            *self._blocks(chapter.blocks),
        ]
        for section in chapter.sections:
            parts.append(f'<h2 id="{escape(section.anchor)}">{self._t(section.heading)}</h2>')
            parts += self._blocks(section.blocks)
        parts.append("</section>")
        return "\n".join(parts)

    def _blocks(self, blocks: list[ir.Block]) -> list[str]:
        return [self._block(block) for block in blocks]

    def _block(self, block: ir.Block) -> str:
        match block:
            case ir.Paragraph(inlines=nodes):
                return self._p("text", self.inl.render(nodes))
            case ir.Bullet(level=level, inlines=nodes):
                marker = f'<span class="marker">{self._t(self.theme.marker(level))} </span>'
                return self._p(f"item l{level}", marker + self.inl.render(nodes))
            case ir.Table():
                return self._table(block)
            case ir.Figure():
                return self._figure(block)
            case ir.Box(title=title, blocks=inner):
                head = [self._p("box-title", self._t(title))] if title else []
                return "\n".join(['<aside class="box">', *head, *self._blocks(inner), "</aside>"])
            case _:
                assert_never(block)

    def _caption(self, label: str, caption: list[ir.Inline]) -> str:
        """S27: ``[그림 n] 제목`` / ``<표 n> 제목`` above the object."""
        return (
            f'<figcaption><span class="label">{self._t(label)}</span> '
            f"{self.inl.render(caption)}</figcaption>"
        )

    def _after(self, notes: list[list[ir.Inline]], source: list[ir.Inline] | None) -> list[str]:
        """S28: ``주:`` lines, then the ``☞ 출처 :`` line."""
        prefix = self._t(self.theme.note_prefix)
        out = [self._p("note", prefix + self.inl.render(note)) for note in notes]
        if source:
            out.append(
                self._p("source", self._t(self.theme.source_prefix) + self.inl.render(source))
            )
        return out

    def _table(self, t: ir.Table) -> str:
        """S29: unit note above right, header row filled, per-column alignment, content widths."""
        parts = [f'<figure class="table"{self._id(t.key)}>', self._caption(t.label, t.caption)]
        if t.unit:
            parts.append(self._p("unit", self._t(t.unit)))
        cols = "".join(f'<col style="width: {f * 100:.3f}%">' for f in column_fractions(t))
        head = "".join(f'<th scope="col">{self.inl.render(c.inlines)}</th>' for c in t.header)
        parts += [
            "<table>",
            f"<colgroup>{cols}</colgroup>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
        ]
        for row in t.rows:
            cells = "".join(
                f'<td class="al-{t.align[i] if i < len(t.align) else "left"}">'
                f"{self.inl.render(cell.inlines)}</td>"
                for i, cell in enumerate(row)
            )
            parts.append(f"<tr>{cells}</tr>")
        parts += ["</tbody>", "</table>", *self._after(t.notes, t.source), "</figure>"]
        return "\n".join(parts)

    def _figure(self, f: ir.Figure) -> str:
        """Caption above the image (data URI, ``width_ratio`` of the text width), notes, source."""
        alt = f"{f.label} {ir.plain_text(f.caption)}".strip()
        image = (
            f'<img src="{_data_uri(f.image, f.loc)}" alt="{escape(alt)}" '
            f'style="width: {f.width_ratio * 100:.1f}%">'
        )
        parts = [
            f'<figure class="chart"{self._id(f.key)}>',
            self._caption(f.label, f.caption),
            image,
        ]
        return "\n".join([*parts, *self._after(f.notes, f.source), "</figure>"])

    # ----------------------------------------------------------------- back matter

    def _references(self) -> str:
        """S31: the references heading and ``§ `` entries with a hanging indent."""
        marker = f'<span class="marker">{self._t(self.theme.references_prefix)}</span>'
        entries = [
            self._p("reference", marker + self.inl.render(r.inlines)) for r in self.doc.references
        ]
        return "\n".join(
            [
                '<section class="references" aria-labelledby="references">',
                f'<h1 id="references">{self._t(self.doc.references_title)}</h1>',
                *entries,
                "</section>",
            ]
        )

    def _footnotes(self) -> str:
        """S22-S24 for the web: ``n) text`` items, each with a back-link to its mark."""
        items = []
        for note in self.doc.footnotes:
            text = self.inl.render(note.inlines)
            back = ""
            if note.number in self.inl.marked:
                back = (
                    f' <a class="backref" href="#{mark_id(note.number)}" role="doc-backlink">'
                    f"{BACKLINK}</a>"
                )
            items.append(
                f'<li id="{note_id(note.number)}"><span class="fn-label">{self._t(note.label)}</span> '
                f"{text}{back}</li>"
            )
        return "\n".join(
            [
                '<section class="footnotes" role="doc-endnotes">',
                "<hr>",
                "<ol>",
                *items,
                "</ol>",
                "</section>",
            ]
        )

    def _back_page(self) -> str:
        """S48: institute, homepage, contact, address, optional disclaimer."""
        back = self.doc.front.back
        parts = ['<footer class="back">', self._p("org", self._t(back.organisation))]
        if back.homepage:
            url = self._t(back.homepage)
            link = f'<a href="{url}">{url}</a>' if safe_url(back.homepage) else url
            parts.append(self._p("homepage", self._t(back.homepage_label) + link))
        parts += [
            self._p(cls, self._t(line))
            for cls, line in (("contact", back.contact), ("address", back.address))
            if line
        ]
        if back.disclaimer:
            parts.append(self._p("disclaimer", self._t(back.disclaimer)))
        parts.append("</footer>")
        return "\n".join(parts)


def _data_uri(path: Path, loc: ir.SourceLoc | None) -> str:
    """The image file as a base64 data URI; BriefError if unreadable or not PNG/JPEG."""
    source, line = (loc.file, loc.line) if loc else (str(path), None)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(
            f"cannot read image '{path.name}': {exc.strerror}", source=source, line=line
        ) from None
    for signature, mime in IMAGE_TYPES:
        if data.startswith(signature):
            return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    raise BriefError(f"image '{path.name}' is neither PNG nor JPEG", source=source, line=line)
