"""Input hygiene (S54): look-alike characters to the ones the style and the fonts use, then NFC."""

from __future__ import annotations

import re
import unicodedata

# Private-use code points that Wingdings/Symbol bullets become when text is copied out of
# Word or HWP, mapped to the nearest SPRi marker (S9): squares → □, round bullets → ㅇ,
# arrows, ticks and diamonds → the level-3 hyphen.
_WINGDINGS = {
    "\uf06e": "□",  # Wingdings ■
    "\uf06f": "□",  # Wingdings □
    "\uf071": "□",  # Wingdings ❑
    "\uf0a7": "□",  # Wingdings ▪ (Word's default square bullet)
    "\uf0a8": "□",  # Wingdings ◻
    "\uf06c": "ㅇ",  # Wingdings ●
    "\uf0a1": "ㅇ",  # Wingdings ○
    "\uf09f": "ㅇ",  # Wingdings •
    "\uf0b7": "ㅇ",  # Symbol • (Word's default round bullet)
    "\uf075": "-",  # Wingdings ◆
    "\uf076": "-",  # Wingdings ❖
    "\uf0d8": "-",  # Wingdings ➢
    "\uf0e0": "-",  # Wingdings arrow
    "\uf0e8": "-",  # Wingdings ➔
    "\uf0f0": "-",  # Wingdings ⇨
    "\uf0fc": "-",  # Wingdings ✓
}

_TABLE = str.maketrans(
    {
        "\u2219": "\u00b7",  # ∙ BULLET OPERATOR
        "\u2027": "\u00b7",  # ‧ HYPHENATION POINT
        "\u318d": "\u00b7",  # ㆍ HANGUL LETTER ARAEA
        "\u30fb": "\u00b7",  # ・ KATAKANA MIDDLE DOT
        "\u2f24": "\u5927",  # ⼤ KANGXI RADICAL BIG → 大
        "\u00a0": " ",  # NO-BREAK SPACE
        "\u202f": " ",  # NARROW NO-BREAK SPACE
        "\u2212": "-",  # − MINUS SIGN (missing in NanumGothic, P6)
        "\ufeff": None,  # byte-order mark / zero-width no-break space
        "\u200b": None,  # ZERO WIDTH SPACE
        **_WINGDINGS,
    }
)


#: Any character ``_TABLE`` maps: most text has none, and a search is cheaper than translate.
_MAPPED = re.compile(f"[{re.escape(''.join(map(chr, _TABLE)))}]")


def normalize_text(s: str) -> str:
    """Map look-alikes (middle dots, ⼤, NBSP, U+2212, Wingdings bullets) and return NFC (S54)."""
    if _MAPPED.search(s):
        s = s.translate(_TABLE)
    return unicodedata.normalize("NFC", s)
