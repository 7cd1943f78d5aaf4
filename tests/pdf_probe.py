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
    """The footnote separator: a 0.5 pt line from the left text edge with only text of the
    note size or smaller between it and the footer (so table rules never count)."""
    bottom = page.height - THEME.page("margin_bottom") * MM
    rules = [
        ln
        for ln in page.lines
        if abs(ln["x0"] - LEFT) < 1
        and abs(ln["linewidth"] - 0.5) < 0.01
        and ln["x1"] - ln["x0"] > TEXT_WIDTH * 0.3
    ]
    for rule in sorted(rules, key=lambda ln: ln["top"]):
        below = [c for c in page.chars if rule["top"] < c["top"] < bottom]
        if below and all(c["size"] < NOTE_SIZE + 0.01 for c in below):  # notes, their marks
            return rule
    return None


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


def printed_number(page: pdfplumber.page.Page) -> int | None:
    """The page number printed in the footer area (S47), or None on pages without one."""
    bottom = page.height - THEME.page("margin_bottom") * MM
    digits = "".join(c["text"] for c in page.chars if c["top"] > bottom)
    return int(digits) if digits.isdigit() else None


def text_lines(page: pdfplumber.page.Page) -> list[dict]:
    """Lines of text, a raised footnote mark kept in the line it belongs to."""
    return page.extract_text_lines(y_tolerance=5)


def body_lines(page: pdfplumber.page.Page) -> list[dict]:
    """Text lines of the body: below the running header, above the note rule and footer."""
    rule = separator_rule(page)
    limit = rule["top"] if rule else page.height - THEME.page("margin_bottom") * MM
    top = THEME.page("margin_top") * MM
    return [ln for ln in text_lines(page) if top < ln["top"] and ln["bottom"] < limit]


def note_text(page: pdfplumber.page.Page) -> str:
    """All text under the separator rule in the footnote size (notes and continuations)."""
    rule = separator_rule(page)
    if rule is None:
        return ""
    return "".join(c["text"] for c in note_chars(page, rule))


def note_chars(page: pdfplumber.page.Page, rule: dict) -> list[dict]:
    """Characters between the separator rule and the footer (the page number excluded)."""
    bottom = page.height - THEME.page("margin_bottom") * MM
    return [c for c in page.chars if rule["top"] < c["top"] < bottom]


def toc_text(texts: list[str], title: str = "목차") -> str:
    """The 목차 as extracted: its title line and every line after it, from the page that holds
    it (the front page it shares with 요약 and Executive Summary)."""
    for text in texts:
        lines = (text or "").splitlines()
        if title in lines:
            return "\n".join(lines[lines.index(title):])
    raise AssertionError(f"no page holds a '{title}' line")


def toc_page_index(texts: list[str], title: str = "목차") -> int:
    """The index of the page holding the 목차."""
    return next(i for i, text in enumerate(texts) if title in (text or "").splitlines())
