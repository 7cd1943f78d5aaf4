"""Template layer: Korean filters (input → expected string), escaping, sandbox, error lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.template.render import Namespace, render_with_lines


@dataclass
class FakeShare:
    count: int
    total: int
    share: float


@dataclass
class FakeCagr:
    value: float
    start: int
    end: int


CONTEXT = {
    "stats": Namespace("statistic", {
        "industry": FakeShare(130, 144, 130 / 144),
        "cagr": FakeCagr(2.2613, 2020, 2023),
        "total": FakeShare(144, 144, 1.0),
    }),
    "facts": Namespace("fact", {"model": "GPT-4", "llama": "Llama 3.1", "star": "*Star* [x]"}),
    "meta": {"date": dt.date(2024, 8, 19)},
}


def render(tmp_path, text: str, name: str = "t.md") -> str:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return render_with_lines(path, tmp_path, CONTEXT, Josa({}))[0]


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ stats.industry | pct }}", "90.3%"),  # S34
        ("{{ stats.industry | count_share }}", "130개(90.3%)"),  # S35
        ("{{ stats.industry | share_count }}", "90.3%(130개)"),
        ("{{ stats.total | count }}", "144개"),
        ("{{ 5430 | count('회') }}", "5,430회"),  # S36
        ("{{ 1234567 | num }}", "1,234,567"),
        ("{{ stats.cagr | pct }}", "226.1%"),
        ("{{ stats.cagr | span('년') }}", "2020~2023년"),  # S38
        ("{{ [20, 25] | span('%') }}", "20~25%"),
        ("{{ 2023 | year }}", "2023년"),
        ("{{ meta.date | date('month') }}", "2024년 8월"),  # S40
        ("{{ meta.date | date('dot') }}", "2024.08.19."),
        ("{{ 67220000000 | money }}", "672.2억 달러"),  # S37
        ("{{ 0.4444 | pp(0.3264) }}", "11.8%p"),
        ("{{ facts.model | josa('이') }}", "GPT-4가"),  # S52
        ("{{ facts.llama | josa('은') }}", "Llama 3.1은"),
        ("{{ stats.cagr | pct | josa('이') }}", "226.1%가"),
        ("{{ stats.total | count | josa('로') }}", "144개로"),
        ("데이터{{ '데이터' | particle('은') }}", "데이터는"),
        ("{{ facts.star }}", "\\*Star\\* \\[x\\]"),  # values cannot inject markup
    ],
)
def test_filters_give_house_format(tmp_path, template, expected):
    assert render(tmp_path, template) == expected


def test_unknown_statistic_names_line_and_suggests(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "첫 줄\n둘째 줄 {{ stats.industy | pct }}\n")
    assert str(caught.value) == "t.md:2: unknown statistic 'industy' (did you mean 'industry'?)"


def test_undefined_variable_names_the_line(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "a\nb\n{{ nothing }}\n")
    message = str(caught.value)
    assert message.startswith("t.md:3: unknown name 'nothing'; a template knows ")
    assert "stats" in message and "{% set %}" in message


def test_undefined_name_suggests_the_closest_known_one(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "{{ stat.total }}\n")
    assert str(caught.value).startswith("t.md:1: unknown name 'stat' (did you mean 'stats'?)")


def test_syntax_error_names_the_line(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "a\n{% if %}\n")
    assert str(caught.value).startswith("t.md:2: template syntax error")


def test_unknown_filter_is_an_error(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "{{ 3 | percent }}")
    assert "percent" in str(caught.value) and str(caught.value).startswith("t.md:1:")


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ self._TemplateReference__context }}",
        "{{ stats.__class__ }}",
    ],
)
def test_sandbox_blocks_escapes(tmp_path, attack):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, attack)
    assert str(caught.value).startswith("t.md:1:")


def test_hedged_particle_never_comes_out(tmp_path):
    with pytest.raises(BriefError) as caught:
        render(tmp_path, "{{ 'Gatto' | josa('이') }}")
    assert "Gatto" in str(caught.value) and "readings" in str(caught.value)


def test_markup_errors_name_the_template_line_not_the_rendered_one(tmp_path):
    """Trimmed {% set %} lines and loops do not shift the line numbers the reader reports."""
    from briefgen.markup.reader import read_markup

    path = tmp_path / "c.md"
    path.write_text(
        "{% set a = 1 %}\n{% set b = [1, 2, 3] %}\n# 장\n\n{% for x in b %}\nㅇ 항목 {{ x }}\n{% endfor %}\n"
        "ㅇ 끝[^missing]\n",
        "utf-8",
    )
    text, origins = render_with_lines(path, tmp_path, {}, Josa({}))
    assert "\ue000" not in text and text.startswith("# 장\n")
    assert origins[:6] == [3, 4, 6, 6, 6, 8]
    with pytest.raises(BriefError) as caught:
        read_markup(text, "c.md", lambda params, loc: tmp_path / "x.png", origins)
    assert str(caught.value).startswith("c.md:8: footnote [^missing] is used but never defined")


def test_line_breaks_inside_a_value_become_spaces(tmp_path):
    """Data cells with embedded newlines (Epoch's CSV has them) must not break a table row."""
    context = {**CONTEXT, "facts": Namespace("fact", {"cell": "첫 줄\r\n둘째 줄\n셋째"})}
    path = tmp_path / "t.md"
    path.write_text("| {{ facts.cell }} |", "utf-8")
    assert render_with_lines(path, tmp_path, context, Josa({}))[0] == "| 첫 줄 둘째 줄 셋째 |"
