"""Shared fixtures: the bundled example built once per test session in a temporary copy."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))  # tests/ir_sample.py


def copy_example(target: Path, source: Path = ROOT) -> Path:
    """Copy a bundled example project (config, templates, data) into ``target``:
    the root example, or ``source`` (e.g. ``ROOT / "examples" / "soai-scorecard"``)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "brief.yaml", target / "brief.yaml")
    shutil.copytree(source / "templates", target / "templates")
    shutil.copytree(source / "data", target / "data")
    return target


@pytest.fixture(scope="session", autouse=True)
def user_cache(tmp_path_factory):
    """Compiled templates and parsed fonts go to a per-session folder, not the user's cache."""
    folder = tmp_path_factory.mktemp("user-cache")
    os.environ["BRIEFGEN_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The example project built once: (project folder, BuildResult)."""
    from briefgen.build import build

    project = copy_example(tmp_path_factory.mktemp("example"))
    return project, build(project)
