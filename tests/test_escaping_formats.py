"""XML/HTML specials (``R&D <a> "q" 'x'``, a bare ``&``) from the data and from the content
template survive verbatim in body text and table cells of all four formats; a control
character in any input is refused with a one-line error, so none reaches an output."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from briefgen.build import build
from briefgen.errors import BriefError

SPECIALS = "R&D <a> \"q\" 'x'"
BODY = f"본문 {SPECIALS} & 끝"  # a bare "&" before a space: lenient readers drop the rest
DATA_CELL = f"자료 {SPECIALS}"
TEMPLATE_CELL = f"표 {SPECIALS} & 끝"
EXPECTED = (BODY, DATA_CELL, TEMPLATE_CELL)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"

BRIEF = """meta:
  title: 특수 문자 점검
  subtitle: "부제 R&D <a>"
  report_number: IS-999
  date: 2025-01-01
  authors: [{name: 홍길동}]
content: content.md
data:
  items: {path: items.csv}
statistics:
  total: {type: count, data: items}
  listing: {type: rows, data: items, columns: [name, kind]}
output: {dir: output, name: esc, formats: [docx, pdf, html, hwpx]}
"""
CONTENT = f"""::: summary
특수 문자를 담은 자료 {{{{ stats.total | count }}}}를 점검함
:::

# 점검

## 본문과 표

□ 본문
ㅇ {BODY}

::: table #tab-items
자료 목록
| 이름 | 종류 |
|:---|:---|
{{% for row in stats.listing %}}
| {{{{ row.name }}}} | {{{{ row.kind }}}} |
{{% endfor %}}
| {TEMPLATE_CELL} | 직접 |
출처: 합성 자료
:::
"""


def _csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _project(folder: Path, *, cell: str = DATA_CELL, content: str = CONTENT,
             brief: str = BRIEF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief.yaml").write_text(brief, "utf-8")
    (folder / "content.md").write_text(content, "utf-8")
    rows = [("name", "kind"), (_csv_field(cell), "가"), ("보통 항목", "나")]
    (folder / "items.csv").write_text("".join(f"{a},{b}\n" for a, b in rows), "utf-8")
    return folder


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    return build(_project(tmp_path_factory.mktemp("escaping") / "brief")).outputs


class _TextOnly(HTMLParser):
    """The text content of an HTML page outside ``<style>`` and ``<script>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _assert_all_present(text: str, where: str) -> None:
    missing = [expected for expected in EXPECTED if expected not in text]
    assert not missing, f"{where}: {missing} not found"


def test_docx_keeps_specials_in_body_and_cells(outputs):
    with zipfile.ZipFile(outputs["docx"]) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                data = package.read(name)
                etree.fromstring(data)  # well-formed (raises otherwise)
                assert not CONTROL.search(data.decode("utf-8")), name
    document = docx.Document(str(outputs["docx"]))
    body = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert BODY in body
    assert DATA_CELL in cells and TEMPLATE_CELL in cells


def test_pdf_keeps_specials(outputs):
    with pdfplumber.open(outputs["pdf"]) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    _assert_all_present(text, "pdf")
    assert not CONTROL.search(text)


def test_html_keeps_specials(outputs):
    page = outputs["html"].read_text("utf-8")
    assert not CONTROL.search(page)
    parser = _TextOnly()
    parser.feed(page)
    parser.close()
    _assert_all_present("".join(parser.parts), "html")
    assert "<a>" not in re.sub(r"<a[\s>][^>]*>", "", page.replace("&lt;a&gt;", "")), (
        "the '<a>' of the text became markup"
    )


def test_hwpx_keeps_specials(outputs):
    with zipfile.ZipFile(outputs["hwpx"]) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert not CONTROL.search(package.read(name).decode("utf-8")), name
        sections = [etree.fromstring(package.read(name)) for name in sorted(package.namelist())
                    if name.startswith("Contents/section")]
    paragraphs = [
        "".join(t.text or "" for t in p.iter(f"{HP}t"))
        for root in sections for p in root.iter(f"{HP}p")
    ]
    _assert_all_present("\n".join(paragraphs), "hwpx")


@pytest.mark.parametrize(
    ("where", "edit", "message"),
    [
        ("data cell", {"cell": f"자료 {SPECIALS}\x07"}, 'items.csv: row 2, column "name"'),
        ("content text", {"content": CONTENT.replace("& 끝", "&\x07 끝", 1)}, "content.md:10:"),
        ("table cell", {"content": CONTENT.replace("표 R", "표\x0b R")}, "content.md:19:"),
        ("meta", {"brief": BRIEF.replace("부제 R", "부제 \\a R")}, "key 'meta.subtitle'"),
    ],
)
def test_control_character_is_refused_and_reaches_no_output(tmp_path, where, edit, message):
    project = _project(tmp_path / "brief", **edit)
    with pytest.raises(BriefError) as caught:
        build(project)
    assert message in str(caught.value) and "control character" in str(caught.value), where
    assert "\n" not in str(caught.value)
    assert not (project / "output").exists() or not any((project / "output").iterdir())
