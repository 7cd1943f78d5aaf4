"""Every example in docs/ runs: tutorial commands, markup blocks, YAML blocks, filter tables."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.biblio import Citer, read_bibliography
from briefgen.charts.render import CHART_KEYS
from briefgen.data import load_datasets
from briefgen.ir import Document, Meta, plain_text
from briefgen.korean.josa import Josa
from briefgen.markup.reader import read_markup
from briefgen.numbering import number_document
from briefgen.template.render import Namespace, render_with_lines
from briefgen.theme import load_theme
from briefgen.yamlio import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def blocks(name: str, language: str) -> list[str]:
    text = (DOCS / name).read_text("utf-8")
    return [body for lang, body in FENCE.findall(text) if lang == language]


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess:
    if command.startswith("briefgen "):
        command = f"{sys.executable} -m briefgen {command.removeprefix('briefgen ')}"
    return subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True, timeout=120)


def run_console(name: str, cwd: Path) -> int:
    """Run the ``console`` blocks of docs/NAME in ``cwd``, in order, checking the output each
    shows: all of it, or an excerpt (a ``…`` line skips lines; a line ending in ``…`` is the
    start of one). Returns the number of commands."""
    commands = 0
    for block in blocks(name, "console"):
        lines = block.splitlines()
        for index, line in enumerate(lines):
            if not line.startswith("$ "):
                continue
            expected = []
            for following in lines[index + 1 :]:
                if following.startswith("$ "):
                    break
                expected.append(following)
            result = shell(line[2:], cwd)
            commands += 1
            failing = any(shown.startswith("error:") for shown in expected)
            assert result.returncode == (1 if failing else 0), f"{line}: {result.stderr}"
            printed = (result.stdout + result.stderr).strip().splitlines()
            if "…" in expected:  # an excerpt: the lines shown, in this order
                found = iter(printed)
                for shown in (s for s in expected if s != "…"):
                    start = shown.removesuffix("…")
                    assert any(p == shown or (shown.endswith("…") and p.startswith(start)) for p in found), \
                        f"{line}: {shown!r} not in {printed}"
            elif expected:
                assert printed == expected, line
    return commands


def test_tutorial_commands_run_in_order_with_the_documented_output(tmp_path):
    assert run_console("tutorial.md", tmp_path) >= 14
    assert (tmp_path / "my-brief" / "output" / "my-brief.pdf").exists()
    assert (tmp_path / "review-2024" / "output" / "review-2024.docx").exists()


SERIES_EXAMPLE = ROOT / "examples" / "ai-models-by-country"


def test_series_commands_and_the_slurm_recipe_run_on_the_example(tmp_path):
    """docs/series.md: one brief, a wrong value, a shard, the whole series; then the Slurm
    array script, run as its two tasks would run it, builds the series again."""
    import shutil

    project = tmp_path / "by-country"
    shutil.copytree(SERIES_EXAMPLE, project, ignore=shutil.ignore_patterns("output", ".briefgen-cache"))
    assert run_console("series.md", project) == 4
    names = ["미국", "중국", "영국", "한국", "프랑스"]
    assert sorted(p.name for p in (project / "output").glob("*.pdf")) == sorted(f"ai-models-{n}.pdf" for n in names)
    shutil.rmtree(project / "output")
    [script] = [b for b in blocks("series.md", "bash") if "#SBATCH" in b]
    (project / "briefs.sh").write_text(script, "utf-8")
    shim = tmp_path / "bin" / "briefgen"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m briefgen "$@"\n', "utf-8")
    shim.chmod(0o755)
    for task in ("1", "2"):
        env = {**os.environ, "PATH": f"{shim.parent}:{os.environ['PATH']}", "SLURM_ARRAY_TASK_ID": task,
               "SLURM_ARRAY_TASK_COUNT": "2", "SLURM_CPUS_PER_TASK": "1"}
        done = subprocess.run(["bash", "briefs.sh"], cwd=project, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and done.stdout == "", done.stderr
        built = {p.name for p in (project / "output").glob("*.pdf")}
        assert built == ({"ai-models-미국.pdf", "ai-models-영국.pdf", "ai-models-프랑스.pdf"} if task == "1" else
                         {f"ai-models-{n}.pdf" for n in names})


def test_series_docs_show_the_example_and_the_real_messages():
    """The YAML of docs/series.md declares what the text says, its series is the example's, and
    every message of its table is a bad-input case's (the start of it, where the table cuts it)."""
    from briefgen.params import declare

    declared_block, listed_block, column_block = blocks("series.md", "yaml")
    params = declare(parse_yaml(declared_block, "series.md")[0]["params"], "series.md", {})
    assert {n: p.type for n, p in params.items()} == {"country": "text", "year": "int", "final": "bool"}
    example, _ = parse_yaml((SERIES_EXAMPLE / "brief.yaml").read_text("utf-8"), "brief.yaml")
    assert parse_yaml(listed_block, "series.md")[0]["series"] == example["series"]
    assert parse_yaml(column_block, "series.md")[0]["series"] == {"data": "regions", "column": "region"}
    corpus = ROOT / "tests" / "bad_inputs"
    cases = [(corpus / c / "expected.txt").read_text("utf-8").splitlines()[0]
             for c in os.listdir(corpus) if c.startswith(("param-", "series-"))]
    mistakes = (DOCS / "series.md").read_text("utf-8").split("## Mistakes")[1]
    messages = re.findall(r"^\| `([^`]+)` \| ", mistakes, re.M)
    assert len(messages) >= 10
    for message in messages:
        assert any(case.removeprefix("error: ").startswith(message.removesuffix(" …")) for case in cases), message


def test_tutorial_statistic_example_prints_what_it_says(tmp_path):
    """Step 3: the added statistic and sentence give the documented text."""
    from briefgen.scaffold import create_project
    from briefgen.stats import compute_statistics

    project = tmp_path / "p"
    create_project(project)
    config, _ = parse_yaml((project / "brief.yaml").read_text("utf-8"), "brief.yaml")
    extra, _ = parse_yaml(blocks("tutorial.md", "yaml")[0], "tutorial.md")
    config["statistics"].update(extra["statistics"])
    datasets = load_datasets(config["data"], project, "brief.yaml")
    stats = compute_statistics(config["statistics"], datasets, "brief.yaml")
    sentence = next(b for b in blocks("tutorial.md", "text") if "capital" in b).strip()
    template = tmp_path / "t.md"
    template.write_text(sentence, "utf-8")
    rendered = render_with_lines(template, tmp_path, {"stats": Namespace("statistic", stats)}, Josa({}))[0]
    documented = re.search(r"which prints `([^`]+)`", (DOCS / "tutorial.md").read_text("utf-8"))
    assert rendered == documented.group(1)


def test_tutorial_table_example_builds_the_documented_rows(tmp_path):
    """Step 4: the declared table lands in the brief with the documented rows."""
    from briefgen.build import prepare
    from briefgen.ir import Table
    from briefgen.numbering import document_blocks
    from briefgen.scaffold import create_project

    project = tmp_path / "p"
    create_project(project)
    config = project / "brief.yaml"
    config.write_text(config.read_text("utf-8") + "\n" + blocks("tutorial.md", "yaml")[1], "utf-8")
    content = project / "templates" / "content.md"
    block = next(b for b in blocks("tutorial.md", "text") if "tables.sectors" in b)
    text = content.read_text("utf-8")
    assert "ㅇ 연도별·업종별 분포는" in text
    content.write_text(text.replace("ㅇ 연도별·업종별 분포는", block + "\nㅇ 연도별·업종별 분포는", 1), "utf-8")
    prepared = prepare(project)
    assert prepared.warnings == []  # the table is cited before it (S27)
    document = prepared.document
    table = next(b for b in document_blocks(document) if isinstance(b, Table) and b.key == "tab-sector-share")
    rows = [" | ".join(plain_text(cell.inlines) for cell in row) for row in table.rows]
    sentence = re.search(r"The table gets.*?\.\s", (DOCS / "tutorial.md").read_text("utf-8"), re.S)[0]
    documented = re.findall(r"`([^`]+ \| [^`]+)`", sentence)
    assert rows == documented and table.number == 2


def docs_citer(tmp_path: Path) -> Citer:
    """A citer over the BibTeX example of docs/markup.md."""
    (tmp_path / "refs.bib").write_text(blocks("markup.md", "bibtex")[0], "utf-8")
    return Citer(read_bibliography([tmp_path / "refs.bib"], tmp_path), Josa())


def read_doc_markup(block: str, tmp_path: Path):
    return read_markup(block, "example.md", lambda params, loc: Path(params.get("image", "x.png")),
                       citer=docs_citer(tmp_path))


@pytest.mark.parametrize("block", blocks("markup.md", "markdown"), ids=lambda b: b.split("\n")[0])
def test_markup_examples_read_without_error(block, tmp_path):
    parts = read_doc_markup(block, tmp_path)
    assert parts.chapters or parts.summary


CITATION_ROWS = re.findall(r"^\| `([^`]*@[^`]*)` \| `([^`]+)` \|$", (DOCS / "markup.md").read_text("utf-8"), re.M)


@pytest.mark.parametrize(("written", "printed"), CITATION_ROWS, ids=[r[0] for r in CITATION_ROWS])
def test_markup_citation_table(written, printed, tmp_path):
    parts = read_doc_markup(f"# 서론\n\nㅇ {written}\n", tmp_path)
    assert plain_text(parts.chapters[0].blocks[0].inlines) == printed


def test_markup_citation_example_prints_the_sentences_and_references_shown(tmp_path):
    text = (DOCS / "markup.md").read_text("utf-8")
    example = next(b for b in blocks("markup.md", "markdown") if "[@kaplan2020; @hoffmann2022]" in b)
    parts = read_doc_markup(example, tmp_path)
    doc = Document(Meta("t", "IS-001", dt.date(2024, 8, 19)), [], [], parts.chapters, [], parts.references)
    number_document(doc, load_theme("spri", tmp_path))
    first, second = (plain_text(b.inlines) for b in doc.chapters[0].blocks)
    shown = re.search(r"prints `([^`]+) …` and\n`([^`]+)`", text)
    assert first.startswith(shown[1]) and second == shown[2]
    listed = next(b for b in blocks("markup.md", "text") if b.startswith("§ "))
    assert ["§ " + plain_text(r.inlines) for r in doc.references] == listed.splitlines()
    assert len(CITATION_ROWS) >= 8 and parts.warnings == []


REFERENCE_PATTERNS = re.findall(r"^\| [^|]+ \| `([^`]+\.)` \|$", (DOCS / "reference.md").read_text("utf-8"), re.M)


def test_reference_bibliography_example_gives_the_pattern_table():
    from briefgen.biblio.read import read_csl_json
    from briefgen.biblio.style import reference

    entries = read_csl_json(blocks("reference.md", "json")[0], "zotero.json")
    assert [reference(e, e.year) for e in entries] == REFERENCE_PATTERNS
    assert len(REFERENCE_PATTERNS) == 6


@dataclass
class _Share:
    count: int
    total: int
    share: float


@dataclass
class _Ranked:
    label: str
    rank: int
    tied: bool


@dataclass
class _Cagr:
    value: float
    start: int
    end: int


FILTER_ROW = re.compile(r"^\| `(\{\{.*?\}\})` \| `(.*?)` \|$", re.M)
FILTER_ROWS = FILTER_ROW.findall((DOCS / "reference.md").read_text("utf-8"))


@pytest.mark.parametrize(("expression", "expected"), FILTER_ROWS, ids=[r[0] for r in FILTER_ROWS])
def test_reference_filter_table(tmp_path, expression, expected):
    context = {
        "stats": Namespace("statistic", {"industry": _Share(130, 144, 130 / 144),
                                         "total": _Share(144, 144, 1.0),
                                         "cagr": _Cagr(2.2613, 2020, 2023),
                                         "tied": _Ranked("한국", 3, True)}),
        "meta": {"date": dt.date(2024, 8, 19)},
    }
    template = tmp_path / "t.md"
    template.write_text(expression.replace("\\|", "|"), "utf-8")
    assert render_with_lines(template, tmp_path, context, Josa({}))[0] == expected


def test_reference_has_many_filter_examples():
    assert len(FILTER_ROWS) >= 25


def test_reference_dataset_example_loads_the_bundled_data():
    config, _ = parse_yaml(blocks("reference.md", "yaml")[0], "reference.md")
    datasets = load_datasets(config["data"], ROOT, "reference.md")
    frame = datasets["models"].frame
    assert len(frame) == 144  # the IS-178 population
    assert "미국" in {c for cell in frame["country"] for c in cell}


def test_reference_chart_and_theme_examples_are_valid(tmp_path):
    charts, _ = parse_yaml(blocks("reference.md", "yaml")[1], "reference.md")
    for spec in charts["charts"].values():
        assert set(spec) <= CHART_KEYS
    theme_file = tmp_path / "theme.yaml"
    theme_file.write_text(blocks("reference.md", "yaml")[2], "utf-8")
    theme = load_theme("theme.yaml", tmp_path)
    assert theme.marker(2) == "○" and theme.color("primary") == "#1F4E79"
    assert theme.marker(1) == "□" and theme.size("chapter") == 18  # the rest is inherited


def test_regeneration_demo_runs_and_reports_what_the_page_says(tmp_path):
    """docs/regeneration.md: switch the example to the 2025-05 snapshot, rebuild, diff."""
    from conftest import copy_example

    project = copy_example(tmp_path / "example")
    results = [shell(line[2:], project) for block in blocks("regeneration.md", "console")
               for line in block.splitlines() if line.startswith("$ ")]
    assert len(results) == 5 and all(r.returncode == 0 for r in results), results[-1].stderr
    report = results[-2].stdout
    page = (DOCS / "regeneration.md").read_text("utf-8")
    spans = re.findall(r"`([^`]+)`", page.split("reports, among others,")[1].split("The annex")[0])
    quoted = [span for span in spans if "→" in span]
    assert len(quoted) >= 4
    for phrase in quoted:
        assert phrase in report, phrase
    assert "[-144개를-]{+150개를+}" in report
    import pdfplumber

    with pdfplumber.open(project / "output" / "changes.pdf") as pdf:
        annex = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    for phrase in ("Ⅰ. 먼저 검토할 문장", "Ⅱ. 수치 변경", "Ⅲ. 문장 변경", "Ⅳ. 데이터 변경", "Ⅴ. 입력 파일",
                   "total - 144개 150개 +6"):
        assert phrase in annex and phrase in " ".join(page.split())


def _claims_context(failing: bool = False) -> dict:
    from briefgen.stats.results import CountItem, Counts, Provenance

    def counts(name: str, *items: CountItem) -> Counts:
        return Counts(name, "counts", Provenance(None, None), items=list(items), total=150)

    c1, c2 = CountItem("미국", 39 if failing else 63, 0.42, 1), CountItem("중국", 46 if failing else 50, 0.33, 2)
    return {
        "us_2023": 39, "cn_2023": 46, "us_2022": 20, "cn_2022": 2, "first": 3, "last": 104,
        "rate": -0.293, "kr_2022": 0, "kr_2023": 8, "c1": c1, "c2": c2,
        "kr": CountItem("한국", 11, 0.073, 3, tied=True),
        "by_domain": counts("by_domain", CountItem("언어", 128, 0.853, 1),
                            CountItem("멀티모달", 16, 0.107, 2), CountItem("비전", 14, 0.093, 3)),
    }


CLAIM_EXAMPLES = blocks("claims.md", "template")


@pytest.mark.parametrize("block", CLAIM_EXAMPLES, ids=range(len(CLAIM_EXAMPLES)))
def test_claims_page_examples_render_as_shown(tmp_path, block):
    lines = [line for line in block.splitlines() if not line.startswith("{#")]
    expected = lines.pop().removeprefix("→ ")
    template = tmp_path / "content.md"
    template.write_text("\n".join(lines), "utf-8")
    assert render_with_lines(template, tmp_path, _claims_context(), Josa({}))[0] == expected


def test_claims_page_failure_message_is_the_real_one(tmp_path):
    from briefgen.errors import BriefError

    block = next(b for b in CLAIM_EXAMPLES if "claim(" in b)
    template = tmp_path / "content.md"
    template.write_text("\n".join(b for b in block.splitlines()[1:-1]), "utf-8")
    [message] = [b.strip() for b in blocks("claims.md", "console") if "claim no longer holds" in b]
    with pytest.raises(BriefError) as error:
        render_with_lines(template, tmp_path, _claims_context(failing=True), Josa({}))
    assert f"error: {error.value}" == message
    assert len(CLAIM_EXAMPLES) >= 6


def _reference_section(title: str) -> str:
    text = (DOCS / "reference.md").read_text("utf-8")
    return text.split(f"#### {title}")[1].split("\n#")[0]


def test_reference_published_table_example_reads_the_sheet_as_described():
    block = next(b for b in blocks("reference.md", "yml") if "wide:" in b)
    config, _ = parse_yaml(block, "reference.md")
    data = load_datasets(config["data"], ROOT, "reference.md")["ict"]
    said = " ".join(_reference_section("Published tables").split())
    columns, rows, unit = re.search(r"into `([^`]+)`, one row per 항목 and year \((\d+) rows\), "
                                    r"`data.ict.unit` being `([^`]+)`", said).groups()
    assert " | ".join(data.frame.columns) == columns and len(data.frame) == int(rows) and data.unit == unit
    assert "data.csv: row 5, column \"2022년 p)\": not a number: '-'" in said  # bad_inputs/kosis-missing-marker-undeclared


def test_reference_query_example_reads_the_rows_shown(tmp_path, monkeypatch):
    import sqlite3

    (tmp_path / "data").mkdir()
    with sqlite3.connect(tmp_path / "data" / "exports.db") as db:
        db.executescript(blocks("reference.md", "sql")[0])
    db.close()
    config, _ = parse_yaml(next(b for b in blocks("reference.md", "yml") if "sql:" in b), "reference.md")
    data = load_datasets({"exports": config["data"]["exports"]}, tmp_path, "reference.md")["exports"]
    said = " ".join(_reference_section("Parquet files and SQL queries").split())
    shown = re.search(r"reads `([^`]+)` and `([^`]+)` from the SQLite file", said).groups()
    assert [" | ".join(row) for row in data.frame.values.tolist()] == list(shown)
    monkeypatch.delenv("STATS_DB_URL", raising=False)
    from briefgen.errors import BriefError

    with pytest.raises(BriefError, match="the environment variable STATS_DB_URL is not set"):
        load_datasets({"regions": config["data"]["regions"]}, tmp_path, "reference.md")


def test_reference_minus_example_reads_the_rates_shown(tmp_path):
    (tmp_path / "rates.csv").write_text(blocks("reference.md", "csv")[0], "utf-8")
    config, _ = parse_yaml(next(b for b in blocks("reference.md", "yml") if "minus:" in b), "reference.md")
    data = load_datasets(config["data"], tmp_path, "reference.md")["rates"]
    said = " ".join(_reference_section("Published tables").split())
    shown = re.search(r"gives the rates `([^`]+)`", said).group(1)
    assert [float(v) for v in shown.split(", ")] == data.frame["증감률"].tolist()


def test_reference_parquet_example_reads_the_rows_shown(tmp_path):
    import sqlite3

    import pandas as pd

    pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
    with sqlite3.connect(":memory:") as db:
        db.executescript(blocks("reference.md", "sql")[0])
        table = pd.read_sql_query("SELECT * FROM exports", db)
    (tmp_path / "data").mkdir()
    table.to_parquet(tmp_path / "data" / "exports.parquet")
    config, _ = parse_yaml(next(b for b in blocks("reference.md", "yml") if "exports.parquet" in b), "reference.md")
    data = load_datasets(config["data"], tmp_path, "reference.md")["exports"]
    said = " ".join(_reference_section("Parquet files and SQL queries").split())
    shown = re.search(r"reads the same two rows, `([^`]+)` and `([^`]+)`", said).groups()
    assert [" | ".join(row) for row in data.frame.values.tolist()] == list(shown)


def test_reference_quarterly_example_reads_the_rows_shown(tmp_path):
    (tmp_path / "quarterly.csv").write_text(next(b for b in blocks("reference.md", "csv") if "2023.1/4" in b), "utf-8")
    config, _ = parse_yaml(next(b for b in blocks("reference.md", "yml") if "quarter:" in b), "reference.md")
    frame = load_datasets(config["data"], tmp_path, "reference.md")["quarterly"].frame
    said = " ".join(_reference_section("Published tables").split())
    columns, last = re.search(r"gives the columns `([^`]+)`, one row per quarter, the last `([^`]+)`", said).groups()
    assert " | ".join(frame.columns) == columns and len(frame) == 4
    assert " | ".join(str(v) for v in frame.iloc[-1].tolist()).replace(".0", "") == last
    del config["data"]["quarterly"]["wide"]["id"]
    from briefgen.errors import BriefError

    with pytest.raises(BriefError) as error:
        load_datasets(config["data"], tmp_path, "reference.md")
    assert str(error.value) in said


def test_reference_query_parameter_example_reads_the_rows_shown(tmp_path):
    import sqlite3

    from briefgen.errors import BriefError
    from briefgen.params import Setting
    from briefgen.project import with_params

    (tmp_path / "data").mkdir()
    with sqlite3.connect(tmp_path / "data" / "exports.db") as db:
        db.executescript(blocks("reference.md", "sql")[0])
    db.close()
    raw, lines = parse_yaml(next(b for b in blocks("reference.md", "yml") if ":year" in b), "reference.md")
    said = " ".join(_reference_section("Parquet files and SQL queries").split())
    by_default = load_datasets(with_params(raw, lines, "reference.md", ())[0]["data"], tmp_path, "reference.md")
    assert [row[1] for row in by_default["exports"].frame.values.tolist()] == ["2022", "2022"]
    config = with_params(raw, lines, "reference.md", (Setting("year", "2021"),))[0]
    rows = load_datasets(config["data"], tmp_path, "reference.md")["exports"].frame.values.tolist()
    assert re.search(r"the one row `([^`]+)`", said).group(1) == " | ".join(rows[0]) and len(rows) == 1
    del config["data"]["exports"]["params"]["year"]
    config["data"]["exports"]["params"]["other"] = 1
    with pytest.raises(BriefError) as error:
        load_datasets(config["data"], tmp_path, "reference.md")
    assert str(error.value).split(", ", 1)[1] in said


def test_reference_long_table_diff_example_names_the_item(tmp_path):
    import io

    from rich.console import Console

    from briefgen.build import build
    from briefgen.record.manifest import load_manifest
    from briefgen.regen.diff import diff_manifests
    from briefgen.regen.report import print_report

    table = next(b for b in blocks("reference.md", "csv") if "품목,반도체" in b)
    config = next(b for b in blocks("reference.md", "yml") if "key: [" in b)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "c.md").write_text("# 현황\n\nㅇ 합계는 {{ stats.t | num(1) }}임\n", "utf-8")
    (tmp_path / "brief.yaml").write_text(
        "meta: {title: ICT 수출, report_number: IS-001, date: 2024-08-26}\ncontent: templates/c.md\n" + config
        + "statistics:\n  t: {type: sum, data: ict, column: 수출액}\noutput: {name: x, formats: [html]}\n", "utf-8")
    said = " ".join(_reference_section("Published tables").split())
    line, key = re.search(r"is reported as `([^`]+)` \(기준 열: ([^)]+)\)", said).groups()
    old, new = re.search(r"수출액 (\d+) → (\d+)", line).groups()
    (tmp_path / "ict.csv").write_text(table, "utf-8")
    build(tmp_path)
    (tmp_path / "ict.csv").write_text(table.replace(old, new), "utf-8")
    build(tmp_path)
    out = io.StringIO()
    print_report(diff_manifests(load_manifest(tmp_path / "output" / ".x.manifest.prev.json"),
                                load_manifest(tmp_path / "output" / "x.manifest.json")),
                 Console(file=out, width=200, no_color=True))
    assert f"    · {line}" in out.getvalue().splitlines() and f"(기준 열: {key})" in out.getvalue()
