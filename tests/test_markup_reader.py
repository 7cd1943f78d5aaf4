"""Markup reader → IR, checked against stored golden snapshots (Pandoc-style) and rules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefgen.errors import BriefError
from briefgen.ir import Bullet, Figure, FootnoteRef, Table, plain_text
from briefgen.irjson import to_data
from briefgen.markup.reader import read_markup
from briefgen.numbering import number_document
from briefgen.theme import load_theme

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "ir"
REGENERATE = (
    "(re)write it with BRIEFGEN_UPDATE_GOLDEN=1 "
    "python -m pytest tests/test_markup_reader.py and review the diff"
)


def _resolve(params, loc):
    return Path(params.get("image", params.get("chart", "x")) )


def read(text: str):
    return read_markup(text, "content.md", _resolve)


def test_dialect_matches_golden_snapshot():
    parts = read((HERE / "fixtures" / "markup" / "dialect.md").read_text("utf-8"))
    data = json.dumps(to_data(parts), ensure_ascii=False, indent=1, sort_keys=True)
    golden = GOLDEN / "dialect.json"
    if os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(data + "\n", "utf-8")
    if not golden.exists():
        pytest.fail(f"{golden} is missing; {REGENERATE}")
    assert data + "\n" == golden.read_text("utf-8"), f"the IR differs from {golden.name}; {REGENERATE}"


def test_bullet_levels_and_continuation_lines():
    parts = read("# 장\n\n□ 제목\nㅇ 첫 줄\n  둘째 줄\n  - 세부\n    * 주석\n")
    bullets = parts.chapters[0].blocks
    assert [b.level for b in bullets] == [1, 2, 3, 4]
    assert plain_text(bullets[1].inlines) == "첫 줄 둘째 줄"


def test_footnotes_in_table_cell_and_caption_are_read():
    parts = read((HERE / "fixtures" / "markup" / "dialect.md").read_text("utf-8"))
    blocks = parts.chapters[0].sections[0].blocks
    figure = next(b for b in blocks if isinstance(b, Figure))
    assert isinstance(figure.caption[-1], FootnoteRef) and figure.caption[-1].key == "b"
    assert plain_text(figure.notes[0]) == "그림의 주석"
    table = next(b for b in blocks if isinstance(b, Table))
    assert any(isinstance(n, FootnoteRef) for n in table.rows[0][0].inlines)
    assert plain_text(table.rows[1][0].inlines) == "R&D <a>"
    assert table.align == ["left", "right", "right"]  # numbers right-aligned (S29)
    assert table.unit == "(단위: 개, %)"
    assert plain_text(table.source) == "기관(2024)"
    assert [n.key for n in parts.footnotes] == ["a", "b", "c"]


def test_numbering_assigns_labels_particles_and_footnote_order(tmp_path):
    import datetime as dt

    from briefgen.ir import Document, Meta

    parts = read((HERE / "fixtures" / "markup" / "dialect.md").read_text("utf-8"))
    doc = Document(Meta("t", "IS-001", dt.date(2024, 1, 1)), parts.summary, [], parts.chapters,
                   parts.footnotes, parts.references)
    warnings = number_document(doc, load_theme())
    assert [c.heading for c in doc.chapters] == ["Ⅰ. 서론", "Ⅱ. 요약 및 정책적 시사점"]  # S6
    assert doc.chapters[0].sections[0].heading == "1. 분석 방법"  # S8
    texts = [plain_text(b.inlines) for b in doc.chapters[0].blocks if isinstance(b, Bullet)]
    assert texts[0] == "배경1)"
    assert "[그림 1]과 같음" in texts[2]  # S52 particle after the number
    section_text = plain_text(doc.chapters[0].sections[0].blocks[0].inlines)
    assert section_text == "표는 <표 1>을 참고함"
    assert [n.number for n in doc.footnotes] == [1, 2, 3]  # S23: one sequence
    refs = [plain_text(r.inlines) for r in doc.references]
    assert refs == ["alpha, B. (2021). Report.", "Zeta, A. (2020). “Title”, Venue.",
                    "홍길동 (2023). “제목”, 이슈리포트 IS-160."]  # S32 order, § stripped
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ㅇ 앞선 내용\n", "content.md:1: content before the first chapter"),
        ("# 장\n\nㅇ 글[^x]\n", "content.md:3: footnote [^x] is used but never defined"),
        ("# 장\n\n□ 제목\n- 세부\n", "content.md:4: '-' item must follow an 'ㅇ' item"),
        ("# Ⅰ. 서론\n", "content.md:1: heading 'Ⅰ. 서론' carries its own number"),
        ("# 장\n\n### 소절\n", "content.md:3: heading level 3 is not part of the dialect"),
        ("# 장\n\n| a |\n|---|\n| 1 |\n", "content.md:3: a table must be inside '::: table #key'"),
        ("# 장\n\n::: figure chart=x\n제목\n:::\n", "content.md:3: '::: figure' needs an id"),
        ("# 장\n\n::: figure #f chart=x\n:::\n", "content.md:3: '::: figure' has no caption"),
        (
            "# 장\n\n::: figure #f chart=x\n가\n:::\n\n::: figure #f chart=x\n나\n:::\n",
            "content.md:7: duplicate id '#f' (first used at content.md:3)",
        ),
        ("# 장\n\nㅇ 가[^a] 나[^a]\n\n[^a]: 주\n", "content.md:3: footnote [^a] is used twice"),
    ],
)
def test_bad_markup_gives_located_one_line_error(text, message):
    with pytest.raises(BriefError) as caught:
        read(text)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_unused_footnote_is_a_warning():
    parts = read("# 장\n\nㅇ 가\n\n[^a]: 쓰이지 않는 주\n")
    assert parts.warnings == ["content.md:5: footnote [^a] is defined but never used"]
