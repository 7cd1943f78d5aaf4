"""Is a CP949 reading of a file Korean? Latin-1 bytes often decode as CP949 too, as Hanja and
rare Hangul syllables (``Ação`` → ``A豫o``, ``Ärzte`` → ``훣zte``)."""

from __future__ import annotations

import re
from collections import Counter

from briefgen.errors import BriefError

SAMPLE_CHARS = 1_000_000
"""How much of the text is judged (the start of the file)."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"[^\s,;|\"]+")


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
