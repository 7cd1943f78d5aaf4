"""``briefgen new``: create a brief project from a bundled scaffold that builds immediately."""

from __future__ import annotations

import re
from importlib.resources import as_file, files
from pathlib import Path

from briefgen.errors import BriefError

SCAFFOLDS = ("is", "scorecard")
PLACEHOLDER = "__NAME__"
_NAME = re.compile(r"^[A-Za-z0-9가-힣][A-Za-z0-9가-힣._-]{0,99}$")


def create_project(target: Path, template: str = "is") -> list[Path]:
    """Write scaffold ``template`` into the new folder ``target``; return the files written."""
    if template not in SCAFFOLDS:
        raise BriefError(f"unknown template '{template}' (choose one of: {', '.join(SCAFFOLDS)})")
    name = target.name
    if not _NAME.match(name):
        raise BriefError(
            f"project name '{name}' may use letters, digits, '.', '_' and '-' only", source=str(target)
        )
    if target.exists() and any(target.iterdir()):
        raise BriefError("folder exists and is not empty; choose a new name", source=str(target))
    written: list[Path] = []
    with as_file(files("briefgen.scaffolds").joinpath(template)) as source:
        for path in sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            relative = path.relative_to(source)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_text("utf-8")
            destination.write_text(text.replace(PLACEHOLDER, name), "utf-8")
            written.append(destination)
    return written
