"""A section part's XML as python-hwpx 6.9.0 writes it, byte for byte, in linear time.

python-hwpx writes an ``hs:sec`` root with ``xml.etree`` (which declares every namespace on the
root, under its registered prefix), parses that with lxml and moves the children into a new root
that declares every Hancom namespace (``HWPML_COMPAT_ROOT_NAMESPACES``). lxml 6.0 re-points each
moved node's namespace through a cache that it fills under the new namespace instead of the old
one, so every node misses it and appends another entry: the move is quadratic in the size of the
moved subtree (a table of 5,000 rows took seconds). Here lxml writes the tree, the new root's
start tag replaces the old one's, and one parse gives the same tree without moving anything.
"""

from __future__ import annotations

from typing import Any

from hwpx.oxml.namespaces import HWPML_COMPAT_ROOT_NAMESPACES
from hwpx.oxml.utils import tabs_as_elements, without_markup_nodes
from lxml import etree


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
