"""Load and validate a brief project's ``brief.yaml`` (errors carry file:line and the key)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import BriefError
from briefgen.hygiene import CONTROL_CHARACTERS
from briefgen.ir import Author, Meta
from briefgen.params import Param, Setting, apply, declare, resolve
from briefgen.yamlio import parse_yaml, position

CONFIG_NAME = "brief.yaml"
TOP_LEVEL_KEYS = {
    "meta", "theme", "content", "facts", "readings", "data", "statistics", "charts", "output",
    "tables", "bibliography", "params", "series",
}
META_KEYS = {
    "title", "subtitle", "series", "report_number", "date", "organisation", "authors", "keywords",
    "subject", "homepage", "address", "contact", "disclaimer", "data_snapshot",
}
AUTHOR_KEYS = {"name", "affiliation", "position", "email", "phone"}
OUTPUT_KEYS = {"dir", "name", "formats"}
FORMATS = ("docx", "pdf", "html", "hwpx")
BIBLIOGRAPHY_SUFFIXES = (".bib", ".json")  # BibTeX, CSL-JSON
DEFAULT_FORMATS = ("docx", "pdf")
_REPORT_NUMBER = re.compile(r"^IS-\d{3}$")
# XML (DOCX, HWPX) cannot carry these and the PDF would print them; tab, LF and CR may stay.
_OUTPUT_NAME = re.compile(r"^[A-Za-z0-9가-힣][A-Za-z0-9가-힣._-]{0,99}$")
MAX_PROPERTY = 255  # characters of a DOCX core property (title, author, subject, keywords)
MAX_NAME_BYTES = 255  # of a file or folder name (UTF-8), on Linux, macOS and Windows alike
MAX_OUTPUT_NAME_BYTES = 200  # the temp and manifest names add up to 40 bytes


@dataclass
class Project:
    """A loaded brief project: where things are and what the config declares."""

    root: Path
    config_file: str
    meta: Meta
    theme: str
    content: Path
    facts: dict[str, Any]
    readings: dict[str, str]
    data: dict[str, Any]
    statistics: dict[str, Any]
    charts: dict[str, Any]
    output_dir: Path
    output_name: str
    formats: tuple[str, ...]
    data_snapshot: str = ""
    lines: dict[str, int] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)
    bibliography: list[Path] = field(default_factory=list)
    #: the declared parameters, this build's values of them, and the raw ``series:`` entry
    declared: dict[str, Param] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    series: Any = None

    def line_of(self, key: str | None) -> int | None:
        """The brief.yaml line of a dotted key (or of its nearest parent)."""
        return position(self.lines, key)[0]

    def locate(self, error: BriefError) -> BriefError:
        """Fill in brief.yaml, line and column for an error that names only a config key."""
        if error.key and error.line is None and error.source in (None, self.config_file):
            error.source = self.config_file
            error.line, error.column = position(self.lines, error.key)
        return error

    def inside(self, relative: str, key: str) -> Path:
        """Resolve a project-relative path; it must stay inside the project folder."""
        return resolve_inside(self.root, relative, self.config_file, key, self.line_of(key))


def resolve_inside(root: Path, relative: object, source: str, key: str, line: int | None = None) -> Path:
    """``root/relative`` if it stays inside ``root`` (no absolute paths, ``..`` or symlinks out)."""
    if not isinstance(relative, str) or not relative.strip():
        raise BriefError("expected a relative path", source=source, line=line, key=key)
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise BriefError(
            f"path '{relative}' must stay inside the project folder", source=source, line=line, key=key
        )
    if long := next((part for part in candidate.parts if len(part.encode()) > MAX_NAME_BYTES), None):
        raise BriefError(f"the name '{long[:20]}…' has {len(long.encode())} bytes in UTF-8; a file or "
                         f"folder name holds at most {MAX_NAME_BYTES}", source=source, line=line, key=key)
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise BriefError(
            f"path '{relative}' leads outside the project folder (symlink?)", source=source, line=line, key=key
        )
    return resolved


def find_config(path: Path) -> Path:
    """``path`` itself if it is a file, else ``path/brief.yaml``."""
    config = path if path.is_file() else path / CONFIG_NAME
    if not config.is_file():
        raise BriefError(f"no {CONFIG_NAME} found in {path}", source=str(path))
    return config


def load_project(path: Path, settings: tuple[Setting, ...] = ()) -> Project:
    """Read and validate ``brief.yaml`` in ``path`` (a folder or the file itself), with the
    parameters' values ``settings`` (the others at their defaults)."""
    return load_variants(path, [settings])[0]


def load_variants(path: Path, variants: list[tuple[Setting, ...]]) -> list[Project]:
    """``load_project`` for each set of values (the briefs of a series), reading brief.yaml once."""
    config = find_config(path)
    raw, lines = parse_yaml(_read_text(config), config.name)
    projects = []
    for settings in variants:
        try:
            projects.append(_validate(config, raw, lines, settings))
        except BriefError as error:
            if error.key and error.source == config.name and error.column is None:
                line, column = position(lines, error.key)
                if line == error.line:
                    error.column = column
            raise
    return projects


def with_params(raw: Any, lines: dict[str, int], source: str,
                settings: tuple[Setting, ...]) -> tuple[dict[str, Any], dict[str, Param], dict[str, Any]]:
    """The config with the parameters' values in place, the declared parameters and the values."""
    if not isinstance(raw, dict):
        raise BriefError("brief.yaml must be a mapping of keys (meta:, content:, ...)", source=source)
    declared = declare(raw.get("params"), source, lines)
    values = resolve(declared, settings, source, lines)
    return apply(raw, values, source, lines), declared, values


def _validate(config: Path, raw: Any, lines: dict[str, int], settings: tuple[Setting, ...]) -> Project:
    root = config.parent.resolve()
    name = config.name
    raw, declared, values = with_params(raw, lines, name, settings)
    _check_keys(raw, TOP_LEVEL_KEYS, "", name, lines)
    for required in ("meta", "content"):
        if required not in raw:
            raise BriefError(f"missing required key '{required}'", source=name, line=1)
    meta_raw = _mapping(raw["meta"], "meta", name, lines)
    meta = _meta(meta_raw, name, lines)
    output = _mapping(raw.get("output", {}), "output", name, lines)
    _check_keys(output, OUTPUT_KEYS, "output", name, lines)
    formats = tuple(output.get("formats", DEFAULT_FORMATS))
    for fmt in formats:
        if fmt not in FORMATS:
            raise BriefError(
                f"unknown output format '{fmt}' (supported: {', '.join(FORMATS)})",
                source=name, line=lines.get("output.formats"), key="output.formats",
            )
    output_name = str(output.get("name") or root.name)
    if not _OUTPUT_NAME.match(output_name):
        raise BriefError(
            f"output name '{output_name}' may use letters, digits, '.', '_' and '-' only",
            source=name, line=lines.get("output.name"), key="output.name",
        )
    if len(output_name.encode()) > MAX_OUTPUT_NAME_BYTES:
        raise BriefError(
            f"output name has {len(output_name.encode())} bytes in UTF-8; file names hold 255 and "
            f"briefgen adds up to 40, so use at most {MAX_OUTPUT_NAME_BYTES} (a Hangul syllable is 3)",
            source=name, line=lines.get("output.name"), key="output.name",
        )
    project = Project(
        root=root,
        config_file=name,
        meta=meta,
        theme=str(raw.get("theme", "spri")),
        content=Path(),
        facts={},
        readings={},
        data=_mapping(raw.get("data", {}), "data", name, lines),
        statistics=_mapping(raw.get("statistics", {}), "statistics", name, lines),
        charts=_mapping(raw.get("charts", {}), "charts", name, lines),
        tables=_mapping(raw.get("tables", {}), "tables", name, lines),
        output_dir=Path(),
        output_name=output_name,
        formats=formats,
        data_snapshot=str(meta_raw.get("data_snapshot", "")),
        lines=lines,
        declared=declared,
        params=values,
        series=raw.get("series"),
    )
    project.content = project.inside(raw["content"], "content")
    if project.theme != "spri":  # a theme file must exist inside the project
        theme = project.inside(raw["theme"], "theme")
        if not theme.is_file():
            raise BriefError(f"theme file '{raw['theme']}' not found", source=name,
                             line=lines.get("theme"), key="theme")
        project.theme = str(theme)
    project.output_dir = project.inside(str(output.get("dir", "output")), "output.dir")
    if project.output_dir.exists() and not project.output_dir.is_dir():
        raise BriefError(f"'{output.get('dir', 'output')}' is a file, not a folder", source=name,
                         line=lines.get("output.dir") or lines.get("output"), key="output.dir")
    project.facts = _facts(project, raw.get("facts", {}))
    readings = _mapping(raw.get("readings", {}), "readings", name, lines)
    project.readings = {str(k): str(v) for k, v in readings.items()}
    project.bibliography = _bibliography(project, raw.get("bibliography", []))
    return project


# ---------------------------------------------------------------------- parts


def _meta(raw: dict[str, Any], source: str, lines: dict[str, int]) -> Meta:
    _check_keys(raw, META_KEYS, "meta", source, lines)
    for required in ("title", "report_number", "date"):
        if required not in raw:
            raise BriefError(f"missing meta.{required}", source=source, line=lines.get("meta"), key="meta")
    number = str(raw["report_number"])
    if not _REPORT_NUMBER.match(number):
        raise BriefError(
            f"report_number '{number}' must look like IS-178 (S2)",
            source=source, line=lines.get("meta.report_number"), key="meta.report_number",
        )
    date = raw["date"]
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if not isinstance(date, dt.date):
        raise BriefError(
            "meta.date must be a date like 2024-08-19",
            source=source, line=lines.get("meta.date"), key="meta.date",
        )
    authors = []
    for index, author in enumerate(raw.get("authors") or []):
        key = f"meta.authors.{index}"
        author = _mapping(author, key, source, lines)
        _check_keys(author, AUTHOR_KEYS, key, source, lines)
        if "name" not in author:
            raise BriefError("an author needs a name", source=source, line=lines.get(key), key=key)
        authors.append(Author(**{k: str(v) for k, v in author.items()}))
    text = {k: str(raw[k]) for k in ("subtitle", "series", "organisation", "subject", "homepage",
                                      "address", "contact", "disclaimer") if k in raw}
    strings = {"meta.title": str(raw["title"]), **{f"meta.{k}": v for k, v in text.items()}}
    strings |= {f"meta.keywords.{i}": str(k) for i, k in enumerate(raw.get("keywords") or [])}
    for index, author in enumerate(authors):
        strings |= {f"meta.authors.{index}.{k}": v for k, v in vars(author).items() if v}
    for key, value in strings.items():
        if bad := CONTROL_CHARACTERS.search(value):
            raise BriefError(f"control character U+{ord(bad.group()):04X}; remove it",
                             source=source, line=lines.get(key), key=key)
    _check_property_lengths(raw, text.get("subtitle"), text.get("subject", ""), authors, source, lines)
    return Meta(
        title=str(raw["title"]),
        report_number=number,
        date=date,
        authors=authors,
        keywords=[str(k) for k in raw.get("keywords") or []],
        **text,
    )


def _check_property_lengths(raw: dict[str, Any], subtitle: str | None, subject: str,
                            authors: list[Author], source: str, lines: dict[str, int]) -> None:
    """The title (with the subtitle), authors, subject and keywords become document properties
    of the DOCX, which hold at most MAX_PROPERTY characters each."""
    title = f"{raw['title']} - {subtitle}" if subtitle is not None else str(raw["title"])
    properties = {
        "meta.title": title,
        "meta.authors": ", ".join(author.name for author in authors),
        "meta.subject": subject,
        "meta.keywords": ", ".join(str(k) for k in raw.get("keywords") or []),
    }
    for key, value in properties.items():
        if len(value) > MAX_PROPERTY:
            what = "with the subtitle " if key == "meta.title" and subtitle is not None else ""
            raise BriefError(f"{key.removeprefix('meta.')} {what}has {len(value):,} characters; a DOCX "
                             f"document property holds at most {MAX_PROPERTY}",
                             source=source, line=lines.get(key), key=key)


def _facts(project: Project, value: Any) -> dict[str, Any]:
    """``facts:`` is a mapping, or a path to a YAML file holding one."""
    if isinstance(value, str):
        path = project.inside(value, "facts")
        loaded, _ = parse_yaml(_read_text(path), value)
        return _mapping(loaded or {}, "facts", value, {})
    return _mapping(value, "facts", project.config_file, project.lines)


def _bibliography(project: Project, value: Any) -> list[Path]:
    """``bibliography:`` names one file or a list of them (.bib or .json, inside the project)."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list):
        raise BriefError("bibliography must be a file name or a list of them (refs.bib, zotero.json)",
                         source=project.config_file, line=project.line_of("bibliography"),
                         key="bibliography")
    paths = []
    for index, name in enumerate(names):
        key = f"bibliography.{index}" if isinstance(value, list) else "bibliography"
        path = project.inside(name, key)
        if path.suffix.lower() not in BIBLIOGRAPHY_SUFFIXES:
            raise BriefError(f"bibliography file '{name}' must be BibTeX (.bib) or CSL-JSON (.json)",
                             source=project.config_file, line=project.line_of(key), key=key)
        if not path.is_file():
            raise BriefError(f"bibliography file '{name}' not found", source=project.config_file,
                             line=project.line_of(key), key=key)
        paths.append(path)
    return paths


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BriefError(f"not UTF-8 text (byte {exc.start})", source=path.name) from None
    except OSError as exc:
        raise BriefError(f"cannot read: {exc.strerror}", source=path.name) from None


def _mapping(value: Any, key: str, source: str, lines: dict[str, int]) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BriefError(
            f"'{key}' must be a mapping (key: value lines)", source=source, line=lines.get(key), key=key
        )
    return value


def _check_keys(
    raw: dict[str, Any], allowed: set[str], prefix: str, source: str, lines: dict[str, int]
) -> None:
    for key in raw:
        if key not in allowed:
            path = f"{prefix}.{key}" if prefix else str(key)
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (allowed: {', '.join(sorted(allowed))})"
            raise BriefError(f"unknown key '{key}'{hint}", source=source, line=lines.get(path), key=path)
