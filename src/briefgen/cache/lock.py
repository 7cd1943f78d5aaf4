"""One build of a project at a time: an exclusive lock on ``.briefgen-cache/build.lock``.

A second build of the same project (another terminal, ``watch`` beside ``build``) waits up to
LOCK_WAIT seconds for the first to finish, then stops with a BriefError instead of writing the
same outputs and manifest at once. The lock is the kernel's (``flock``): it ends with the
process that holds it, however that process ends. Without ``fcntl`` (Windows) builds are not
locked.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.cache.paths import project_folder
from briefgen.errors import BriefError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "build.lock"
LOCK_WAIT = 10.0
"""Seconds a build waits for another build of the same project to finish."""
_POLL = 0.1


@contextmanager
def build_lock(root: Path, cache_dir: str, wait: float | None = None) -> Iterator[None]:
    """Hold the build lock of the project at ``root`` (its cache folder ``cache_dir``), waiting
    up to ``wait`` (default LOCK_WAIT) seconds; BriefError if another build still holds it."""
    if fcntl is None:
        yield
        return
    shown = f"{cache_dir}/{LOCK_NAME}"
    path = project_folder(root, cache_dir, create=True) / LOCK_NAME
    flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        raise BriefError(f"cannot open the build lock: {exc.strerror} (delete it)", source=shown) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BriefError("the build lock must be a regular file (delete it)", source=shown)
        _acquire(fd, LOCK_WAIT if wait is None else wait, shown)
        yield
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, wait: float, shown: str) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise BriefError(
                    f"another build of this project is running (waited {wait:g} s); "
                    "run again when it has finished", source=shown,
                ) from None
            time.sleep(_POLL)
