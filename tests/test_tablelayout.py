"""Content-based column widths shared by the writers."""

from __future__ import annotations

import pytest

from briefgen.ir import Table, TableCell, Text
from briefgen.tablelayout import column_fractions, display_width


def cells(*texts: str) -> list[TableCell]:
    return [TableCell([Text(t)]) for t in texts]


def test_display_width_counts_hangul_double():
    assert display_width("미국") == 4
    assert display_width("R&D 1,234") == 9


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
    table = Table("t", [], cells("a", "b"), [cells("xxxx", "yyyy")], ["left", "left"])
    assert column_fractions(table) == [0.5, 0.5]
