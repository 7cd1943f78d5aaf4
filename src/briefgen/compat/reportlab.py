"""ReportLab internals briefgen relies on (tested with reportlab 5.1; see tests/test_compat_reportlab.py).

Everything here reaches past ReportLab's public API: canvas drawing state, frame bounds,
table row heights, the multi-build undo hook, the document timestamp, the TTF face layout
and the stream-encoding setting. Nothing else in briefgen touches a ReportLab private name.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether
from reportlab.platypus import Table as RLTable
from reportlab.platypus.doctemplate import BaseDocTemplate

#: The tolerance below which ReportLab treats a width as zero.
FUZZ: float = rl_config._FUZZ
#: Face attributes that hold the font file's bytes and the unit scaling closure.
FACE_FILE_BYTES = "_ttf_data"
FACE_SCALE = "_pdfScale"


@contextmanager
def binary_streams() -> Iterator[None]:
    """Within the block, PDF streams are written binary rather than ASCII85 (``useA85``):
    ReportLab's pure-Python ASCII85 encoder took a quarter of the PDF time. The setting is
    ReportLab's global; it is put back on leaving."""
    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


def draw_xobject(canv: Canvas, xobject: Any, width: float, height: float) -> None:
    """Draw the image XObject ``xobject`` (its ``name`` unique per image) at the origin
    scaled to ``width`` × ``height``, registered once per document as ``drawImage`` does."""
    doc = canv._doc
    reg = doc.getXObjectName(xobject.name)
    if doc.idToObject.get(reg) is None:
        canv._setXObjects(xobject)
        doc.Reference(xobject, reg)
        doc.addForm(xobject.name, xobject)
    canv._currentPageHasImages = 1
    canv.saveState()
    canv.scale(width, height)
    canv._code.append(f"/{reg} Do")
    canv.restoreState()
    canv._formsinuse.append(xobject.name)


def set_creation_time(canv: Canvas, seconds: int) -> None:
    """Make ``seconds`` (UTC, since the epoch) the PDF's creation and modification date."""
    stamp = canv._doc._timeStamp
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]


def record_multibuild_edits(template: BaseDocTemplate, sink: Callable[[tuple[Any, ...]], None]) -> None:
    """Have ``template.build`` report each attribute change it makes on a flowable to
    ``sink`` as ``(undo, *args)``, as ``multiBuild`` collects them to undo between passes."""
    template._multiBuildEdits = sink


def current_frame(canv: Canvas) -> Frame:
    """The frame the document template is filling while ``canv`` draws."""
    frame: Frame = canv._doctemplate.frame
    return frame


def raise_frame_bottom(frame: Frame, height: float) -> None:
    """Keep the rest of ``frame`` at least ``height`` above its bottom edge."""
    frame._y1p = max(frame._y1p, frame._y1 + height)


def row_heights(table: RLTable) -> list[float]:
    """The row heights of a wrapped table."""
    return list(table._rowHeights)


def keep_together_content(keep: KeepTogether) -> list[Any]:
    """The flowables a ``KeepTogether`` holds."""
    return list(keep._content)


def keep_together_height(keep: KeepTogether, width: float, height: float) -> float:
    """The height the flowables of ``keep`` take stacked in a frame ``width`` wide (spaces
    between them merged as the frame merges them)."""
    keep.wrap(width, height)
    return float(keep._H)


def ttfont_from_face(name: str, face: TTFontFace) -> TTFont:
    """``TTFont(name, face.filename)`` with ``face`` instead of a new parse (the rest of
    ``TTFont.__init__`` with its defaults)."""
    font = TTFont.__new__(TTFont)
    font.fontName, font.face = name, face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def face_scale(units_per_em: int) -> Callable[[float], float]:
    """Font units → 1/1000 em, as ``TTFontFile.extractInfo`` sets ``_pdfScale``."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


#: How a justified line's extra width is shared: (extra, spaces, glyphs, font size) → (word
#: spacing Tw, character spacing Tc) in points.
Spread = Callable[[float, int, int, float], tuple[float, float]]


@contextmanager
def justification(spread: Spread) -> Iterator[None]:
    """Within the block, ReportLab's justified lines share their extra width as ``spread``
    says (word and character spacing) instead of over the word spaces alone; its two line
    drawers (one style, several styles) are swapped in ``reportlab.platypus.paragraph`` and
    put back on leaving."""
    from reportlab.platypus import paragraph as rl

    def plain_line(tx: Any, offset: float, extra: float, words: list[str], last: int = 0) -> float:
        text = " ".join(words)
        spaces = len(words) + rl._nbspCount(text) - 1
        if getattr(tx, "preformatted", False) or last or extra <= 1e-8 or spaces <= 0:
            return float(old_plain(tx, offset, extra, words, last))
        rl.setXPos(tx, offset)
        _spaced(tx, spread(extra, spaces, len(text), tx._fontsize), lambda: tx._textOut(text, 1))
        rl.setXPos(tx, -offset)
        return offset

    def frag_line(tx: Any, offset: float, line: Any, last: int = 0) -> None:
        extra = line.extraSpace
        texts = [w.text for w in line.words if not hasattr(w, "cbDefn")]
        spaces = line.wordCount + sum(rl._nbspCount(t) for t in texts) - 1
        if line.lineBreak or last or extra <= 1e-8 or spaces <= 0:
            old_frag(tx, offset, line, last)
            return
        tx._x_offset = offset
        rl.setXPos(tx, offset)
        size = max((w.fontSize for w in line.words if not hasattr(w, "cbDefn")), default=tx._fontsize)
        glyphs = len("".join(texts).rstrip())
        _spaced(tx, spread(extra, spaces, glyphs, size),
                lambda: rl._putFragLine(offset, tx, line, last, "justify"))
        rl.setXPos(tx, -offset)

    old_plain, old_frag = rl._justifyDrawParaLine, rl._justifyDrawParaLineX
    rl._justifyDrawParaLine, rl._justifyDrawParaLineX = plain_line, frag_line
    try:
        yield
    finally:
        rl._justifyDrawParaLine, rl._justifyDrawParaLineX = old_plain, old_frag


def _spaced(tx: Any, spacing: tuple[float, float], draw: Callable[[], object]) -> None:
    """``draw`` with word spacing and character spacing ``spacing``, both reset after."""
    word, char = spacing
    tx.setWordSpace(word)
    if char:
        tx.setCharSpace(char)
    draw()
    if char:
        tx.setCharSpace(0)
    tx.setWordSpace(0)
