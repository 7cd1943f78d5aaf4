"""Deterministic packaging: python-docx's package entries written once, with fixed metadata."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.packuri import PackURI

from briefgen.compat.docx import write_package

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class _Entries:
    """Stands in for python-docx's zip writer and keeps each entry (compressed only once, later)."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob

    def close(self) -> None:
        """Nothing to close: the entries are written by ``write_stable_zip``."""


def package_entries(package: Any) -> dict[str, bytes]:
    """The entries python-docx's ``save`` would zip: content types, rels and every part."""
    sink = _Entries()
    write_package(sink, package)
    return sink.entries


def write_stable_zip(entries: dict[str, bytes], out: Path) -> None:
    """Write the package ``entries`` to ``out`` with ``[Content_Types].xml`` first, the other
    entries sorted by name, a fixed timestamp and fixed permissions, so equal documents give
    byte-identical files."""
    first = "[Content_Types].xml"
    order = [first] + sorted(name for name in entries if name != first)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, entries[name])
    out.write_bytes(buffer.getvalue())
