"""The floors of our own stack, on the same synthetic content: raw ReportLab (PDF) and raw
python-docx (DOCX), and for the 5,000-row table docxtpl and one lxml string.

Each ``write_*`` function returns the seconds spent after its imports (the ``in build()``
column of the results); the wall time of the child process includes start-up and imports.
None of them typesets house style, footnotes or a 목차: they are lower bounds, not rivals.
"""

from __future__ import annotations

import time
from pathlib import Path
from xml.sax.saxutils import escape

from synthetic import Block, _header

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_reportlab(content: list[Block], images: dict[str, Path], out: Path) -> float:
    """Paragraphs, tables (header repeated) and images with ReportLab's SimpleDocTemplate."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Image, LongTable, Paragraph, SimpleDocTemplate

    from briefgen.fonts import font_path

    started = time.perf_counter()
    for name in ("NanumGothic", "NanumGothicBold"):
        pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
    body = ParagraphStyle("body", fontName="NanumGothic", fontSize=13, leading=19.5)
    styles = {"heading1": ParagraphStyle("h1", parent=body, fontName="NanumGothicBold", fontSize=18, leading=27),
              "heading2": ParagraphStyle("h2", parent=body, fontName="NanumGothicBold", fontSize=14, leading=21),
              "para": body}
    story = []
    for block in content:
        if block.kind == "table":
            rows = [_header(block.rows), *block.rows]
            story.append(LongTable(rows, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), "NanumGothic", 10)]))
        elif block.kind == "chart":
            story.append(Image(str(images[block.chart]), width=150 * mm, height=70 * mm))
        else:
            text = escape(block.text) + (f"<super>{escape(block.note[:1])}</super>" if block.note else "")
            story.append(Paragraph(text, styles[block.kind]))
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=25 * mm, bottomMargin=22 * mm).build(story)
    return time.perf_counter() - started


def write_python_docx(content: list[Block], images: dict[str, Path], out: Path) -> float:
    """Headings, paragraphs, tables and pictures with python-docx's public API."""
    import docx
    from docx.shared import Mm

    started = time.perf_counter()
    document = docx.Document()
    for block in content:
        if block.kind == "heading1":
            document.add_heading(block.text, level=1)
        elif block.kind == "heading2":
            document.add_heading(block.text, level=2)
        elif block.kind == "para":
            document.add_paragraph(block.text)
        elif block.kind == "chart":
            document.add_picture(str(images[block.chart]), width=Mm(150))
        else:
            rows = [_header(block.rows), *block.rows]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.save(str(out))
    return time.perf_counter() - started


def write_docxtpl(content: list[Block], out: Path) -> float:
    """The big table rendered by docxtpl from a one-row ``{%tr for %}`` template (autoescape)."""
    import docx
    from docxtpl import DocxTemplate

    rows = next(b.rows for b in content if b.kind == "table")
    template = out.with_name("template.docx")
    document = docx.Document()
    table = document.add_table(rows=4, cols=5)
    for cell, header in zip(table.rows[0].cells, _header(rows), strict=True):
        cell.text = header
    table.rows[1].cells[0].text = "{%tr for r in rows %}"
    for index, cell in enumerate(table.rows[2].cells):
        cell.text = f"{{{{ r[{index}] }}}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.save(str(template))
    started = time.perf_counter()
    rendered = DocxTemplate(str(template))
    rendered.render({"rows": rows}, autoescape=True)
    rendered.save(str(out))
    return time.perf_counter() - started


def build_lxml_string(content: list[Block]) -> float:
    """The big table's rows as one escaped WordprocessingML string, parsed once by lxml."""
    from lxml import etree

    rows = next(b.rows for b in content if b.kind == "table")
    started = time.perf_counter()
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{escape(value)}</w:t></w:r></w:p></w:tc>" for value in row)
        + "</w:tr>"
        for row in [_header(rows), *rows]
    )
    etree.fromstring(f'<w:tbl xmlns:w="{W_NS}">{cells}</w:tbl>')
    return time.perf_counter() - started
