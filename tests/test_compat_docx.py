"""Contract of briefgen.compat.docx: the python-docx internals it uses exist and behave as
relied upon. A failure here after an upgrade names the private name that moved."""

from __future__ import annotations

import io
import zipfile
from importlib.metadata import version

import docx
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm
from lxml import etree

from briefgen.compat import docx as compat


def test_installed_version_is_the_tested_minor() -> None:
    """The pin in pyproject.toml allows only 1.2.x: after moving it, run this file first."""
    assert version("python-docx").split(".")[:2] == ['1', '2'], version("python-docx")

def test_proxies_give_their_elements() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    table = document.add_table(1, 1)
    cell = table.cell(0, 0)
    section = document.sections[0]
    assert compat.paragraph_xml(paragraph).tag == qn("w:p")
    assert compat.table_xml(table).tag == qn("w:tbl")
    assert compat.cell_xml(cell).tag == qn("w:tc")
    assert compat.section_xml(section).tag == qn("w:sectPr")
    assert compat.body(document).add_paragraph("y").text == "y"
    assert compat.settings_xml(document.part).tag == qn("w:settings")


def test_block_width_is_page_less_margins() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.left_margin, section.right_margin = Mm(210), Mm(30), Mm(30)
    width = section.page_width - section.left_margin - section.right_margin
    assert compat.block_width(document) == width > Mm(149)


def test_replaced_xml_and_blob_are_saved() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part
    fresh = parse_xml(etree.tostring(numbering.element))
    fresh.append(fresh.makeelement(qn("w:num"), {qn("w:numId"): "77"}))
    compat.replace_xml(numbering, fresh)
    assert numbering.element is fresh
    app = next(p for p in document.part.package.iter_parts() if p.partname == "/docProps/app.xml")
    compat.replace_blob(app, b"<Properties/>")
    entries = _entries(document)
    assert entries["docProps/app.xml"] == b"<Properties/>"
    assert b'w:numId="77"' in entries["word/numbering.xml"]


def _entries(document: docx.document.Document) -> dict[str, bytes]:
    class Sink:
        def __init__(self) -> None:
            self.entries: dict[str, bytes] = {}

        def write(self, pack_uri: PackURI, blob: bytes) -> None:
            self.entries[pack_uri.membername] = blob

    sink = Sink()
    compat.write_package(sink, document.part.package)
    return sink.entries


def test_write_package_gives_what_save_zips() -> None:
    document = docx.Document()
    document.add_paragraph("안녕")
    saved = io.BytesIO()
    document.save(saved)
    with zipfile.ZipFile(saved) as archive:
        expected = {info.filename: archive.read(info) for info in archive.infolist()}
    entries = _entries(document)
    assert list(entries) == list(expected)
    assert entries == expected
