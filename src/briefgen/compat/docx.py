"""python-docx internals briefgen relies on (tested with python-docx 1.2; see tests/test_compat_docx.py).

python-docx's proxies (paragraph, table, cell, section, document) keep their XML element in
private attributes, and it has no public way to replace a part's XML or blob or to collect
a package's entries without zipping them. Nothing else in briefgen touches a python-docx
private name.
"""

from __future__ import annotations

from typing import Any, Protocol

from docx.document import Document
from docx.opc.package import OpcPackage
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.pkgwriter import PackageWriter
from docx.section import Section
from docx.shared import Length
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree


def paragraph_xml(paragraph: Paragraph) -> Any:
    """The ``w:p`` element of ``paragraph``."""
    return paragraph._p


def table_xml(table: Table) -> Any:
    """The ``w:tbl`` element of ``table``."""
    return table._tbl


def cell_xml(cell: _Cell) -> Any:
    """The ``w:tc`` element of ``cell``."""
    return cell._tc


def section_xml(section: Section) -> Any:
    """The ``w:sectPr`` element of ``section``."""
    return section._sectPr


def body(document: Document) -> Any:
    """The body proxy of ``document`` (the parent a new top-level table needs)."""
    return document._body


def block_width(document: Document) -> Length:
    """The text width of ``document``'s last section (page width less the margins)."""
    width: Length = document._block_width
    return width


def settings_xml(document_part: Any) -> Any:
    """The ``w:settings`` element of the settings part of ``document_part``."""
    return document_part._settings_part.element


def replace_xml(part: XmlPart, element: etree._Element) -> None:
    """Make ``element`` the whole XML of ``part``."""
    part._element = element


def replace_blob(part: Part, blob: bytes) -> None:
    """Make ``blob`` the bytes of the (non-XML) ``part``."""
    part._blob = blob


class _Sink(Protocol):
    def write(self, pack_uri: PackURI, blob: bytes) -> None: ...


def write_package(sink: _Sink, package: OpcPackage) -> None:
    """Write the entries ``package.save`` would zip (content types, package rels, every
    part, in that order) to ``sink`` instead of a zip file."""
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    PackageWriter._write_content_types_stream(sink, parts)
    PackageWriter._write_pkg_rels(sink, package.rels)
    PackageWriter._write_parts(sink, parts)  # type: ignore[arg-type]  # duck-typed: write() only
