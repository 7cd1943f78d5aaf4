"""The second bundled example (predictions scorecard) builds and says what its data says."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from briefgen.build import build

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def scorecard(tmp_path_factory):
    project = tmp_path_factory.mktemp("scorecard") / "soai"
    shutil.copytree(ROOT / "examples" / "soai-scorecard", project,
                    ignore=shutil.ignore_patterns("output", ".briefgen-cache"))
    result = build(project)
    with pdfplumber.open(result.outputs["pdf"]) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return result, text


def test_verdict_counts_follow_the_data(scorecard):
    """README of the data: YES 5, NO 3, PARTLY 1 of nine predictions (of ten published)."""
    result, text = scorecard
    verdicts = {item.label: item.count for item in result.statistics["verdicts"]}
    assert verdicts == {"적중": 5, "빗나감": 3, "부분 적중": 1}
    flat = text.replace("\n", "")
    for expected in ("5건(55.6%)이 적중", "3건(33.3%)", "1건(11.1%)", "10건", "9건을 대상으로"):
        assert expected in flat


def test_each_prediction_is_a_table_row_with_its_evidence_as_a_footnote(scorecard):
    result, _ = scorecard
    table = next(b for c in result.document.chapters for s in c.sections for b in s.blocks
                 if getattr(b, "key", "") == "tab-scorecard")
    assert len(table.rows) == 9
    assert [len(n.inlines) > 0 for n in result.document.footnotes].count(True) == 11
    with zipfile.ZipFile(result.outputs["docx"]) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote")]
    assert any("13T tokens vs. Chinchilla" in t for t in texts)
    assert not any(t.rstrip().endswith(".") for t in texts)  # S16: no final period


def test_charts_and_structure(scorecard):
    result, text = scorecard
    assert "[그림 1] 판정 결과별 예측 비중" in text and "[그림 2]" in text and "<표 1>" in text
    assert "Ⅲ. 요약 및 정책적 시사점" in text
    assert result.outputs["pdf"].name == "soai-2022-scorecard.pdf"
