"""Files and folders a build keeps inside the project, never reached through a symlink.

A project folder may come from someone else, so whatever briefgen writes, deletes or reads
there (``.briefgen-cache`` and its sub-folders, temp files, the manifest) must stay inside it:
a folder on the way that is a symlink is refused (``project_folder``), a file is read only if
it is a regular file (``read_small``, ``open_regular``: no FIFO, device or folder) and is
written through a fresh temp file renamed into place (``write_atomic``, ``temp_beside``),
which replaces a planted symlink instead of writing through it.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from briefgen.errors import BriefError


def project_folder(root: Path, relative: str, *, create: bool = False) -> Path:
    """``root/relative`` if no part of it is a symlink or a file (absent parts are fine;
    ``create`` makes them). BriefError naming the part otherwise."""
    folder = root
    for part in Path(relative).parts:
        folder = folder / part
        shown = folder.relative_to(root).as_posix()
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise BriefError("must be a real folder inside the project, not a symlink or a file "
                             "(delete it: briefgen recreates it)", source=shown)
        if create:
            folder.mkdir(exist_ok=True)
    return folder


def hidden_under(path: Path, folder: Path) -> bool:
    """Whether ``path``, inside ``folder``, lies under a hidden name there (``.briefgen-cache``,
    ``.git``, an editor's ``.x.swp``): such files are never templates nor inputs of a build."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def is_regular(path: Path) -> bool:
    """``path`` is a regular file itself (not a symlink, FIFO, device or folder)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def open_regular(path: Path, limit: int) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file of at most ``limit`` bytes (a FIFO is
    never waited on). OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file: {path}")
        if info.st_size > limit:
            raise OSError(f"{info.st_size:,} bytes; the limit is {limit:,}: {path}")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_small(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file (no symlink) of at most ``limit`` bytes, else None."""
    if not is_regular(path):
        return None
    try:
        with open_regular(path, limit) as handle:
            return handle.read()
    except OSError:
        return None


def temp_beside(target: Path) -> Path:
    """A new empty file next to ``target``, created exclusively (never an existing file or
    symlink), to be written and renamed onto ``target``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            os.close(os.open(temp, flags, 0o666))  # the umask applies, as to any output
            return temp
        except FileExistsError:
            continue


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a fresh temp file renamed into place."""
    temp = temp_beside(target)
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def system_errors(root: Path, folder: Path) -> Iterator[None]:
    """Turn an OSError (a full disk, a read-only folder, a name too long) into a BriefError
    naming the file of the project it names, or ``folder`` when it names none or a temp file."""
    try:
        yield
    except OSError as error:
        named = Path(os.fsdecode(error.filename)) if error.filename else folder
        if named.name.startswith(".") and named.name.endswith(".tmp"):
            named = named.parent
        try:
            shown = named.absolute().relative_to(root.absolute()).as_posix()
        except ValueError:
            shown = named.name
        raise BriefError(error.strerror or str(error), source=shown or ".") from None
