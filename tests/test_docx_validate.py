"""The structural DOCX validator: clean on the built example, and each defect in a
deliberately broken copy is reported."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_validate import validate_docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
Edit = Callable[[etree._Element], None]


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def docx_path(example_build) -> Path:
    return example_build[1].outputs["docx"]


def broken(src: Path, out: Path, edits: dict[str, Edit]) -> Path:
    """A copy of the package ``src`` at ``out`` with ``edits`` applied to the named XML parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name in edits:
                root = etree.fromstring(data)
                edits[name](root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            zout.writestr(name, data)
    return out


def first(root: etree._Element, path: str) -> etree._Element:
    return root.xpath(path, namespaces=NS)[0]


def test_the_built_example_is_clean(docx_path: Path) -> None:
    assert validate_docx(docx_path) == []


def test_not_a_package(tmp_path: Path) -> None:
    bad = tmp_path / "x.docx"
    bad.write_text("plain text")
    (problem,) = validate_docx(bad)
    assert "cannot open the package" in problem


def test_dangling_relationship_and_unknown_rel_id(docx_path: Path, tmp_path: Path) -> None:
    def retarget(rels: etree._Element) -> None:
        first(rels, "//rel:Relationship[contains(@Target, 'media/')]").set(
            "Target", "media/missing.png"
        )

    def unknown_embed(doc: etree._Element) -> None:
        blip = first(doc, "//*[@r:embed]")
        blip.set(f"{{{NS['r']}}}embed", "rId999")

    bad = broken(
        docx_path,
        tmp_path / "rels.docx",
        {"word/_rels/document.xml.rels": retarget, "word/document.xml": unknown_embed},
    )
    problems = validate_docx(bad)
    assert any("points to missing part word/media/missing.png" in p for p in problems), problems
    assert "word/document.xml: r:embed 'rId999' has no relationship" in problems


def test_duplicate_drawing_and_bookmark_ids(docx_path: Path, tmp_path: Path) -> None:
    def same_ids(doc: etree._Element) -> None:
        drawings = doc.xpath("//wp:docPr", namespaces=NS)
        assert len(drawings) >= 2
        for node in drawings:
            node.set("id", "1")
        starts = doc.xpath("//w:bookmarkStart", namespaces=NS)
        starts[1].set(w("id"), starts[0].get(w("id")))

    problems = validate_docx(
        broken(docx_path, tmp_path / "ids.docx", {"word/document.xml": same_ids})
    )
    assert "duplicate wp:docPr id 1" in problems
    assert any(p.startswith("duplicate w:bookmarkStart id ") for p in problems), problems


def test_footnote_referenced_twice_missing_and_unreferenced(
    docx_path: Path, tmp_path: Path
) -> None:
    def edit_body(doc: etree._Element) -> None:
        mark = first(doc, "//w:r[w:footnoteReference/@w:id='1']")
        mark.addnext(copy.deepcopy(mark))  # note 1 marked twice
        gone = first(doc, "//w:r[w:footnoteReference/@w:id='3']")
        gone.getparent().remove(gone)  # note 3 never marked

    def drop_note(notes: etree._Element) -> None:
        note = first(notes, "//w:footnote[@w:id='2']")
        notes.remove(note)  # mark 2 points nowhere

    bad = broken(
        docx_path,
        tmp_path / "notes.docx",
        {"word/document.xml": edit_body, "word/footnotes.xml": drop_note},
    )
    problems = validate_docx(bad)
    assert "footnote 1 is referenced 2 times (not once)" in problems
    assert "footnote 3 is referenced 0 times (not once)" in problems
    assert "w:footnoteReference 2 has no footnote in word/footnotes.xml" in problems


def test_unknown_style_and_numbering(docx_path: Path, tmp_path: Path) -> None:
    def edit_body(doc: etree._Element) -> None:
        first(doc, "//w:pStyle[@w:val='BodyText']").set(w("val"), "NoSuchStyle")
        first(doc, "//w:numId").set(w("val"), "77")

    def edit_notes(notes: etree._Element) -> None:
        run_props = first(notes, "//w:footnote[@w:id='1']//w:r/w:rPr")
        run_props.insert(0, etree.Element(w("rStyle"), {w("val"): "GhostChars"}))

    bad = broken(
        docx_path,
        tmp_path / "styles.docx",
        {"word/document.xml": edit_body, "word/footnotes.xml": edit_notes},
    )
    problems = validate_docx(bad)
    assert "word/document.xml: w:pStyle 'NoSuchStyle' is not in word/styles.xml" in problems
    assert "word/footnotes.xml: w:rStyle 'GhostChars' is not in word/styles.xml" in problems
    assert "word/document.xml: w:numId 77 is not in word/numbering.xml" in problems


def test_part_without_content_type(docx_path: Path, tmp_path: Path) -> None:
    def drop_override(types: etree._Element) -> None:
        types.remove(first(types, "//ct:Override[@PartName='/word/footnotes.xml']"))

    bad = broken(docx_path, tmp_path / "ct.docx", {"[Content_Types].xml": drop_override})
    assert validate_docx(bad) == [
        "word/footnotes.xml: only the generic content type application/xml (no Override)"
    ]
