"""A job's child ends when the build's process is killed, instead of waiting forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.schedule import can_fork

# The child waits for a mailbox value the parent never puts; the parent then waits forever.
PARENT = """
import os, sys, time
from briefgen.schedule import Scheduler

def job(box):
    print(os.getpid(), flush=True)
    return box.take()

with Scheduler() as scheduler:
    box = scheduler.mailbox()
    scheduler.submit(lambda: job(box))
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Running (a zombie nobody reaped yet counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not can_fork(), reason="no fork or a single core here")
def test_a_waiting_child_ends_when_its_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(300):  # a bounded poll: at most 30 s
        if not _alive(child):
            break
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child outlived its killed parent")
