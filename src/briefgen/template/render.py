"""Render the content template with Jinja2 (sandboxed, strict) into content markup.

Values printed with ``{{ }}`` are escaped for the markup (a model named ``*Star*`` stays
text), and every error is a BriefError naming the template file and line.
"""

from __future__ import annotations

import difflib
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.template.filters import korean_filters

_MARKUP_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#^&])")


class Markup(str):
    """Text a filter or the template marks as content markup (not escaped)."""


class Namespace(dict[str, Any]):
    """``stats`` / ``facts`` in templates: attribute access with a helpful error."""

    def __init__(self, kind: str, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.kind = kind

    def __missing__(self, name: str) -> Any:
        close = difflib.get_close_matches(name, sorted(self), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise BriefError(f"unknown {self.kind} '{name}'{hint}")


def escape_markup(value: Any) -> str:
    """Backslash-escape characters the content markup would interpret."""
    if value is None:
        raise BriefError("a template expression produced no value (None)")
    if isinstance(value, Markup):
        return value
    if isinstance(value, float) and value != value:  # NaN
        raise BriefError("a template expression produced NaN (missing number)")
    return _MARKUP_SPECIAL.sub(r"\\\1", str(value))


def make_environment(template_dir: Path, josa: Josa) -> SandboxedEnvironment:
    """The sandboxed, strict Jinja environment with the Korean filters."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(template_dir), followlinks=False),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=escape_markup,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(korean_filters(josa))
    env.filters["raw"] = Markup
    return env


def render_content(path: Path, root: Path, context: dict[str, Any], josa: Josa) -> str:
    """Render ``path`` (inside ``root``) with ``context``; BriefError with file:line on failure."""
    relative = path.relative_to(root).as_posix()
    env = make_environment(path.parent, josa)
    try:
        template = env.get_template(path.name)
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise BriefError(f"template syntax error: {exc.message}", source=relative, line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise BriefError(f"template not found: {exc.name}", source=relative) from None
    except SecurityError as exc:
        line = _template_line(exc, path)
        raise BriefError(f"not allowed in a template: {exc}", source=relative, line=line) from None
    except jinja2.UndefinedError as exc:
        raise BriefError(f"undefined: {exc.message}", source=relative, line=_template_line(exc, path)) from None
    except BriefError as exc:
        exc.source = exc.source or relative
        exc.line = exc.line or _template_line(exc, path)
        raise
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise BriefError(
            f"template error: {type(exc).__name__}: {exc}", source=relative, line=_template_line(exc, path)
        ) from None


def _template_line(exc: BaseException, path: Path) -> int | None:
    """The template line of the innermost traceback frame that belongs to the template."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and Path(frame.filename).name == path.name:
            line = frame.lineno
    return line
