"""Bounded justification (S46): the extra width of a justified line goes to the word spaces up
to a bound, then to the letters; a paragraph whose line would gape is re-broken."""

from __future__ import annotations

import pytest

from briefgen.theme import load_theme
from briefgen.writers.pdf import justify
from briefgen.writers.pdf.fonts import register_fonts
from briefgen.writers.pdf.linebreak import Paragraph, _fits
from briefgen.writers.pdf.styles import build_styles

THEME = load_theme()
SPACE = 0.28  # NanumGothic's space, em


@pytest.mark.parametrize(("extra", "spaces", "glyphs"), [(3.0, 10, 50), (40.0, 10, 50), (90.0, 11, 42),
                                                         (200.0, 2, 12), (5.0, 1, 1)])
def test_spread_shares_all_the_extra_width(extra, spaces, glyphs):
    word, char = justify.spread(extra, spaces, glyphs, 12)
    assert spaces * word + (glyphs - 1) * char == pytest.approx(extra)
    assert char <= justify.CHAR_STRETCH * 12 + 1e-9


def test_spread_goes_to_the_letters_past_the_word_bound():
    """A little extra width stays in the spaces; a lot goes to every letter gap, so the word
    gap grows by the word bound and the letter spacing only (was all in the spaces)."""
    assert justify.spread(6.0, 10, 50, 12) == (pytest.approx(0.6), 0.0)
    word, char = justify.spread(90.0, 11, 42, 12)
    assert word == pytest.approx(justify.WORD_STRETCH * 12)
    assert 0 < char <= justify.CHAR_STRETCH * 12
    assert word + char < 90.0 / 11 / 2  # the gap grows by less than half of what it did


def _lines(text: str, width: float) -> list[justify.LineFit]:
    styles = build_styles(THEME, register_fonts(THEME))
    paragraph = Paragraph(text, styles.body)
    paragraph.wrap(width, 10_000)
    return _fits(paragraph.blPara)


def test_a_line_above_a_loose_one_gives_it_its_last_word():
    """Greedy breaking leaves the second line loose before a long 어절; pushing the first
    line's last word down evens the two out: every justified line within MAX_GAP."""
    text = ("가나다 라마바 사아자 차카타 파하가 나다라 마바사 아자차 카타파 하가나 다라마 "
            "바사아 자차카 타파하 가나다라마바사아자차카타파하가나 끝이다 정말")
    width = 300.0
    greedy = [line.gap(SPACE) for line in _fits(_greedy(text, width))]
    assert max(greedy) > 1.2  # the fixture's second line really gapes when broken greedily
    gaps = [line.gap(SPACE) for line in _lines(text, width)]
    assert len(gaps) == len(greedy) and max(gaps) < 0.55
    assert gaps[0] == pytest.approx(gaps[1], abs=0.01)  # the first line took its share


def _greedy(text: str, width: float):
    from reportlab.platypus import Paragraph as RLParagraph

    styles = build_styles(THEME, register_fonts(THEME))
    return RLParagraph(text, styles.body).breakLines([width])
