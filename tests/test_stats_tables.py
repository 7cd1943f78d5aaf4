"""``tables:`` in brief.yaml: declarative pipe tables from statistics, end to end into the IR,
with escaped cells, right-aligned numbers, total rows and located config errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.build import prepare
from briefgen.errors import BriefError
from briefgen.ir import Table, plain_text

DATA = """name,country,year,compute
A,미국,2021,10
B,미국,2022,30
C,중국,2022,20
D,한국,2023,5
E,미국,2023,25
F,A|B Lab,2023,10
"""

CONFIG = """meta:
  title: 시험 보고서
  report_number: IS-001
  date: 2024-08-26
content: content.md
data:
  d: {path: data.csv}
statistics:
  by_country: {type: counts, data: d, by: country, sort: desc, rounding: largest_remainder}
  by_year: {type: growth, data: d, by: year}
  compute: {type: sums, data: d, by: country, column: compute, sort: desc}
  running: {type: cumulative, data: d, by: year}
  cross: {type: crosstab, data: d, rows: year, columns: country}
  list: {type: rows, data: d, columns: [name, compute], sort: name}
tables:
  country:
    stat: by_country
    top: 3
    columns:
      - {header: 순위, value: rank}
      - {header: 국가, value: label}
      - {header: 모델 수, value: count, format: num}
      - {header: 비중, value: share, format: pct}
    total: {label: 합계}
  years:
    stat: by_year
    columns:
      - {header: 연도, value: label, format: year}
      - {header: 모델 수, value: count, format: count}
      - {header: 증가율, value: rate, format: pct}
  compute: {stat: compute}
  running: {stat: running, total: {}}
  cross: {stat: cross, total: {label: 계}}
  list:
    stat: list
    top: 2
    columns: [{header: 모델, value: name}, {header: 연산량, value: compute, format: num}]
"""

CONTENT = """# 현황

ㅇ 국가별 현황({@tab-country})

::: table #tab-country unit="단위: 개, %"
국가별 모델 수
{{ tables.country }}
출처: 시험 자료
:::

::: table #tab-years
연도별 모델 수
{{ tables.years }}
:::

::: table #tab-compute
연산량
{{ tables.compute }}
:::

::: table #tab-running
누적
{{ tables.running }}
:::

::: table #tab-cross
교차
{{ tables.cross }}
:::

::: table #tab-list
목록
{{ tables.list }}
:::
"""


def make_project(tmp_path: Path, config: str = CONFIG) -> Path:
    project = tmp_path / "p"
    project.mkdir()
    (project / "brief.yaml").write_text(config, "utf-8")
    (project / "content.md").write_text(CONTENT, "utf-8")
    (project / "data.csv").write_text(DATA, "utf-8")
    return project


def tables(project: Path) -> dict[str, Table]:
    document = prepare(project).document
    found = [b for chapter in document.chapters for b in chapter.blocks if isinstance(b, Table)]
    return {table.key: table for table in found}


def grid(table: Table) -> list[list[str]]:
    return [[plain_text(c.inlines) for c in row] for row in [table.header, *table.rows]]


def test_tables_land_in_the_ir_with_formats_totals_and_alignment(tmp_path):
    found = tables(make_project(tmp_path))
    country = found["tab-country"]
    # 미국 3, then 중국/한국/A|B Lab 1 each (tie: rank 2); shares by largest remainder
    assert grid(country) == [
        ["순위", "국가", "모델 수", "비중"],
        ["1", "미국", "3", "50.0%"],
        ["2", "A|B Lab", "1", "16.7%"],  # '|' escaped in the markup, plain in the IR
        ["2", "중국", "1", "16.7%"],
        ["", "합계", "6", "100.0%"],
    ]
    assert country.align == ["right", "left", "right", "right"]
    assert country.unit == "(단위: 개, %)"
    assert grid(found["tab-years"]) == [
        ["연도", "모델 수", "증가율"],
        ["2021년", "1개", "-"],
        ["2022년", "2개", "100.0%"],
        ["2023년", "3개", "50.0%"],
    ]
    assert grid(found["tab-compute"])[1] == ["미국", "65", "65.0%", "3", "1"]
    assert grid(found["tab-running"])[-1] == ["합계", "6", "6", "100.0%"]
    assert grid(found["tab-cross"]) == [
        ["label", "A|B Lab", "미국", "중국", "한국", "total"],
        ["2021", "0", "1", "0", "0", "1"],
        ["2022", "0", "1", "1", "0", "2"],
        ["2023", "1", "1", "0", "1", "3"],
        ["계", "1", "3", "1", "1", "6"],
    ]
    assert grid(found["tab-list"]) == [["모델", "연산량"], ["A", "10"], ["B", "30"]]


def test_largest_remainder_shares_of_the_partition_sum_to_100(tmp_path):
    config = CONFIG.replace("    top: 3\n", "")
    shares = [row[3] for row in grid(tables(make_project(tmp_path, config))["tab-country"])[1:-1]]
    assert shares == ["50.0%", "16.7%", "16.7%", "16.6%"]  # plain rounding: 100.1%


def test_markup_of_a_table_escapes_cells(tmp_path):
    from briefgen.korean.josa import Josa
    from briefgen.stats.results import Provenance, Rows
    from briefgen.template.tables import build_tables

    stats = {"r": Rows("r", "rows", Provenance("d", "d.csv"), ["name"], [{"name": "*Star* [x]"}])}
    text = build_tables({"t": {"stat": "r"}}, stats, Josa({}), "brief.yaml")["t"]
    assert text == "| name |\n| :--- |\n| \\*Star\\* \\[x\\] |"


@pytest.mark.parametrize(
    ("old", "new", "key", "text"),
    [
        ("format: pct}", "format: pcnt}", "tables.country.columns.3.format",
         "unknown format 'pcnt' (did you mean 'pct'?)"),
        ("value: count, format: num", "value: cnt, format: num", "tables.country.columns.2.value",
         "unknown value 'cnt'"),
        ("stat: by_country", "stat: by_contry", "tables.country.stat", "did you mean 'by_country'?"),
        ("    top: 3\n", "    top: 0\n", "tables.country.top", "positive integer"),
        ("  list:\n    stat: list\n    top: 2", "  list:\n    stat: list\n    total: {}",
         "tables.list.total", "needs a counts"),
        ("value: compute, format: num", "value: name, format: num", "tables.list.columns.1.format",
         "cannot print 'A' with format 'num'"),
        ("{header: 국가, value: label}", "{header: 국가, value: label, fmt: x}",
         "tables.country.columns.1.fmt", "unknown key 'fmt'"),
    ],
)
def test_config_errors_name_the_key_and_line(tmp_path, old, new, key, text):
    assert old in CONFIG
    project = make_project(tmp_path, CONFIG.replace(old, new, 1))
    with pytest.raises(BriefError) as info:
        prepare(project)
    exc = info.value
    assert exc.key == key and exc.source == "brief.yaml" and text in exc.message
    lines = (project / "brief.yaml").read_text("utf-8").splitlines()
    assert exc.line is not None and key.split(".")[-1] in lines[exc.line - 1]


def test_a_statistic_kind_without_items_is_refused(tmp_path):
    config = CONFIG.replace("tables:\n", "  n: {type: count, data: d}\ntables:\n  bad: {stat: n}\n")
    with pytest.raises(BriefError, match="is a count; tables need counts, sums"):
        prepare(make_project(tmp_path, config))


def test_tables_is_an_allowed_top_level_key_and_unknown_table_names_suggest(tmp_path):
    project = make_project(tmp_path)
    (project / "content.md").write_text("# 현황\n\n{{ tables.contry }}\n", "utf-8")
    with pytest.raises(BriefError, match="unknown table 'contry' \\(did you mean 'country'\\?\\)"):
        prepare(project)


def test_the_reference_example_builds(tmp_path):
    """docs/reference.md's ``tables:`` example, on this project's ``by_country``."""
    import re

    docs = (Path(__file__).parent.parent / "docs" / "reference.md").read_text("utf-8")
    example = re.search(r"^```yml\n(tables:\n.*?)^```", docs, re.S | re.M)
    assert example is not None
    project = make_project(tmp_path, CONFIG.split("tables:\n")[0] + example.group(1))
    (project / "content.md").write_text(
        "# 현황\n\n::: table #tab-country\n국가별\n{{ tables.country }}\n:::\n", "utf-8"
    )
    assert grid(tables(project)["tab-country"])[-1] == ["합계", "6", "100.0%"]


def test_the_table_reaches_the_html_output(tmp_path):
    from briefgen.build import build

    html = build(make_project(tmp_path), ("html",)).outputs["html"].read_text("utf-8")
    assert ('<tr><td class="al-right">2</td><td class="al-left">A|B Lab</td>'
            '<td class="al-right">1</td><td class="al-right">16.7%</td></tr>') in html
