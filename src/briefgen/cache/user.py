"""The per-user cache folder, for what is the same in every project (compiled templates, parsed
fonts). It holds code-like data (marshalled bytecode), so it is never inside a project folder a
brief's author may have been sent: a shared project cannot bring its own "cache"."""

from __future__ import annotations

import os
from pathlib import Path


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
