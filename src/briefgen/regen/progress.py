"""Build progress on the terminal: a rich spinner naming the stage, shown only on a TTY and
only once a build has run longer than a second (quick and cached builds stay silent)."""

from __future__ import annotations

import threading
from types import TracebackType

from rich.console import Console
from rich.status import Status

STAGES = {
    "check": "checking inputs",
    "data": "reading data and computing statistics",
    "template": "rendering the template and charts",
    "pdf": "writing PDF",
    "docx": "writing DOCX",
    "manifest": "writing the manifest",
}
DELAY = 1.0


class BuildProgress:
    """Context manager and ``step`` callback for ``build(step=...)``."""

    def __init__(self, console: Console, enabled: bool = True, delay: float = DELAY) -> None:
        self.console = console
        self.enabled = enabled and console.is_terminal
        self.delay = delay
        self.stage = "check"
        self.status: Status | None = None
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            self.timer = threading.Timer(self.delay, self._show)
            self.timer.daemon = True
            self.timer.start()
        return self

    def __call__(self, stage: str) -> None:
        with self.lock:
            self.stage = stage
            if self.status is not None:
                self.status.update(self._text())

    def _text(self) -> str:
        return f"{STAGES.get(self.stage, self.stage)} …"

    def _show(self) -> None:
        with self.lock:
            self.status = self.console.status(self._text())
            self.status.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.timer is not None:
            self.timer.cancel()
        with self.lock:
            if self.status is not None:
                self.status.stop()
                self.status = None
