"""A hand-built, already numbered Document used by writer tests (independent of the reader)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.frontmatter import compose_front_matter
from briefgen.ir import (
    Author,
    Bullet,
    Chapter,
    CrossRef,
    Document,
    Figure,
    Footnote,
    FootnoteRef,
    Meta,
    Paragraph,
    Reference,
    Section,
    Strong,
    Superscript,
    Table,
    TableCell,
    Text,
)
from briefgen.theme import load_theme


def _png(path: Path) -> Path:
    """A small real PNG (a grey bar chart drawn with matplotlib, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
    ax.bar(["2020", "2021", "2022", "2023"], [3, 9, 28, 104], color="#006A42")
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


def T(s: str) -> Text:
    return Text(s)


def sample_document(tmp_dir: Path) -> Document:
    """Three chapters, all bullet levels, a table with a footnote in a cell and in its caption,
    a figure, 8 footnotes (three close together, one very long), references."""
    image = _png(tmp_dir / "chart.png")
    long_note = (
        "Epoch AI는 학습 연산량이 10²³ FLOP 이상으로 추정되는 모델을 초거대 모델로 분류하며, "
        "연산량의 점 추정치가 없는 모델도 공개 정보에 근거하여 목록에 포함함. "
    ) * 12
    notes = {
        "epoch": "Epoch AI가 공개하는 초거대 AI 모델 데이터베이스(2024년 7월 기준)",
        "flop": "부동소수점 연산(Floating Point Operation)의 횟수로 학습에 투입된 연산량을 나타냄",
        "cagr": "연평균 성장률(Compound Annual Growth Rate; CAGR)",
        "multi": "둘 이상의 기관이 공동으로 개발한 모델을 뜻함",
        "long": long_note.strip(),
        "cap": "발표 연도 기준",
        "cell": "국가가 둘 이상인 모델은 각 국가에 한 번씩 집계함",
        "last": "산업계 참여 여부는 개발 기관 분류에 Industry가 포함되는지로 판단함",
    }
    order = list(notes)
    num = {k: i + 1 for i, k in enumerate(order)}

    def fn(key: str) -> FootnoteRef:
        return FootnoteRef(key, num[key])

    filler = [
        Bullet(2, [T("초거대 AI 모델의 개발이 빠르게 늘어나 정책적 대응의 필요성이 커지고 있음")]),
        Bullet(3, [T("모델의 규모와 학습 비용이 함께 증가하여 소수 기업 중심의 개발 구조가 굳어지고 있음")]),
    ] * 6
    table = Table(
        key="tab-country",
        caption=[T("국가별 초거대 AI 모델 개발 현황"), fn("cap")],
        header=[TableCell([T("국가")]), TableCell([T("모델 수")]), TableCell([T("비중")])],
        rows=[
            [TableCell([T("미국")]), TableCell([T("64")]), TableCell([T("44.4%")])],
            [TableCell([T("중국"), fn("cell")]), TableCell([T("47")]), TableCell([T("32.6%")])],
            [TableCell([T("한국")]), TableCell([T("12")]), TableCell([T("8.3%")])],
            [TableCell([T("R&D <a> 기관")]), TableCell([T("1,234")]), TableCell([T("0.1% 미만")])],
        ],
        align=["left", "right", "right"],
        unit="(단위: 개, %)",
        source=[T("Epoch AI(2024), Data on Large-Scale AI Models")],
        number=1,
        label="<표 1>",
    )
    figure = Figure(
        key="fig-yearly",
        caption=[T("연도별 초거대 AI 모델 개발 수")],
        image=image,
        source=[T("Epoch AI(2024), Data on Large-Scale AI Models")],
        notes=[[T("2020~2023년 발표 모델 기준")]],
        number=1,
        label="[그림 1]",
    )
    ch1 = Chapter(
        title="서론",
        number=1,
        label="Ⅰ.",
        anchor="ch-1",
        blocks=[],
        sections=[
            Section(
                title="연구 배경",
                number=1,
                label="1.",
                anchor="sec-1-1",
                blocks=[
                    Bullet(1, [T("초거대 AI 모델의 확산"), fn("epoch")]),
                    Bullet(2, [T("학습 연산량이 10"), Superscript([T("23")]), T(" FLOP"), fn("flop"),
                               T(" 이상인 모델이 "), Strong([T("144개")]), T("에 이름")]),
                    Bullet(3, [T("2020~2023년 연평균 226.1% 증가(CAGR)"), fn("cagr"), T("함")]),
                    Bullet(4, [T("모델 수는 발표 연도 기준으로 집계함")]),
                    Bullet(2, [T("공동 개발"), fn("multi"), T("의 비중은 낮은 편임"), fn("long")]),
                    *filler,
                ],
            )
        ],
    )
    ch2 = Chapter(
        title="초거대 AI 모델 개발 현황",
        number=2,
        label="Ⅱ.",
        anchor="ch-2",
        blocks=[Bullet(1, [T("연도별 현황")])],
        sections=[
            Section(
                title="국가별 현황",
                number=1,
                label="1.",
                anchor="sec-2-1",
                blocks=[
                    Bullet(2, [CrossRef("fig-yearly", "과", "[그림 1]과"), T(" 같이 2023년에 급증함")]),
                    figure,
                    Bullet(2, [T("국가별로는 미국이 가장 많음("), CrossRef("tab-country", None, "<표 1>"), T(")")]),
                    table,
                    Bullet(2, [T("산업계 참여"), fn("last"), T(" 비중은 97.9%임")]),
                ],
            ),
            Section(title="기관별 현황", number=2, label="2.", anchor="sec-2-2",
                    blocks=[Bullet(2, [T("Google이 가장 많은 모델을 개발함")])]),
        ],
    )
    ch3 = Chapter(
        title="요약 및 정책적 시사점",
        number=3,
        label="Ⅲ.",
        anchor="ch-3",
        blocks=[Bullet(1, [T("시사점")]), Bullet(2, [T("국내 기업의 참여 확대를 지원할 필요가 있다고 판단됨")])],
        sections=[],
    )
    footnotes = [Footnote(k, [T(v)], num[k]) for k, v in notes.items()]
    doc = Document(
        meta=Meta(
            title="초거대 AI 모델 개발 동향과 시사점",
            subtitle="Epoch AI 데이터 분석",
            report_number="IS-201",
            date=dt.date(2024, 8, 19),
            authors=[Author("홍길동", "AI정책연구실", "선임연구원", "hong@spri.kr", "031-739-0000")],
            keywords=["초거대 AI", "파운데이션 모델"],
            subject="AI 정책",
            homepage="https://spri.kr/",
            address="경기도 성남시 분당구 대왕판교로 712번길 22 글로벌 R&D 연구동(B) 4층",
            contact="이 보고서에 대한 문의는 AI정책연구실(hong@spri.kr, 031-739-0000)로 해 주시기 바람",
        ),
        summary=[Paragraph([T("초거대 AI 모델은 2020년 3개에서 2023년 104개로 늘었다. " * 6)])],
        executive_summary=[Paragraph([T("The number of large-scale AI models grew rapidly. " * 4)])],
        chapters=[ch1, ch2, ch3],
        footnotes=footnotes,
        references=[
            Reference([T("Kaplan, J. et al. (2020). “Scaling Laws for Neural Language Models”, arXiv:2001.08361.")]),
            Reference([T("안성원 외 (2023). “초거대 AI 동향”, 이슈리포트 IS-160, 성남: 소프트웨어정책연구소.")]),
        ],
    )
    return with_front_matter(doc)


def with_front_matter(doc: Document) -> Document:
    """``doc`` with the front matter numbering composes (for documents built by hand)."""
    doc.front_matter = compose_front_matter(doc.meta, load_theme())
    return doc
