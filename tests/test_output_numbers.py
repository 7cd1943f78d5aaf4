"""The built example briefs print every number in house format and never hedge a particle.

The scanner itself is tested first on known-bad and known-good text, so a pass on the examples
means something.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_example
from house_format import docx_text, pdf_text, scan

from briefgen.build import build

ROOT = Path(__file__).resolve().parent.parent

BAD = [
    "모델의 86.21%가",
    "비중은 0.862로",
    "비중은 86%로",
    "5430회 호출",
    "12,34개",
    "2.2613000001배",
    "1e+23 FLOP",
    "−3.2%p",
    "-0.0%",
    "672.2억달러",
    "US$672.2억",
    "10천 개",
    "2020년 ~ 2023년",
    "20 ~ 25%",
    "AI이(가) 발표",
    "모델(이)가",
    "서울(으)로",
    "Google은(는)",
    "GPT-4이/가",
]
GOOD = [
    "모델 144개 중 130개(90.3%)가",
    "연평균 226.1% 증가",
    "2020~2023년 동안",
    "20~25% 수준",
    "0.1% 미만",
    "672.2억 달러를",
    "1조 2,000억 원",
    "5,430회",
    "11.8%p 높음",
    "-3.2%p 낮음",
    "2024.08.19. 발표",
    "2024.07. 기준",
    "IS-201 보고서",
    "문의(gildong@example.kr, 031-000-0000)",
    "https://epoch.ai/data/notable-ai-models?view=table#2020",
    "arXiv:2001.08361.",
    "Nemotron-4 340B가",
    "(2020).",
    "acquired for <50% of its valuation",
    "10 23 FLOP",
]


@pytest.mark.parametrize("text", BAD)
def test_scanner_flags_text_out_of_house_format(text):
    assert scan(text), text


@pytest.mark.parametrize("text", GOOD)
def test_scanner_accepts_house_format(text):
    assert scan(text) == []


@pytest.fixture(scope="module", params=["root", "soai-scorecard"])
def outputs(request, tmp_path_factory):
    source = ROOT if request.param == "root" else ROOT / "examples" / request.param
    target = copy_example(tmp_path_factory.mktemp(request.param), source)
    result = build(target, formats=("docx", "pdf"))
    return result.outputs


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_examples_print_numbers_in_house_format(outputs, kind):
    text = docx_text(outputs["docx"]) if kind == "docx" else pdf_text(outputs["pdf"])
    assert len(text) > 3000
    assert scan(text) == []


def test_extractors_keep_superscripts_apart(outputs):
    """``10²³`` must not read as ``1023`` (which the scan would flag as ungrouped)."""
    for text in (docx_text(outputs["docx"]), pdf_text(outputs["pdf"])):
        assert "1023" not in text.replace(" ", "X")
