"""Synthetic briefs for the benchmarks: the same content as a briefgen project, as Pandoc
Markdown and as Typst markup (so the three tools typeset the same text, tables and images).

``Spec(paragraphs=300, footnotes=40, tables=10, charts=5)`` gives ~50 pages; ×10 gives ~500.
``Spec(table_rows=5000)`` is one table of 5,000 rows × 5 columns.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

WORDS = ("인공지능", "데이터", "반도체", "클라우드", "소프트웨어", "플랫폼", "생태계", "인재", "투자",
         "규제", "표준", "연구개발", "산업", "서비스", "공공", "기업", "정책", "혁신", "보안", "협력")
ENDINGS = ("확대되고 있음", "강화할 필요가 있음", "빠르게 늘어나는 추세임", "검토가 요구됨",
           "중요성이 커지고 있음", "지원 방안을 마련해야 함")
CATEGORIES = ("언어", "비전", "음성", "로보틱스", "바이오", "게임", "수학", "추천")
REGIONS = ("서울", "경기", "부산", "대전", "광주", "대구", "인천", "세종")
STAT_KINDS = ("by_category", "by_year", "by_region")


@dataclass(frozen=True)
class Spec:
    """How much content: body paragraphs, footnotes, tables, charts, one big table's rows."""

    paragraphs: int = 300
    footnotes: int = 40
    tables: int = 10
    charts: int = 5
    table_rows: int = 0
    seed: int = 7


@dataclass
class Block:
    kind: str  # heading1 | heading2 | para | table | chart
    text: str = ""
    note: str = ""
    rows: list[list[str]] | None = None
    chart: str = ""


def sentence(rng: random.Random, words: int = 28) -> str:
    """A Korean body sentence (~4 lines at 13 pt)."""
    body = " ".join(rng.choice(WORDS) + rng.choice(("의", "와", "를", "에서", "은")) for _ in range(words))
    return f"{body} {rng.choice(ENDINGS)}"


def blocks(spec: Spec) -> list[Block]:
    """The brief's content in order (chapters of 6 sections, tables/charts spread evenly)."""
    rng = random.Random(spec.seed)
    out: list[Block] = []
    per_section = 10
    per_chapter = max(6, -(-spec.paragraphs // (per_section * 10)))  # at most 10 chapters (Ⅰ…Ⅹ)
    note_every = max(1, spec.paragraphs // spec.footnotes) if spec.footnotes else 0
    table_every = max(1, spec.paragraphs // spec.tables) if spec.tables else 0
    chart_every = max(1, spec.paragraphs // spec.charts) if spec.charts else 0
    notes = tables = charts = 0
    for index in range(spec.paragraphs):
        if index % (per_section * per_chapter) == 0:
            out.append(Block("heading1", f"분석 결과 {index // (per_section * per_chapter) + 1}"))
        if index % per_section == 0:
            out.append(Block("heading2", f"세부 현황 {index // per_section + 1}"))
        note = ""
        if note_every and index % note_every == note_every - 1 and notes < spec.footnotes:
            notes += 1
            note = f"각주 {notes}의 내용: " + sentence(rng, 10)
        out.append(Block("para", sentence(rng), note=note))
        if table_every and index % table_every == table_every // 2 and tables < spec.tables:
            tables += 1
            rows = [[rng.choice(REGIONS), f"{rng.randint(10, 999):,}", f"{rng.random() * 100:.1f}%",
                     f"{rng.randint(1, 99)}"] for _ in range(8)]
            out.append(Block("table", f"지역별 현황 {tables}", rows=rows))
        if chart_every and index % chart_every == chart_every - 1 and charts < spec.charts:
            charts += 1
            out.append(Block("chart", f"분야별 현황 {charts}", chart=f"chart{charts}"))
    if spec.table_rows:
        out.append(Block("heading1", "전체 목록"))
        out.append(Block("heading2", "세부 목록"))
        out.append(Block("para", "아래 표는 전체 항목의 목록임"))
        rows = [[f"항목 {i + 1}", rng.choice(REGIONS), rng.choice(CATEGORIES),
                 f"{rng.randint(1, 99_999):,}", f"{rng.random() * 100:.1f}%"] for i in range(spec.table_rows)]
        out.append(Block("table", "전체 항목", rows=rows))
    return out


HEADER4 = ["지역", "금액", "비중", "순위"]
HEADER5 = ["항목", "지역", "분야", "금액", "비중"]


def _header(rows: list[list[str]]) -> list[str]:
    return HEADER5 if len(rows[0]) == 5 else HEADER4


def write_project(folder: Path, spec: Spec) -> Path:
    """A briefgen project (brief.yaml, content.md, data.csv) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    rng = random.Random(spec.seed)
    with (folder / "data.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "category", "year", "region"])
        for i in range(1000):
            writer.writerow([i, rng.choice(CATEGORIES), rng.randint(2015, 2024), rng.choice(REGIONS)])
    content = blocks(spec)
    charts = [b.chart for b in content if b.kind == "chart"]
    chart_lines = "\n".join(
        f"  {name}: {{type: {'bar' if i % 2 else 'barh'}, stat: {STAT_KINDS[i % 3]}, ylabel: 건수, size: [15, 7]}}"
        for i, name in enumerate(charts)
    )
    (folder / "brief.yaml").write_text(f"""meta:
  title: 합성 벤치마크 보고서
  subtitle: 성능 측정용
  report_number: IS-999
  date: 2025-01-01
  authors: [{{name: 홍길동, email: a@example.kr}}]
content: templates/content.md
data:
  rows: {{path: data.csv}}
statistics:
  total: {{type: count, data: rows}}
  by_category: {{type: counts, data: rows, by: category, sort: desc}}
  by_year: {{type: counts, data: rows, by: year}}
  by_region: {{type: counts, data: rows, by: region, sort: desc}}
charts:
{chart_lines or "  {}"}
output: {{dir: output, name: synthetic, formats: [docx, pdf]}}
""", "utf-8")
    (folder / "templates" / "content.md").write_text(briefgen_markup(content), "utf-8")
    return folder


def briefgen_markup(content: list[Block]) -> str:
    lines = ["::: summary", "합성 보고서의 요약 문단임. 전체 {{ stats.total | count }}의 자료를 분석함", ":::", ""]
    notes: list[str] = []
    for b in content:
        match b.kind:
            case "heading1":
                lines += [f"# {b.text}", ""]
            case "heading2":
                lines += [f"## {b.text}", "", "□ 주요 내용"]
            case "para":
                mark = ""
                if b.note:
                    notes.append(b.note)
                    mark = f"[^n{len(notes)}]"
                lines.append(f"ㅇ {b.text}{mark}")
            case "table":
                header = _header(b.rows)
                ident = f"tab-{len(lines)}"
                lines[-1] += f" ({{@{ident}}})"
                lines += ["", f"::: table #{ident} unit=\"단위: 개, %\"", b.text,
                          "| " + " | ".join(header) + " |", "|:---|" + "---:|" * (len(header) - 1)]
                lines += ["| " + " | ".join(row) + " |" for row in b.rows]
                lines += ["출처: 합성 데이터", ":::", ""]
            case "chart":
                lines[-1] += f" ({{@fig-{b.chart}}})"
                lines += ["", f"::: figure #fig-{b.chart} chart={b.chart} width=0.8", b.text,
                          "출처: 합성 데이터", ":::", ""]
    lines.append("")
    lines += [f"[^n{i}]: {text}" for i, text in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def pandoc_markdown(content: list[Block], images: dict[str, Path]) -> str:
    """The same content as Pandoc Markdown (pipe tables, footnotes, images)."""
    lines: list[str] = []
    notes: list[str] = []
    for b in content:
        match b.kind:
            case "heading1":
                lines += [f"# {b.text}", ""]
            case "heading2":
                lines += [f"## {b.text}", "", "- 주요 내용", ""]
            case "para":
                mark = ""
                if b.note:
                    notes.append(b.note)
                    mark = f"[^n{len(notes)}]"
                lines += [f"  - {b.text}{mark}", ""]
            case "table":
                header = _header(b.rows)
                lines += ["| " + " | ".join(header) + " |", "|:---|" + "---:|" * (len(header) - 1)]
                lines += ["| " + " | ".join(row) + " |" for row in b.rows]
                lines += ["", f"Table: {b.text}", ""]
            case "chart":
                lines += [f"![{b.text}]({images[b.chart]}){{width=80%}}", ""]
    lines += [f"[^n{i}]: {text}" for i, text in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def typst_markup(content: list[Block], images: dict[str, Path]) -> str:
    """The same content as Typst markup (A4, NanumGothic, footnotes, tables, images)."""
    lines = ['#set page(paper: "a4", margin: (x: 25mm, y: 25mm), numbering: "1")',
             '#set text(font: "NanumGothic", size: 11pt, lang: "ko")',
             "#set par(justify: true)", "#show figure: set block(breakable: true)", ""]
    for b in content:
        match b.kind:
            case "heading1":
                lines += [f"= {b.text}", ""]
            case "heading2":
                lines += [f"== {b.text}", "", "- 주요 내용", ""]
            case "para":
                note = f"#footnote[{b.note}]" if b.note else ""
                lines += [f"  - {b.text}{note}", ""]
            case "table":
                header = _header(b.rows)
                cells = ", ".join(f"[{c}]" for row in [header, *b.rows] for c in row)
                lines += [f"#figure(table(columns: {len(header)}, {cells}), caption: [{b.text}])", ""]
            case "chart":
                lines += [f'#figure(image("{images[b.chart].name}", width: 80%), caption: [{b.text}])', ""]
    return "\n".join(lines) + "\n"
