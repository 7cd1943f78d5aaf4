"""Many brief projects under one folder: find them, remember each one's last build.

A project is a folder with ``brief.yaml``. The search skips hidden folders, ``output``
folders and any folder holding a ``.briefgenignore`` file (with everything below it).
The last build's status lives in ``<project>/.briefgen-cache/last-build.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from briefgen.cache.paths import project_folder, read_small, write_atomic
from briefgen.errors import BriefError
from briefgen.project import CONFIG_NAME

IGNORE_MARK = ".briefgenignore"
STATUS_FILE = Path(".briefgen-cache") / "last-build.json"
MAX_STATUS = 1 << 20  # bytes


@dataclass
class BuildStatus:
    """How the last build of a project ended."""

    ok: bool
    when: str
    message: str = ""
    pages: int = 0


def find_projects(folder: Path) -> list[Path]:
    """Every project folder at or below ``folder``, sorted by path."""
    found = []
    for current, dirs, files in os.walk(folder):
        if IGNORE_MARK in files:
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "output")
        if CONFIG_NAME in files:
            found.append(Path(current))
    return sorted(found)


def record_status(project: Path, ok: bool, message: str = "", pages: int = 0) -> None:
    """Remember how the build of ``project`` ended (written atomically)."""
    folder = project if project.is_dir() else project.parent
    try:  # never through a symlinked cache folder; the build reports that one
        cache = project_folder(folder, STATUS_FILE.parent.as_posix(), create=True)
    except (BriefError, OSError):
        return
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    status = json.dumps(asdict(BuildStatus(ok, when, message, pages)), ensure_ascii=False)
    with suppress(OSError):  # a read-only or full disk: the build's own error says so
        write_atomic(cache / STATUS_FILE.name, status.encode())


def read_status(project: Path) -> BuildStatus | None:
    """The last recorded build of ``project``, or None if it was never built (or unreadable)."""
    raw = read_small(project / STATUS_FILE, MAX_STATUS)
    try:
        return BuildStatus(**json.loads(raw)) if raw is not None else None
    except (ValueError, TypeError):
        return None
