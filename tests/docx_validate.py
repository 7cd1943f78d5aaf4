"""A small structural check of a DOCX package: what re-opening with python-docx never notices.

``validate_docx(path)`` returns problems as one-line strings (empty when the package is sound):
relationships whose target is missing, ``r:id``/``r:embed`` without a relationship, duplicate
bookmark and drawing ids, footnote references without a note or notes referenced other than
once, unknown styles and numbering ids, and parts no content type covers.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
GENERIC_XML = "application/xml"
# Parts that hold document text (stories); their r:ids, styles and ids are checked.
STORY_PREFIXES = ("word/document", "word/footnotes", "word/endnotes", "word/header", "word/footer")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class _Package:
    """The zip's entries, parsed XML parts and relationships (source part -> id -> target)."""

    names: set[str]
    xml: dict[str, etree._Element] = field(default_factory=dict)
    rels: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def validate_docx(path: Path) -> list[str]:
    """Structural problems of the DOCX at ``path``, one line each (``[]`` when none)."""
    try:
        with zipfile.ZipFile(path) as z:
            pkg = _Package(names={n for n in z.namelist() if not n.endswith("/")})
            for name in sorted(pkg.names):
                if name.endswith((".xml", ".rels")):
                    try:
                        pkg.xml[name] = etree.fromstring(z.read(name))
                    except etree.XMLSyntaxError as error:
                        pkg.problems.append(f"{name}: not well-formed XML ({error})")
    except (OSError, zipfile.BadZipFile) as error:
        return [f"{path}: cannot open the package ({error})"]
    for check in (
        _content_types,
        _relationships,
        _relationship_ids,
        _unique_ids,
        _footnotes,
        _styles,
        _numbering,
    ):
        check(pkg)
    return pkg.problems


def _content_types(pkg: _Package) -> None:
    """Every part has a content type; XML parts other than custom XML items have their own
    (an Override), not just the generic ``application/xml`` of the ``xml`` Default."""
    root = pkg.xml.get(CONTENT_TYPES)
    if root is None:
        pkg.problems.append(f"{CONTENT_TYPES} is missing")
        return
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in root.iter(f"{{{CT}}}Default")
    }
    overrides = {o.get("PartName", "") for o in root.iter(f"{{{CT}}}Override")}
    for name in sorted(pkg.names - {CONTENT_TYPES}):
        if "/" + name in overrides:
            continue
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in defaults:
            pkg.problems.append(f"{name}: no content type (Default or Override)")
        elif defaults[extension] == GENERIC_XML and not name.startswith("customXml/"):
            pkg.problems.append(
                f"{name}: only the generic content type {GENERIC_XML} (no Override)"
            )
    for part_name in sorted(overrides):
        if part_name.lstrip("/") not in pkg.names:
            pkg.problems.append(f"{CONTENT_TYPES}: override for missing part {part_name}")


def _source_of(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml`` (``""`` for the package)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _relationships(pkg: _Package) -> None:
    for name, root in pkg.xml.items():
        if not name.endswith(".rels"):
            continue
        source = _source_of(name)
        if source and source not in pkg.names:
            pkg.problems.append(f"{name}: relationships of a missing part {source}")
        table: dict[str, str] = {}
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship"):
            rel_id, target = rel.get("Id", ""), rel.get("Target", "")
            if rel_id in table:
                pkg.problems.append(f"{name}: duplicate relationship id {rel_id}")
            table[rel_id] = target
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
            if resolved not in pkg.names:
                pkg.problems.append(f"{name}: {rel_id} points to missing part {resolved}")
        pkg.rels[source] = table


def _stories(pkg: _Package) -> list[tuple[str, etree._Element]]:
    return [
        (name, root)
        for name, root in sorted(pkg.xml.items())
        if name.startswith(STORY_PREFIXES) and name.endswith(".xml")
    ]


def _relationship_ids(pkg: _Package) -> None:
    for name, root in _stories(pkg):
        known = pkg.rels.get(name, {})
        for node in root.iter():
            for attr, value in node.attrib.items():
                if attr.startswith(f"{{{R}}}") and value not in known:
                    local = etree.QName(attr).localname
                    pkg.problems.append(f"{name}: r:{local} {value!r} has no relationship")


def _duplicates(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _unique_ids(pkg: _Package) -> None:
    """Bookmark ids and names, and drawing (``wp:docPr``) ids are unique in the document."""
    starts = [
        (name, node) for name, root in _stories(pkg) for node in root.iter(_w("bookmarkStart"))
    ]
    for value in _duplicates([node.get(_w("id"), "") for _, node in starts]):
        pkg.problems.append(f"duplicate w:bookmarkStart id {value}")
    for value in _duplicates([node.get(_w("name"), "") for _, node in starts]):
        pkg.problems.append(f"duplicate bookmark name {value!r}")
    drawings = [
        node.get("id", "") for _, root in _stories(pkg) for node in root.iter(f"{{{WP}}}docPr")
    ]
    for value in _duplicates(drawings):
        pkg.problems.append(f"duplicate wp:docPr id {value}")


def _footnotes(pkg: _Package) -> None:
    refs = [
        node.get(_w("id"), "")
        for name, root in _stories(pkg)
        if name != "word/footnotes.xml"
        for node in root.iter(_w("footnoteReference"))
    ]
    notes = pkg.xml.get("word/footnotes.xml")
    bodies = [] if notes is None else list(notes.iter(_w("footnote")))
    all_ids = [n.get(_w("id"), "") for n in bodies]
    for value in _duplicates(all_ids):
        pkg.problems.append(f"word/footnotes.xml: duplicate footnote id {value}")
    user = [n.get(_w("id"), "") for n in bodies if n.get(_w("type"), "normal") == "normal"]
    counts = Counter(refs)
    for value in sorted(set(refs) - set(all_ids)):
        pkg.problems.append(f"w:footnoteReference {value} has no footnote in word/footnotes.xml")
    for value in user:
        if counts[value] != 1:
            pkg.problems.append(f"footnote {value} is referenced {counts[value]} times (not once)")


def _styles(pkg: _Package) -> None:
    styles = pkg.xml.get("word/styles.xml")
    defined = set() if styles is None else {s.get(_w("styleId")) for s in styles.iter(_w("style"))}
    for name, root in _stories(pkg):
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for value in sorted({node.get(_w("val"), "") for node in root.iter(_w(tag))}):
                if value not in defined:
                    pkg.problems.append(f"{name}: w:{tag} {value!r} is not in word/styles.xml")


def _numbering(pkg: _Package) -> None:
    numbering = pkg.xml.get("word/numbering.xml")
    nums: dict[str, str] = {}
    abstract: set[str] = set()
    if numbering is not None:
        abstract = {a.get(_w("abstractNumId"), "") for a in numbering.iter(_w("abstractNum"))}
        for num in numbering.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            nums[num.get(_w("numId"), "")] = "" if ref is None else ref.get(_w("val"), "")
    for num_id, abstract_id in sorted(nums.items()):
        if abstract_id not in abstract:
            pkg.problems.append(
                f"word/numbering.xml: num {num_id} uses missing abstractNum {abstract_id!r}"
            )
    parts = _stories(pkg)
    if "word/styles.xml" in pkg.xml:
        parts.append(("word/styles.xml", pkg.xml["word/styles.xml"]))
    for name, root in parts:
        used = {node.get(_w("val"), "") for node in root.iter(_w("numId"))}
        for value in sorted(used - set(nums) - {"0"}):  # numId 0 = no numbering
            pkg.problems.append(f"{name}: w:numId {value} is not in word/numbering.xml")
