"""Per-format output cache in ``.briefgen-cache/out/`` (safe to delete at any time).

An entry is a file named by the hash of everything that determines it (the document, the
theme, fonts, images, briefgen's code), keyed with this user's secret (``user.user_key``: a
project folder someone sends cannot hold an entry a build would use), plus a small JSON sidecar
(e.g. the PDF's page map).
The folder is checked by the build (``paths.project_folder``: no symlink); an entry is used only
if it is a regular file, written through a fresh temp file, and pruning touches nothing but
the folder's own regular files.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from briefgen.cache.paths import is_regular, open_regular, read_small, temp_beside
from briefgen.cache.user import user_key

KEEP = 12  # entries kept after a build (newest first)
MAX_ENTRY = 1 << 30  # bytes: a larger "entry" is not one briefgen wrote
MAX_INFO = 16 << 20  # bytes of a sidecar (the PDF's page map)


class OutputCache:
    """Store and fetch built files by key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def fetch(self, key: str, target: Path) -> dict[str, Any] | None:
        """Copy the cached file ``key`` to ``target`` and return its info, or None."""
        entry = self.entry(key)
        info = entry.with_name(f"{entry.name}.json")
        raw = read_small(info, MAX_INFO) if is_regular(entry) else None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            with open_regular(entry, MAX_ENTRY) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            os.utime(entry)  # most recently used
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def store(self, key: str, source: Path, info: dict[str, Any]) -> None:
        """Remember ``source`` as ``key`` (best effort: a cache failure never fails a build)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            name = self.entry(key)
            entry, sidecar = temp_beside(name), temp_beside(name.with_name(f"{name.name}.json"))
            try:
                shutil.copyfile(source, entry)
                sidecar.write_text(json.dumps(info, sort_keys=True), "utf-8")
                sidecar.replace(name.with_name(f"{name.name}.json"))
                entry.replace(name)
            finally:
                entry.unlink(missing_ok=True)
                sidecar.unlink(missing_ok=True)
        except OSError:
            pass

    def entry(self, key: str) -> Path:
        """The file of ``key`` (``<hash>.pdf``): its name is keyed with this user's secret, the
        format's suffix kept."""
        return self.folder / f"{user_key(key)}{Path(key).suffix}"

    def prune(self, keep: int = KEEP) -> None:
        """Drop all but the ``keep`` most recently used entries (regular files of the folder
        itself: a symlinked folder or entry is never followed)."""
        if self.folder.is_symlink() or not self.folder.is_dir():
            return
        entries = [(p, p.lstat().st_mtime_ns) for p in self.folder.iterdir()
                   if p.suffix != ".json" and not p.name.startswith(".") and is_regular(p)]
        entries.sort(key=lambda e: e[1], reverse=True)
        for old, _ in entries[keep:]:
            old.unlink(missing_ok=True)
            old.with_name(f"{old.name}.json").unlink(missing_ok=True)
