"""``briefgen watch``: the rebuild it runs per change, its filter, and the loop with a stop event."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import copy_example
from regen_helpers import NAME, OLD_CSV, copy_built, edit, output_bytes

from briefgen.build import CACHE_DIR, build
from briefgen.regen.watch import ignored_parts, make_filter, rebuild, run_watch

CONTENT = "templates/ai-models/content.md"
FIGURE = "::: figure #fig-cut image=cut.png\n잘린 그림\n:::"


def test_rebuild_reports_one_line_and_keeps_the_last_good_output(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    ok, line = rebuild(project)
    assert ok and line.endswith(f"up to date ({example_build[1].pages} pages)")
    before = output_bytes(project)
    edit(project / CONTENT, "# 서론", "# 서론\n\n{{ stats.nothing }}")
    ok, line = rebuild(project)
    assert not ok and "unknown statistic 'nothing'" in line and "last good output is kept" in line
    assert "\n" not in line and output_bytes(project) == before


def test_rebuild_reports_a_bug_in_one_line_and_keeps_watching(example_build, tmp_path, monkeypatch):
    import briefgen.build

    def crash(*args, **kwargs):
        raise RuntimeError("a bug\nin two lines")

    monkeypatch.setattr(briefgen.build, "build", crash)
    ok, line = rebuild(example_build[0])
    assert not ok and "internal error: RuntimeError: a bug in two lines" in line and "\n" not in line


def test_filter_ignores_outputs_cache_and_temporary_files(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    accept = make_filter(ignored_parts(project))
    root = project.resolve()
    assert accept(None, str(root / CONTENT))
    assert accept(None, str(root / "brief.yaml"))
    assert not accept(None, str(root / "output" / f"{NAME}.pdf"))
    assert not accept(None, str(root / CACHE_DIR / "charts" / "x.png"))
    assert not accept(None, str(root / "templates" / ".content.md.swp"))
    assert not accept(None, str(root / "data" / "x.csv.tmp"))


def test_watch_loop_rebuilds_on_change_until_stopped(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=run_watch, args=(project, lines.append, stop, 50), daemon=True)
    thread.start()

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + 30
        while len(lines) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(lines) >= count, lines

    def wait_until(text: str, start: int) -> None:
        deadline = time.monotonic() + 30
        while not any(text in line for line in lines[start:]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(text in line for line in lines[start:]), lines[start:]

    try:
        wait_for(1)
        assert "up to date" in lines[0]
        time.sleep(0.3)  # let the watcher start
        edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 새로 쓴 문단")
        wait_for(2)
        assert " built in " in lines[1]
        edit(project / CONTENT, "ㅇ 새로 쓴 문단", "{{ stats.nothing }}")
        wait_for(3)
        assert "error:" in lines[2]
        # bad input that once ended in an internal error: a damaged image, an impossible date
        start = len(lines)
        (project / "cut.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        edit(project / CONTENT, "{{ stats.nothing }}", FIGURE)
        wait_until("image 'cut.png' is", start)
        start = len(lines)
        edit(project / "brief.yaml", "date: 2024-", "date: 2024-02-30 #")
        wait_until("2024-02-30 is not a real date", start)
        start = len(lines)
        edit(project / "brief.yaml", "date: 2024-02-30 #", "date: 2024-")
        edit(project / CONTENT, FIGURE, "ㅇ 다시 쓴 문단")
        wait_until(" built in ", start)
        errors = [line for line in lines if "error:" in line]
        assert len(errors) >= 3 and all("last good output is kept" in line for line in errors)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def _set_country(project: Path, model: str, country: str) -> None:
    """Give ``model``'s row another country (text and a table change, no chart)."""
    path = project / "data/epoch" / OLD_CSV
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("Country (from Organization)")
    [row] = [r for r in rows if r[0] == model]
    row[column] = country
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_warm_rebuild_equals_a_build_in_a_new_process(example_build, tmp_path):
    """What a long-lived process keeps between builds (template environments, the markup
    parser, the chart renderers) never shows: after data rows and the template changed, a rebuild here
    writes the same bytes as a build of the same inputs by a new process with empty caches."""
    project = copy_built(example_build[0], tmp_path / "warm")
    _set_country(project, "Jiutian", "Japan")
    assert not build(project).up_to_date  # this process now keeps this project's state
    _set_country(project, "Jiutian", "Korea (Republic of)")
    edit(project / CONTENT, "# 서론", "# 서론\n\nㅇ 새로 쓴 문단: {{ stats.total | count }}")
    assert build(project).cached == []
    cold = copy_example(tmp_path / "cold", project)
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(tmp_path / "new-user-cache")}
    subprocess.run([sys.executable, "-m", "briefgen", "build", str(cold), "--quiet"], env=env, check=True)
    warm, fresh = output_bytes(project), output_bytes(cold)
    for fmt in ("pdf", "docx", "html", "hwpx"):
        assert warm[f"{NAME}.{fmt}"] == fresh[f"{NAME}.{fmt}"], fmt
    built = ("statistics", "datasets", "sentences", "readings_used", "warnings", "outputs",
             "claims", "choices")
    manifests = [json.loads(files[f"{NAME}.manifest.json"]) for files in (warm, fresh)]
    # the warm project was built before its data file was edited in place: it alone warns
    # that the file changed under an unchanged snapshot date
    [stale] = manifests[0]["warnings"]
    assert "changed since the last build but its snapshot date 2024.07. did not" in stale
    manifests[0]["warnings"] = []
    assert [{k: m[k] for k in built} for m in manifests] == [{k: manifests[1][k] for k in built}] * 2
