"""The bounded sandbox: ordinary expressions render as before, oversized ones are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.template import sandbox
from briefgen.template.render import render_with_lines


def render(tmp_path: Path, text: str) -> str:
    (tmp_path / "t.md").write_text(text, "utf-8")
    return render_with_lines(tmp_path / "t.md", tmp_path, {}, Josa())[0]


@pytest.mark.parametrize(("text", "want"), [
    ("{{ 2 ** 10 }} {{ 10 ** -2 }} {{ 2.5 ** 2 }}", "1024 0.01 6.25"),
    ("{{ 'ab' * 3 }} {{ [1] * 2 }} {{ 3 * 4 }}", "ababab \\[1, 1\\] 12"),
    ("{{ '{:>5}'.format('가') }}|{{ '{0:.2f}'.format(3.14159) }}", "    가|3.14"),
    ("{{ '{x}'.format_map({'x': 1}) }} {{ '%5.1f' % 2.25 }} {{ '%d%%' % 5 }}", "1   2.2 5%"),
    ("{{ 'x'|center(5) }}|{{ '%03d'|format(7) }}|{{ [1, 2]|join('-') }}", "  x  |007|1-2"),
    ("{{ 'a' ~ 1 ~ 'b' }} {{ 'a\tb'.expandtabs(2) }} {{ 'aa'.replace('a', 'bb') }}", "a1b a b bbbb"),
    ("{{ 'x'.rjust(3) }} {{ '-'.join(['a', 'b']) }}", "  x a-b"),
    ("{{ [1, 2]|map('string')|join('+') }} {{ '/'.join([3, 4]|map('string')) }}", "1+2 3/4"),
    ("{% set l = [1] %}{% if l.extend([2]) %}{% endif %}{{ l|length }} {{ 'ab'.translate({97: 'x'}) }}", "2 xb"),
])
def test_ordinary_expressions_render(tmp_path: Path, text: str, want: str) -> None:
    assert render(tmp_path, text) == want


@pytest.mark.parametrize(("text", "message"), [
    ("{{ 9 ** (9 ** 9) }}", "9 ** 387420489 is too big"),
    ("{% set n = 2 ** 3000 %}{{ n * n }}", "a product of more than 4,096 bits"),
    ("{{ '{0:>2500000000}'.format(1) }}", "'format': width 2,500,000,000"),
    ("{{ '{0:.{1}f}'.format(1, 5000) }}", "'format': width 5,000"),
    ("{{ '%*d' % (5, 1) }}", "('*') is not allowed"),
    ("{{ 'x' * 3000000000 }}", "repeating a text or list"),
    ("{{ [[1] * 1000] * 2000 }}", "repeating a text or list"),
    ("{{ 'x'.ljust(3000000000) }}", "'ljust': width 3,000,000,000"),
    ("{{ 'x'|indent(3000000000) }}", "'indent' would make"),
    ("{% set s = 'x' * 1000000 %}{{ s.replace('x', 'yy') }}", "'replace' would make"),
    ("{% set s = 'x' * 1000000 %}{{ [s, s]|join }}", "'join' would make"),
    ("{% set s = 'x' * 1000000 %}{{ s ~ s }}", "joining texts with '~'"),
    ("{% set s = 'x' * 1000000 %}{{ s + s }}", "joining two texts or lists"),
    ("{{ range(3)|batch(3000000000, 0)|list }}", "'batch': width"),
    ("{{ lipsum(3000000000) }}", "'lipsum': width"),
    ("{% set l = [1] * 300000 %}{% for i in range(3) %}{% if l.extend(l) %}{% endif %}{% endfor %}",
     "'extend' would make"),
    ("{% set s = 'x' * 1000000 %}{{ s.translate({120: 'yy'}) }}", "'translate' would make"),
])
def test_oversized_expressions_are_refused_with_their_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "\n" + text)
    assert message in caught.value.message
    assert (caught.value.source, caught.value.line) == ("t.md", 2)


def test_a_render_that_runs_too_long_stops_at_its_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_RENDER_SECONDS", 0.2)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "ㅇ 시작\n" + loops)
    assert caught.value.message == "rendering took more than 0.2 s (a loop inside a loop?)"
    assert (caught.value.source, caught.value.line) == ("t.md", 2)
    assert render(tmp_path, "ㅇ {{ 1 + 1 }}") == "ㅇ 2"  # the timer is gone


def test_a_render_that_takes_too_much_memory_stops_at_its_line(tmp_path: Path, monkeypatch) -> None:
    if not Path("/proc/self/statm").exists():
        pytest.skip("the memory guard reads /proc")
    monkeypatch.setattr(sandbox, "MAX_RENDER_MEMORY_MB", 50)
    keep = ("{% set big = 'x' * 900000 %}{% set kept = [] %}"
            "{% for i in range(100000) %}{% if kept.append(big ~ i) %}{% endif %}{% endfor %}")
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "ㅇ 시작\n" + keep)
    assert caught.value.message.startswith("rendering took more than 50 MB of memory")
    assert (caught.value.source, caught.value.line) == ("t.md", 2)
