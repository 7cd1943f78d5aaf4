"""The content checks every build and ``check`` report (S3, S14, S33, S40): each fires on the
slip it names, at its line, and stays silent on the house form."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.contentcheck import content_warnings
from briefgen.ir import Document, Meta
from briefgen.markup.reader import read_markup

SUMMARY_OK = "초거대 AI 모델은 빠르게 늘었다. " * 20  # 380 characters


def warnings_of(markup: str) -> list[str]:
    parts = read_markup(markup, "c.md", lambda params, loc: None)
    document = Document(Meta("제목", "IS-001", dt.date(2024, 8, 19)), parts.summary, parts.executive_summary,
                        parts.chapters, parts.footnotes, parts.references)
    return content_warnings(document, "c.md")


def with_summary(summary: str, body: str = "ㅇ 본문임\n") -> str:
    return f"::: summary\n{summary.strip()}\n:::\n\n# 서론\n\n{body}"


@pytest.mark.parametrize(("length", "warned"), [(154, True), (349, True), (350, False), (800, False),
                                                (801, True)])
def test_summary_length_s3(length: int, warned: bool) -> None:
    summary = ("가" * (length - 1)) + "다"
    found = warnings_of(with_summary(summary))
    assert bool(found) == warned
    if warned:
        assert found == [f"c.md:2: the 요약 has {length:,} characters; an editor expects 350~800 "
                         "(4 to 8 sentences) (S3)"]


def test_no_summary_is_no_s3_warning() -> None:
    assert warnings_of("# 서론\n\nㅇ 본문임\n") == []


def test_star_note_needs_its_anchor_s14() -> None:
    body = ("ㅇ 학습 연산량은 10^23^ FLOP 이상임\n"
            "  * 부동소수점 연산 횟수\n"
            "ㅇ 학습 연산량은 FLOP^*^ 단위로 셈\n"
            "  * 부동소수점 연산 횟수\n"
            "  * 두 번째 설명\n"
            "ㅇ AI^*^와 LLM^**^을 다룸\n"
            "  * 인공지능\n"
            "  * 거대언어모델\n")
    assert warnings_of(with_summary(SUMMARY_OK, body)) == [
        "c.md:8: the '*' note has no '*' anchor in the item above it (c.md:7); mark the term it "
        "explains (write * as ^*^ after it) (S14)",
        "c.md:11: the '*' note has no '**' anchor in the item above it (c.md:9); mark the term it "
        "explains (write ** as ^**^ after it) (S14)",
    ]


def test_a_listed_reference_the_text_never_cites_s33() -> None:
    body = ("ㅇ 스케일링 법칙(Kaplan et al., 2020)과 Epoch AI(2024)의 자료를 봄\n\n"
            "::: references\n"
            "§ Epoch AI (2024). “Data on Large-Scale AI Models”, https://epoch.ai.\n"
            "§ Kaplan, J. et al. (2020). “Scaling Laws for Neural Language Models”, arXiv:2001.08361.\n"
            "§ Sevilla, J. et al. (2022). “Compute Trends Across Three Eras of Machine Learning”.\n"
            "§ Kaplan, J. et al. (2021). “Another paper”.\n"
            "§ 안성원 외 (2023). 「보고서」, 이슈리포트 IS-160.\n"
            ":::\n")
    found = warnings_of(with_summary(SUMMARY_OK, body))
    assert [w.split(": ", 1)[1] for w in found] == [
        "the reference 'Sevilla (2022)' is never cited in the text; cite it or leave it out (S33)",
        "the reference 'Kaplan (2021)' is never cited in the text; cite it or leave it out (S33)",
        "the reference '안성원 (2023)' is never cited in the text; cite it or leave it out (S33)",
    ]
    assert all(w.startswith("c.md:") for w in found)


def test_a_dot_form_date_in_running_text_s40() -> None:
    body = ("ㅇ 데이터는 2024.07. 기준이며 2024.08.19.에 갱신됨[^a]\n"
            "ㅇ 점수는 2023.5점이고 2024년 7월 자료임\n\n"
            "::: table #tab-a\n표\n| 가 |\n|---|\n| 2024.07. |\n출처: Epoch AI(2024.07.)\n:::\n\n"
            "[^a]: 2023.12. 자료와 비교함\n")
    found = warnings_of(with_summary(SUMMARY_OK, body))
    assert found == [
        "c.md:7: the date '2024.07.' is in the dot form of the cover and source lines; running text "
        "writes '2024년 7월' (S40)",
        "c.md:7: the date '2024.08.19.' is in the dot form of the cover and source lines; running "
        "text writes '2024년 8월 19일' (S40)",
        "c.md:18: the date '2023.12.' is in the dot form of the cover and source lines; running "
        "text writes '2023년 12월' (S40)",
    ]
