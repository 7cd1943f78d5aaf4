"""``briefgen watch``: the rebuild it runs per change, its filter, and the loop with a stop event."""

from __future__ import annotations

import threading
import time

from regen_helpers import NAME, copy_built, edit, output_bytes

from briefgen.build import CACHE_DIR
from briefgen.regen.watch import ignored_parts, make_filter, rebuild, run_watch

CONTENT = "templates/ai-models/content.md"


def test_rebuild_reports_one_line_and_keeps_the_last_good_output(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    ok, line = rebuild(project)
    assert ok and line.endswith(f"up to date ({example_build[1].pages} pages)")
    before = output_bytes(project)
    edit(project / CONTENT, "# 서론", "# 서론\n\n{{ stats.nothing }}")
    ok, line = rebuild(project)
    assert not ok and "unknown statistic 'nothing'" in line and "last good output is kept" in line
    assert "\n" not in line and output_bytes(project) == before


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
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
