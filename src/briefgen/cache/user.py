"""The per-user cache folder, for what is the same in every project (compiled templates, parsed
fonts). It holds code-like data (marshalled bytecode), so it is never inside a project folder a
brief's author may have been sent: a shared project cannot bring its own "cache".

It also holds this user's secret (``secret``, 32 random bytes, mode 0600), which names the
entries a build keeps in a project's ``.briefgen-cache`` (``user_key``): a project folder
someone sends, with a cache made to look like built outputs or charts, holds no entry under a
name this user's builds look for, so its entries are never used (only pruned).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from contextlib import suppress
from functools import cache
from pathlib import Path

SECRET_NAME = "secret"
SECRET_BYTES = 32


def user_cache_dir(part: str) -> Path | None:
    """``BRIEFGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefgen``, else ``~/.cache/briefgen``;
    with the sub-folder ``part`` (not created here). None when there is no home folder to put
    it in: then nothing is cached (a shared temporary folder would let others plant entries)."""
    configured = os.environ.get("BRIEFGEN_CACHE_DIR")
    if configured:
        return Path(configured) / part
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no password entry
            return None
    return Path(base) / "briefgen" / part


def user_key(name: str) -> str:
    """The hex HMAC-SHA256 of ``name`` under this user's secret: the file name of a cache entry
    in a project folder."""
    return hmac.new(user_secret(), name.encode("utf-8"), hashlib.sha256).hexdigest()


@cache
def user_secret() -> bytes:
    """This user's secret: read from the per-user folder, made there (0600) on first use. A
    secret file that is not a regular file of this user's, readable by no one else and of the
    right length is not used; then, as without a per-user folder, the secret lives for this
    process only (nothing is reused from earlier runs)."""
    folder = user_cache_dir("")
    if folder is not None:
        with suppress(OSError):
            return _read_secret(folder / SECRET_NAME) or _make_secret(folder)
    return secrets.token_bytes(SECRET_BYTES)


def _read_secret(path: Path) -> bytes | None:
    """The secret in ``path``, None if there is no such file; OSError if it is not a usable one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISREG(info.st_mode) or not ours or info.st_mode & 0o077:
            raise PermissionError(f"{path} is not a private file of this user")
        data = file.read(SECRET_BYTES + 1)
    if len(data) != SECRET_BYTES:
        raise OSError(f"{path} is not a briefgen secret")
    return data


def _make_secret(folder: Path) -> bytes:
    """Write a new secret (0600) into ``folder``; when another process made one meanwhile,
    that one is the secret."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = folder / f".{SECRET_NAME}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(secrets.token_bytes(SECRET_BYTES))
        try:
            os.link(temp, folder / SECRET_NAME)  # never replaces a secret already there
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not (folder / SECRET_NAME).exists():
                os.replace(temp, folder / SECRET_NAME)
    finally:
        temp.unlink(missing_ok=True)
    secret = _read_secret(folder / SECRET_NAME)
    if secret is None:
        raise FileNotFoundError(folder / SECRET_NAME)
    return secret
