"""Long tables (S29): split by page with the header row repeated, rows in order, none lost or
doubled, a mark in a cell on a later page gets its note on that page; the writer's own split
(``longtable.py``) cuts where ReportLab's table split would."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from ir_sample import sample_document
from pdf_probe import THEME
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, TableStyle

from briefgen.ir import FootnoteRef, Table, TableCell, Text
from briefgen.writers.pdf import write_pdf
from briefgen.writers.pdf.fonts import register_fonts
from briefgen.writers.pdf.longtable import ParaCell, RowPiece, RowRun, TableRows

ROWS = 300
MARKED = 250  # the row whose first cell carries a footnote mark
HEADER = "국가 모델 수 비중"
ROW = re.compile(r"^항목(\d{3})\S* (\d+) ")


@pytest.fixture(scope="module")
def long_table(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict]]:
    """The sample brief with its table grown to 300 rows: the text lines of every page."""
    tmp = tmp_path_factory.mktemp("pdf-long-table")
    doc = copy.deepcopy(sample_document(tmp))
    table = next(b for b in doc.chapters[1].sections[0].blocks if isinstance(b, Table))
    note = next(fn for fn in table.rows[1][0].inlines if isinstance(fn, FootnoteRef))
    table.rows = [
        [TableCell([Text(f"항목{i:03d}")]), TableCell([Text(str(i))]), TableCell([Text(f"{i / 3:.1f}%")])]
        for i in range(1, ROWS + 1)
    ]
    table.rows[MARKED - 1][0].inlines.append(note)
    write_pdf(doc, THEME, tmp / "long.pdf")
    with pdfplumber.open(tmp / "long.pdf") as pdf:
        return [page.extract_text_lines() for page in pdf.pages]


def _rows(lines: list[dict]) -> list[tuple[int, dict]]:
    out = []
    for line in lines:
        m = ROW.match(line["text"])
        if m:
            assert m.group(1).lstrip("0") == m.group(2)  # the row's own cells, side by side
            out.append((int(m.group(1)), line))
    return out


def test_rows_split_over_pages_in_order_under_a_repeated_header(long_table) -> None:
    table_pages = [lines for lines in long_table if _rows(lines)]
    assert len(table_pages) >= 5
    numbers = [n for lines in table_pages for n, _ in _rows(lines)]
    assert numbers == list(range(1, ROWS + 1))  # all rows, in order, each once
    for lines in table_pages:
        heads = [ln for ln in lines if ln["text"] == HEADER]
        assert len(heads) == 1
        head = heads[0]
        assert all("Bold" in c["fontname"] for c in head["chars"])
        first = min(line["top"] for _, line in _rows(lines))
        assert 0 < first - head["top"] < 30  # the header sits right above the page's rows


def test_mark_in_a_cell_on_a_later_page_puts_its_note_on_that_page(long_table) -> None:
    note = "국가가 둘 이상인 모델은 각 국가에 한 번씩 집계함"
    marked = [i for i, lines in enumerate(long_table) if any(n == MARKED for n, _ in _rows(lines))]
    with_note = [i for i, lines in enumerate(long_table) if any(note in ln["text"] for ln in lines)]
    assert len(marked) == 1
    assert with_note == marked
    lines = long_table[marked[0]]
    note_line = next(ln for ln in lines if note in ln["text"])
    assert note_line["top"] > max(line["top"] for _, line in _rows(lines))  # below the table


def _table_rows() -> tuple[TableRows, list[list[Any]], list[tuple]]:
    """120 rows of strings and paragraphs of 1 to 4 lines, 180 pt wide."""
    register_fonts(THEME)
    style = ParagraphStyle("cell", fontName="NanumGothic", fontSize=10, leading=14)
    head = [ParaCell("<b>열 A</b>", style), ParaCell("열 B", style)]
    body: list[list[Any]] = []
    for i in range(120):
        text = "긴 설명 " * (i % 7) + f"행 {i}"
        body.append([f"{i}", ParaCell(text, style) if i % 3 == 0 else f"짧은 행 {i}"])
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), "NanumGothic"),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("LEADING", (0, 0), (-1, -1), 14),
        ("LINEBELOW", (0, -1), (-1, -1), 1, "black"),
        ("INNERGRID", (0, 1), (-1, -1), 0.25, "grey"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    return TableRows(head, body, [60.0, 120.0], commands), body, commands


@pytest.mark.parametrize("avail", [90.0, 200.0, 431.5, 700.0])
def test_split_cuts_where_reportlab_would(avail: float) -> None:
    rows, body, commands = _table_rows()
    data = [[c.flowable() if isinstance(c, ParaCell) else c for c in row]
            for row in [rows.head, *body]]
    theirs = LongTable(data, colWidths=rows.widths, repeatRows=1)
    theirs.setStyle(TableStyle(commands))
    ours = RowRun(rows)
    assert ours.wrap(180, 1e9) == theirs.wrap(180, 1e9)
    cuts_ours: list[int] = []
    cuts_theirs: list[int] = []
    while True:
        parts = ours.split(180, avail)
        theirs.wrap(180, avail)
        their_parts = theirs.split(180, avail)
        assert len(parts) == len(their_parts)
        if len(parts) < 2:
            break
        piece, rest = parts
        assert isinstance(piece, RowPiece) and isinstance(rest, RowRun)
        assert piece.wrap(180, avail)[1] == their_parts[0].wrap(180, avail)[1]
        cuts_ours.append(piece.end)
        cuts_theirs.append(sum(cuts_theirs[-1:]) + len(their_parts[0]._cellvalues) - 1)
        ours, theirs = rest, their_parts[1]
    assert cuts_ours == cuts_theirs
    assert len(cuts_ours) >= (2 if avail >= 200 else 0)


def test_long_table_output_is_deterministic(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    table = next(b for b in doc.chapters[1].sections[0].blocks if isinstance(b, Table))
    table.rows = table.rows * 30
    write_pdf(doc, THEME, tmp_path / "a.pdf")
    write_pdf(doc, THEME, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_split_leaves_the_next_page_more_than_one_row() -> None:
    """With ``last_rows``, a cut that would leave one row for the next page is made earlier."""
    rows, body, _ = _table_rows()
    heights = rows.heights
    room = sum(heights[: len(body)]) + 0.5  # the header and every body row but the last
    piece, _ = RowRun(rows).split(180, room)
    assert piece.end == len(body) - 1  # ReportLab's cut leaves the last row alone
    piece, rest = RowRun(rows, last_rows=2).split(180, room)
    assert piece.end == len(body) - 2 and rest.start == len(body) - 2
