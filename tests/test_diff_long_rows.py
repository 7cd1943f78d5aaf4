"""A table read with ``wide`` is compared row by row on its id columns and period: a changed
cell is reported as ``품목 · 반도체 · 2022: 수출액 1309 → 1329``, not as ``2022`` alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from briefgen.build import build
from briefgen.data import load_datasets
from briefgen.errors import BriefError
from briefgen.record.manifest import load_manifest
from briefgen.regen.diff import diff_manifests
from briefgen.regen.report import print_report

TABLE = """\
분류,항목,2021년,2022년
품목,반도체,1280,{chip}
품목,디스플레이,214,211
지역,중국,1001,985
"""
BRIEF = """\
meta: {{title: ICT 수출, report_number: IS-001, date: 2024-08-26}}
content: templates/content.md
data:
  ict:
    path: data/t.csv
    wide: {{year: 연도, value: 수출액}}
{extra}statistics:
  total: {{type: sum, data: ict, column: 수출액}}
output: {{name: x, formats: [html]}}
"""


def _project(tmp_path: Path, extra: str = "") -> Path:
    project = tmp_path / "p"
    (project / "templates").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "brief.yaml").write_text(BRIEF.format(extra=extra), "utf-8")
    (project / "templates" / "content.md").write_text("# 현황\n\nㅇ 수출액 합계는 {{ stats.total | num(1) }}임\n", "utf-8")
    (project / "data" / "t.csv").write_text(TABLE.format(chip=1309), "utf-8")
    return project


def _report(project: Path) -> list[str]:
    old = load_manifest(project / "output" / ".x.manifest.prev.json")
    new = load_manifest(project / "output" / "x.manifest.json")
    out = io.StringIO()
    print_report(diff_manifests(old, new), Console(file=out, width=200, no_color=True))
    return out.getvalue().splitlines()


@pytest.mark.parametrize("extra, key", [
    ("", "분류 · 항목 · 연도"),  # wide's default: the id columns and the year
    ("    key: [분류, 항목, 연도]\n", "분류 · 항목 · 연도"),
])
def test_a_changed_cell_of_a_long_table_names_its_item_and_year(tmp_path, extra, key):
    project = _project(tmp_path, extra)
    build(project)
    (project / "data" / "t.csv").write_text(TABLE.format(chip=1329), "utf-8")
    build(project)
    lines = _report(project)
    assert any(f"기준 열: {key}" in line for line in lines)
    assert "    · 품목 · 반도체 · 2022: 수출액 1309 → 1329" in lines
    assert lines[-1].endswith("ict 행 6 → 6 (추가 0, 삭제 0, 이름 변경 0, 값 변경 1)")


def test_a_label_beside_several_key_columns_is_shown_with_them(tmp_path):
    project = _project(tmp_path, "    key: [분류, 항목]\n    label: 연도\n")
    build(project)
    (project / "data" / "t.csv").write_text(TABLE.format(chip=1329), "utf-8")
    build(project)
    assert "    · 품목 · 반도체 · 2022: 수출액 1309 → 1329" in _report(project)


def test_the_default_key_follows_renamed_columns_and_leaves_the_values_out(tmp_path):
    (tmp_path / "t.csv").write_text(TABLE.format(chip=1309), "utf-8")
    spec = {"path": "t.csv", "wide": {"year": "연도", "value": "수출액"},
            "columns": {"item": "항목", "year": "연도", "amount": "수출액"}}
    data = load_datasets({"t": spec}, tmp_path, "brief.yaml")["t"]
    assert data.keys == ("item", "year")
    assert load_datasets({"t": {"path": "t.csv"}}, tmp_path, "brief.yaml")["t"].keys == ()


@pytest.mark.parametrize("key, message", [
    ([], "brief.yaml, key 'data.t.key': key must be a column or a list of columns, got []"),
    (["분류", "품목"], "brief.yaml, key 'data.t.key': unknown column '품목' (columns: 분류, 항목, 연도, 수출액)"),
])
def test_key_mistakes_are_located(tmp_path, key, message):
    (tmp_path / "t.csv").write_text(TABLE.format(chip=1309), "utf-8")
    with pytest.raises(BriefError) as error:
        load_datasets({"t": {"path": "t.csv", "wide": {"year": "연도", "value": "수출액"}, "key": key}},
                      tmp_path, "brief.yaml")
    assert str(error.value) == message
