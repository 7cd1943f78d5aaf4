"""The change report as a small document (``briefgen diff --annex changes.pdf``).

``annex_document`` turns a ``ManifestDiff`` into the same document model the briefs use, so
the PDF, DOCX and HTML writers typeset it in house style: a 요약 sentence, then a first
chapter with what an editor must read first (claims that flipped, words the data picked that
changed, each in its sentence), then chapters for the numbers (a table: statistic, item, before, after, change), the sentences (changed words in
bold, the earlier wording below) and the data rows (added, removed, renamed, re-keyed, and
every changed cell).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from pathlib import Path
from typing import Any

from briefgen.cache.paths import temp_beside
from briefgen.errors import BriefError
from briefgen.ir import (
    Block,
    Bullet,
    Chapter,
    Document,
    Inline,
    Meta,
    Paragraph,
    Section,
    Strong,
    Superscript,
    Table,
    TableCell,
    Text,
)
from briefgen.korean.josa import attach
from briefgen.korean.numbers import fmt_count
from briefgen.regen.diff import (
    ManifestDiff,
    RowsDiff,
    SentenceChange,
    StatChange,
    WordingChange,
    cell_text,
    row_name,
)
from briefgen.regen.report import describe_input

ANNEX_FORMATS = (".pdf", ".docx", ".html")
ROW_LIMIT = 200  # rows listed per kind of data change; the rest are counted
_STATUS = {"added": "추가", "removed": "삭제", "changed": "변경"}
_RAISED = re.compile(r"\^([^\^\s]+)\^")


def annex_document(diff: ManifestDiff, meta: Meta, old_label: str, new_label: str) -> Document:
    """The change report ``diff`` as a document; ``meta`` is the brief's (title, number)."""
    chapters = [c for c in (_review(diff), _numbers(diff.statistics), _sentences(diff.sentences),
                            _rows(diff.rows), _inputs(diff)) if c is not None]
    if not chapters:
        chapters = [Chapter("변경 내역", [Bullet(2, [Text("두 빌드의 수치·문장·데이터가 같음")])], [])]
    annex_meta = Meta(
        title=f"{meta.title} 변경 보고서", report_number=meta.report_number, date=meta.date,
        subtitle=f"{old_label} → {new_label}", series="변경 보고서", organisation=meta.organisation,
        lang=meta.lang,
    )
    return Document(meta=annex_meta, summary=[Paragraph([Text(_summary(diff))])],
                    executive_summary=[], chapters=chapters, footnotes=[], references=[])


def write_annex(diff: ManifestDiff, meta: Meta, old_label: str, new_label: str, out: Path) -> None:
    """Typeset the change report to ``out`` (.pdf, .docx or .html), written atomically."""
    suffix = out.suffix.lower()
    if suffix not in ANNEX_FORMATS:
        raise BriefError(f"the annex must be a {', '.join(ANNEX_FORMATS)} file, not '{out.name}'")
    from briefgen.numbering import number_document
    from briefgen.theme import load_theme

    theme = load_theme()
    document = annex_document(diff, meta, old_label, new_label)
    number_document(document, theme)
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_beside(out)  # a fresh name: two annexes written at once never collide
    try:
        from briefgen.writers import WriteContext, writer

        writer(suffix.removeprefix("."))(document, theme, temp, WriteContext())
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)


def data_version(manifest: dict[str, Any]) -> str:
    """The data a build read, for the annex cover: ``2025.05. 자료`` (its snapshot dates), else
    the data files' names."""
    datasets = manifest.get("datasets", {}).values()
    snapshots = sorted({d["snapshot"] for d in datasets if d.get("snapshot")})
    if snapshots:
        return ", ".join(snapshots) + " 자료"
    names = sorted({Path(str(d.get("path", ""))).name for d in datasets if d.get("path")})
    return ", ".join(names) or str(manifest.get("name", ""))


def annex_meta(title: str, report_number: str, built_at: str | None) -> Meta:
    """Meta for an annex when only manifests are known: the build date of the newer one."""
    try:
        date = dt.datetime.strptime(str(built_at)[:10], "%Y-%m-%d").date()
    except ValueError:
        date = dt.date(1970, 1, 1)
    return Meta(title=title, report_number=report_number, date=date)


# ---------------------------------------------------------------------------- summary


def _summary(diff: ManifestDiff) -> str:
    sentences = [f"통계 {attach(fmt_count(len(diff.statistics)), '와/과')} "
                 f"문장 {attach(fmt_count(len(diff.sentences)), '이/가')} 바뀌었다."]
    if diff.to_review:
        sentences.append(f"이 가운데 뒤집힌 claim과 데이터가 고른 낱말의 변화 "
                         f"{attach(fmt_count(diff.to_review), '은/는')} 첫 장에 모았다.")
    for rows in diff.rows:
        moved = (f"데이터 {rows.dataset}의 분석 대상 행은 {fmt_count(rows.old_rows)}에서 "
                 f"{attach(fmt_count(rows.new_rows), '으로/로')} 바뀌었다")
        if rows.key:
            moved += (f"(추가 {fmt_count(len(rows.added))}, 삭제 {fmt_count(len(rows.removed))}, "
                      f"이름 변경 {fmt_count(len(rows.renamed))}, 값 변경 {fmt_count(len(rows.edited))})")
        sentences.append(moved + ".")
    if diff.pages[0] != diff.pages[1]:
        sentences.append(f"쪽수는 {diff.pages[0]}쪽에서 {diff.pages[1]}쪽으로 바뀌었다.")
    return " ".join(sentences)


# ---------------------------------------------------------------------------- chapters


def _cells(*texts: str) -> list[TableCell]:
    return [TableCell([Text(t)]) for t in texts]


def _numbers(stats: list[StatChange]) -> Chapter | None:
    if not stats:
        return None
    rows = []
    for stat in stats:
        if stat.status != "changed" or not stat.changes:
            rows.append(_cells(stat.name, f"({_STATUS[stat.status]})", "-", "-", ""))
        for change in stat.changes:
            rows.append(_cells(stat.name, change.label or "-", change.old or "-", change.new or "-",
                               change.delta))
    table = Table(key="tab-numbers", caption=[Text("바뀐 통계 값")], header=_cells("통계", "항목", "이전", "이후", "증감"),
                  rows=rows, align=["left", "left", "right", "right", "right"])
    lead = Bullet(2, [Text(f"값이 바뀌거나 새로 생기거나 없어진 통계는 {fmt_count(len(stats))}임")])
    return Chapter("수치 변경", [], [Section("바뀐 통계", [lead, table])])


def _review(diff: ManifestDiff) -> Chapter | None:
    """Claims that flipped and data-chosen words that changed, each with its sentence."""
    if not diff.to_review:
        return None
    blocks: list[Block] = []
    if diff.claims:
        blocks.append(Bullet(1, [Text("뒤집힌 claim")]))
        for flip in diff.claims:
            truth = "참에서 거짓으로" if flip.old_holds else "거짓에서 참으로"
            blocks.append(Bullet(2, [Text(f"({truth}) {flip.new}")]))
            blocks.append(Bullet(3, [Text(f"이전: {flip.old}")]))
    if diff.wordings:
        blocks.append(Bullet(1, [Text("데이터가 고른 낱말의 변화")]))
        shown: set[str] = set()
        for change in diff.wordings:
            blocks.extend(_wording(change, shown))
    return Chapter("먼저 검토할 문장", blocks, [])


def _wording(change: WordingChange, shown: set[str]) -> list[Block]:
    head = Bullet(2, [Text(f"{change.old} → "), Strong([Text(change.new)]),
                      Text(f" ({change.where})" if change.where else "")])
    if not change.new_sentence or change.new_sentence in shown:
        return [head]
    shown.add(change.new_sentence)
    return [head, Bullet(3, _marked(change.old_sentence, change.new_sentence))]


def _sentences(changes: list[SentenceChange]) -> Chapter | None:
    if not changes:
        return None
    groups: dict[str, list[SentenceChange]] = {}
    for change in changes:
        groups.setdefault(change.where or "본문", []).append(change)
    blocks: list[Block] = []
    for where, items in groups.items():
        blocks.append(Bullet(1, [Text(where)]))  # the brief's own numbering, not renumbered
        for change in items:
            if change.status == "changed":
                blocks.append(Bullet(2, [Text("(변경) "), *_marked(change.old, change.new,
                                                                  change.marked)]))
                blocks.append(Bullet(3, [Text("이전: "), *_raised(change.old)]))
            elif change.status == "added":
                blocks.append(Bullet(2, [Text("(추가) "), *_raised(change.marked or change.new)]))
            else:
                blocks.append(Bullet(2, [Text("(삭제) "), *_raised(change.marked or change.old)]))
    return Chapter("문장 변경", blocks, [])


def _raised(text: str) -> list[Inline]:
    """Text with its ``^…^`` parts as superscripts (footnote marks, powers)."""
    out: list[Inline] = []
    position = 0
    for match in _RAISED.finditer(text):
        if match.start() > position:
            out.append(Text(text[position:match.start()]))
        out.append(Superscript([Text(match[1])]))
        position = match.end()
    if position < len(text):
        out.append(Text(text[position:]))
    return out


def _marked(old: str, new: str, marked: str = "") -> list[Inline]:
    """``new`` with the words that differ from ``old`` in bold; raised parts of ``marked``
    (``new`` with ``^…^``, word for word) stay raised."""
    a, b = old.split(" "), new.split(" ")
    shown = marked.split(" ") if marked and len(marked.split(" ")) == len(b) else b
    out: list[Inline] = []
    for tag, _, _, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        words = " ".join(shown[j1:j2])
        if not words:
            continue
        if out:
            out.append(Text(" "))
        out.extend(_raised(words) if tag == "equal" else [Strong(_raised(words))])
    return out


def _rows(all_rows: list[RowsDiff]) -> Chapter | None:
    sections = [s for s in (_dataset(rows) for rows in all_rows) if s is not None]
    return Chapter("데이터 변경", [], sections) if sections else None


def _dataset(rows: RowsDiff) -> Section | None:
    changed = rows.added or rows.removed or rows.renamed or rows.rekeyed or rows.edited
    if rows.old_rows == rows.new_rows and not changed:
        return None
    lead: list[Block] = [Bullet(2, [Text(f"분석 대상 행은 {fmt_count(rows.old_rows)}에서 "
                             f"{attach(fmt_count(rows.new_rows), '으로/로')} 바뀌었음")])]
    if not rows.key:
        lead.append(Bullet(3, [Text("행별 비교에는 데이터의 key: 열 지정이 필요함")]))
        return Section(f"데이터 {rows.dataset}", lead)
    listed = ([_cells("추가", row_name(rows, r.key, r.label)) for r in rows.added]
              + [_cells("삭제", row_name(rows, r.key, r.label)) for r in rows.removed]
              + [_cells("이름 변경", f"{r.old} → {r.new}") for r in rows.renamed]
              + [_cells("키 변경", r.key) for r in rows.rekeyed])
    edits = [_cells(row_name(rows, e.key, e.label), column, cell_text(old), cell_text(new))
             for e in rows.edited for column, (old, new) in e.cells.items()]
    blocks: list = lead
    if listed:
        blocks.append(Table(key=f"tab-rows-{rows.dataset}", caption=[Text(f"데이터 {rows.dataset}의 행 변경")],
                            header=_cells("구분", f"행({rows.key} 기준)"), rows=_limited(listed, 2),
                            align=["left", "left"]))
    if edits:
        blocks.append(Table(key=f"tab-edits-{rows.dataset}", caption=[Text(f"데이터 {rows.dataset}의 값 변경")],
                            header=_cells("행", "열", "이전", "이후"), rows=_limited(edits, 4),
                            align=["left", "left", "left", "left"]))
    return Section(f"데이터 {rows.dataset}", blocks)


def _limited(rows: list[list[TableCell]], width: int) -> list[list[TableCell]]:
    """The first ``ROW_LIMIT`` table rows, then one row counting the rest."""
    if len(rows) <= ROW_LIMIT:
        return rows
    return rows[:ROW_LIMIT] + [_cells("…", f"외 {fmt_count(len(rows) - ROW_LIMIT)}", *[""] * (width - 2))]


def _inputs(diff: ManifestDiff) -> Chapter | None:
    if not diff.inputs:
        return None
    items: list[Block] = [Bullet(2, [Text(describe_input(change))]) for change in diff.inputs]
    return Chapter("입력 파일", [], [Section("바뀐 입력 파일", items)])
