"""The researcher's update, end to end: switch data.models.path to the 2025-05 snapshot, change
nothing else, rebuild, and read the PDF. Every sentence must be true on the new data."""

from __future__ import annotations

import json
import re
import shutil

import pdfplumber
import pytest
from conftest import copy_example
from regen_helpers import NEW_CSV, OLD_CSV, edit

from briefgen.build import build


def _pdf_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The example built on the 2024-07 snapshot, then on the 2025-05 one (path edited only)."""
    project = copy_example(tmp_path_factory.mktemp("snapshot-swap"))
    build(project, ("pdf",))
    first = _pdf_text(project / "output" / "ai-models-2024.pdf")
    edit(project / "brief.yaml", OLD_CSV, NEW_CSV)
    result = build(project, ("pdf",))
    manifest = json.loads((project / "output" / "ai-models-2024.manifest.json").read_text("utf-8"))
    return first, _pdf_text(project / "output" / "ai-models-2024.pdf"), result, manifest


def test_2024_snapshot_reads_as_before(rebuilt):
    first = rebuilt[0]
    assert "두 나라의 격차가 좁혀짐" in first
    assert "로 3위에 올랐다" in first and "공동 3위" not in first
    assert "Epoch AI(2024.07.)" in first and "2024년 7월 기준" in first


def test_china_ahead_in_2023_is_called_a_reversal(rebuilt):
    text = rebuilt[1]
    assert re.search(r"미국 39개, 중국 46개로 전년\(미국 20개, 중국 2개\)에 비해 두 나라의 순위가 역전됨", text)
    assert "격차가 좁혀짐" not in text


def test_korea_tied_with_france_is_joint_third_everywhere(rebuilt):
    text = rebuilt[1]
    assert "한국은 11개(7.3%)로 공동 3위에 올랐다" in text                  # 요약
    assert "한국*은 11개(7.3%)로 공동 3위를 차지하였으며" in text          # Ⅱ.2 (S14 anchor)
    assert "한국은 11개로 공동 3위를 차지하여" in text                      # Ⅲ.1
    assert "Korea ranks joint 3rd" in text
    assert re.search(r"프랑스 11 7\.3% 공동 3위 9 한국 11 7\.3% 공동 3위 8", text)  # <표 2>
    assert not re.search(r"(?<!공동 )3위", text)


def test_snapshot_dates_follow_the_data_file(rebuilt):
    text = rebuilt[1]
    assert "2024.07." not in text and "2024년 7월" not in text
    assert text.count("Epoch AI(2025.05.)") == 6  # the 출처 lines of 3 figures and 3 tables
    assert "2025년 5월 기준 자료" in text and "Epoch AI (2025)." in text


def test_rebuild_is_clean_and_records_its_claims(rebuilt):
    _, _, result, manifest = rebuilt
    assert not [w for w in result.warnings if "snapshot" in w]
    assert manifest["datasets"]["models"]["snapshot"] == "2025.05."
    assert manifest["claims"] and all(c["holds"] or c["alternative"] for c in manifest["claims"])
    words = {c["word"] for c in manifest["choices"]}
    assert {"순위가 역전됨", "공동 3위", "joint 3rd"} <= words


def test_data_changed_under_a_typed_snapshot_warns(tmp_path):
    """A snapshot typed by hand that the new data does not update is named in a warning."""
    project = copy_example(tmp_path / "typed")
    edit(project / "brief.yaml", "    snapshot: {from: file_name}", "    snapshot: 2024-07")
    build(project, ("html",))
    edit(project / "brief.yaml", OLD_CSV, NEW_CSV)
    result = build(project, ("html",))
    stale = [w for w in result.warnings if "snapshot" in w]
    assert len(stale) == 1 and NEW_CSV in stale[0] and "2024.07." in stale[0]


def test_data_file_replaced_in_place_warns(tmp_path):
    project = copy_example(tmp_path / "in-place")
    build(project, ("html",))
    data = project / "data" / "epoch"
    shutil.copy(data / NEW_CSV, data / OLD_CSV)
    result = build(project, ("html",))
    assert any(OLD_CSV in w and "did not" in w for w in result.warnings)
