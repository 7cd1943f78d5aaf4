"""``briefgen watch`` rebuilds only once the changed files stopped changing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from briefgen.regen.settle import wait_until_stable


def test_a_file_still_growing_is_waited_for(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("name,score\n", "utf-8")
    writes = iter(["가나,1\n", "다라,2\n"])
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # the writer appends a row during the first two waits
        slept.append(seconds)
        row = next(writes, None)
        if row is not None:
            with data.open("a", encoding="utf-8") as out:
                out.write(row)

    assert wait_until_stable([data], settle_s=0.1, sleep=sleep)
    assert len(slept) == 3  # two waits saw it change, the third saw it still
    assert data.read_text("utf-8").endswith("다라,2\n")


def test_an_empty_or_ever_changing_file_gives_up(tmp_path: Path) -> None:
    empty = tmp_path / "data.csv"
    empty.write_bytes(b"")
    assert not wait_until_stable([empty], settle_s=0.1, max_wait_s=0.3, sleep=lambda s: None)
    counter = iter(range(1000))

    def touch(seconds: float) -> None:
        empty.write_text("x" * (next(counter) + 1))

    assert not wait_until_stable([empty], settle_s=0.1, max_wait_s=0.5, sleep=touch)


def test_missing_and_quiet_files_are_stable_after_one_real_wait(tmp_path: Path) -> None:
    quiet = tmp_path / "brief.yaml"
    quiet.write_text("meta: {}\n", "utf-8")
    started = time.monotonic()
    assert wait_until_stable([quiet, tmp_path / "deleted.csv"], settle_s=0.05)
    assert time.monotonic() - started < 1


def test_a_writer_in_another_thread_is_waited_out(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("name,score\n", "utf-8")

    def write() -> None:
        for n in range(5):
            time.sleep(0.02)
            with data.open("a", encoding="utf-8") as out:
                out.write(f"모델{n},{n}\n")

    writer = threading.Thread(target=write)
    writer.start()
    assert wait_until_stable([data], settle_s=0.4)  # far longer than the writer's pauses
    writer.join()
    assert data.read_text("utf-8").count("\n") == 6
