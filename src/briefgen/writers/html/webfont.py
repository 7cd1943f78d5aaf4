"""The theme's fonts embedded in the HTML page, so the preview looks like the PDF everywhere.

Each face (body 400, bold 700, heavy 800) is an ``@font-face`` rule under the body font's
family name, with a WOFF2 data URI subset to the characters of the page. The stylesheet's
font stack names that family first, so a browser draws the page with the embedded faces
and falls back to the system's fonts only for a character outside them.
"""

from __future__ import annotations

import base64
import re
from html import unescape

from briefgen.cache.webfonts import woff2_subset
from briefgen.fonts import font_path
from briefgen.theme import Theme

#: Theme font role → CSS font-weight.
WEIGHTS = (("body", 400), ("bold", 700), ("heavy", 800))
HEAVY = 800
_TAG = re.compile(r"<[^>]*>")
_DATA_URI = re.compile(r"data:[^\"')]*")


def page_text(parts: list[str]) -> str:
    """The characters a reader sees in the HTML ``parts`` (tags and data URIs removed)."""
    markup = _DATA_URI.sub("", "\n".join(parts))
    return unescape(_TAG.sub("", markup))


def font_faces(theme: Theme, text: str, heavy_text: str) -> str:
    """``@font-face`` rules for the theme's faces: body and bold subset to ``text``, heavy
    (800, which only the stylesheet's cover title, mark, number and chapter numerals use) to
    ``heavy_text``; each also holds the ASCII a CSS counter or a back-link may draw."""
    ascii_chars = "".join(chr(c) for c in range(0x20, 0x7F))
    family = theme.font("body")
    rules = []
    for role, weight in WEIGHTS:
        chars = (heavy_text if weight == HEAVY else text) + ascii_chars
        data = base64.b64encode(woff2_subset(font_path(theme.font(role)), chars)).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
            f'font-display: block; src: url(data:font/woff2;base64,{data}) format("woff2"); }}\n'
        )
    return "".join(rules)
