"""Per-format output cache in ``.briefgen-cache/out/`` (safe to delete at any time).

An entry is a file named by the hash of everything that determines it (the document, the
theme, fonts, images, briefgen's code) plus a small JSON sidecar (e.g. the PDF's page map).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

KEEP = 12  # entries kept after a build (newest first)


class OutputCache:
    """Store and fetch built files by key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def fetch(self, key: str, target: Path) -> dict[str, Any] | None:
        """Copy the cached file ``key`` to ``target`` and return its info, or None."""
        entry, info = self.folder / key, self.folder / f"{key}.json"
        if not (entry.is_file() and info.is_file()):
            return None
        try:
            data = json.loads(info.read_text("utf-8"))
            shutil.copyfile(entry, target)
        except (OSError, ValueError):
            return None
        os.utime(entry)  # most recently used
        return data

    def store(self, key: str, source: Path, info: dict[str, Any]) -> None:
        """Remember ``source`` as ``key`` (best effort: a cache failure never fails a build)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp = self.folder / f".{key}.tmp"
            shutil.copyfile(source, temp)
            (self.folder / f"{key}.json").write_text(json.dumps(info, sort_keys=True), "utf-8")
            temp.replace(self.folder / key)
        except OSError:
            pass

    def prune(self, keep: int = KEEP) -> None:
        """Drop all but the ``keep`` most recently used entries."""
        if not self.folder.is_dir():
            return
        entries = [p for p in self.folder.iterdir() if p.suffix != ".json" and not p.name.startswith(".")]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
            old.with_name(f"{old.name}.json").unlink(missing_ok=True)
