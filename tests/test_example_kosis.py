"""The third bundled example: a KOSIS-style XLSX (title and unit rows, a merged two-row header,
years as columns, '…' gaps, thousands separators, notes below) read through its declared
layout, and a brief whose every number comes from it."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from conftest import copy_example

from briefgen.build import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kosis(tmp_path_factory):
    project = copy_example(tmp_path_factory.mktemp("kosis") / "ict", ROOT / "examples" / "kosis-ict-exports")
    result = build(project)
    with pdfplumber.open(result.outputs["pdf"]) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    return result, text


def test_the_sentences_state_what_the_sheet_holds(kosis):
    """data/README.md: ICT 1,769 (2019) → 2,333 (2022); 반도체 1,309 of 2,333 in 2022;
    중국(홍콩 포함) 1,075.3 → 1,023."""
    result, text = kosis
    cagr = (2333 / 1769) ** (1 / 3) - 1
    assert f"{cagr:.1%}" == "9.7%"
    for phrase in ("2019년 1,769억 달러에서 2022년 2,333억 달러로 연평균 9.7% 증가하였다",
                   f"ICT 수출의 {1309 / 2333:.1%}를 차지",
                   f"중국(홍콩 포함)이 1,023억 달러로 가장 크지만 전년보다 {1 - 1023 / 1075.3:.1%} 감소하였고",
                   "반도체 1,002.5 1,287.0 1,309.0 1.7% 증가"):
        assert phrase in text, phrase
    assert result.statistics["ict_cagr"].value == pytest.approx(cagr)


def test_the_unit_comes_from_the_sheet_and_the_gaps_stay_gaps(kosis):
    result, text = kosis
    assert "<표 1> 주요 품목별 ICT 수출액" in text and "(단위: 억 달러)" in text  # S28: above the table
    assert [i.label for i in result.statistics["ict"].items] == ["2019", "2020", "2021", "2022"]
    assert [i.label for i in result.statistics["items_2022"].items][0] == "반도체"
    assert "[그림 2] 2022년 지역별 ICT 수출액" in text
    from briefgen.record.manifest import load_manifest

    assert load_manifest(result.manifest)["datasets"]["ict"]["unit"] == "억 달러"
