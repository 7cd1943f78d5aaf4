"""Helpers for the regeneration tests: copies of the built example, small edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

NAME = "ai-models-2024"
OLD_CSV = "large_scale_ai_models_2024-07.csv"
NEW_CSV = "large_scale_ai_models_2025-05.csv"


def copy_built(built_project: Path, target: Path) -> Path:
    """A copy of an already built project (outputs, manifest and cache included)."""
    shutil.copytree(built_project, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def manifest(project: Path) -> dict:
    return json.loads((project / "output" / f"{NAME}.manifest.json").read_text("utf-8"))


def output_bytes(project: Path) -> dict[str, bytes]:
    """Every file in output/ (hidden ones too) by name."""
    return {p.name: p.read_bytes() for p in sorted((project / "output").iterdir())}
