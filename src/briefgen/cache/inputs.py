"""Input files of a build and their sha256 (memoised by size and mtime in the cache folder).

The inputs are: brief.yaml, the files in the content template's folder (includes, partials;
not the outputs, the cache or hidden files), each data file and ``map_file`` (and the result
of each query dataset, hashed by the build), a ``facts`` file,
a theme file, the bibliography files, user images, the TTF fonts and briefgen itself (version +
a hash of its source, so a code change invalidates caches).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import briefgen
from briefgen.cache.paths import open_regular, read_small, write_atomic
from briefgen.cache.user import user_cache_dir, user_key
from briefgen.errors import BriefError
from briefgen.project import Project

MEMO_NAME = "hashes.json"
MAX_MEMO = 64 << 20  # bytes of hashes.json
MAX_HASHED = 1 << 30  # bytes: no input file briefgen reads is larger (data files: 200 MB)
CHUNK = 1 << 20
FONT_ROLES = ("body", "bold", "heavy")


def sha256_bytes(data: bytes) -> str:
    """Hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_json(value: Any) -> str:
    """Hex sha256 of the canonical JSON of ``value`` (sorted keys, no spaces)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return sha256_bytes(text.encode())


class FileHasher:
    """sha256 of files, remembered by (size, mtime_ns) in ``<cache>/hashes.json``."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.path = cache_dir / MEMO_NAME if cache_dir else None
        self.memo: dict[str, list] = _load_memo(self.path) if self.path else {}
        self.dirty = False

    def __call__(self, path: Path) -> str:
        """The sha256 of ``path`` (re-read only when its size or mtime changed); BriefError if
        it is not a regular file or larger than ``MAX_HASHED``."""
        stat = path.stat()
        digest = self._seen(path, stat)
        if digest is None:
            digest = file_hash(path)
            self.memo[str(path)] = [stat.st_size, stat.st_mtime_ns, digest]
            self.dirty = True
        return digest

    def known(self, path: Path) -> str | None:
        """The remembered sha256 of ``path`` if its size and mtime are still the same."""
        return self._seen(path, path.stat())

    def _seen(self, path: Path, stat: os.stat_result) -> str | None:
        seen = self.memo.get(str(path))
        if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
            return seen[2]
        return None

    def remember(self, path: Path, digest: str) -> None:
        """Note that ``path`` as it is now has the sha256 ``digest`` (a file just written and
        hashed), so the next build's up-to-date check need not read it again."""
        stat = path.stat()
        self.memo[str(path)] = [stat.st_size, stat.st_mtime_ns, digest]
        self.dirty = True

    @staticmethod
    def bytes_hash(path: Path) -> str:
        """The sha256 of ``path`` read now (no memo: for files still being written)."""
        return file_hash(path)

    def save(self) -> None:
        """Write the memo back (best effort: the cache is optional)."""
        if not (self.path and self.dirty):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            entries = json.dumps(self.memo, sort_keys=True)
            write_atomic(self.path, json.dumps({"mac": user_key(entries), "entries": entries}).encode())
            self.dirty = False
        except OSError:
            pass


def _load_memo(path: Path) -> dict[str, list]:
    """The memo's well-formed entries (a damaged, foreign or special file gives none, and so
    does one this user's secret did not sign: a memo planted in a project folder someone sends
    could otherwise vouch for files it never saw, and make old outputs look up to date)."""
    raw = read_small(path, MAX_MEMO)
    try:
        signed = json.loads(raw) if raw is not None else {}
        entries = signed.get("entries") if isinstance(signed, dict) else None
        if not isinstance(entries, str) or not hmac.compare_digest(str(signed.get("mac")), user_key(entries)):
            return {}
        data = json.loads(entries)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 3
            and type(v[0]) is int and type(v[1]) is int and isinstance(v[2], str)}


def file_hash(path: Path, limit: int | None = None) -> str:
    """The sha256 of a regular file, read in chunks; BriefError (naming the file) if it is not
    a regular file or is larger than ``limit`` (default ``MAX_HASHED``) — checked first."""
    digest = hashlib.sha256()
    try:
        with open_regular(path, MAX_HASHED if limit is None else limit) as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise BriefError(f"cannot read input file: {exc.strerror or exc}", source=path.name) from None
    return digest.hexdigest()


@cache
def code_hash() -> str:
    """sha256 over briefgen's own source and data files (its effective version)."""
    root = Path(briefgen.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def declared_files(project: Project) -> dict[str, list[Path]]:
    """Input files the config names, grouped: config, content, data, facts, theme, bibliography."""
    root = project.root
    groups: dict[str, list[Path]] = {"config": [root / project.config_file]}
    groups["content"] = template_files(project.content.parent, project.output_dir)
    data: list[Path] = []
    _collect_paths(project.data, root, data)
    groups["data"] = data
    theme = Path(project.theme)
    if project.theme != "spri":
        groups["theme"] = [theme if theme.is_absolute() else root / theme]
    if project.bibliography:
        groups["bibliography"] = list(project.bibliography)
    return groups


def template_files(folder: Path, outputs: Path) -> list[Path]:
    """The files a content template in ``folder`` may include, sorted: all below it but those
    under a hidden name (the cache) and the output folder, which every build changes (a
    template in the project's own folder was never up to date)."""
    found = []
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        dirs[:] = [d for d in dirs if not d.startswith(".") and here / d != outputs]
        found += [here / name for name in files if not name.startswith(".") and (here / name).is_file()]
    return sorted(found)


def _collect_paths(node: Any, root: Path, out: list[Path]) -> None:
    """Every ``path`` / ``map_file`` string under the data section that names a file."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("path", "map_file") and isinstance(value, str):
                candidate = (root / value).resolve()
                if _project_file(candidate, root) and candidate not in out:
                    out.append(candidate)
            else:
                _collect_paths(value, root, out)
    elif isinstance(node, list):
        for item in node:
            _collect_paths(item, root, out)


def font_files(theme_fonts: dict[str, str]) -> list[Path]:
    """The TTF files of the theme's font roles."""
    from briefgen.fonts import font_path

    return sorted({font_path(theme_fonts[role]) for role in FONT_ROLES if role in theme_fonts})


def describe_inputs(project: Project, hasher: FileHasher, extra: Sequence[Path] = (),
                    fonts: Sequence[Path] = (), queries: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The manifest's ``inputs``: every input file (project-relative) with its sha256, and
    among the data each query dataset's result (``queries``: its label → sha256)."""
    groups = declared_files(project)
    if extra:
        groups["images"] = sorted(set(extra))
    files: dict[str, list[dict[str, str]]] = {}
    for group, paths in groups.items():
        files[group] = [{"path": _rel(p, project.root), "sha256": hasher(p)}
                        for p in paths if _project_file(p, project.root)]
    files["data"] = files.get("data", []) + [{"path": label, "sha256": digest}
                                             for label, digest in sorted((queries or {}).items())]
    files["fonts"] = _font_hashes(fonts, hasher)
    return {
        "files": files,
        **({"params": dict(project.params)} if project.params else {}),
        "formats": list(project.formats),
        "briefgen": {"version": briefgen.__version__, "code_sha256": code_hash()},
    }


def _font_hashes(fonts: Sequence[Path], hasher: FileHasher) -> list[dict[str, str]]:
    """The fonts' sha256. Every project uses the same few font files (~14 MB), so their hashes
    are remembered in the per-user cache too: a new or cleaned project need not read them."""
    shared: FileHasher | None = None
    entries = []
    for path in fonts:
        digest = hasher.known(path)
        if digest is None:
            shared = shared or FileHasher(user_cache_dir("hashes"))
            digest = shared(path)
            hasher.remember(path, digest)
        entries.append({"path": path.name, "sha256": digest})
    if shared is not None:
        shared.save()
    return entries


def _project_file(path: Path, root: Path) -> bool:
    """``path`` is a regular file inside the project (also once symlinks are resolved): only
    such files are read, whatever a config or an earlier manifest names."""
    try:
        resolved = path.resolve()
        return resolved.is_relative_to(root.resolve()) and stat.S_ISREG(resolved.stat().st_mode)
    except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, a NUL in the name
        return False


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
