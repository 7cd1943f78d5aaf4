"""Compiled templates kept between builds (Jinja's bytecode cache, in the per-user cache).

Compiling the example's content template takes about as long as rendering it; a rebuild after a
data change (the everyday case) reuses the compiled code. An entry is keyed by the template's
source (with its line markers) and by briefgen's own code hash, which covers the environment's
options and filters. Any failure to read or write the cache only means compiling again.
"""

from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

from briefgen.cache.inputs import code_hash
from briefgen.cache.user import user_cache_dir


def compiled_templates() -> CompiledTemplates | None:
    """The per-user cache of compiled templates (None when there is no per-user cache)."""
    folder = user_cache_dir("templates")
    return CompiledTemplates(folder) if folder else None


class CompiledTemplates(FileSystemBytecodeCache):
    """A bytecode cache that never fails a build and is invalidated by a new briefgen."""

    def __init__(self, folder: Path) -> None:
        with suppress(OSError):  # if it cannot be made, dump_bytecode fails quietly
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder), "%s.jinja")

    def get_source_checksum(self, source: str) -> str:
        """The source's hash, salted with briefgen's code (options, filters, Jinja use)."""
        return hashlib.sha256(f"{code_hash()}\0{source}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 — a torn or foreign file: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)
