"""Render the content template with Jinja2 (sandboxed, strict) into content markup.

Values printed with ``{{ }}`` are escaped for the markup (a model named ``*Star*`` stays
text), and every error is a BriefError naming the template file and line.

A long-lived process (``briefgen watch``) keeps the environment of a content template between
builds: Jinja then reuses the loaded templates (no lexing for the line markers, no reading of
the compiled code) as long as each file still holds the same bytes.
"""

from __future__ import annotations

import difflib
import re
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from briefgen.cache.paths import hidden_under
from briefgen.cache.templates import compiled_templates
from briefgen.cache.user import user_cache_dir
from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.template.claims import Ledger
from briefgen.template.filters import (
    WORDING_FILTERS,
    Chooser,
    Particles,
    keep_word,
    korean_filters,
    wording_globals,
)
from briefgen.template.sandbox import BoundedSandbox, check_size, render_limits, size

_MARKUP_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|#^&])")
MAX_RENDERED_CHARS = 5_000_000
"""Longest rendered content (a brief is ~50,000 characters): stops runaway template loops."""
_UNKNOWN_NAME = re.compile(r"No (filter|test) named '([^']+)'")


LINE_MARK_START, LINE_MARK_END = "\ue000", "\ue001"  # private use: never in house text
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_MARK = re.compile("\ue000(\\d+)\ue001")
KEEP_ENVIRONMENTS = 4
"""Content-template environments a process keeps for later builds (one per project, mostly)."""


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
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        check_size(size(value), "printing a value")
    text = str(value).replace(LINE_MARK_START, "").replace(LINE_MARK_END, "")
    text = _LINE_BREAK.sub(" ", text)  # a cell's line break must not break the markup
    return _MARKUP_SPECIAL.sub(r"\\\1", text)


class ProjectLoader(jinja2.FileSystemLoader):
    """Loads templates from one folder, refusing files that resolve outside ``root``
    (a symlinked partial must not read files from elsewhere on the machine)."""

    def __init__(self, template_dir: Path, root: Path, marked: str | None = None) -> None:
        super().__init__(str(template_dir), followlinks=False)
        self.root = root.resolve()
        self.marked = marked

    def get_source(self, environment: jinja2.Environment, template: str):  # noqa: ANN201
        source, filename, _ = super().get_source(environment, template)
        path = Path(filename)
        if not self.inside(path):
            raise BriefError(f"template '{template}' leads outside the project folder (symlink?)")
        if hidden_under(path, Path(self.searchpath[0])):
            raise BriefError(f"template '{template}' is in a hidden folder or file, which templates "
                             "never read (the cache, .git)")
        read = source.encode(self.encoding)

        def uptodate() -> bool:
            """Still the same bytes, still inside the project (not only the same mtime)."""
            try:
                return path.read_bytes() == read and self.inside(path)
            except OSError:
                return False

        if template == self.marked:
            source = mark_lines(source, environment)
        return source, filename, uptodate

    def inside(self, path: Path) -> bool:
        """Whether ``path`` resolves inside the project folder."""
        return path.resolve().is_relative_to(self.root)


def mark_lines(source: str, env: jinja2.Environment) -> str:
    """Put an invisible ``line N`` marker before every newline that reaches the output.

    Only newlines in literal text get one (not those inside tags, nor those trim_blocks
    removes), so the rendered text is unchanged once the markers are taken out again.
    """
    try:
        tokens = list(env.lex(source))
    except jinja2.TemplateSyntaxError:
        return source  # the syntax error is reported, with its line, by the real parse
    ends: set[int] = set()
    for lineno, kind, value in tokens:
        if kind == "data":
            ends.update(lineno + index for index in range(value.count("\n")))
    lines = source.split("\n")
    for number in ends:
        if number <= len(lines) - 1:
            lines[number - 1] += f"{LINE_MARK_START}{number}{LINE_MARK_END}"
    return "\n".join(lines)


def split_line_marks(text: str) -> tuple[str, list[int]]:
    """Remove the markers of ``mark_lines``; return the text and, per rendered line, the
    template line it came from (a line without a marker takes the next one's)."""
    origins: list[int | None] = []
    clean: list[str] = []
    for line in text.split("\n"):
        found = _LINE_MARK.findall(line)
        origins.append(int(found[0]) if found else None)
        clean.append(_LINE_MARK.sub("", line))
    following = next((origin for origin in reversed(origins) if origin), 1)
    filled: list[int] = []
    for origin in reversed(origins):
        if origin is not None:
            following = origin
        filled.append(following)
    return "\n".join(clean), filled[::-1]


CLAIM_FUNCTIONS = ("claim", "holds")
"""Template functions stating what the prose relies on (``briefgen.template.claims``)."""


def make_environment(
    template_dir: Path, josa: Particles, root: Path | None = None, marked: str | None = None,
    chose: Chooser = keep_word, claims: Any = None,
) -> SandboxedEnvironment:
    """The sandboxed, strict Jinja environment with the Korean filters; templates are read
    from ``template_dir`` and must resolve inside ``root`` (default: ``template_dir``);
    template ``marked`` gets line markers (see ``mark_lines``). Words picked from numbers go
    to ``chose``; ``claims`` (a Ledger, or what stands for one) provides claim() and holds()."""
    env = BoundedSandbox(
        loader=ProjectLoader(template_dir, root or template_dir, marked),
        bytecode_cache=compiled_templates(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=escape_markup,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters = korean_filters(josa, chose)
    for name in WORDING_FILTERS:
        filters[name] = _at_render_time(filters[name])
    env.filters.update(filters)
    env.filters["raw"] = Markup
    env.globals.update(wording_globals(chose))
    ledger = claims if claims is not None else Ledger()
    env.globals.update({name: getattr(ledger, name) for name in CLAIM_FUNCTIONS})
    return env


def _at_render_time(function: Callable[..., str]) -> Callable[..., str]:
    """A filter Jinja must not fold at compile time (it records what it picked, per render)."""

    @jinja2.pass_context
    def filter_(context: Any, *args: Any, **kwargs: Any) -> str:
        return function(*args, **kwargs)

    return filter_


def render_with_lines(
    path: Path, root: Path, context: dict[str, Any], josa: Josa, ledger: Ledger | None = None
) -> tuple[str, list[int]]:
    """Render ``path`` (inside ``root``) with ``context`` (BriefError with file:line on failure);
    also return, per rendered line, its template line (so errors found later in the markup can
    name the line the author wrote). Claims and
    words picked from numbers are recorded in ``ledger``."""
    relative = path.relative_to(root).as_posix()
    key, kept = _check_out(path, root, josa, ledger or Ledger())
    env = kept[0]
    try:
        template = env.get_template(path.name)
        with render_limits():
            rendered = split_line_marks(_bounded(template.generate(context), relative))
        _check_in(key, kept)
        return rendered
    except jinja2.TemplateSyntaxError as exc:
        source = relative if exc.name in (None, path.name) else exc.name
        raise BriefError(syntax_message(exc, env), source=source, line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise BriefError(
            f"template not found: {exc.name}", source=relative, line=_template_line(exc, path)
        ) from None
    except SecurityError as exc:
        line = _template_line(exc, path)
        raise BriefError(f"not allowed in a template: {exc}", source=relative, line=line) from None
    except jinja2.UndefinedError as exc:
        message = undefined_message(exc.message or "", context)
        raise BriefError(message, source=relative, line=_template_line(exc, path)) from None
    except BriefError as exc:
        exc.source = exc.source or relative
        exc.line = exc.line or _template_line(exc, path)
        raise
    except UnicodeDecodeError as exc:
        raise not_utf8(exc, relative) from None
    except RecursionError as exc:
        raise too_deep(relative, _template_line(exc, path, outermost=True)) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise BriefError(
            f"template error: {type(exc).__name__}: {exc}", source=relative, line=_template_line(exc, path)
        ) from None


class _BuildHooks:
    """The particle filters, wording filters and claim functions of a kept environment: they
    ask the Josa and the Ledger of the build now rendering (also from macros of an imported
    template, which Jinja keeps)."""

    def __init__(self, josa: Josa, ledger: Ledger) -> None:
        self.josa = josa
        self.ledger = ledger

    def attach(self, word: object, particle: str) -> str:
        return self.josa.attach(word, particle)

    def particle(self, word: object, particle: str) -> str:
        return self.josa.particle(word, particle)

    def chose(self, kind: str, word: str, values: list[Any], subject: str | None = None) -> str:
        return self.ledger.chose(kind, word, values, subject)

    def claim(self, condition: object, text: object = "", *values: object) -> str:
        return self.ledger.claim(condition, text, *values)

    def holds(self, condition: object, text: object = "", *values: object) -> bool:
        return self.ledger.holds(condition, text, *values)


_Kept = tuple[SandboxedEnvironment, _BuildHooks]
_KEPT: dict[tuple[str, ...], _Kept] = {}


def _check_out(path: Path, root: Path, josa: Josa, ledger: Ledger) -> tuple[tuple[str, ...], _Kept]:
    """The environment kept for ``path`` (taken out: a build running meanwhile makes its own),
    or a new one; its filters and claim functions now ask ``josa`` and ``ledger``."""
    key = (str(path.parent), str(root), path.name, str(user_cache_dir("templates")))
    kept = _KEPT.pop(key, None)
    if kept is None:
        hooks = _BuildHooks(josa, ledger)
        env = make_environment(path.parent, hooks, root, marked=path.name, chose=hooks.chose,
                               claims=hooks)
        kept = (env, hooks)
    kept[1].josa = josa
    kept[1].ledger = ledger
    return key, kept


def _check_in(key: tuple[str, ...], kept: _Kept) -> None:
    """Keep an environment for the next build of the same template (a failed render keeps
    nothing)."""
    _KEPT[key] = kept
    while len(_KEPT) > KEEP_ENVIRONMENTS:
        del _KEPT[next(iter(_KEPT))]


def undefined_message(message: str, context: dict[str, Any]) -> str:
    """``'totl' is undefined`` → which names a template knows, and the closest one."""
    match = re.fullmatch(r"'([^']+)' is undefined", message)
    if not match:
        return f"undefined: {message}"
    name, known = match[1], sorted(context)
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (f"unknown name '{name}'{hint}; a template knows {', '.join(known)} "
            f"and the names it sets with {{% set %}}")


def _bounded(chunks: Iterator[str], relative: str) -> str:
    """Join rendered chunks, stopping a runaway loop at MAX_RENDERED_CHARS."""
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_RENDERED_CHARS:
            raise BriefError(
                f"the rendered content exceeds {MAX_RENDERED_CHARS:,} characters (a runaway loop?)",
                source=relative,
            )
        parts.append(chunk)
    return "".join(parts)


def too_deep(source: str, line: int | None) -> BriefError:
    """A located error for a template whose parsing or rendering recursed too deeply."""
    return BriefError(
        "the template nests too deeply (a macro that calls itself, an include or import loop, "
        "or an expression nested hundreds of levels?)", source=source, line=line,
    )


def not_utf8(exc: UnicodeDecodeError, source: str) -> BriefError:
    """A located error for a template file that is not UTF-8 (e.g. saved as CP949)."""
    line = exc.object[: exc.start].count(b"\n") + 1
    return BriefError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", source=source, line=line)


def syntax_message(exc: jinja2.TemplateSyntaxError, env: jinja2.Environment) -> str:
    """The message of a Jinja syntax error; an unknown filter or test gets a suggestion."""
    unknown = _UNKNOWN_NAME.match(exc.message or "")
    if unknown:
        kind, name = unknown.groups()
        names = env.filters if kind == "filter" else env.tests
        close = difflib.get_close_matches(name, sorted(names), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown {kind} '{name}'{hint}"
    return f"template syntax error: {exc.message}"


def _template_line(exc: BaseException, path: Path, outermost: bool = False) -> int | None:
    """The template line of the innermost (or outermost) traceback frame that belongs to the
    template."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename and Path(frame.filename).name == path.name:
            line = frame.lineno
            if outermost:
                break
    return line
