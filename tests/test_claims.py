"""Claims and data-chosen words in templates: recorded with their lines, located errors."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.stats.results import CountItem, Counts, Provenance
from briefgen.template.claims import Ledger
from briefgen.template.render import Namespace, render_with_lines


@dataclass
class Year:
    label: str
    count: int


def _countries() -> Counts:
    items = [CountItem("미국", 63, 0.42, 1), CountItem("중국", 50, 0.333, 2),
             CountItem("프랑스", 11, 0.073, 3, tied=True), CountItem("한국", 11, 0.073, 3, tied=True),
             CountItem("영국", 10, 0.067, 5)]
    return Counts("by_country", "counts", Provenance(None, None), items=items, total=150)


CONTEXT = {"stats": Namespace("statistic", {"by_country": _countries()})}


def render(tmp_path, text: str) -> tuple[str, Ledger]:
    path = tmp_path / "content.md"
    path.write_text(text, "utf-8")
    ledger = Ledger()
    return render_with_lines(path, tmp_path, CONTEXT, Josa({}), ledger)[0], ledger


def test_rank_prints_ties_as_joint(tmp_path):
    text, ledger = render(tmp_path, '{{ stats.by_country["한국"] | rank }}, '
                                    '{{ stats.by_country | rank("미국") }}, '
                                    '{{ stats.by_country["한국"] | rank_en }}')
    assert text == "공동 3위, 1위, joint 3rd"
    assert [(c.kind, c.word, c.subject, c.line) for c in ledger.choices] == [
        ("rank", "공동 3위", "한국", 1), ("rank", "1위", "미국", 1), ("rank_en", "joint 3rd", "한국", 1)]


def test_wording_filters_follow_the_numbers(tmp_path):
    text, ledger = render(tmp_path, "{{ 39 | compare(46) }} {{ 110 | direction(2) }} "
                                    "{{ -0.293 | rate_change }} {{ 0.5 | rate_change('다') }}\n"
                                    "{{ gap_trend(64, 42, 39, 46) }}\n"
                                    "{{ stats.by_country.items[1:3] | listing }}")
    assert text.split("\n") == ["적음 늘어 29.3% 감소 50.0% 증가하였다", "순위가 역전됨",
                                "중국 50개, 프랑스 11개"]
    assert [c.line for c in ledger.choices] == [1, 1, 1, 1, 2]
    assert ledger.choices[4].values == [64, 42, 39, 46]


def test_claim_that_holds_prints_nothing_and_is_recorded(tmp_path):
    text, ledger = render(tmp_path, "첫 줄\n{{ claim(63 > 50, '미국 {}개 > 중국 {}개', 63, 50) }}끝")
    assert text == "첫 줄\n끝"
    [claim] = ledger.claims
    assert (claim.line, claim.statement, claim.holds, claim.alternative) == (2, "미국 63개 > 중국 50개", True, False)
    assert claim.to_json()["values"] == [63, 50]


def test_false_claim_is_a_located_error(tmp_path):
    with pytest.raises(BriefError) as error:
        render(tmp_path, "ㅇ 문장\n\n{% set a, b = 39, 46 %}{{ claim(a > b, '미국 {}개 > 중국 {}개({}년)', a, b, 2023) }}")
    assert str(error.value) == "content.md:3: claim no longer holds: 미국 39개 > 중국 46개(2023년)"


def test_holds_picks_the_alternative_wording(tmp_path):
    text, ledger = render(tmp_path, "{% if holds(1 > 2, '하나가 둘보다 큼') %}참{% else %}대안{% endif %}")
    assert text == "대안"
    assert (ledger.claims[0].holds, ledger.claims[0].alternative) == (False, True)


def test_claim_values_print_items_by_label_and_floats_with_one_decimal(tmp_path):
    _, ledger = render(tmp_path, "{{ claim(true, '{} {}%', stats.by_country.first, 42.04) }}")
    assert ledger.claims[0].statement == "미국 42.0%"
    assert ledger.claims[0].values == ["미국", 42.04]


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ claim(3, 'x') }}", "a claim needs a true/false condition (a comparison such as a > b), not int 3"),
        ("{{ claim('yes', 'x') }}", "not str 'yes'"),
        ("{{ claim(true, 3) }}", "a claim's description must be text, not int"),
        ("{{ claim(true, '{} > {}', 1) }}", "has 2 '{}' place(s) for 1 value(s)"),
        ("{{ holds(none, 'x') }}", "not NoneType None"),
    ],
)
def test_bad_claims_are_located_errors(tmp_path, template, message):
    with pytest.raises(BriefError, match="content.md:1: .*" + message.replace("(", r"\(").replace(")", r"\)")
                       .replace("{", r"\{").replace("}", r"\}").replace("'", "'")):
        render(tmp_path, template)
