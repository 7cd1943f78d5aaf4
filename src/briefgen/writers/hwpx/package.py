"""Deterministic HWPX bytes: stable object ids while building, fixed zip entry metadata."""

from __future__ import annotations

import io
import itertools
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hwpx.oxml import _document_impl

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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


def write_stable_zip(data: bytes, out: Path) -> None:
    """Write the package ``data`` to ``out`` keeping python-hwpx's entry order and
    compression (``mimetype`` first and stored) with a fixed timestamp and permissions."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as dst:
        for old, payload in entries:
            info = zipfile.ZipInfo(old.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = old.compress_type
            info.external_attr = 0o644 << 16
            dst.writestr(info, payload)
    out.write_bytes(buffer.getvalue())
