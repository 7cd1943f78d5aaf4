"""Render a ``ManifestDiff`` as a Korean change report in the terminal (rich markup)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from typing import Any

from rich.console import Console
from rich.markup import escape

from briefgen.regen.diff import (
    InputChange,
    ManifestDiff,
    RowsDiff,
    SentenceChange,
    cell_text,
    row_name,
)

GROUPS = {"config": "설정", "content": "본문 템플릿", "data": "데이터", "theme": "테마",
          "fonts": "글꼴", "images": "그림", "params": "매개변수", "briefgen": "briefgen"}
STATUS = {"added": "[green]추가[/]", "removed": "[red]삭제[/]", "changed": "[yellow]변경[/]"}
LIST_LIMIT = 30
_TOKEN = re.compile(r"\s+|[^\s]+")


def print_report(diff: ManifestDiff, console: Console, *, old_label: str = "이전",
                 new_label: str = "현재") -> None:
    """Print the whole change report: inputs, numbers, sentences, data rows, pages."""
    out = console.print
    out(f"[bold]변경 보고서[/] {escape(diff.name)}  ({escape(old_label)} → {escape(new_label)})")
    if diff.empty and not diff.inputs:
        out("변경 없음: 두 빌드의 수치·문장·데이터가 같습니다.")
        return
    _to_review(diff, out, plain=console.no_color or not console.is_terminal)
    if diff.inputs:
        out("\n[bold]■ 입력 파일[/]")
        for change in diff.inputs:
            out(f"  {escape(describe_input(change))}")
    _statistics(diff, out)
    _sentences(diff.sentences, out, plain=console.no_color or not console.is_terminal)
    for rows in diff.rows:
        _rows(rows, out)
    if diff.pages[0] != diff.pages[1]:
        out(f"\n[bold]■ 쪽수[/] {diff.pages[0]} → {diff.pages[1]}")
    out(f"\n요약: 먼저 검토 {diff.to_review}개, 통계 {len(diff.statistics)}개, "
        f"문장 {len(diff.sentences)}개 변경" + "".join(f"; {_rows_summary(r)}" for r in diff.rows))


def _rows_summary(rows: RowsDiff) -> str:
    """``firms 행 12 → 15 (추가 3, …)``; without a key the rows are not matched, so only the
    counts are told (with what is missing)."""
    moved = f"{rows.dataset} 행 {rows.old_rows:,} → {rows.new_rows:,}"
    if not rows.key:
        return f"{moved} (행별 비교 없음: key: 열 미지정)"
    return (f"{moved} (추가 {len(rows.added)}, 삭제 {len(rows.removed)}, "
            f"이름 변경 {len(rows.renamed)}, 값 변경 {len(rows.edited)})")


def _to_review(diff: ManifestDiff, out: Any, plain: bool) -> None:
    """Claims that flipped and data-chosen words that changed, before everything else."""
    if not diff.to_review:
        out("\n[bold]■ 먼저 검토할 문장[/] 없음: 뒤집힌 claim도, 데이터가 고른 낱말의 변화도 없습니다.")
        return
    out(f"\n[bold]■ 먼저 검토할 문장[/] ({diff.to_review}개)")
    for flip in diff.claims:
        truth = "참 → 거짓" if flip.old_holds else "거짓 → 참"
        out(f"  [magenta]claim {truth}[/] {_line(flip.line)}{escape(flip.new)}")
    shown: set[str] = set()
    for change in diff.wordings:
        out(f"  [magenta]낱말[/] {_line(change.line)}{escape(change.old)} → "
            f"[bold]{escape(change.new)}[/]")
        if change.new_sentence and change.new_sentence not in shown:
            shown.add(change.new_sentence)
            out(f"    [cyan]{escape(change.where)}[/] "
                f"{word_diff(change.old_sentence, change.new_sentence, plain)}")


def _line(line: int | None) -> str:
    return f"[dim]{line}행[/] " if line else ""


def describe_input(change: InputChange) -> str:
    """``데이터: a.csv → b.csv``, ``본문 템플릿: content.md (내용 변경)``, ``그림: x.png (추가)``."""
    group = GROUPS.get(change.group, change.group)
    if change.old and change.new and change.old != change.new:
        return f"{group}: {change.old} → {change.new}"
    if change.old and change.new:
        return f"{group}: {change.new} (내용 변경)"
    return f"{group}: {change.new or change.old} ({'추가' if change.new else '삭제'})"


def _statistics(diff: ManifestDiff, out: Any) -> None:
    if not diff.statistics:
        out("\n[bold]■ 통계[/] 변경 없음")
        return
    out(f"\n[bold]■ 통계[/] ({len(diff.statistics)}개 변경)")
    for stat in diff.statistics:
        scope = f" [dim]({escape(stat.scope)})[/]" if stat.scope else ""
        if stat.status != "changed":
            out(f"  {STATUS[stat.status]} {escape(stat.name)}{scope}")
        single = len(stat.changes) == 1 and not stat.changes[0].label
        if single:
            c = stat.changes[0]
            out(f"  {escape(stat.name)}: {escape(c.old)} → [bold]{escape(c.new)}[/] {_delta(c.delta)}{scope}")
            continue
        if stat.status == "changed":
            out(f"  {escape(stat.name)}{scope}")
        for c in stat.changes:
            label = f"{escape(c.label)}: " if c.label else ""
            out(f"    {label}{escape(c.old)} → [bold]{escape(c.new)}[/] {_delta(c.delta)}")


def _delta(delta: str) -> str:
    if not delta:
        return ""
    colour = "green" if delta.startswith("+") else "red"
    return f"[{colour}]({escape(delta)})[/]"


def _sentences(changes: list[SentenceChange], out: Any, plain: bool) -> None:
    if not changes:
        out("\n[bold]■ 문장[/] 변경 없음")
        return
    out(f"\n[bold]■ 문장[/] ({len(changes)}개)")
    where = None
    for change in changes:
        if change.where != where:
            where = change.where
            out(f"  [cyan]{escape(where)}[/]")
        if change.status == "changed":
            out(f"    {STATUS['changed']} {word_diff(change.old, change.new, plain)}")
        elif change.status == "added":
            out(f"    {STATUS['added']} [green]{escape(change.new)}[/]")
        else:
            out(f"    {STATUS['removed']} [red strike]{escape(change.old)}[/]")


def word_diff(old: str, new: str, plain: bool = False) -> str:
    """Rich markup of ``new`` with removed words struck through in red, added in green;
    ``plain`` (no colour) marks them git-style: ``[-old-]{+new+}``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag in ("replace", "delete"):
            parts.append(escape(f"[-{removed}-]") if plain else f"[red strike]{removed}[/]")
        if tag in ("replace", "insert"):
            parts.append(escape(f"{{+{added}+}}") if plain else f"[green bold]{added}[/]")
        if tag == "equal":
            parts.append(escape("".join(a[i1:i2])))
    return "".join(parts)


def _rows(rows: RowsDiff, out: Any) -> None:
    title = f"\n[bold]■ 데이터 {escape(rows.dataset)}[/] 행 {rows.old_rows:,} → {rows.new_rows:,}"
    if not rows.key:
        out(f"{title} [dim](행 비교에는 key: 열 지정이 필요합니다)[/]")
        return
    out(f"{title} [dim](기준 열: {escape(rows.key)})[/]")
    sections: list[tuple[str, list[str]]] = [
        ("[green]추가[/]", [escape(row_name(rows, r.key, r.label)) for r in rows.added]),
        ("[red]삭제[/]", [escape(row_name(rows, r.key, r.label)) for r in rows.removed]),
        ("[yellow]이름 변경[/]", [f"{escape(r.old)} → {escape(r.new)}" for r in rows.renamed]),
        ("키 변경", [escape(r.key) for r in rows.rekeyed]),
        ("값 변경", [
            f"{escape(row_name(rows, e.key, e.label))}: " + "; ".join(
                f"{escape(col)} {escape(cell_text(a))} → {escape(cell_text(b))}" for col, (a, b) in e.cells.items()
            ) for e in rows.edited
        ]),
    ]
    for name, items in sections:
        if not items:
            continue
        out(f"  {name} {len(items)}개")
        for item in items[:LIST_LIMIT]:
            out(f"    · {item}")
        if len(items) > LIST_LIMIT:
            out(f"    … 외 {len(items) - LIST_LIMIT}개")


def diff_json(diff: ManifestDiff) -> dict[str, Any]:
    """The diff as JSON-ready data (for ``briefgen diff --json``)."""
    return {**dataclasses.asdict(diff), "empty": diff.empty}
