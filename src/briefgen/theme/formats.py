"""Widths in format strings: a theme's caption and running-header formats, and ``str.format``
in templates, may not pad a field to millions of characters (``{series:>300000000}``)."""

from __future__ import annotations

import re
import string

MAX_FORMAT_WIDTH = 1_000
"""Largest width or precision of a format field (``{n:>3}``, ``{:.2f}``)."""

_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[_,]?(?:\.(?P<precision>\d*))?")


def spec_widths(spec: str) -> list[int]:
    """The width and precision written in a format spec (``>20.3f`` → [20, 3])."""
    match = _SPEC.match(spec)
    parts = (match["width"], match["precision"]) if match else ()
    return [int(part) for part in parts if part]


def check_format_widths(text: str) -> None:
    """Raise ValueError when a field of the format string ``text`` nests another field in its
    spec or has a width or precision above MAX_FORMAT_WIDTH."""
    for _, field, spec, _ in string.Formatter().parse(text):
        if field is None or not spec:
            continue
        if "{" in spec:
            raise ValueError(f"field {{{field}:{spec}}} takes its format from another field")
        widest = max(spec_widths(spec), default=0)
        if widest > MAX_FORMAT_WIDTH:
            raise ValueError(
                f"field {{{field}:{spec[:20]}}} has width {widest:,}; the limit is {MAX_FORMAT_WIDTH:,}"
            )
