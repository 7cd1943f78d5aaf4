"""Read the rendered content markup (Markdown dialect) into the document model.

The dialect (see docs): ``#`` chapter, ``##`` section, lines starting with □ ㅇ - * are bullet
items, ``[^key]`` footnote marks with ``[^key]: text`` definitions, ``^23^`` superscript,
``{@key|과}`` cross-references, and fenced containers::

    ::: summary            요약 paragraphs (before the first chapter)
    ::: executive-summary  English summary
    ::: figure #key chart=NAME | image=PATH [width=0.8]
    ::: table #key [unit="단위: 개, %"]   (caption paragraph, a pipe table, 주:/출처: lines)
    ::: box [title]
    ::: references         one entry per line

Citations (``[@key]``, ``@key``) are printed from the bibliography by a ``biblio.Citer``, which
also gives the 참고문헌 entries of the cited works (added to the written ones).
The reader only builds structure; numbers are assigned by ``numbering.number_document``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.superscript import superscript_plugin

from briefgen.biblio import Citer
from briefgen.errors import BriefError
from briefgen.hygiene import CONTROL_CHARACTERS
from briefgen.ir import (
    Alignment,
    Block,
    Box,
    Bullet,
    Chapter,
    CrossRef,
    Emph,
    Figure,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    Paragraph,
    Reference,
    Section,
    SourceLoc,
    Strong,
    Superscript,
    Table,
    TableCell,
    Text,
    plain_text,
)
from briefgen.korean.josa import Josa
from briefgen.korean.normalize import normalize_text
from briefgen.markup.plaintext import plain_text_plugin
from briefgen.markup.rules import crossref_and_bullets_plugin
from briefgen.tablelayout import MAX_COLUMNS

CONTAINERS = ("summary", "executive-summary", "figure", "table", "box", "references")
ImageResolver = Callable[[dict[str, str], SourceLoc], Path]

_SOURCE_PREFIX = re.compile(r"^(?:☞\s*)?(?:출처|자료|Source)\s*:\s*")
_NOTE_PREFIX = re.compile(r"^주\s*:\s*")
_REFERENCE_PREFIX = re.compile(r"^§\s*")
_NUMERIC_CELL = re.compile(
    r"^[-+]?[\d,.]*\d[\d,.]*\s*(%p?|개|건|회|명|억|조|만|배|년)?(\s*(미만|이상|초과))?(\s*\(.*\))?$"
)
_UNDEFINED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_MANUAL_NUMBER = re.compile(r"^(?:[\u2160-\u2169]|[IVX]+|\d+)\.\s")


@dataclass
class ReadResult:
    """What the content markup contributes to a Document (meta comes from the config)."""

    summary: list[Paragraph]
    executive_summary: list[Paragraph]
    chapters: list[Chapter]
    footnotes: list[Footnote]
    references: list[Reference]
    warnings: list[str] = field(default_factory=list)


def make_parser() -> MarkdownIt:
    """The markdown-it parser configured for the briefgen dialect."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.disable(["code", "fence", "blockquote", "hr", "list", "html_block", "lheading", "reference"])
    md.disable(["backticks", "image", "html_inline", "footnote_inline"], ignoreInvalid=True)
    md.enable("table")
    md.use(footnote_plugin, inline=False)
    md.use(superscript_plugin)
    for name in CONTAINERS:
        md.use(container_plugin, name)
    md.use(crossref_and_bullets_plugin)
    md.use(plain_text_plugin)
    return md


@cache
def _parser() -> MarkdownIt:
    """The parser every read uses (its state lives in each parse, so one is made once)."""
    return make_parser()


def read_markup(
    text: str, source: str, resolve_image: ImageResolver, origins: list[int] | None = None,
    citer: Citer | None = None,
) -> ReadResult:
    """Parse rendered content markup into document parts; BriefError names ``source:line``.

    ``origins`` maps each line of ``text`` (0-based) to the template line it was rendered
    from (``template.render.render_with_lines``); without it, lines of ``text`` are used.
    ``citer`` prints citations from the brief's bibliography (without it, a citation is an
    error saying that brief.yaml names no bibliography).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as markdown-it counts lines
    lines = text.split("\n")
    origins = origins or list(range(1, len(lines) + 1))
    origins = origins + [origins[-1]] * (len(lines) - len(origins))
    _check_control_characters(text, source, origins)
    env: dict = {}
    tokens = _parser().parse(text, env)
    citer = citer or Citer(None, Josa())
    reader = _Reader(source, resolve_image, origins, citer)
    result = reader.read(tokens)
    result.warnings += citer.warnings() + citer.repeats(result.references)
    result.references += citer.references()
    for label in env.get("footnotes", {}).get("refs", {}):
        label = label.removeprefix(":")
        if label not in reader.footnote_uses:
            index = next((n for n, t in enumerate(lines) if t.lstrip().startswith(f"[^{label}]:")), None)
            line = origins[index] if index is not None else None
            result.warnings.append(f"{SourceLoc(source, line)}: footnote [^{label}] is defined but never used")
    return result


class _Reader:
    def __init__(self, source: str, resolve_image: ImageResolver, origins: list[int], citer: Citer) -> None:
        self.source = source
        self.citer = citer
        self.resolve_image = resolve_image
        self.origins = origins
        self.summary: list[Paragraph] = []
        self.executive_summary: list[Paragraph] = []
        self.chapters: list[Chapter] = []
        self.references: list[Reference] = []
        self.footnote_defs: dict[str, Footnote] = {}
        self.footnote_uses: dict[str, SourceLoc] = {}
        self.keys: dict[str, SourceLoc] = {}
        self.warnings: list[str] = []

    # ------------------------------------------------------------------ helpers
    def loc(self, token: Token | None) -> SourceLoc:
        line = self.origins[token.map[0]] if token is not None and token.map else None
        return SourceLoc(self.source, line)

    def error(self, message: str, token: Token | None) -> BriefError:
        loc = self.loc(token)
        return BriefError(message, source=self.source, line=loc.line)

    # ------------------------------------------------------------------ top level
    def read(self, tokens: list[Token]) -> ReadResult:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "footnote_block_open":
                index = self.read_footnotes(tokens, index + 1)
                continue
            if token.type == "heading_open":
                self.read_heading(token, tokens[index + 1])
                index += 3
                continue
            if token.type.startswith("container_") and token.type.endswith("_open"):
                end = _matching_close(tokens, index)
                self.read_container(token, tokens[index + 1 : end])
                index = end + 1
                continue
            block, index = self.read_block(tokens, index)
            self.add_block(block, token)
        footnotes = [self.footnote_defs[key] for key in self.footnote_uses]
        return ReadResult(
            self.summary, self.executive_summary, self.chapters, footnotes, self.references, self.warnings
        )

    def read_heading(self, token: Token, inline: Token) -> None:
        title = normalize_text(inline.content.strip())
        if _MANUAL_NUMBER.match(title):
            raise self.error(
                f"heading '{title}' carries its own number; write the title only "
                "(chapters Ⅰ Ⅱ Ⅲ and sections 1. 2. are numbered automatically)",
                token,
            )
        if token.tag == "h1":
            self.chapters.append(Chapter(title, [], [], loc=self.loc(token)))
        elif token.tag == "h2":
            if not self.chapters:
                raise self.error(f"section '{title}' comes before the first chapter (# 제목)", token)
            self.chapters[-1].sections.append(Section(title, [], loc=self.loc(token)))
        else:
            raise self.error(
                f"heading level {token.tag[1]} is not part of the dialect (use # chapter, ## section, □ items)",
                token,
            )

    def add_block(self, block: Block, token: Token) -> None:
        if not self.chapters:
            raise self.error(
                "content before the first chapter: start with a '# 제목' heading "
                "(the summary goes in '::: summary')",
                token,
            )
        chapter = self.chapters[-1]
        target = chapter.sections[-1].blocks if chapter.sections else chapter.blocks
        if isinstance(block, Bullet):
            _check_bullet_nesting(block, target, self)
        target.append(block)

    # ------------------------------------------------------------------ blocks
    def read_block(self, tokens: list[Token], index: int) -> tuple[Block, int]:
        """Read one bullet/paragraph starting at ``index``; return it and the next index."""
        token = tokens[index]
        if token.type == "bullet_open":
            level = token.meta["level"]
            return Bullet(level, self.inlines(tokens[index + 1]), self.loc(token)), index + 3
        if token.type == "paragraph_open":
            return Paragraph(self.inlines(tokens[index + 1]), self.loc(token)), index + 3
        if token.type == "table_open":
            raise self.error("a table must be inside '::: table #key' with a caption", token)
        raise self.error(f"unexpected markup ({token.type})", token)

    def read_container(self, open_token: Token, body: list[Token]) -> None:
        kind = open_token.type.removeprefix("container_").removesuffix("_open")
        params = self.params(open_token, kind)
        if kind in ("summary", "executive-summary"):
            paragraphs = [Paragraph(self.inlines(t), self.loc(t)) for t in _inline_tokens(body)]
            (self.summary if kind == "summary" else self.executive_summary).extend(paragraphs)
        elif kind == "references":
            for inline in _inline_tokens(body):
                for line in _split_lines(self.inlines(inline, keep_lines=True)):
                    _strip_prefix(line, _REFERENCE_PREFIX)
                    self.references.append(Reference(line, self.loc(inline)))
        elif kind == "box":
            blocks: list[Block] = []
            index = 0
            while index < len(body):
                block, index = self.read_block(body, index)
                blocks.append(block)
            self.add_block(Box(params.get("title") or None, blocks, self.loc(open_token)), open_token)
        elif kind == "figure":
            self.add_block(self.read_figure(open_token, params, body), open_token)
        elif kind == "table":
            self.add_block(self.read_table(open_token, params, body), open_token)

    def params(self, token: Token, kind: str) -> dict[str, str]:
        try:
            words = shlex.split(token.info.strip())[1:]
        except ValueError as exc:
            raise self.error(f"cannot read '::: {kind}' parameters: {exc}", token) from None
        params: dict[str, str] = {}
        titles = []
        for word in words:
            if word.startswith("#"):
                params["key"] = word[1:]
            elif "=" in word:
                name, value = word.split("=", 1)
                params[name] = value
            else:
                titles.append(word)
        if titles:
            params["title"] = " ".join(titles)
        if kind in ("figure", "table"):
            key = params.get("key")
            if not key:
                raise self.error(f"'::: {kind}' needs an id, e.g. '::: {kind} #{kind[:3]}-name'", token)
            if key in self.keys:
                raise self.error(f"duplicate id '#{key}' (first used at {self.keys[key]})", token)
            self.keys[key] = self.loc(token)
        return params

    def captioned_parts(
        self, body: list[Token], kind: str, open_token: Token
    ) -> tuple[list[Inline], list[list[Inline]], list[Inline] | None]:
        caption: list[Inline] | None = None
        notes: list[list[Inline]] = []
        source: list[Inline] | None = None
        for inline in _inline_tokens(body, skip_tables=True):
            for line in _split_lines(self.inlines(inline, keep_lines=True)):
                if _strip_prefix(line, _SOURCE_PREFIX):
                    source = line
                elif _strip_prefix(line, _NOTE_PREFIX):
                    notes.append(line)
                elif caption is None:
                    caption = line
                else:
                    raise self.error(f"'::: {kind}' has more than one caption line", inline)
        if caption is None:
            raise self.error(f"'::: {kind}' has no caption (write it as the first line)", open_token)
        return caption, notes, source

    def read_figure(self, token: Token, params: dict[str, str], body: list[Token]) -> Figure:
        caption, notes, source = self.captioned_parts(body, "figure", token)
        if "chart" not in params and "image" not in params:
            raise self.error("'::: figure' needs chart=NAME or image=PATH", token)
        try:
            width = float(params.get("width", "0.9"))
        except ValueError:
            raise self.error(f"width must be a number between 0.2 and 1, not '{params['width']}'", token) from None
        if not 0.2 <= width <= 1:
            raise self.error(f"width must be between 0.2 and 1, not {width}", token)
        image = self.resolve_image(params, self.loc(token))
        return Figure(params["key"], caption, image, width, notes, source, loc=self.loc(token))

    def read_table(self, token: Token, params: dict[str, str], body: list[Token]) -> Table:
        caption, notes, source = self.captioned_parts(body, "table", token)
        header: list[TableCell] = []
        rows: list[list[TableCell]] = []
        align: list[str | None] = []
        current: list[TableCell] = header
        in_table = False
        for tok in body:
            match tok.type:
                case "table_open" | "table_close":
                    in_table = tok.type == "table_open"
                case "tr_open" if not header:
                    current = header
                case "tr_open":
                    current = []
                    rows.append(current)
                case "th_open":
                    align.append(str(tok.attrs.get("style", "")).removeprefix("text-align:") or None)
                case "inline" if in_table:
                    current.append(TableCell(self.inlines(tok)))
        if not header:
            raise self.error("'::: table' contains no pipe table (| a | b | with a |---| line)", token)
        if len(header) > MAX_COLUMNS:
            raise self.error(f"the table has {len(header)} columns; at most {MAX_COLUMNS} fit the page "
                             "width (split it, or swap its rows and columns)", token)
        return Table(
            key=params["key"],
            caption=caption,
            header=header,
            rows=rows,
            align=_column_alignment(align, rows),
            unit=_unit_note(params.get("unit")),
            notes=notes,
            source=source,
            loc=self.loc(token),
        )

    # ------------------------------------------------------------------ footnotes
    def read_footnotes(self, tokens: list[Token], index: int) -> int:
        label = ""
        parts: list[Inline] = []
        while tokens[index].type != "footnote_block_close":
            token = tokens[index]
            if token.type == "footnote_open":
                label, parts = token.meta["label"], []
            elif token.type == "inline":
                if parts:
                    parts.append(Text(" "))
                parts.extend(self.inlines(token))
                self.footnote_defs[label] = Footnote(label, parts, loc=self.loc(token))
                if any(isinstance(node, FootnoteRef) for node in parts):
                    raise self.error(f"footnote [^{label}] contains another footnote mark", token)
            index += 1
        return index + 1

    # ------------------------------------------------------------------ inlines
    def inlines(self, token: Token, keep_lines: bool = False) -> list[Inline]:
        """Convert an inline token's children to IR inlines (soft breaks become spaces, or
        newlines with ``keep_lines`` for one-entry-per-line containers)."""
        root: list[Inline] = []
        stack: list[tuple[str, list[Inline], str]] = []
        current = root
        cited: bool | None = None  # after a citation: is it narrative?
        for child in token.children or []:
            after, cited = cited, None
            match child.type:
                case "text":
                    self.check_undefined_footnotes(child.content, token)
                    text = child.content
                    if after is not None:
                        before = current[-1].text if current and isinstance(current[-1], Text) else ""
                        text = self.citer.particle_after(before, text, after)
                    _append_text(current, text)
                case "citation":
                    _append_text(current, self.citer.text(child.meta["citation"], self.loc(token)))
                    cited = child.meta["citation"].narrative
                case "softbreak" | "hardbreak":
                    _append_text(current, "\n" if keep_lines else " ")
                case "strong_open" | "em_open" | "sup_open" | "link_open":
                    stack.append((child.type, current, str(child.attrs.get("href", ""))))
                    current = []
                case "strong_close" | "em_close" | "sup_close" | "link_close":
                    kind, parent, href = stack.pop()
                    parent.append(_container_inline(kind, current, href))
                    current = parent
                case "footnote_ref":
                    label = child.meta["label"]
                    if label in self.footnote_uses:
                        raise self.error(
                            f"footnote [^{label}] is used twice (first at {self.footnote_uses[label]}); "
                            "a footnote belongs to one place",
                            token,
                        )
                    self.footnote_uses[label] = self.loc(token)
                    current.append(FootnoteRef(label))
                case "crossref":
                    current.append(CrossRef(child.meta["key"], child.meta["particle"]))
                case _:
                    raise self.error(f"unsupported inline markup ({child.type})", token)
        return root

    def check_undefined_footnotes(self, text: str, token: Token) -> None:
        match = _UNDEFINED_FOOTNOTE.search(text)
        if match:
            raise self.error(f"footnote [^{match.group(1)}] is used but never defined", token)


# ---------------------------------------------------------------------- module helpers


def _check_control_characters(text: str, source: str, origins: list[int]) -> None:
    """Control characters (other than tab, CR, LF) cannot be stored in DOCX: name the first."""
    bad = CONTROL_CHARACTERS.search(text)
    if bad:
        start = text.rfind("\n", 0, bad.start()) + 1
        raise BriefError(
            f"control character U+{ord(bad.group()):04X} in the text; remove it",
            source=source,
            line=origins[text.count("\n", 0, bad.start())],
            column=bad.start() - start + 1,
        )



def _container_inline(kind: str, children: list[Inline], href: str) -> Inline:
    match kind:
        case "strong_open":
            return Strong(children)
        case "em_open":
            return Emph(children)
        case "sup_open":
            return Superscript(children)
        case _:
            return Link(children, href)


def _append_text(target: list[Inline], text: str) -> None:
    text = normalize_text(text)
    if target and isinstance(target[-1], Text):
        target[-1] = Text(target[-1].text + text)
    else:
        target.append(Text(text))


def _matching_close(tokens: list[Token], index: int) -> int:
    close = tokens[index].type.replace("_open", "_close")
    depth = 0
    for position in range(index, len(tokens)):
        if tokens[position].type == tokens[index].type:
            depth += 1
        elif tokens[position].type == close:
            depth -= 1
            if depth == 0:
                return position
    return len(tokens) - 1


def _inline_tokens(body: list[Token], skip_tables: bool = False) -> list[Token]:
    """Inline tokens of paragraphs/bullets in ``body`` (optionally outside pipe tables)."""
    found, in_table = [], False
    for token in body:
        if token.type == "table_open":
            in_table = True
        elif token.type == "table_close":
            in_table = False
        elif token.type == "inline" and not (skip_tables and in_table):
            found.append(token)
    return found


def _split_lines(inlines: list[Inline]) -> list[list[Inline]]:
    """Split at soft line breaks in top-level text (one entry/caption line each)."""
    lines: list[list[Inline]] = [[]]
    for node in inlines:
        if isinstance(node, Text) and "\n" in node.text:
            pieces = node.text.split("\n")
            for number, piece in enumerate(pieces):
                if number:
                    lines.append([])
                if piece:
                    lines[-1].append(Text(piece))
        else:
            lines[-1].append(node)
    return [line for line in lines if line]


def _strip_prefix(line: list[Inline], pattern: re.Pattern[str]) -> bool:
    """Remove a leading prefix such as ``출처:`` in place; True if it was there."""
    if line and isinstance(line[0], Text):
        match = pattern.match(line[0].text)
        if match:
            rest = line[0].text[match.end() :]
            if rest:
                line[0] = Text(rest)
            else:
                line.pop(0)
            return True
    return False


def _column_alignment(explicit: list[str | None], rows: list[list[TableCell]]) -> list[Alignment]:
    """Explicit ``---:`` alignment wins; otherwise numeric columns are right-aligned (S29)."""
    result: list[Alignment] = []
    for column, given in enumerate(explicit):
        if given in ("left", "center", "right"):
            result.append(given)  # type: ignore[arg-type]
            continue
        cells = [plain_text(row[column].inlines).strip() for row in rows if column < len(row)]
        numeric = bool(cells) and all(_NUMERIC_CELL.match(c) or c in ("", "-") for c in cells)
        result.append("right" if numeric else "left")
    return result


def _unit_note(unit: str | None) -> str | None:
    if not unit:
        return None
    unit = unit.strip()
    return unit if unit.startswith("(") else f"({unit})"


def _check_bullet_nesting(item: Bullet, siblings: list[Block], reader: _Reader) -> None:
    """S11: '-' only under ㅇ; '*' under ㅇ or '-'."""
    previous = next((b for b in reversed(siblings) if isinstance(b, Bullet)), None)
    previous_level = previous.level if previous else 0
    if item.level == 3 and previous_level < 2 or item.level == 4 and previous_level < 2:
        marker = "-" if item.level == 3 else "*"
        raise BriefError(
            f"'{marker}' item must follow an 'ㅇ' item (S11)",
            source=reader.source,
            line=item.loc.line if item.loc else None,
        )
