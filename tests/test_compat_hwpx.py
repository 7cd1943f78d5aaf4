"""Contract of briefgen.compat.hwpx: the python-hwpx internals it uses exist and behave as
relied upon. A failure here after an upgrade names the private name that moved."""

from __future__ import annotations

import io
import uuid
import zipfile
from importlib.metadata import version

from hwpx import HwpxDocument
from hwpx.oxml import _document_impl
from lxml import etree

from briefgen.compat import hwpx as compat


def test_installed_version_is_the_tested_minor() -> None:
    """The pin in pyproject.toml allows only 6.9.x: after moving it, run this file first."""
    assert version("python-hwpx").split(".")[:2] == ['6', '9'], version("python-hwpx")

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


def _document() -> HwpxDocument:
    document = HwpxDocument.new()
    document.sections[0].add_paragraph("첫\t문단")
    document.add_paragraph("둘째")
    return document


def test_stable_ids_number_new_objects_and_put_the_seam_back() -> None:
    original = _document_impl.uuid4
    with compat.stable_ids():
        assert _document_impl.uuid4() == uuid.UUID(int=1)
    with compat.stable_ids():
        first = _document().sections[0].to_bytes()
        assert _document_impl.uuid4 is not original
    assert _document_impl.uuid4 is original
    assert b'id="2"' in first  # python-hwpx draws its ids from the seam
    with compat.stable_ids():
        assert _document().sections[0].to_bytes() == first


def test_paragraph_id_and_fill_text_are_python_hwpx_own() -> None:
    with compat.stable_ids():
        assert compat.paragraph_id() == compat.paragraph_id().replace("2", "1")  # numbered
    made = etree.Element(f"{HP}t")
    compat.fill_text(made, "가\t나")
    with compat.stable_ids():
        paragraph = HwpxDocument.new().add_paragraph("가\t나")
    expected = paragraph.element.find(f"{HP}run/{HP}t")
    def content(element: etree._Element) -> list[object]:
        return [element.text, *((c.tag, c.text, c.tail) for c in element)]

    assert content(made) == content(expected) and len(made)  # the tab is an element


def test_serialized_parts_are_what_to_bytes_writes() -> None:
    with compat.stable_ids():
        updates, read_part, names = compat.serialized_parts(_document())
    with compat.stable_ids():
        saved = _document().to_bytes()
    with zipfile.ZipFile(io.BytesIO(saved)) as archive:
        expected = {name: archive.read(name) for name in archive.namelist()}
    assert set(names) | set(updates) == set(expected)
    for name, data in expected.items():
        assert (updates[name] if name in updates else read_part(name)) == data, name


def test_section_xml_falls_back_to_python_hwpx_when_it_cannot_match() -> None:
    section = _document().sections[0]
    assert compat.section_xml(section.element, section.to_bytes) == section.to_bytes()
