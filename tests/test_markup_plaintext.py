"""Skipping the inline parser for plain text changes no token (briefgen.markup.plaintext)."""

from __future__ import annotations

import string

import pytest

from briefgen.markup.plaintext import MARKUP_CHARACTERS
from briefgen.markup.reader import make_parser


def _full_parser():
    md = make_parser()
    md.core.ruler.at("inline", _always_parse)
    return md


def _always_parse(state):
    for token in state.tokens:
        if token.type == "inline":
            token.children = token.children or []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _children(md, text: str) -> list[tuple]:
    env: dict = {}
    tokens = md.parse(text, env)
    return [(t.type, [(c.type, c.content, c.markup, tuple(sorted((c.meta or {}).items())))
                      for c in t.children or []]) for t in tokens]


SAMPLES = [
    "연구 대상 모델은 144개(90.3%)로 2020~2023년 = 증가 : 추세 # 1 @ $ + - ~",
    "| 항목 1 | 경기 | 68.2% | 42,728 |\n|---|---:|---:|---:|\n| 항목 2 | 세종 | 5.7% | 73,440 |",
    "□ 주요 내용\nㅇ 하위 항목, 쉼표; 괄호(예) '따옴표' \"큰따옴표\" / 슬래시",
    "**굵게**와 *기울임*, [링크](https://example.kr), 10^23^, 각주[^a], {@fig-x|과}",
    "R&D &amp; <a> \\* 별표 `코드` ![그림](x.png) 줄\n바꿈",
    "",
    "a_b_ _x_ a*b* x]y <https://a.kr> &amp; &#65; x\\y ~~취소~~ `코드`",
]
PUNCTUATION = [f"앞 {c} 뒤" for c in string.punctuation] + [f"앞{c}{c}뒤{c}" for c in string.punctuation]


@pytest.mark.parametrize("text", SAMPLES + PUNCTUATION)
def test_same_tokens_with_and_without_the_shortcut(text):
    text = f"{text}\n\n[^a]: 각주 본문\n"
    assert _children(make_parser(), text) == _children(_full_parser(), text)


def test_the_shortcut_is_taken_for_plain_cells():
    plain = "항목 1 경기 68.2% 42,728 2020~2023년 (90.3%)"
    assert not set(plain) & set(MARKUP_CHARACTERS)
    tokens = make_parser().parse(plain)
    [inline] = [t for t in tokens if t.type == "inline"]
    assert [(c.type, c.content) for c in inline.children] == [("text", plain)]
