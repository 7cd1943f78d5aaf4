"""Scanners for text that breaks the house number format (S34–S38) or hedges a particle (S53).

Used on the text of built DOCX and PDF files. Superscript runs (footnote marks, the ``23`` of
``10²³``) are given as separate tokens by the extractors below, so they never glue to a number.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

HEDGES = re.compile(
    r"(이|은|을|과|와)\((가|는|를|와|과)\)"  # 이(가) 은(는) 을(를) 과(와)
    r"|\((이|은|을|과|와|으)\)(가|는|를|와|과|로)"  # (이)가 (은)는 (을)를 (와)과 (으)로
    r"|(?<![가-힣])(이/가|가/이|은/는|는/은|을/를|를/을|와/과|과/와|으로/로|로/으로)(?![가-힣])"
)
# A token that is not running-text number: URLs, e-mails, phone numbers, arXiv ids, report numbers.
_NOT_PROSE = re.compile(r"https?://|www\.|@|arXiv:|doi|\d{2,4}-\d{3,4}-\d{4}|^\(?IS-\d+", re.I)
_YEAR = re.compile(r"(19|20)\d\d")
_DOT_DATE = re.compile(r"(19|20)\d\d\.\d\d\.(\d\d\.)?")
_NUMBER = re.compile(r"(?<![\d.,])\d(?:[\d,]*\d)?(?:\.\d+)?")


def number_problems(token: str) -> list[str]:
    """Why ``token`` (one whitespace-free word of output text) breaks the house format."""
    if _NOT_PROSE.search(token):
        return []
    problems = []
    if "\u2212" in token:
        problems.append("U+2212 minus (S36a: hyphen-minus)")
    if re.search(r"(?<![\d.])-0(\.0+)?(?![\d.])", token):
        problems.append("negative zero (S36a)")
    if re.search(r"\d[eE][+-]?\d", token):
        problems.append("scientific notation")
    if re.search(r"US\$|₩|\d천(?!\s*[가-힣])", token) or re.search(r"\d(만|억|조)(달러|원)", token):
        problems.append("money not in 만/억/조 + spaced currency (S37)")
    for match in re.finditer(r"(?<![\d.,])(\d(?:[\d,]*\d)?)(\.\d+)?%", token):
        decimals = len(match[2] or "") - 1 if match[2] else 0
        quoted = token[: match.start()].endswith(("~", "<", ">", "≤", "≥"))  # a source's range
        if decimals != 1 and not quoted:
            problems.append(f"{match[0]}: a percentage has one decimal (S34)")
    dated = _DOT_DATE.sub(" ", token)
    for match in _NUMBER.finditer(dated):
        whole, _, fraction = match[0].partition(".")
        digits = whole.replace(",", "")
        if len(fraction) >= 3 and digits == "0":
            problems.append(f"{match[0]}: a raw fraction (print it as a percentage)")
        elif len(fraction) >= 3:
            problems.append(f"{match[0]}: more than two decimals")
        if len(digits) >= 4 and "," not in whole and not (len(digits) == 4 and _YEAR.fullmatch(digits)):
            problems.append(f"{match[0]}: thousands separator missing (S36)")
        if "," in whole and not re.fullmatch(r"\d{1,3}(,\d{3})+", whole):
            problems.append(f"{match[0]}: misplaced thousands separator (S36)")
    return problems


def range_problems(text: str) -> list[str]:
    """Spaced numeric ranges such as ``2020년 ~ 2023년`` or ``20 ~ 25%`` (S38)."""
    return [m[0] for m in re.finditer(r"\d[년월%]?\s+~\s*\d|\d[년월%]?\s*~\s+\d", text)]


def scan(text: str) -> list[str]:
    """Every house-format problem in ``text`` (one line per problem)."""
    problems = [f"hedge {m[0]!r}" for m in HEDGES.finditer(text)]
    problems += [f"spaced range {r!r}" for r in range_problems(text)]
    for token in text.split():
        problems += [f"{token!r}: {p}" for p in number_problems(token)]
    return problems


def pdf_text(path: Path) -> str:
    """Text of every page; runs set in a smaller size (marks, exponents) are separate words."""
    lines = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
            lines.append(" ".join(word["text"] for word in words))
    return "\n".join(lines)


def docx_text(path: Path, *, split_superscripts: bool = True) -> str:
    """Text of the body, tables, headers and footnotes, a line per paragraph; superscript runs
    (footnote marks, exponents) are separate words unless ``split_superscripts`` is False."""
    parts = []
    with zipfile.ZipFile(path) as package:
        names = [n for n in package.namelist() if re.fullmatch(r"word/(document|footnotes|header\d*|footer\d*)\.xml", n)]
        for name in names:
            root = etree.fromstring(package.read(name))
            for paragraph in root.iter(f"{W}p"):
                words = []
                for run in paragraph.iter(f"{W}r"):
                    text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                    raised = run.find(f"{W}rPr/{W}vertAlign")
                    if split_superscripts and raised is not None and raised.get(f"{W}val") == "superscript":
                        text = f" {text} "
                    words.append(text)
                parts.append("".join(words))
    return "\n".join(parts)
