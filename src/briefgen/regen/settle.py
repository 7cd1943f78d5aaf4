"""Wait until changed files stop changing: an editor, a copy or an export may still be
writing them, and a build must never publish a half-written data file."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

SETTLE_S = 0.2
"""How long a file's size and modification time must stay the same."""

MAX_WAIT_S = 10.0
"""How long to wait at most; a file still changing then is left to its next change event."""

Stamp = tuple[int, int] | None


def wait_until_stable(
    paths: Iterable[str | Path],
    settle_s: float = SETTLE_S,
    max_wait_s: float = MAX_WAIT_S,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """True once every one of ``paths`` has kept its size and mtime for ``settle_s`` (a
    missing file counts as stable, an empty one as still being written); False after
    ``max_wait_s`` without that."""
    files = [Path(p) for p in paths]
    before = _stamps(files)
    waited = 0.0
    while waited < max_wait_s:
        sleep(settle_s)
        waited += settle_s
        now = _stamps(files)
        if now == before and all(stamp is None or stamp[0] > 0 for stamp in now):
            return True
        before = now
    return False


def _stamps(files: list[Path]) -> list[Stamp]:
    stamps: list[Stamp] = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            stamps.append(None)
            continue
        stamps.append((info.st_size, info.st_mtime_ns) if file.is_file() else None)
    return stamps
