"""The type of every theme token, checked when a theme is loaded.

Theme values reach CSS, XML and PDF drawing code verbatim, so a theme file someone sent must
not carry anything but what each token is: colours are ``#RGB`` or ``#RRGGBB`` (kept as
``#RRGGBB``), sizes are bounded numbers, fonts are families of the bundled font files, CSS
lengths are numbers with a unit, texts have no control characters and format strings use only
their own fields. ``check_theme`` raises a BriefError naming the theme file, line and key.
"""

from __future__ import annotations

import difflib
import math
import re
import string
from collections.abc import Callable
from typing import Any

from briefgen.errors import BriefError
from briefgen.hygiene import CONTROL_CHARACTERS
from briefgen.theme.formats import check_format_widths
from briefgen.yamlio import position

Check = Callable[[Any], Any]  # returns the value to keep, or raises ValueError (the reason)

_COLOR = re.compile(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
_CSS_LENGTH = re.compile(r"0|-?\d{1,4}(\.\d{1,3})?(mm|cm|pt|px|em|rem|%)")
_FAMILY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")
MAX_TEXT = 200  # characters of a label, prefix or title


def color(value: Any) -> str:
    """``#RGB`` or ``#RRGGBB``, kept as upper-case ``#RRGGBB``."""
    match = _COLOR.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"colour {_shown(value)} must be #RGB or #RRGGBB (e.g. #006A42)")
    digits = match.group(1)
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits)).upper()


def number(low: float, high: float, unit: str, *, above_low: bool = False) -> Check:
    """A number from ``low`` (excluded when ``above_low``) to ``high``."""

    def check(value: Any) -> float | int:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        if not ok or value > high or value < low or (above_low and value == low):
            bound = f"above {low:g}" if above_low else f"at least {low:g}"
            raise ValueError(f"{_shown(value)} must be a number {bound} and at most {high:g}{unit}")
        return value

    return check


def text(value: Any) -> str:
    """A short text without control characters (labels, prefixes, titles, markers)."""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError(f"{_shown(value)} must be a text of at most {MAX_TEXT} characters")
    if bad := CONTROL_CHARACTERS.search(value):
        raise ValueError(f"control character U+{ord(bad.group()):04X} in {_shown(value)}")
    return value


def marker(value: Any) -> str:
    """A bullet marker: one to four characters, no space or control character."""
    if not isinstance(value, str) or not 1 <= len(value) <= 4 or any(c.isspace() for c in value):
        raise ValueError(f"marker {_shown(value)} must be 1 to 4 characters without spaces")
    return text(value)


def family(value: Any) -> str:
    """A font family whose TTF file ships with briefgen's font package."""
    from briefgen.fonts import font_files

    known = font_files()
    if not isinstance(value, str) or not _FAMILY.fullmatch(value) or value not in known:
        raise ValueError(f"font {_shown(value)} is not a bundled font (known: {', '.join(sorted(known))})")
    return value


def css_length(value: Any) -> str:
    """One to four CSS lengths (``10mm 0 24mm``), as in a ``margin`` or ``padding``."""
    parts = value.split(" ") if isinstance(value, str) else []
    if not 1 <= len(parts) <= 4 or not all(_CSS_LENGTH.fullmatch(p) for p in parts):
        raise ValueError(f"{_shown(value)} must be 1 to 4 CSS lengths such as 10mm, 4pt or 0")
    return value


def image_path(value: Any) -> str:
    """Empty, or the path of a PNG or JPEG file (resolved against the project when loaded)."""
    text(value)
    if value and not value.lower().endswith((".png", ".jpg", ".jpeg")):
        raise ValueError(f"{_shown(value)} must name a .png, .jpg or .jpeg file (or be empty)")
    return str(value)


def fmt(*fields: str) -> Check:
    """A format string whose only fields are ``fields`` (``[그림 {n}]``)."""

    def check(value: Any) -> str:
        text(value)
        try:
            used = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
        except ValueError as exc:
            raise ValueError(f"{_shown(value)} is not a valid format string ({exc})") from None
        wrong = [f for f in used if f not in fields]
        if wrong:
            allowed = ", ".join(f"{{{f}}}" for f in fields)
            raise ValueError(f"{_shown(value)} may use only {allowed}, not {{{wrong[0]}}}")
        check_format_widths(value)
        return value

    return check


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"{_shown(value)} must be one of {', '.join(choices)}")
        return str(value)

    return check


def items(each: Check, low: int, high: int) -> Check:
    """A list of ``low`` to ``high`` values, each checked by ``each``."""

    def check(value: Any) -> list[Any]:
        if not isinstance(value, list) or not low <= len(value) <= high:
            count = f"{low}" if low == high else f"{low} to {high}"
            raise ValueError(f"must be a list of {count} values, not {_shown(value)}")
        return [each(v) for v in value]

    return check


MM = number(0, 1000, " mm")
PAGE_MM = number(10, 2000, " mm")
PT = number(0, 200, " pt", above_low=True)
SPACE = number(0, 1000, " pt")
SHARE = number(0, 1, "")

#: Every token of a theme and its type (the keys of the bundled spri.yaml).
SPEC: dict[str, Any] = {
    "name": text,
    "page": {"width": PAGE_MM, "height": PAGE_MM, "margin_left": MM, "margin_right": MM,
             "margin_top": MM, "margin_bottom": MM, "header_distance": MM, "footer_distance": MM},
    "fonts": {"body": family, "bold": family, "heavy": family},
    "sizes": {key: PT for key in (
        "cover_title", "cover_subtitle", "chapter", "section", "bullet1", "bullet2", "bullet3",
        "bullet4", "body", "footnote", "caption", "source", "table", "header", "page_number",
        "summary", "toc", "cover_series", "cover_number", "cover_mark")},
    "line_spacing": number(0.5, 5, ""),
    "colors": {**{key: color for key in (
        "primary", "bullet1", "bullet2", "summary_fill", "table_header_fill", "text", "rule",
        "emphasis", "link", "cover_band", "cover_on_band", "cover_accent", "positive", "negative",
        "partial", "neutral")}, "chart_series": items(color, 1, 32)},
    "bullets": {"markers": items(marker, 4, 4), "indent_step": number(0, 100, " pt"),
                "space_before": items(number(0, 100, " pt"), 4, 4)},
    "captions": {"figure": fmt("n"), "table": fmt("n"), "position": one_of("above", "below"),
                 "source_prefix": text, "note_prefix": text},
    "running_header": fmt("series", "report_number"),
    "references_prefix": text,
    "toc_title": text,
    "summary_title": text,
    "executive_summary_title": text,
    "footnotes": {"leading": number(1, 3, ""), "rule_ratio": SHARE, "rule_width": number(0, 10, " pt"),
                  "gap": number(0, 100, " pt"), "max_area": number(0.05, 0.95, "")},
    "figures": {"min_scale": number(0.25, 1, "")},
    "homepage_label": text,
    "cover": {
        "design": one_of("band", "plain"),
        "band_height": number(0, 250, " mm"),
        "accent_height": number(0, 20, " mm"),
        "logo": image_path,
        "logo_height": number(2, 60, " mm"),
        "mark": text,
        **{key: SPACE for key in (
            "series_before", "series_after", "title_before", "title_after", "subtitle_after",
            "date_before", "date_after", "organisation_before", "back_before", "pdf_top",
            "pdf_series_after", "pdf_subtitle_before", "pdf_date_before", "pdf_organisation_before",
            "pdf_disclaimer_before")},
        "pdf_back_top": SHARE,
        **{key: css_length for key in (
            "html_padding", "html_title_top", "html_subtitle_top", "html_date_top", "html_authors",
            "html_back_top", "html_back_padding", "html_back_organisation_after", "html_disclaimer_top")},
    },
}


def check_theme(data: dict[str, Any], source: str, lines: dict[str, int]) -> dict[str, Any]:
    """``data`` (a merged theme) with every token checked and normalised; a BriefError naming
    ``source``, the line (from ``lines``, the override file's key lines) and the key if not."""
    checked = _walk(data, SPEC, "", source, lines)
    page = checked["page"]
    for side, (low, high) in {"width": ("margin_left", "margin_right"),
                              "height": ("margin_top", "margin_bottom")}.items():
        if page[low] + page[high] >= page[side] - 20:
            key = f"page.{high}" if f"page.{high}" in lines else f"page.{low}"
            raise _error(f"margins {page[low]:g} + {page[high]:g} mm leave less than 20 mm of "
                         f"the page {side} {page[side]:g} mm", key, source, lines)
    return checked


def _walk(value: Any, spec: Any, prefix: str, source: str, lines: dict[str, int]) -> Any:
    if not isinstance(spec, dict):
        try:
            return spec(value)
        except ValueError as reason:
            raise _error(str(reason), prefix, source, lines) from None
    if not isinstance(value, dict):
        raise _error(f"must be a mapping of {', '.join(spec)}", prefix, source, lines)
    checked = {}
    for key, item in value.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if key not in spec:
            close = difflib.get_close_matches(str(key), list(spec), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(spec)})"
            raise _error(f"unknown theme key '{key}'{hint}", path, source, lines)
        checked[key] = _walk(item, spec[key], path, source, lines)
    return checked


def _error(message: str, key: str, source: str, lines: dict[str, int]) -> BriefError:
    line, column = position(lines, key)
    return BriefError(message, source=source, line=line, column=column, key=key or None)


def _shown(value: Any) -> str:
    """A value in a message: its repr, cut to 40 characters."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
