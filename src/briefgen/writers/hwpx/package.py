"""Deterministic HWPX files: stable object ids while building, the package zipped with fixed entry metadata."""

from __future__ import annotations

import io
import itertools
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from hwpx import HwpxDocument
from hwpx.oxml import _document_impl
from hwpx.templates import blank_document_bytes

from briefgen.writers.hwpx.sectionxml import section_xml

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MIMETYPE = "mimetype"  # the OCF type entry: first in the zip and stored, never deflated


@contextmanager
def stable_ids() -> Iterator[None]:
    """Number the ids python-hwpx gives new paragraphs, tables, pictures and notes 1, 2, 3…

    python-hwpx draws them from ``uuid4()`` (``id``/``instId`` attributes); it exposes the
    ``hwpx.oxml._document_impl.uuid4`` attribute as its seam for replacing that source.
    Not thread-safe: one document is built at a time."""
    counter = itertools.count(1)
    original = _document_impl.uuid4
    _document_impl.uuid4 = lambda: uuid.UUID(int=next(counter))
    try:
        yield
    finally:
        _document_impl.uuid4 = original


def write_package(document: HwpxDocument, out: Path) -> None:
    """Write ``document`` to ``out`` as an HWPX zip: the parts ``oxml.serialize`` gives for
    what was edited (section and header roots already in the form Hancom reads), the
    package's other parts as they are; entries in python-hwpx's order (``mimetype`` first and
    stored, then the skeleton's parts, then new parts sorted, deflated), fixed timestamp and
    permissions.

    ``HwpxDocument.to_bytes`` also stores the serialised parts in the package, which parses
    and re-serialises each section again (seconds for a table of thousands of rows), and runs
    python-hwpx's open-safety validation: it re-parses every part, validates it against the
    schemas and re-opens the package, the larger part of this writer's time. The tests check
    that this writes the bytes ``to_bytes`` writes and run that validation on them instead.
    The sections' own ``to_bytes`` is quadratic in a table's size; ``section_xml`` stands in."""
    for section in document.sections:
        section.to_bytes = partial(section_xml, section.element, section.to_bytes)
    package = document.package
    updates = document.oxml.serialize()
    parts = set(package.part_names()) | set(updates)
    with zipfile.ZipFile(io.BytesIO(blank_document_bytes())) as skeleton:
        order = [name for name in skeleton.namelist() if name in parts]
    order += sorted(parts.difference(order))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == MIMETYPE else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            payload = updates[name] if name in updates else package.get_part(name)
            archive.writestr(info, payload)
    out.write_bytes(buffer.getvalue())
