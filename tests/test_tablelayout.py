"""Content-based column widths shared by the writers."""

from __future__ import annotations

import pytest

from briefgen.ir import Table, TableCell, Text
from briefgen.tablelayout import LINE, MIN_COLUMN, column_fractions, display_width


def cells(*texts: str) -> list[TableCell]:
    return [TableCell([Text(t)]) for t in texts]


def test_display_width_is_measured_in_half_em_cells():
    assert display_width("미국") == pytest.approx(3.76)  # NanumGothic: 가 is 0.94 em
    assert display_width("1,234") == pytest.approx(5.454)  # digits 0.606 em, comma 0.303 em
    assert display_width("+2.2%p") > display_width("+2.2") + 3  # % is wider than a digit


def test_every_column_keeps_its_longest_word_when_others_are_long():
    """A change column ('+11.2%p') is not squeezed by wide neighbours."""
    long = "Animal (human/non-human) imitation"
    table = Table("t", [], cells("통계", "항목", "이전", "이후", "증감"),
                  [cells("by_task", long, "134개(93.1%)", "141개(94.0%)", "+11.2%p")],
                  ["left", "left", "right", "right", "right"])
    fractions = column_fractions(table)
    for column, word in ((2, "134개(93.1%)"), (4, "+11.2%p")):
        assert fractions[column] * 96 >= display_width(word) + 3


def test_long_text_column_gets_most_room_but_short_columns_keep_their_words():
    sentence = "A 10B parameter multimodal RL model is trained by DeepMind 10x larger than Gato."
    table = Table("t", [], cells("번호", "분야", "예측(원문)", "판정"),
                  [cells("1", "연구", sentence, "빗나감"), cells("2", "산업", sentence[:30], "적중")],
                  ["right", "left", "left", "left"])
    fractions = column_fractions(table)
    assert sum(fractions) == pytest.approx(1)
    assert fractions[2] == max(fractions) and fractions[2] > 0.6
    assert fractions[3] * 60 >= display_width("빗나감") / 2  # room for the verdict word


def test_equal_content_gives_equal_columns():
    table = Table("t", [], cells("a", "b"), [cells("abcd", "abcd")], ["left", "left"])
    assert column_fractions(table) == [0.5, 0.5]


def test_a_short_column_keeps_room_for_its_padding_among_many_long_ones():
    """Fourteen columns of long words and one of 'x': in proportion to their words the short
    one got 8 pt, less than the PDF's cell padding (a ReportLab error)."""
    long = "가나다라마바사아자차카타파하가나다"
    table = Table("t", [], cells(*(f"열{i}" for i in range(15))), [cells("x", *[long] * 14)], ["left"] * 15)
    fractions = column_fractions(table)
    assert min(fractions) == pytest.approx(MIN_COLUMN / LINE)
    assert sum(fractions) == pytest.approx(1)
