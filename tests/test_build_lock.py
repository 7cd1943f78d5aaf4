"""Two builds of one project at once: the second waits for the first, or stops with a
located error; neither loses the outputs or the manifest."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefgen.cache import lock
from briefgen.cli import main

SMALL = Path(__file__).parent / "bad_inputs" / "csv-semicolon-declared"
HOLD = """
import sys
from pathlib import Path
from briefgen.cache.lock import build_lock
with build_lock(Path(sys.argv[1]), ".briefgen-cache", wait=0):
    print("held", flush=True)
    sys.stdin.read()
"""


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(SMALL, project, ignore=shutil.ignore_patterns("expected.txt"))
    return project


def test_a_build_stops_while_another_process_builds_the_project(tmp_path, monkeypatch):
    project = _project(tmp_path)
    (project / "output").mkdir()
    (project / "output" / "x.docx").write_bytes(b"previous")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(lock, "LOCK_WAIT", 0.3)
        result = CliRunner().invoke(main, ["build", str(project), "--format", "docx"])
        assert result.exit_code == 1, result.output
        assert result.stderr.strip().splitlines() == [
            "error: .briefgen-cache/build.lock: another build of this project is running "
            "(waited 0.3 s); run again when it has finished"
        ]
        assert (project / "output" / "x.docx").read_bytes() == b"previous"
    finally:
        holder.communicate("", timeout=30)
    result = CliRunner().invoke(main, ["build", str(project), "--format", "docx"])
    assert result.exit_code == 0, result.output


def test_two_builds_at_once_both_succeed(tmp_path):
    project = _project(tmp_path)
    command = [sys.executable, "-m", "briefgen", "build", str(project), "--force", "--format", "docx"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    output = project / "output"
    manifest = json.loads((output / "x.manifest.json").read_text("utf-8"))
    assert manifest["outputs"]["docx"]["path"] == "x.docx"
    assert not [p.name for p in output.iterdir() if p.name.endswith(".tmp")]
