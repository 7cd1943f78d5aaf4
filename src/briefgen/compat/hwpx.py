"""python-hwpx internals briefgen relies on (tested with python-hwpx 6.9; see tests/test_compat_hwpx.py).

- stable object ids: python-hwpx draws paragraph, table, picture and note ids from
  ``hwpx.oxml._document_impl.uuid4``, its seam for replacing that source;
- two private helpers of ``hwpx.oxml._document_primitives`` (a new paragraph id, a text
  element's content) for the raw OWPML the writer makes where python-hwpx has no API;
- the bypass of ``HwpxDocument.to_bytes`` and of each section's ``to_bytes``: the parts are
  serialised once, and a section's XML is written in linear time.

A section part's XML as python-hwpx writes it, byte for byte (``section_xml``):
python-hwpx writes an ``hs:sec`` root with ``xml.etree`` (which declares every namespace on the
root, under its registered prefix), parses that with lxml and moves the children into a new root
that declares every Hancom namespace (``HWPML_COMPAT_ROOT_NAMESPACES``). lxml 6.0 re-points each
moved node's namespace through a cache that it fills under the new namespace instead of the old
one, so every node misses it and appends another entry: the move is quadratic in the size of the
moved subtree (a table of 5,000 rows took seconds). Here lxml writes the tree, the new root's
start tag replaces the old one's, and one parse gives the same tree without moving anything.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from hwpx import HwpxDocument
from hwpx.oxml import _document_impl
from hwpx.oxml._document_primitives import _fill_text_element, _paragraph_id
from hwpx.oxml.namespaces import HWPML_COMPAT_ROOT_NAMESPACES
from hwpx.oxml.utils import tabs_as_elements, without_markup_nodes
from lxml import etree

_IDS = threading.RLock()


@contextmanager
def stable_ids() -> Iterator[None]:
    """Within the block, the ids python-hwpx gives new paragraphs, tables, pictures and notes
    are 1, 2, 3… instead of random (``uuid4``). The seam is python-hwpx's module global, put
    back on leaving; one document at a time holds it."""
    with _IDS:
        counter = itertools.count(1)
        original = _document_impl.uuid4
        _document_impl.uuid4 = lambda: uuid.UUID(int=next(counter))
        try:
            yield
        finally:
            _document_impl.uuid4 = original


def paragraph_id() -> str:
    """A new ``hp:p`` id, as python-hwpx makes them (stable inside ``stable_ids``)."""
    new_id: str = _paragraph_id()
    return new_id


def fill_text(element: etree._Element, text: str) -> None:
    """Write ``text`` into the ``hp:t`` ``element`` as python-hwpx does (tabs and line breaks
    as their elements)."""
    _fill_text_element(element, text)


def serialized_parts(document: HwpxDocument) -> tuple[dict[str, bytes], Callable[[str], bytes], list[str]]:
    """The edited parts' bytes (each section through ``section_xml``), the reader of the
    package's other parts, and the package's part names; without storing the parts back
    into the package or validating them, as ``to_bytes`` does."""
    for section in document.sections:
        section.to_bytes = partial(section_xml, section.element, section.to_bytes)  # type: ignore[method-assign]
    package = document.package
    updates: dict[str, bytes] = document.oxml.serialize()
    return updates, package.get_part, list(package.part_names())


def section_xml(element: Any, fallback: Any) -> bytes:
    """The part bytes of the ``hs:sec`` root ``element``, as ``fallback()`` (python-hwpx's
    ``to_bytes``) gives them. ``fallback()`` itself unless lxml's text is the one ``xml.etree``
    would give up to lexical form: all namespaces declared on the root under the Hancom
    root's prefixes, no carriage return in text (``xml.etree`` writes it raw, so a parse
    reads a line feed), and the section not empty.

    lxml writes a tree it parsed from its own text the same again, but for a tab in text
    (which python-hwpx writes as ``hp:tab``) and an empty text (``<a></a>``, parsed as none:
    ``<a/>``); only then is the text parsed and written again."""
    element = without_markup_nodes(element)
    xml = etree.tostring(element, encoding="utf-8", xml_declaration=False)
    end = xml.index(b">")  # lxml escapes '>' in attribute values and text
    if xml[end - 1 : end] == b"/" or xml.find(b" xmlns", end) >= 0 or b"&#13;" in xml:
        return fallback()
    old = etree.fromstring(xml[:end] + b"/>")
    if not old.nsmap.items() <= HWPML_COMPAT_ROOT_NAMESPACES.items():
        return fallback()
    new = etree.Element(old.tag, nsmap=HWPML_COMPAT_ROOT_NAMESPACES)
    new.attrib.update(old.attrib)
    empty = etree.tostring(new, encoding="UTF-8", xml_declaration=True, standalone=True)
    text = empty[: -len(b"/>")] + b">" + xml[end + 1 :]
    if b"\t" not in xml and not element.xpath("boolean(.//text()[. = ''])"):
        return text  # lxml escapes a tab in attribute values, so this one would be in text
    root = etree.fromstring(text)
    tabs_as_elements(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
