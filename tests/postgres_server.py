"""A throwaway PostgreSQL server for the tests: initdb in a fresh folder, pg_ctl start on a free
port of 127.0.0.1 (as the user ``nobody`` when the tests run as root, since PostgreSQL refuses
root), stopped at the end. ``BRIEFGEN_TEST_POSTGRES_URL`` names a running server instead."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_VARIABLE = "BRIEFGEN_TEST_POSTGRES_URL"


class NoServer(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]), None)
    if not found:
        raise NoServer(f"no {name} on this machine (install the Debian package postgresql, or set "
                       f"{URL_VARIABLE} to a server's SQLAlchemy URL)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_url() -> Iterator[str]:
    """The SQLAlchemy URL of a PostgreSQL server that accepts the user ``briefgen``."""
    if os.environ.get(URL_VARIABLE):
        yield os.environ[URL_VARIABLE]
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="briefgen-pg-", dir="/tmp"))
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        runuser = shutil.which("runuser")
        if not runuser:
            raise NoServer("running as root without runuser to start PostgreSQL as nobody")
        as_user = [runuser, "-u", "nobody", "--"]
        shutil.chown(folder, "nobody")
    folder.chmod(0o755)
    data, port = folder / "data", _free_port()
    def run(*command: str) -> None:
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise NoServer(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()[-300:]}")
    try:
        run(initdb, "-D", str(data), "-U", "briefgen", "--auth=trust", "-E", "UTF8", "--locale=C")
        run(pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "30", "-o",
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start")
    except (NoServer, OSError, subprocess.TimeoutExpired) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServer(f"cannot start PostgreSQL: {error}") from None
    try:
        yield f"postgresql+psycopg://briefgen@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
