"""The house fonts as WOFF2 web fonts, subset to the characters a page uses.

The HTML preview embeds them so it looks like the PDF on a machine without Nanum fonts.
Subsetting with fontTools and compressing with Brotli takes about 0.4 s per face, so a subset
is kept in the per-user cache, keyed by the font file (path, size, mtime), the fontTools
version and the characters; a rebuild whose text uses the same characters reuses it. The
bytes are deterministic: no timestamp is recalculated and the options are fixed.
"""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from briefgen.cache.paths import read_small, write_atomic
from briefgen.cache.user import user_cache_dir

#: Bumped when the subsetting options change.
FORMAT = 1
#: Tables of the font's hinting tools that the subsetter cannot keep (it would log each).
_TOOL_TABLES = ("TSI0", "TSI1", "TSI2", "TSI3", "TSI5", "DSIG")
#: A stored entry is used only if it starts as a WOFF2 file and is not larger than this.
WOFF2_SIGNATURE = b"wOF2"
MAX_ENTRY = 32 << 20


def woff2_subset(path: Path, chars: str) -> bytes:
    """The font at ``path`` with only the glyphs of ``chars`` (plus .notdef), as WOFF2."""
    used = "".join(sorted(set(chars)))
    entry = _entry(path, used)
    if entry is not None:
        stored = read_small(entry, MAX_ENTRY)
        if stored is not None and stored.startswith(WOFF2_SIGNATURE):
            return stored
    data = _subset(path, used)
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(entry, data)
        except OSError:
            pass  # an unwritable cache only means subsetting again next time
    return data


def _subset(path: Path, chars: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # screen rendering hints itself; halves the size
    options.layout_features = []  # Hangul and Latin need no substitution here
    options.drop_tables += list(_TOOL_TABLES)
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    quiet = logging.getLogger("fontTools")
    level = quiet.level
    out = io.BytesIO()
    with TTFont(path, recalcTimestamp=False, lazy=True) as font:  # closes the file it reads
        quiet.setLevel(logging.ERROR)
        try:
            subsetter.subset(font)
        finally:
            quiet.setLevel(level)
        font.flavor = "woff2"
        font.save(out)
    return out.getvalue()


def _entry(path: Path, chars: str) -> Path | None:
    folder = user_cache_dir("webfonts")
    try:
        stat = path.stat()
    except OSError:
        return None
    key = "\0".join(map(str, (FORMAT, fontTools.version, path, stat.st_size, stat.st_mtime_ns,
                              chars)))
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return folder / f"{path.stem}-{digest}.woff2" if folder else None
