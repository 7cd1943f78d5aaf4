"""Is a CP949 reading of a file Korean? Latin-1 bytes often decode as CP949 too, as Hanja and
rare Hangul syllables (``Ação`` → ``A豫o``, ``Ärzte`` → ``훣zte``); when they do not
(``Café,``), ``undecodable`` says where, and what the bytes read as Latin-1 say."""

from __future__ import annotations

import re
from collections import Counter

from briefgen.errors import BriefError

SAMPLE_CHARS = 1_000_000
"""How much of the text is judged (the start of the file)."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\s,;|\"]+")
_WORD_BYTES = re.compile(rb"[^\s,;|\"]+")
_WESTERN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff'.-]+")
"""A word of Western European text (Latin-1 letters, no symbols)."""


def check_cp949_reading(text: str, rel: str) -> None:
    """Refuse a CP949 reading whose non-ASCII characters are mostly Hanja or Hangul syllables
    outside KS X 1001 (the 2,350 common ones): such a file is not Korean text."""
    sample = text[:SAMPLE_CHARS]
    counts = Counter(_NON_ASCII.findall(sample))
    odd = {char for char in counts if _unlikely(char)}
    if not odd or 2 * sum(counts[char] for char in odd) <= sum(counts.values()):
        return
    at = next(i for i, char in enumerate(sample) if char in odd)
    line = sample.count("\n", 0, at) + 1
    word = next(m.group() for m in _WORD.finditer(sample) if m.start() <= at < m.end())
    raise BriefError(
        f"read as CP949 the text is mostly Hanja and rare syllables ({word!r}), not Korean; "
        "declare the encoding in brief.yaml (encoding: latin-1 for Western European text, "
        "encoding: cp949 if this reading is right)",
        source=rel,
        line=line,
    )


def _unlikely(char: str) -> bool:
    """A Hanja, or a Hangul syllable that EUC-KR (KS X 1001) cannot write."""
    if "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
        return True
    if "\uac00" <= char <= "\ud7a3":  # the codec spells the others in eight bytes
        return len(char.encode("euc_kr")) != 2
    return False


def undecodable(data: bytes, rel: str) -> BriefError:
    """The error for bytes that are neither UTF-8 nor CP949: at the line of the first byte CP949
    cannot read, with the word there as Latin-1 reads it when that is a Western European word
    (then ``encoding: latin-1`` is the likely fix)."""
    try:
        data.decode("cp949")
        at = 0
    except UnicodeDecodeError as exc:
        at = exc.start
    line = data.count(b"\n", 0, at) + 1
    word = next((m.group().decode("latin-1") for m in _WORD_BYTES.finditer(data)
                 if m.start() <= at < m.end()), "")
    if _WESTERN.fullmatch(word):
        return BriefError(
            f"neither UTF-8 nor CP949; read as Latin-1 it says {word!r}: declare the encoding in "
            "brief.yaml (encoding: latin-1 for Western European text) or save the file as UTF-8",
            source=rel, line=line)
    return BriefError(f"cannot decode: neither UTF-8 nor CP949 (byte {at}); save the file as UTF-8 "
                      "or declare its encoding in brief.yaml", source=rel, line=line)
