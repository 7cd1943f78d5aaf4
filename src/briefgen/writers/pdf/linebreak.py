"""Korean line breaking for ReportLab (S49, S51): break at spaces only, with kinsoku.

ReportLab's default word wrap already breaks only at spaces (어절 kept whole, S49). Kinsoku
(S51) forbids some of those breaks: no line may start with closing punctuation, ``%``, ``·``
or a superscript (footnote mark), and none may end with an opening bracket or ``△``.
``glue`` turns each such space of the paragraph markup into U+00A0, which ReportLab measures
like a space but never breaks at; ``Paragraph`` turns it back into an ordinary space just
before drawing, so the text layer (copy, search, extraction) only ever holds U+0020.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from briefgen.compat.reportlab import FUZZ, justification
from briefgen.writers.pdf.draft import is_draft
from briefgen.writers.pdf.justify import LineFit, rebreak, spread

#: No line starts with one of these (S51).
NO_START = frozenset(",.:;!?)]}」』’”%·")
#: No line ends with one of these (S51).
NO_END = frozenset("([{「『‘“△")
#: Stands for a space that must not break while lines are broken; never drawn.
GLUE = "\u00a0"

_TOKEN = re.compile(r"<[^>]*>|&[#\w]+;|.", re.S)
_TAG = re.compile(r"<[^>]*>")
_KINSOKU = NO_START | NO_END


def glue(markup: str) -> str:
    """``markup`` with every space that S51 forbids breaking at replaced by ``GLUE``.

    A space is glued when the next visible character may not start a line (or opens a
    superscript) or the previous one may not end a line. ``<bullet>`` content is not text."""
    if "<super" not in markup and _KINSOKU.isdisjoint(_TAG.sub("", markup)):
        return markup  # nothing to glue (most paragraphs): skip the tokenising
    tokens = _TOKEN.findall(markup)
    visible: list[tuple[int, str, bool]] = []  # (token index, text, starts a superscript)
    in_bullet, sup_open = False, False
    for i, tok in enumerate(tokens):
        if tok.startswith("<") and len(tok) > 1:
            name = tok[1:].lstrip("/").split(None, 1)[0].rstrip("/>").lower()
            if name == "bullet":
                in_bullet = not tok.startswith("</")
            elif name == "super" and not tok.startswith("</") and not tok.endswith("/>"):
                sup_open = True
            continue
        if not in_bullet:
            visible.append((i, tok, sup_open))
            sup_open = False
    for k, (i, tok, _) in enumerate(visible):
        if tok != " " or k == 0 or k == len(visible) - 1:
            continue
        prev, nxt = visible[k - 1], visible[k + 1]
        if nxt[1] in NO_START or nxt[2] or prev[1] in NO_END:
            tokens[i] = GLUE
    return "".join(tokens)


_GLUED: dict[str, str] = {}  # markup → glued markup, for the layout passes of one document


class Paragraph(RLParagraph):
    """A ReportLab paragraph with kinsoku (see the module docstring).

    The markup of a paragraph is parsed once per text and style and reused by later layout
    passes (a copy of the parsed fragments: drawing edits them); ``forget_parsed`` empties
    that memo after a document.
    """

    #: (glued markup, id(style)) → (style, style as parsed, fragments, bullet); the parsed
    #: style is a copy when the markup sets attributes (``<bullet font=…>``).
    _parsed: dict[tuple[str, int], tuple[Any, Any, list[Any], Any]] = {}

    def __init__(self, text: str | None, style: Any = None, *args: Any, **kw: Any) -> None:
        #: False when drawing fires no callback (a part of a split paragraph may: unknown).
        self.calls = text is None or "<onDraw" in text
        self._wrapped_at: float | None = None  # width of the last wrap, while it holds
        #: (width, lines in the first part) → the parts of a split (see ``split``)
        self._parts: dict[tuple[float, int], list[Any]] = {}
        if text is None or args or kw or style is None:
            super().__init__(glue(text) if text is not None else text, style, *args, **kw)
            return
        glued = _GLUED.get(text)
        if glued is None:
            glued = _GLUED[text] = glue(text)
        key = (glued, id(style))
        cached = self._parsed.get(key)
        if cached is None or cached[0] is not style:
            plain = _parse_plain(glued, style)
            if plain is None:
                super().__init__(glued, style)
                plain = self.style, [frag.clone() for frag in self.frags], self.bulletText
            else:
                super().__init__(glued, plain[0], plain[2], [frag.clone() for frag in plain[1]])
            self._parsed[key] = (style, *plain)
            return
        _, parsed_style, frags, bullet = cached
        super().__init__(glued, parsed_style, bullet, [frag.clone() for frag in frags])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """ReportLab's wrap, whose line breaking only depends on the width: a second wrap at
        the same width (common in one layout pass) reuses the first until a split or draw."""
        if availWidth == self._wrapped_at:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth if availWidth >= FUZZ else None
        return size

    def breakLines(self, width: Any) -> Any:  # noqa: N802 - ReportLab's name
        """ReportLab's greedy breaks; for a justified paragraph with a line that would need
        wider word gaps than ``justify.MAX_GAP``, breaks that even the gaps out (S46)."""
        broken = super().breakLines(width)
        if self.style.alignment != TA_JUSTIFY or len(broken.lines) < 2:
            return broken
        space = stringWidth(" ", self.style.fontName, 1)
        widths = list(width) if isinstance(width, list | tuple) else [width]
        return rebreak(super().breakLines, widths, broken, _fits, space, self.style.spaceShrinkage)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """ReportLab's split; a split at the same width after the same number of lines as
        in an earlier layout pass returns that pass's parts, which keep their line breaks."""
        self._wrapped_at = None
        parts: list[Any] = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        key = (availWidth, len(parts[0].blPara.lines))
        return self._parts.setdefault(key, parts)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        """Draw; on a layout pass only fire the callbacks, in drawing order (only their page
        counts there)."""
        if is_draft(canvas):
            if self.calls:
                _fire_callbacks(canvas, self.blPara)
            return
        self._wrapped_at = None
        super().drawOn(canvas, x, y, _sW)

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 - ReportLab's name
        _restore_spaces(self.blPara)
        with justification(spread):  # word gaps bounded, the rest over the letters (S46)
            super().drawPara(debug)


#: (markup before the text, id(style)) → (style, (style as parsed, text fragment, bullet)),
#: or (style, None) when that markup does not parse into one text fragment.
_TEMPLATES: dict[tuple[str, int], tuple[Any, tuple[Any, Any, Any] | None]] = {}


def _parse_plain(glued: str, style: Any) -> tuple[Any, list[Any], Any] | None:
    """What ReportLab's parser makes of ``glued`` (style as parsed, fragments, bullet) when it
    is plain text, optionally after a ``<bullet>``: one text fragment, made here from the
    parse of that bullet and one letter, which spares parsing most paragraphs (ReportLab's
    parser is slow). None for any other markup."""
    prefix, end, rest = glued.partition("</bullet>") if glued.startswith("<bullet>") else ("", "", glued)
    prefix += end
    if "<" in rest or "&" in rest:
        return None
    full, head = cleanBlockQuotedText(glued), cleanBlockQuotedText(prefix)
    if not full.startswith(head) or len(full) == len(head):
        return None
    key = (prefix, id(style))
    template = _TEMPLATES.get(key)
    if template is None or template[0] is not style:
        sample = RLParagraph(prefix + "x", style)
        one = len(sample.frags) == 1 and getattr(sample.frags[0], "text", None) == "x"
        template = _TEMPLATES[key] = (style, (sample.style, sample.frags[0], sample.bulletText) if one else None)
    if template[1] is None:
        return None
    parsed_style, frag, bullet = template[1]
    return parsed_style, [frag.clone(text=full[len(head):])], bullet


def _fire_callbacks(canvas: Any, para: Any) -> None:
    """Call the canvas callbacks (``<onDraw>``) of the broken lines ``para`` in order, as
    drawing them would; lines of one style (tuples) hold none."""
    for line in para.lines:
        for frag in getattr(line, "words", ()):
            cb = getattr(frag, "cbDefn", None)
            if cb is not None and cb.kind not in ("img", "anchor"):
                canvas.getNamedCB(cb.name)(canvas, cb.kind, getattr(cb, "label", None))


def _restore_spaces(para: Any) -> None:
    """Turn glued spaces back into U+0020 in broken lines, keeping justification exact."""
    lines = []
    for line in para.lines:
        if isinstance(line, tuple):  # one style: (extra space, words); words size the spaces
            extra, words = line
            line = (extra, [w for word in words for w in word.split(GLUE)])
        else:  # several styles: the line holds frags and a word count that sizes the spaces
            for frag in line.words:
                text = getattr(frag, "text", None)
                if text and GLUE in text:
                    line.wordCount += text.count(GLUE)
                    frag.text = text.replace(GLUE, " ")
        lines.append(line)
    para.lines = lines


def _fits(broken: Any) -> list[LineFit]:
    """The lines of ReportLab's broken paragraph as justification sees them."""
    out = []
    last = len(broken.lines) - 1
    for index, line in enumerate(broken.lines):
        if isinstance(line, tuple):  # one style: (extra space, words)
            extra, words = line
            text = " ".join(words)
            out.append(LineFit(extra, len(words) - 1 + text.count(GLUE), len(text),
                               broken.fontSize, index < last))
            continue
        texts = [f.text for f in line.words if not hasattr(f, "cbDefn")]
        text = "".join(texts).rstrip()
        size = max((f.fontSize for f in line.words if not hasattr(f, "cbDefn")), default=0)
        out.append(LineFit(line.extraSpace, line.wordCount - 1 + text.count(GLUE), len(text),
                           size, index < last and not line.lineBreak))
    return out


def forget_parsed() -> None:
    """Drop the parsed-markup memos (the PDF writer calls this after each document)."""
    Paragraph._parsed.clear()
    _GLUED.clear()
    _TEMPLATES.clear()

