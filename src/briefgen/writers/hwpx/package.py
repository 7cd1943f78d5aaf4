"""Deterministic HWPX files: the package zipped with fixed entry metadata."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hwpx import HwpxDocument
from hwpx.templates import blank_document_bytes

from briefgen.compat.hwpx import serialized_parts

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MIMETYPE = "mimetype"  # the OCF type entry: first in the zip and stored, never deflated


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
    updates, read_part, names = serialized_parts(document)
    parts = set(names) | set(updates)
    with zipfile.ZipFile(io.BytesIO(blank_document_bytes())) as skeleton:
        order = [name for name in skeleton.namelist() if name in parts]
    order += sorted(parts.difference(order))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == MIMETYPE else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            payload = updates[name] if name in updates else read_part(name)
            archive.writestr(info, payload)
    out.write_bytes(buffer.getvalue())
