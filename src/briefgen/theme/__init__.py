"""The theme: fonts, sizes, colours, margins, markers and caption formats, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import BriefError
from briefgen.theme.schema import check_theme
from briefgen.yamlio import parse_yaml, position

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


@dataclass(frozen=True)
class Theme:
    """Typed view over the theme YAML. Writers read tokens from here, never constants."""

    data: dict[str, Any]
    #: the theme file as errors name it, and its keys' lines (None, {} for the bundled theme)
    source: str | None = field(default=None, compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def error(self, message: str, key: str) -> BriefError:
        """A BriefError at theme key ``key`` (a dotted path, ``bullets.markers.0``): at its line
        (or its nearest parent's) in the theme file, or at brief.yaml's ``theme`` naming the key
        when the file sets none of it."""
        line, column = position(self.lines, key)
        if self.source is not None and line is not None:
            return BriefError(message, source=self.source, line=line, column=column, key=key)
        return BriefError(f"theme key '{key}': {message}", key="theme")

    @property
    def name(self) -> str:
        return self.data["name"]

    def page(self, key: str) -> float:
        """A page dimension in millimetres (``width``, ``margin_left``, ...)."""
        return float(self.data["page"][key])

    def font(self, role: str) -> str:
        """Font family name for ``body``, ``bold`` or ``heavy``."""
        return self.data["fonts"][role]

    def size(self, key: str) -> float:
        """A font size in points."""
        return float(self.data["sizes"][key])

    def color(self, key: str) -> str:
        """A colour as ``#RRGGBB``."""
        return self.data["colors"][key]

    @property
    def line_spacing(self) -> float:
        return float(self.data["line_spacing"])

    def marker(self, level: int) -> str:
        """The bullet marker of level 1..4 (S9)."""
        return self.data["bullets"]["markers"][level - 1]

    def bullet_size(self, level: int) -> float:
        return self.size(f"bullet{level}")

    @property
    def indent_step(self) -> float:
        return float(self.data["bullets"]["indent_step"])

    def bullet_space_before(self, level: int) -> float:
        return float(self.data["bullets"]["space_before"][level - 1])

    def caption_label(self, kind: str, number: int) -> str:
        """``[그림 3]`` or ``<표 1>`` (S27)."""
        return self.data["captions"][kind].format(n=number)

    @property
    def source_prefix(self) -> str:
        return self.data["captions"]["source_prefix"]

    @property
    def note_prefix(self) -> str:
        return self.data["captions"]["note_prefix"]

    def running_header(self, series: str, report_number: str) -> str:
        return self.data["running_header"].format(series=series, report_number=report_number)

    @property
    def references_prefix(self) -> str:
        return self.data["references_prefix"]

    @property
    def figure_min_scale(self) -> float:
        """The least share of its size a PDF figure shrinks to before it moves to the next page."""
        return float(self.data["figures"]["min_scale"])

    def cover_space(self, key: str) -> float:
        """A space on the cover or back page in points (``cover.series_before``, S2, S48)."""
        return float(self.data["cover"][key])

    @property
    def cover_design(self) -> str:
        """``band`` (a coloured band with the series block and the mark) or ``plain``."""
        return str(self.data["cover"]["design"])

    def cover_mm(self, key: str) -> float:
        """A length of the cover's design in millimetres (``band_height``, ``logo_height``)."""
        return float(self.data["cover"][key])

    @property
    def cover_logo(self) -> Path | None:
        """The organisation's logo (an absolute path, checked to exist), or None: draw the mark."""
        logo = self.data["cover"]["logo"]
        return Path(logo) if logo else None

    @property
    def cover_mark(self) -> str:
        """The typographic mark drawn where there is no logo (``SPRi``)."""
        return str(self.data["cover"]["mark"])

    def cover_css(self, key: str) -> str:
        """A space on the cover or back page as a CSS length (``cover.html_padding``)."""
        return str(self.data["cover"][key])

    def title(self, key: str) -> str:
        """Fixed headings: ``toc_title``, ``summary_title``, ``executive_summary_title``."""
        return self.data[key]


def load_theme(name_or_path: str | Path = "spri", project_dir: Path | None = None) -> Theme:
    """Load the bundled theme ``spri`` or a YAML file relative to the project; an override
    file may set only some keys (deep-merged over the bundled SPRi theme)."""
    base = yaml.load(files("briefgen.theme").joinpath("spri.yaml").read_text("utf-8"), Loader=_LOADER)
    if str(name_or_path) == "spri":
        return Theme(base)
    path = Path(name_or_path)
    if project_dir is not None and not path.is_absolute():
        path = project_dir / path
    source = _shown_path(path, project_dir)
    try:
        override, lines = parse_yaml(path.read_text("utf-8"), source)
    except OSError as exc:
        raise BriefError(f"cannot read theme file: {exc.strerror}", source=source) from None
    except UnicodeDecodeError as exc:
        raise BriefError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", source=source) from None
    if not isinstance(override or {}, dict):
        raise BriefError("a theme file must be a mapping", source=source)
    checked = check_theme(_deep_merge(base, override or {}), source, lines)
    _resolve_logo(checked, project_dir if project_dir is not None else path.parent, source, lines)
    return Theme(checked, source, lines)


def _resolve_logo(data: dict[str, Any], root: Path, source: str, lines: dict[str, int]) -> None:
    """Make ``cover.logo`` absolute (relative to the project); a BriefError at the key if the
    file does not exist."""
    logo = data["cover"]["logo"]
    if not logo:
        return
    path = (root / logo).resolve()
    problem = ("is outside the project folder" if not path.is_relative_to(root.resolve())
               else "is not a file" if not path.is_file()
               else "is neither a PNG nor a JPEG file" if not _is_png_or_jpeg(path) else "")
    if problem:
        line, column = position(lines, "cover.logo")
        raise BriefError(f"the logo '{logo}' {problem} (a path relative to the project)",
                         source=source, line=line, column=column, key="cover.logo")
    data["cover"]["logo"] = str(path)


def _is_png_or_jpeg(path: Path) -> bool:
    """The file starts as a PNG or a JPEG does."""
    with path.open("rb") as file:
        head = file.read(8)
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"))


def _shown_path(path: Path, project_dir: Path | None) -> str:
    """The theme file as errors name it: relative to the project when inside it."""
    if project_dir is not None and path.resolve().is_relative_to(project_dir.resolve()):
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    return str(path)


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
