"""Input hygiene (docs/house-style.md S54; pitfall P6)."""

from __future__ import annotations

import unicodedata

import pytest

from briefgen.korean import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("연구\u2219개발", "연구\u00b7개발"),
        ("연구\u2027개발", "연구\u00b7개발"),
        ("연구\u318d개발", "연구\u00b7개발"),
        ("연구\u30fb개발", "연구\u00b7개발"),
        ("\u2f24학", "\u5927학"),
        ("AI\u00a0모델", "AI 모델"),
        ("\u22125%", "-5%"),
        ("\uf0a7 국가별 현황", "□ 국가별 현황"),
        ("\uf0b7 주요 내용", "ㅇ 주요 내용"),
        ("\uf0d8 세부 내용", "- 세부 내용"),
        ("\ufeff제목\u200b", "제목"),
        ("이미 정상인 문장 · 가운뎃점", "이미 정상인 문장 · 가운뎃점"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_output_is_nfc():
    decomposed = unicodedata.normalize("NFD", "한국어 보고서")
    assert decomposed != "한국어 보고서"
    assert normalize_text(decomposed) == "한국어 보고서"


def test_look_alikes_missing_from_nanum_do_not_survive():  # S54, P6
    look_alikes = "\u2212\u2027\u2219\u00a0\uf0a7\uf0b7\uf06c\uf06e\uf0d8\uf0fc"
    out = normalize_text(f"a{look_alikes}b")
    assert not set(out) & set(look_alikes)
    assert len(out) == len(look_alikes) + 2
