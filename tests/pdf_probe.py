"""Reading a built PDF like a reader: footnote marks, note texts, the separator rule (pdfplumber)."""

from __future__ import annotations

import re

import pdfplumber

from briefgen.theme import load_theme

MM = 72 / 25.4
THEME = load_theme()
LEFT = THEME.page("margin_left") * MM
TEXT_WIDTH = (THEME.page("width") - THEME.page("margin_left") - THEME.page("margin_right")) * MM
NOTE_SIZE = THEME.size("footnote")


def separator_rule(page: pdfplumber.page.Page) -> dict | None:
    """The footnote separator: the lowest 0.5 pt line starting at the left text edge."""
    rules = [
        ln
        for ln in page.lines
        if abs(ln["x0"] - LEFT) < 1
        and abs(ln["linewidth"] - 0.5) < 0.01
        and ln["x1"] - ln["x0"] > TEXT_WIDTH * 0.3
    ]
    return max(rules, key=lambda ln: ln["top"]) if rules else None


def marks(page: pdfplumber.page.Page) -> list[tuple[int, str, dict]]:
    """Footnote marks: ``n)`` smaller than the character right before it, raised, no space (S22, S25)."""
    chars = page.chars
    text = "".join(c["text"] for c in chars)
    found = []
    for m in re.finditer(r"(\d+)\)", text):
        i = m.start()
        if i == 0:
            continue
        prev, first = chars[i - 1], chars[i]
        if prev["text"].isspace() or prev["text"].isdigit():
            continue
        if first["size"] < prev["size"] * 0.8 and first["bottom"] < prev["bottom"] - 0.5:
            found.append((int(m.group(1)), prev["text"], first))
    return found


def note_starts(page: pdfplumber.page.Page) -> list[tuple[int, dict]]:
    """Note texts: a line at the left text edge starting ``n) `` in the footnote size (S24)."""
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    return [
        (int(w["text"][:-1]), w)
        for w in words
        if re.fullmatch(r"\d+\)", w["text"])
        and abs(w["x0"] - LEFT) < 1
        and abs(w["size"] - NOTE_SIZE) < 0.01
    ]


def body_chars(page: pdfplumber.page.Page, rule_top: float) -> list[dict]:
    top = THEME.page("margin_top") * MM
    return [c for c in page.chars if top < c["top"] < rule_top]
