"""``briefgen check``: several independent problems in one run, located, nothing written;
and the data limits (file size, zip bomb, rows) that guard reading untrusted files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_example

from briefgen.check import check_project
from briefgen.cli import main
from briefgen.data import limits
from briefgen.data.read import read_table
from briefgen.errors import BriefError
from briefgen.yamlio import parse_yaml

CORPUS = Path(__file__).parent / "bad_inputs"
LOCATED = re.compile(r'^(error|warning): [\w./-]+(:\d+(:\d+)?)?(, key \'[^\']+\')?: \S.*$')


def corpus_project(tmp_path: Path, name: str = "csv-cp949") -> Path:
    project = tmp_path / name
    shutil.copytree(CORPUS / name, project, ignore=shutil.ignore_patterns("expected.txt"))
    return project


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_the_example_checks_clean_and_writes_nothing(tmp_path):
    project = copy_example(tmp_path / "example")
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 0, result.output
    assert all(line.startswith("warning: ") for line in result.stdout.splitlines())
    assert not (project / "output").exists()


def test_independent_problems_are_reported_together(tmp_path):
    project = corpus_project(tmp_path)
    edit(project / "brief.yaml", "report_number: IS-001", "report_number: 1")  # config
    edit(project / "brief.yaml", "column: score, label: name", "column: scor, label: name")  # statistic
    edit(project / "brief.yaml", "    path: data.csv", "    path: data.csv\n  e:\n    path: gone.csv")  # data
    edit(project / "content.md", "stats.total | count", "stats.totl | count")  # template
    edit(project / "content.md", "stats.us | pct", "stats.us | pcnt")
    edit(project / "content.md", "{{ stats.top.label }}", "{{ facts.who }}")
    result = CliRunner().invoke(main, ["check", str(project)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "error: brief.yaml:3:3, key 'meta.report_number': report_number '1' must look like IS-178 (S2)",
        "error: brief.yaml:10:5, key 'data.e.path': data file 'gone.csv' not found",
        "error: brief.yaml:14:29, key 'statistics.top.column': statistic 'top': unknown column 'scor' "
        "(did you mean 'score'?) (columns of 'd': name, country, score)",
        "error: content.md:3:10: unknown statistic 'totl' (did you mean 'total'?)",
        "error: content.md:5:13: unknown fact 'who'",
        "error: content.md:3:55: unknown filter 'pcnt' (did you mean 'pct'?)",
    ]
    assert all(LOCATED.match(line) for line in lines)
    assert "check: 6 error(s), 0 warning(s)" in result.stderr


def test_template_names_jinja_defines_are_not_flagged(tmp_path):
    project = corpus_project(tmp_path)
    edit(
        project / "content.md",
        "ㅇ 최고",
        "{% set n = stats.total.value %}{% for i in range(n) %}{{ loop.index }}{% endfor %}\n\nㅇ 최고",
    )
    report = check_project(project)
    assert report.errors == [], report.problems


def test_all_missing_glyphs_are_reported(tmp_path):
    project = corpus_project(tmp_path)
    edit(project / "content.md", "ㅇ 최고", "ㅇ 별 ★ 표시\n\nㅇ 화살표 ► 표시\n\nㅇ 최고")
    edit(project / "brief.yaml", "title: 시험 보고서", "title: 시험 보고서 ✈")
    messages = [p.message for p in check_project(project).errors]
    assert messages == [  # ★ is in NanumGothic, ✈ and ► are not (docs/house-style.md P6)
        "brief.yaml:2: character U+2708 '✈' is not in font NanumGothic: '시험 보고서 ✈'",
        "content.md:7: character U+25BA '►' is not in font NanumGothic: '화살표 ► 표시'",
    ]


def test_the_pdf_layout_is_checked_only_when_the_pdf_is_built(tmp_path):
    """A box taller than a page fails check as it fails build; a project that builds no PDF
    never meets the PDF's layout, so check lets it pass too."""
    project = corpus_project(tmp_path, "box-taller-than-page")
    assert [p.message for p in check_project(project).errors] == [
        "content.md:3: the box is 7,422 pt tall and a page holds 709 pt; its box never splits: shorten it"]
    edit(project / "brief.yaml", "  name: x", "  name: x\n  formats: [docx]")
    assert check_project(project).problems == []


def test_a_missing_project_is_one_error(tmp_path):
    report = check_project(tmp_path / "nowhere")
    assert [p.message for p in report.errors] == [f"{tmp_path / 'nowhere'}: no brief.yaml found in {tmp_path / 'nowhere'}"]


# ---------------------------------------------------------------------- limits


def test_file_size_limit(tmp_path, monkeypatch):
    path = tmp_path / "d.csv"
    path.write_text("a,b\n1,2\n" * 100, "utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(BriefError, match=r"^d.csv: data file is 0 MB; the limit is 0 MB$"):
        read_table(path, "d.csv")


def test_row_limit_for_csv_and_xlsx(tmp_path, monkeypatch):
    from openpyxl import Workbook

    # the reader first: imported now, under a patched limits module, it would keep 5 for good
    monkeypatch.setattr("briefgen.data.xlsx.MAX_ROWS", 5)
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    csv = tmp_path / "d.csv"
    csv.write_text("a,b\n" + "1,2\n" * 6, "utf-8")
    with pytest.raises(BriefError) as info:
        read_table(csv, "d.csv")
    assert str(info.value) == "d.csv: data file has 6 rows; the limit is 5"
    book = Workbook()
    for row in [["a", "b"]] + [[1, 2]] * 6:
        book.active.append(row)
    book.save(tmp_path / "d.xlsx")
    with pytest.raises(BriefError, match="more than 5 rows"):
        read_table(tmp_path / "d.xlsx", "d.xlsx")


def test_total_uncompressed_size_limit(tmp_path, monkeypatch):
    from test_bad_inputs import zip_bomb_xlsx

    zip_bomb_xlsx(tmp_path / "d.xlsx", padding_mb=2)
    monkeypatch.setattr(limits, "MAX_XLSX_RATIO", 10_000)  # only the total size is at stake
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED", 1024**2)
    with pytest.raises(BriefError, match=r"^d.xlsx: XLSX unpacks to 2 MB; the limit is 1 MB \(zip bomb\?\)$"):
        read_table(tmp_path / "d.xlsx", "d.xlsx")


def test_yaml_aliases_are_mapped_once(tmp_path):
    """Aliases share one node: a document using them a few times parses with each key mapped
    once; a billion-laughs document is refused at the alias that expands it too far."""
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    data, lines = parse_yaml("\n".join(levels[:4]) + "\n", "small.yaml")
    assert len(data) == 4 and len(lines) < 200
    with pytest.raises(BriefError) as caught:
        parse_yaml("\n".join(levels) + "\n", "bomb.yaml")
    assert str(caught.value).startswith("bomb.yaml:6:8: the aliases (*e) expand the document beyond 100,000")
