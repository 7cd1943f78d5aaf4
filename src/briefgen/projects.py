"""Many brief projects under one folder: find them, remember each one's last build.

A project is a folder with ``brief.yaml``. The search skips hidden folders, ``output``
folders and any folder holding a ``.briefgenignore`` file (with everything below it).
The last build's status lives in ``<project>/.briefgen-cache/last-build.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from briefgen.project import CONFIG_NAME

IGNORE_MARK = ".briefgenignore"
STATUS_FILE = Path(".briefgen-cache") / "last-build.json"


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
    path = folder / STATUS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(asdict(BuildStatus(ok, when, message, pages)), ensure_ascii=False), "utf-8")
    os.replace(temp, path)


def read_status(project: Path) -> BuildStatus | None:
    """The last recorded build of ``project``, or None if it was never built (or unreadable)."""
    try:
        data = json.loads((project / STATUS_FILE).read_text("utf-8"))
        return BuildStatus(**data)
    except (OSError, ValueError, TypeError):
        return None
