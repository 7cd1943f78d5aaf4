"""Resolve data paths declared in the config, refusing anything outside the project."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from briefgen.errors import BriefError


def project_path(rel: str, project_dir: Path, source: str, key: str) -> Path:
    """The file ``rel`` (relative, ``/``-separated) inside ``project_dir``; must exist.

    Absolute paths, ``..`` components and symlinks that lead outside the project are errors.
    """
    if not isinstance(rel, str) or not rel.strip():
        raise BriefError(f"expected a relative file path, got {rel!r}", source=source, key=key)
    pure = PurePosixPath(rel.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
        raise BriefError(
            f"path {rel!r} must be relative to the project folder and stay inside it",
            source=source,
            key=key,
        )
    root = project_dir.resolve()
    path = (root / pure).resolve()
    if not path.is_relative_to(root):
        raise BriefError(f"path {rel!r} leads outside the project folder", source=source, key=key)
    if not path.is_file():
        raise BriefError(f"data file {rel!r} not found", source=source, key=key)
    return path
