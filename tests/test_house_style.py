"""House-style rules (docs/house-style.md) checked on the text of both bundled example briefs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_example

from briefgen.build import prepare
from briefgen.ir import Bullet, FootnoteRef, Inline, Superscript, plain_text
from briefgen.numbering import document_blocks

ROOT = Path(__file__).resolve().parent.parent
ALLOWED_ENDINGS = ("등", ")", "%")  # S16: besides a final-ㅁ syllable
HEDGE = re.compile(r"\((이|가|을|를|은|는|과|와|으)\)")


def _prose(inlines: list[Inline]) -> str:
    """Visible text without footnote marks and superscripts (S16 strips the mark)."""
    return plain_text([n for n in inlines if not isinstance(n, FootnoteRef | Superscript)])


def _final_m(text: str) -> bool:
    last = next((ch for ch in reversed(text) if "\uac00" <= ch <= "\ud7a3"), "")
    return bool(last) and (ord(last) - 0xAC00) % 28 == 16


@pytest.fixture(scope="module", params=["root", "soai-scorecard"])
def document(request, tmp_path_factory):
    source = ROOT if request.param == "root" else ROOT / "examples" / request.param
    target = copy_example(tmp_path_factory.mktemp(request.param), source)
    return prepare(target).document


def test_s16_items_and_footnotes_end_in_nominal_form(document):
    texts = [_prose(b.inlines) for b in document_blocks(document)
             if isinstance(b, Bullet) and b.level >= 2]
    texts += [_prose(note.inlines) for note in document.footnotes]
    assert texts
    for text in texts:
        text = text.rstrip()
        assert not text.endswith((".", "다")), text
        assert _final_m(text) or text.endswith(ALLOWED_ENDINGS) or not re.search("[가-힣]", text[-8:]), text


def test_s17_headings_are_bare_noun_phrases(document):
    headings = [c.title for c in document.chapters] + [s.title for c in document.chapters for s in c.sections]
    headings += [_prose(b.inlines) for b in document_blocks(document) if isinstance(b, Bullet) and b.level == 1]
    for heading in headings:
        assert not heading.endswith((".", "다", "음", "함")), heading


def test_s3_summary_is_prose_of_four_to_eight_sentences(document):
    text = " ".join(plain_text(p.inlines) for p in document.summary)
    sentences = [s for s in re.split(r"(?<=다\.)\s*", text) if s.strip()]
    assert 4 <= len(sentences) <= 8, len(sentences)
    assert 350 <= len(text) <= 800, len(text)
    assert all(s.strip().endswith("다.") for s in sentences)


def test_s6_s8_numbering_and_s7_last_chapter(document):
    for chapter in document.chapters:
        assert re.match(r"^[\u2160-\u2169]\. \S", chapter.heading)
        for number, section in enumerate(chapter.sections, 1):
            assert section.heading.startswith(f"{number}. ")
    assert document.chapters[-1].title == "요약 및 정책적 시사점"


def test_s19_s53_s54_marks_hedges_and_hygiene(document):
    texts = [plain_text(i) for b in document_blocks(document) for i in _all_inlines(b)]
    texts += [plain_text(n.inlines) for n in document.footnotes]
    for text in texts:
        assert not HEDGE.search(text), text  # S53
        assert "\u00a0" not in text and "None" not in text and "nan" not in text.split()  # S54
        korean = re.search("[가-힣]", text)
        if korean and not re.search(r"https?://|[A-Za-z]{3,}.*'[a-z]", text):
            assert "'" not in text and '"' not in text, text  # S19: ‘ ’ and “ ” in Korean text


def test_s13_triangle_sticks_to_its_word(document):
    for block in document_blocks(document):
        if isinstance(block, Bullet):
            text = plain_text(block.inlines)
            if "△" in text:
                assert "△ " not in text and text.count("△") >= 2, text


def _all_inlines(block):
    from briefgen.numbering import block_inlines

    return list(block_inlines(block))
