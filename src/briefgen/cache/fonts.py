"""ReportLab's parsed TrueType faces kept between processes (in the per-user cache).

``TTFont(name, path)`` parses the whole font (cmap, widths, glyph offsets) in Python, for
each NanumGothic face in every fresh process. ``load_ttfont`` keeps what the parse
computes as marshal data and rebuilds the same ``TTFont`` from it: the metrics that layout
needs at once, the data only subsetting needs (glyph offsets and metrics, the file's bytes)
when it is first used. An entry is keyed by the font file's path, size and mtime (as
``FileHasher`` trusts them; hashing the 14 MB of the three faces would cost more than loading
them), ReportLab's version and Python's marshal format. A missing, torn or foreign entry, or a
folder that cannot be written, only means parsing again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import reportlab
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFont, TTFontFace

from briefgen.cache.user import user_cache_dir
from briefgen.compat.reportlab import FACE_FILE_BYTES, FACE_SCALE, face_scale, ttfont_from_face

#: Bumped when the stored layout changes.
FORMAT = 1
#: Made again rather than stored: the file's bytes (read when first used) and a closure.
_NOT_STORED = (FACE_FILE_BYTES, FACE_SCALE)
#: Used only to subset the font when a PDF is saved (and ``glyphToChar`` not after parsing):
#: stored apart and decoded when first used, which halves the load.
_SUBSETTING = ("glyphPos", "hmetrics", "glyphToChar")
#: Attributes every parsed face has; an entry without them is not used.
_REQUIRED = ("charToGlyph", "charWidths", "unitsPerEm", "filename")


def load_ttfont(name: str, path: Path) -> TTFont:
    """``TTFont(name, str(path))``, from the cache when the same file was parsed before."""
    entry = _entry(path)
    state = _read(entry) if entry is not None else None
    if state is not None and state["face"]["filename"] == str(path):
        return ttfont_from_face(name, _face(state))
    font = TTFont(name, str(path))
    if entry is not None:
        _write(entry, font.face)
    return font


def register_font(family: str) -> str:
    """Register the pip-installed TTF of ``family`` with ReportLab, once per process (parsed
    from the cache when it can be); return ``family``. BriefError if the font is missing."""
    from reportlab.pdfbase import pdfmetrics

    from briefgen.fonts import font_path

    if family not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_ttfont(family, font_path(family)))
    return family


class CachedFace(TTFontFace):
    """A face rebuilt from the cache; the subsetting data is decoded on first use."""

    def __getattr__(self, name: str) -> Any:
        """Called only for attributes not set: decode the rest once, then look again."""
        rest = self.__dict__.pop("_rest", None)
        if rest is None:
            raise AttributeError(name)
        try:
            values = marshal.loads(rest)
            usable = isinstance(values, dict) and all(k in values for k in _SUBSETTING)
        except (EOFError, ValueError, TypeError):
            usable = False
        if not usable:  # a damaged entry: parse the file after all
            values = {k: getattr(TTFontFace(self.filename), k) for k in _SUBSETTING}
        self.__dict__.update(values, **{FACE_FILE_BYTES: Path(self.filename).read_bytes()})
        return getattr(self, name)


def load_subsetting(font: TTFont) -> None:
    """Decode a cached face's subsetting data now rather than when the PDF is saved (for a
    writer that has time to spare before its final pass)."""
    if isinstance(font.face, CachedFace):
        font.face.glyphPos  # noqa: B018 — the first use decodes it


def _entry(path: Path) -> Path | None:
    """The cache file of the font at ``path`` (None if the font cannot be read)."""
    try:
        stat = path.stat()
    except OSError:
        return None  # TTFont reports the missing file
    key = "\0".join(map(str, (FORMAT, reportlab.Version, marshal.version, sys.version_info[:2],
                              path, stat.st_size, stat.st_mtime_ns)))
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    folder = user_cache_dir("fonts")
    return folder / f"{path.stem}-{digest}.marshal" if folder else None


def _read(entry: Path) -> dict[str, Any] | None:
    """The stored state of a face, or None when the entry is missing or unusable."""
    try:
        state = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    usable = (
        isinstance(state, dict)
        and isinstance(state.get("face"), dict)
        and isinstance(state.get("names"), dict)
        and isinstance(state.get("rest"), bytes)
        and all(k in state["face"] for k in _REQUIRED)
    )
    return state if usable else None


def _write(entry: Path, face: TTFontFace) -> None:
    """Store ``face`` in ``entry`` atomically; any failure leaves no entry."""
    values = {k: v for k, v in vars(face).items() if k not in _NOT_STORED}
    names = {k: v.ustr for k, v in values.items() if isinstance(v, TTFNameBytes)}
    if not all(k in values for k in _SUBSETTING):
        return  # not a face as this module knows them: parsed every time
    rest = {k: values.pop(k) for k in _SUBSETTING}
    plain = {k: v for k, v in values.items() if k not in names}
    try:
        payload = marshal.dumps({"face": plain, "names": names, "rest": marshal.dumps(rest)})
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=entry.parent, prefix=f".{entry.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temp, entry)
        finally:
            Path(temp).unlink(missing_ok=True)
    except (OSError, ValueError):  # unwritable folder; ValueError: a value marshal cannot store
        pass


def _face(state: dict[str, Any]) -> CachedFace:
    """A face with the stored state, as ``TTFontFace(filename)`` would have parsed it."""
    face = CachedFace.__new__(CachedFace)
    attrs = face.__dict__
    attrs.update(state["face"])
    attrs.update({k: TTFNameBytes(v.encode()) for k, v in state["names"].items()})
    attrs.update(_rest=state["rest"], **{FACE_SCALE: face_scale(state["face"]["unitsPerEm"])})
    return face
