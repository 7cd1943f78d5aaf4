"""check/build warnings: numbers and statistic labels typed in the prose of a template."""

from __future__ import annotations

from briefgen.stats.results import CountItem, Counts, Crosstab, Provenance
from briefgen.template.lint import lint_template

STATS = {
    "by_domain": Counts("by_domain", "counts", Provenance(None, None), items=[
        CountItem("언어", 126, 0.875, 1), CountItem("멀티모달", 16, 0.11, 2), CountItem("비전", 15, 0.1, 3)]),
    "year_domain": Crosstab("year_domain", "crosstab", Provenance(None, None),
                            row_labels=["2022", "2023"], col_labels=["언어", "이미지·영상"],
                            cells=[[20, 6], [90, 22]]),
}


def test_typed_number_is_located():
    source = "# 서론\n\nㅇ 모델은 {{ stats.total | count }}이며 2023년에 104개가 나옴\n"
    assert lint_template(source, "content.md", STATS) == [
        "content.md:3: a number typed in the prose (ㅇ 모델은 이며 2023년에 104개가 나옴); print it from a statistic"]


def test_numbers_that_are_not_data_pass():
    source = ("ㅇ 10^23^ FLOP[^flop] 이상({@fig-1}), 스케일링 법칙(Kaplan et al., 2020)\n"
              "ㅇ 도입이 늘고 있음(홍길동, 2024; Kaplan, 2020)\n"
              "::: figure #fig-1 chart=x width=0.85\n:::\n"
              "|:---|---:|\n"
              "{# fixed: 공식 #}[^cagr]: (1/기간) 제곱에서 1을 뺀 값임\n"
              "::: references\n§ Kaplan, J. (2020). arXiv:2001.08361.\n:::\n")
    assert lint_template(source, "content.md", STATS) == []


def test_label_typed_next_to_its_statistic_is_located():
    source = ('{% set d = stats.by_domain %}\n'
              'ㅇ 그다음은 멀티모달 {{ d["멀티모달"] | count }}, 비전이 {{ d["비전"] | count }} 순임\n'
              'ㅇ 멀티모달은 표에 없음\n'
              'ㅇ {{ d.items[1].label }} {{ d.items[1] | count }}, 언어학과 무관함\n'
              'ㅇ 이미지·영상 분야는 {{ stats.year_domain.cell(2023, "이미지·영상") | count }}\n')
    assert lint_template(source, "content.md", STATS) == [
        "content.md:2: '멀티모달' is a label of statistic 'by_domain' typed in the prose; "
        "print it from the data ({{ item.label }})",
        "content.md:2: '비전' is a label of statistic 'by_domain' typed in the prose; "
        "print it from the data ({{ item.label }})",
        "content.md:5: '이미지·영상' is a label of statistic 'year_domain' typed in the prose; "
        "print it from the data ({{ item.label }})",
    ]


def test_directions_and_endings_typed_around_values_are_located():
    source = ('ㅇ 연평균 {{ c | pct }} 증가함\n'
              'ㅇ 비중은 {{ a | pp(b) }}%p 하락\n'
              'ㅇ 증가율({{ x | pct }})은 {{ y | year }} 증가율보다 높고 {{ z | pct }} 감소폭은 작음\n'
              'ㅇ {{ last.value | change(last.previous, "전년 대비") }}하여 늘어남\n'
              'ㅇ {{ a | count_change(b) }}한 기업\n'
              'ㅇ {{ a | change(b, form="어") }} 늘어남, {{ c | rate_change("음", basis="연평균") }}\n'
              '{# {{ c | pct }} 증가 #}ㅇ 주석 안은 보지 않음\n')
    assert lint_template(source, "content.md", STATS) == [
        "content.md:1: '증가' typed after a printed value: the direction follows the data; "
        "print it with rate_change, pp_change, change or count_change",
        "content.md:2: '하락' typed after a printed value: the direction follows the data; "
        "print it with rate_change, pp_change, change or count_change",
        "content.md:4: '하여…' typed after change: give the filter its ending (form='다', '어', "
        "'은' or '음'); typed, it prints '변동 없음하여…' when nothing changed",
        "content.md:5: '한…' typed after count_change: give the filter its ending (form='다', "
        "'어', '은' or '음'); typed, it prints '변동 없음한…' when nothing changed",
    ]


def test_the_examples_have_no_warnings():
    from pathlib import Path

    from briefgen.build import prepare

    root = Path(__file__).resolve().parent.parent
    for project in (root, root / "examples" / "soai-scorecard", root / "examples" / "kosis-ict-exports"):
        prepared = prepare(project)
        source = prepared.project.content.read_text("utf-8")
        assert lint_template(source, "content.md", prepared.statistics) == [], project.name
