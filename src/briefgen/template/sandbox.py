"""Bounded evaluation in templates: powers, repetition, format widths and sizes.

Jinja's sandbox stops access to unsafe attributes, not work: ``9**(9**9)`` runs for hours and
``'{0:>2500000000}'.format(1)`` or ``'x' * 3000000000`` take gigabytes. ``BoundedSandbox``
checks the operands before such an operation runs and raises a BriefError instead. Jinja folds
constant expressions at compile time, but never an intercepted operator, and a filter that
raises is left to run time, where the error gets its template line. ``render_limits`` stops a
render that runs too long (an empty loop inside a loop makes no value to measure) or takes too
much memory (a loop that keeps every value it makes).
"""

from __future__ import annotations

import functools
import math
import os
import re
import signal
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from string import Formatter
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum
from markupsafe import Markup as SafeMarkup

from briefgen.errors import BriefError
from briefgen.theme.formats import MAX_FORMAT_WIDTH, spec_widths

MAX_VALUE_SIZE = 1_000_000
"""Most characters (or items) one template value may hold: a brief has ~50,000 characters."""
MAX_RENDER_SECONDS = 60.0
"""Longest a template may render (the example takes 0.3 s): stops a loop inside a loop."""
MAX_RENDER_MEMORY_MB = 1_024
"""Most memory a render may add (Linux): stops a loop that keeps adding to a list."""
MAX_INT_BITS = 4_096
"""Largest integer a template may compute (about 1,200 digits)."""
_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?P<width>\*|\d*)(?:\.(?P<precision>\*|\d*))?")
_SEQUENCES = (str, list, tuple)


def size(value: Any, limit: int = MAX_VALUE_SIZE) -> int:
    """Characters and items that printing ``value`` walks (a list repeated inside itself
    counts each time), counted until ``limit`` is passed."""
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += len(item) + 1
            stack.extend(item)
        elif isinstance(item, dict):
            total += len(item) + 1
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            total += 1
    return total


@contextmanager
def render_limits() -> Iterator[None]:
    """Bound the time and the memory of the render inside (see ``time_limit``, ``_MemoryGuard``)."""
    _MEMORY.start()
    try:
        with time_limit():
            yield
    finally:
        _MEMORY.stop()


@contextmanager
def time_limit() -> Iterator[None]:
    """Stop rendering with a BriefError after MAX_RENDER_SECONDS (a timer signal: only in the
    main thread, and only when no other timer is running)."""
    seconds = MAX_RENDER_SECONDS
    main = threading.current_thread() is threading.main_thread()
    if not main or not hasattr(signal, "setitimer") or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise BriefError(f"rendering took more than {seconds:g} s (a loop inside a loop?)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _MemoryGuard:
    """The process's memory (resident set, read from /proc on Linux) at most
    MAX_RENDER_MEMORY_MB above what it was when the render started; looked at on every 64th
    operation the sandbox intercepts (every value a template keeps passes through one)."""

    EVERY = 64

    def __init__(self) -> None:
        self.ceiling: float | None = None
        self.count = 0

    def start(self) -> None:
        now = _resident_mb()
        self.ceiling = now + MAX_RENDER_MEMORY_MB if now else None

    def stop(self) -> None:
        self.ceiling = None

    def check(self) -> None:
        self.count += 1
        if self.ceiling is None or self.count % self.EVERY:
            return
        if _resident_mb() > self.ceiling:
            self.ceiling = None  # once: the error is on its way
            raise BriefError(f"rendering took more than {MAX_RENDER_MEMORY_MB:,} MB of memory "
                             "(a loop that keeps adding to a list?)")


def _resident_mb() -> float:
    """This process's resident memory in MB (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_MEMORY = _MemoryGuard()


def check_size(total: int, what: str) -> None:
    """Refuse a value of more than MAX_VALUE_SIZE characters or items."""
    if total > MAX_VALUE_SIZE:
        raise BriefError(f"{what} would make a value of more than {MAX_VALUE_SIZE:,} characters or items")


def check_width(width: Any, what: str) -> None:
    """Refuse a width or precision above MAX_FORMAT_WIDTH."""
    if isinstance(width, int) and width > MAX_FORMAT_WIDTH:
        raise BriefError(f"{what}: width {width:,} is above the limit of {MAX_FORMAT_WIDTH:,}")


def check_format_spec(spec: str, what: str = "format") -> None:
    """Refuse a ``str.format`` spec (``>20``, ``.3f``) whose width or precision is too big."""
    for width in spec_widths(spec):
        check_width(width, what)


def check_printf(template: str, args: Any) -> None:
    """Refuse a ``%`` format whose width or precision is too big or comes from an argument."""
    for match in _PRINTF_SPEC.finditer(template.replace("%%", "")):
        for part in (match["width"], match["precision"]):
            if part == "*":
                raise BriefError("'%' format: a width taken from the arguments ('*') is not allowed")
            if part:
                check_width(int(part), "'%' format")
    check_size(len(template) + size(args), "'%' format")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``**``, ``*``, ``+`` and ``%`` whose result would be too big."""
    if operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
        if math.log2(abs(left)) * right > MAX_INT_BITS:
            raise BriefError(f"{left} ** {right} is too big (more than {MAX_INT_BITS:,} bits)")
    elif operator == "*":
        if _is_int(left) and _is_int(right):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise BriefError(f"a product of more than {MAX_INT_BITS:,} bits is too big")
        elif isinstance(left, _SEQUENCES) and _is_int(right):
            check_size(size(left) * max(right, 0), "repeating a text or list")
        elif isinstance(right, _SEQUENCES) and _is_int(left):
            check_size(size(right) * max(left, 0), "repeating a text or list")
    elif operator == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
        check_size(size(left) + size(right), "joining two texts or lists")
    elif operator == "%" and isinstance(left, str):
        check_printf(left, right)


def _is_int(value: Any) -> bool:
    return isinstance(value, int)


class _BoundedFormatter(SandboxedFormatter):
    """``str.format`` in the sandbox, refusing too wide fields and too big values."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        check_format_spec(format_spec, "'format'")
        check_size(size(value), "'format'")
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, SandboxedEscapeFormatter):
    pass


def _checked_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a method call whose result would be too big; return the arguments to call with
    (an iterable that ``join`` is given is read once, here)."""
    if not isinstance(obj, types.BuiltinMethodType):
        return args
    owner, name = obj.__self__, obj.__name__
    first: Any = args[0] if args else None
    if isinstance(owner, (list, dict, set)) and name in _GROWING:
        added = len(first) if name in ("extend", "update") and hasattr(first, "__len__") else 1
        check_size(len(owner) + added, f"'{name}'")
    if not isinstance(owner, str):
        return args
    if name in ("center", "ljust", "rjust", "zfill"):
        check_width(first, f"'{name}'")
    elif name == "expandtabs":
        tabs = first if _is_int(first) else kwargs.get("tabsize", 8)
        if isinstance(tabs, int):
            check_size(len(owner) + owner.count("\t") * max(tabs, 0), "'expandtabs'")
    elif name == "replace" and len(args) >= 2 and isinstance(args[1], str):
        check_size(_replaced_size(owner, args[0], args[1]), "'replace'")
    elif name == "translate" and isinstance(first, dict):
        widest = max((len(v) for v in first.values() if isinstance(v, str)), default=1)
        check_size(len(owner) * widest, "'translate'")
    elif name == "join" and args:
        items = list(first)
        check_size(size(items) + len(owner) * len(items), "'join'")
        return (items, *args[1:])
    return args


_GROWING = ("append", "insert", "add", "setdefault", "extend", "update")


def _replaced_size(text: str, old: Any, new: str) -> int:
    count = text.count(old) if isinstance(old, str) and old else len(text) + 1
    return len(text) + count * len(new)


def _filter_checks() -> dict[str, Callable[..., Any]]:
    """Checks run before Jinja's filters that could make a huge value."""

    def center(value: Any, width: Any = 80) -> None:
        check_width(width, "'center'")

    def indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
        step = len(width) if isinstance(width, str) else width
        check_size(len(str(value)) + (str(value).count("\n") + 1) * max(int(step), 0), "'indent'")

    def format_(value: Any, *args: Any, **kwargs: Any) -> None:
        check_printf(str(value), kwargs or args)

    def replace(value: Any, old: Any, new: Any, count: Any = None) -> None:
        check_size(_replaced_size(str(value), str(old), str(new)), "'replace'")

    def join(value: Any, d: Any = "", attribute: Any = None) -> list[Any]:
        items = list(value)
        check_size(size(items) + len(str(d)) * len(items), "'join'")
        return items  # read once: the filter gets this list instead of the iterable

    def batch(value: Any, linecount: Any, *args: Any) -> None:
        check_width(linecount, "'batch'")

    def slice_(value: Any, slices: Any, *args: Any) -> None:
        check_width(slices, "'slice'")

    def printed(value: Any, *args: Any, **kwargs: Any) -> None:
        check_size(size(value), "printing a value")

    return {"center": center, "indent": indent, "format": format_, "replace": replace,
            "join": join, "batch": batch, "slice": slice_, "string": printed, "tojson": printed,
            "pprint": printed}


def _lipsum_check(n: Any = 5, html: Any = True, min: Any = 20, max: Any = 100) -> None:  # noqa: A002
    for count in (n, min, max):
        check_width(count, "'lipsum'")


def _guarded(function: Callable[..., Any], check: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a Jinja filter or global) running ``check`` on its own arguments first; a
    check that returns a value gives the filter that value instead of the one it read."""
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        value = check(*args[skip:], **kwargs)
        if value is not None:
            args = (*args[:skip], value, *args[skip + 1:])
        return function(*args, **kwargs)

    return guarded


class _BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to a call of ``BoundedSandbox.concat`` (Jinja joins directly)."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            markup = "context.eval_ctx.volatile"
        else:
            markup = "True" if frame.eval_ctx.autoescape else "False"
        self.write(f"environment.bounded_concat({markup}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with bounded powers, repetition, format widths and value sizes."""

    intercepted_binops = frozenset({"**", "*", "+", "%"})
    code_generator_class = _BoundedCodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, check in _filter_checks().items():
            self.filters[name] = _guarded(self.filters[name], check)
        self.globals["lipsum"] = _guarded(generate_lorem_ipsum, _lipsum_check)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        _MEMORY.check()
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        args = _checked_call(__obj, args, kwargs)
        _MEMORY.check()
        return super().call(__context, __obj, *args, **kwargs)

    def bounded_concat(self, markup: bool, items: tuple[Any, ...]) -> str:
        """``a ~ b ~ c``, refusing a result above MAX_VALUE_SIZE."""
        check_size(sum(size(item) for item in items), "joining texts with '~'")
        _MEMORY.check()
        return markup_join(items) if markup else str_join(items)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` / ``format_map`` through a formatter that bounds every field."""
        if super().wrap_str_format(value) is None:
            return None
        text: str = value.__self__
        formatter: Formatter = (
            _BoundedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, SafeMarkup) else _BoundedFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            return type(text)(formatter.vformat(text, args, kwargs))

        return functools.update_wrapper(wrapper, value)
