"""Compare two build manifests: inputs, statistics, sentences, dataset rows, pages.

``diff_manifests(old, new)`` returns a ``ManifestDiff`` of plain dataclasses; ``report.py``
renders it in Korean. Rows are matched on the dataset's ``key`` column or columns (a table
read with ``wide``: its id columns and the period, ``품목 · 반도체 · 2022``; several rows may
share a key, e.g. one paper for a model family): first by key and identical name, then
a key group's single leftover old row and single leftover new row are one renamed row, then
leftovers with the same name but a different key are one row whose key changed.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from briefgen.korean.numbers import fmt_number
from briefgen.record.manifest import ITEM_FIELD, KEY_JOINER

_WHOLE_FLOAT = re.compile(r"-?\d+\.0")


@dataclass
class ValueChange:
    """One changed number: ``label`` ('' for the statistic itself), old and new text."""

    label: str
    old: str
    new: str
    delta: str = ""


@dataclass
class StatChange:
    """A statistic whose value changed (or that appeared/disappeared)."""

    name: str
    kind: str
    scope: str
    changes: list[ValueChange]
    status: str = "changed"  # changed | added | removed


@dataclass
class SentenceChange:
    """A rendered sentence that changed, appeared or disappeared."""

    status: str  # changed | added | removed
    where: str
    old: str = ""
    new: str = ""
    marked: str = ""  # ``new`` (else ``old``) with raised parts in ^…^ (record.sentences)


@dataclass
class ClaimFlip:
    """A claim of the template (``holds()``) whose truth changed between the builds."""

    text: str
    line: int | None
    old: str
    new: str
    old_holds: bool
    new_holds: bool


@dataclass
class WordingChange:
    """A word the data picked (a rank, a comparison, a direction …) that changed, with the
    sentence it stands in when that sentence changed."""

    kind: str
    line: int | None
    old: str
    new: str
    where: str = ""
    old_sentence: str = ""
    new_sentence: str = ""


@dataclass
class Row:
    key: str
    label: str


@dataclass
class RowRename:
    key: str
    old: str
    new: str


def cell_text(value: str) -> str:
    """A data cell as a change report shows it: ``(빈칸)`` when empty, a whole float without
    its ``.0`` (pandas reads an integer column with blanks as floats: ``13900000000.0``)."""
    if not value:
        return "(빈칸)"
    return value[:-2] if _WHOLE_FLOAT.fullmatch(value) else value


@dataclass
class RowEdit:
    """Same row, other values changed: ``cells`` maps column → (old, new)."""

    key: str
    label: str
    cells: dict[str, tuple[str, str]]


@dataclass
class RowsDiff:
    """Rows added/removed/renamed/edited in one dataset's population; ``key``: the key
    column(s) as named in a report, ``keys``: the columns (empty in an older manifest)."""

    dataset: str
    key: str | None
    old_rows: int
    new_rows: int
    keys: list[str] = field(default_factory=list)
    added: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    renamed: list[RowRename] = field(default_factory=list)
    rekeyed: list[RowRename] = field(default_factory=list)
    edited: list[RowEdit] = field(default_factory=list)


@dataclass
class InputChange:
    group: str
    old: str
    new: str


@dataclass
class ManifestDiff:
    """Everything that differs between two builds."""

    name: str
    inputs: list[InputChange]
    statistics: list[StatChange]
    sentences: list[SentenceChange]
    rows: list[RowsDiff]
    pages: tuple[int, int]
    claims: list[ClaimFlip] = field(default_factory=list)
    wordings: list[WordingChange] = field(default_factory=list)

    @property
    def to_review(self) -> int:
        """Claims that flipped and data-chosen words that changed: what an editor reads first."""
        return len(self.claims) + len(self.wordings)

    @property
    def empty(self) -> bool:
        """True when the two builds say the same thing."""
        rows_moved = any(_row_count(r) or r.old_rows != r.new_rows for r in self.rows)
        return not (self.to_review or self.statistics or self.sentences or rows_moved
                    or self.pages[0] != self.pages[1])


def _row_count(rows: RowsDiff) -> int:
    return len(rows.added) + len(rows.removed) + len(rows.renamed) + len(rows.rekeyed) + len(rows.edited)


def diff_manifests(old: dict[str, Any], new: dict[str, Any]) -> ManifestDiff:
    """The differences between manifest ``old`` and manifest ``new``."""
    sentences = diff_sentences(old.get("sentences", []), new.get("sentences", []))
    return ManifestDiff(
        name=str(new.get("name", "")),
        inputs=diff_inputs(old.get("inputs", {}), new.get("inputs", {})),
        statistics=diff_statistics(old.get("statistics", {}), new.get("statistics", {})),
        sentences=sentences,
        rows=[
            diff_rows(name, old["datasets"][name], new["datasets"][name])
            for name in new.get("datasets", {})
            if name in old.get("datasets", {})
        ],
        pages=(_pages(old), _pages(new)),
        claims=diff_claims(old.get("claims", []), new.get("claims", [])),
        wordings=diff_wordings(old.get("choices", []), new.get("choices", []), sentences),
    )


def _paired(old: list[dict[str, Any]], new: list[dict[str, Any]],
            key: Callable[[dict[str, Any]], Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Old and new records paired by ``key`` and their order among records of that key."""

    def numbered(records: list[dict[str, Any]]) -> dict[tuple[Any, int], dict[str, Any]]:
        seen: dict[Any, int] = defaultdict(int)
        out = {}
        for record in records:
            k = key(record)
            out[(k, seen[k])] = record
            seen[k] += 1
        return out

    before = numbered(old)
    return [(before[k], record) for k, record in numbered(new).items() if k in before]


def diff_claims(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[ClaimFlip]:
    """Claims (paired by their text) whose truth differs between the builds."""
    return [
        ClaimFlip(b["text"], b.get("line"), a["statement"], b["statement"], a["holds"], b["holds"])
        for a, b in _paired(old, new, lambda c: c.get("text"))
        if a.get("holds") != b.get("holds")
    ]


def diff_wordings(old: list[dict[str, Any]], new: list[dict[str, Any]],
                  sentences: list[SentenceChange]) -> list[WordingChange]:
    """Data-chosen words (paired by kind, template line and subject) that changed, each with
    the changed sentence it stands in (searched in document order, as the words come)."""
    changes = []
    changed = [s for s in sentences if s.status == "changed"]
    cursor = 0
    pairs = _paired(old, new, lambda c: (c.get("kind"), c.get("line"), c.get("subject")))
    for a, b in pairs:
        if a["word"] == b["word"]:
            continue
        change = WordingChange(b["kind"], b.get("line"), a["word"], b["word"])
        for index in range(cursor, len(changed)):
            sentence = changed[index]
            subject = b.get("subject") or ""
            if b["word"] in sentence.new and a["word"] in sentence.old and subject in sentence.new:
                change.where, change.old_sentence, change.new_sentence = (
                    sentence.where, sentence.old, sentence.new)
                cursor = index
                break
        changes.append(change)
    return changes


def _pages(manifest: dict[str, Any]) -> int:
    return int(manifest.get("outputs", {}).get("pdf", {}).get("pages", 0))


# ------------------------------------------------------------------------- inputs


def diff_inputs(old: dict[str, Any], new: dict[str, Any]) -> list[InputChange]:
    """Input files replaced, edited, added or dropped (by group), parameters given other
    values, and a new briefgen."""
    changes: list[InputChange] = []
    old_files, new_files = old.get("files", {}), new.get("files", {})
    for group in sorted(set(old_files) | set(new_files)):
        before = {f["path"]: f["sha256"] for f in old_files.get(group, [])}
        after = {f["path"]: f["sha256"] for f in new_files.get(group, [])}
        gone = sorted(set(before) - set(after))
        came = sorted(set(after) - set(before))
        for a, b in zip(gone, came, strict=False):
            changes.append(InputChange(group, a, b))
        changes += [InputChange(group, a, "") for a in gone[len(came):]]
        changes += [InputChange(group, "", b) for b in came[len(gone):]]
        changes += [InputChange(group, p, p) for p in sorted(set(before) & set(after))
                    if before[p] != after[p]]
    old_params, new_params = old.get("params", {}), new.get("params", {})
    for name in sorted(set(old_params) | set(new_params)):
        before, after = old_params.get(name), new_params.get(name)
        if before != after:
            changes.append(InputChange("params", "" if before is None else f"{name}={before}",
                                       "" if after is None else f"{name}={after}"))
    old_code, new_code = old.get("briefgen", {}), new.get("briefgen", {})
    if old_code.get("version") != new_code.get("version"):
        changes.append(InputChange("briefgen", str(old_code.get("version")), str(new_code.get("version"))))
    return changes


# ------------------------------------------------------------------------- statistics


def diff_statistics(old: dict[str, Any], new: dict[str, Any]) -> list[StatChange]:
    """Changed statistics in the new manifest's order (then removed ones)."""
    out: list[StatChange] = []
    for name, entry in new.items():
        scope = _scope(entry)
        if name not in old:
            out.append(StatChange(name, entry["kind"], scope, _values(entry, None), "added"))
            continue
        before = old[name]
        if before.get("value") == entry.get("value") and before.get("kind") == entry.get("kind"):
            continue
        changes = _values(entry, before)
        if changes:
            out.append(StatChange(name, entry["kind"], scope, changes))
    for name, entry in old.items():
        if name not in new:
            out.append(StatChange(name, entry["kind"], _scope(entry), [], "removed"))
    return out


def _scope(entry: dict[str, Any]) -> str:
    prov = entry.get("provenance") or {}
    parts = [str(prov.get("dataset") or "")]
    parts += [str(f) for f in prov.get("filters") or []]
    return " · ".join(p for p in parts if p)


def _delta(old: Any, new: Any, digits: int = 0, unit: str = "") -> str:
    if not isinstance(old, int | float) or not isinstance(new, int | float):
        return ""
    change = new - old
    if change == 0:
        return ""
    text = fmt_number(abs(change), digits)
    return f"{'+' if change > 0 else '-'}{text}{unit}"  # ASCII minus (S36a)


def aggregate_digits(kind: str, *values: Any) -> int:
    """Decimals of a single-number statistic in a report: 2 for a ratio, none when every value
    is whole (a max or sum of counts: ``1,200``, not ``1,200.0``), else 1."""
    if kind == "ratio":
        return 2
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return 0 if all(float(v).is_integer() for v in numbers) else 1


def _number(value: Any, digits: int) -> str:
    """A statistic's number in house format (S36), ``—`` when there is none."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "—"
    return fmt_number(value, digits)


def _values(new: dict[str, Any], old: dict[str, Any] | None) -> list[ValueChange]:
    kind = new["kind"]
    nv, ov = new.get("value", {}), (old or {}).get("value", {})
    nt, ot = new.get("text", {}), (old or {}).get("text", {})
    missing = "—"
    match kind:
        case "count":
            return [ValueChange("", ot.get("count", missing), nt.get("count", missing),
                                _delta(ov.get("value"), nv.get("value")))]
        case "share":
            return [ValueChange("", ot.get("count_share", missing), nt.get("count_share", missing),
                                _delta(_pct(ov.get("share")), _pct(nv.get("share")), 1, "%p"))]
        case "cagr":
            return [ValueChange(nt.get("span", ""), ot.get("pct", missing), nt.get("pct", missing),
                                _delta(_pct(ov.get("value")), _pct(nv.get("value")), 1, "%p"))]
        case "counts":
            return _counts(nv, ov, nt.get("items", {}), ot.get("items", {}))
        case "crosstab":
            return _crosstab(nv, ov)
        case "sums" | "growth" | "cumulative":
            return _items(ITEM_FIELD[kind], nv, ov, nt.get("items", {}), ot.get("items", {}))
        case "ratio" | "min" | "max" | "sum" | "mean" | "median":
            a, b = ov.get("value"), nv.get("value")
            if a == b:
                return []
            digits = aggregate_digits(kind, a, b)
            return [ValueChange("", _number(a, digits) if old else missing, _number(b, digits),
                                _delta(a, b, digits))]
    before = _short(ov) if old else missing
    after = _short(nv)
    return [] if before == after else [ValueChange("", before, after)]


def _pct(share: Any) -> float | None:
    return round(share * 100, 1) if isinstance(share, int | float) else None


def _short(value: dict[str, Any]) -> str:
    if "value" in value and not isinstance(value["value"], dict | list):
        text = value["value"]
        return f"{text:,}" if isinstance(text, int | float) and not isinstance(text, bool) else str(text)
    if "records" in value:
        return f"{len(value['records'])}행"
    return ", ".join(f"{k}={v}" for k, v in sorted(value.items()) if not isinstance(v, dict | list))


def _counts(nv: dict, ov: dict, nt: dict, ot: dict) -> list[ValueChange]:
    new_items = {i["label"]: i.get("count") for i in nv.get("items", [])}
    old_items = {i["label"]: i.get("count") for i in ov.get("items", [])}
    labels = list(new_items) + [label for label in old_items if label not in new_items]
    out = []
    for label in labels:
        a, b = old_items.get(label), new_items.get(label)
        if a == b:
            continue
        out.append(ValueChange(label, _count_text(a, ot.get(label)), _count_text(b, nt.get(label)),
                               _delta(a or 0, b or 0)))
    if ov.get("total") != nv.get("total") and ov.get("total") is not None:
        out.append(ValueChange("모집단", f"{ov['total']:,}", f"{nv.get('total') or 0:,}",
                               _delta(ov["total"], nv.get("total") or 0)))
    return out


def _items(field: str, nv: dict, ov: dict, nt: dict, ot: dict) -> list[ValueChange]:
    """Per-label changes of one item field (a sum's share, growth's value, a running total)."""
    new_items = {i["label"]: i.get(field) for i in nv.get("items", [])}
    old_items = {i["label"]: i.get(field) for i in ov.get("items", [])}
    out = []
    for label in list(new_items) + [label for label in old_items if label not in new_items]:
        a, b = old_items.get(label), new_items.get(label)
        if a == b:
            continue
        before = (ot.get(label) or {}).get(field) or "—"
        after = (nt.get(label) or {}).get(field) or "—"
        change = _delta(_pct(a), _pct(b), 1, "%p") if field == "share" else _delta(a, b)
        if before != after:
            out.append(ValueChange(label, before, after, change))
    return out


def _count_text(count: int | None, texts: dict | None) -> str:
    if count is None:
        return "—"
    return (texts or {}).get("count") or f"{count:,}개"


def _crosstab(nv: dict, ov: dict) -> list[ValueChange]:
    def cells(value: dict) -> dict[tuple[str, str], int]:
        rows, cols, grid = value.get("row_labels", []), value.get("col_labels", []), value.get("cells", [])
        return {(str(r), str(c)): grid[i][j]  # a grid smaller than its labels: the cells it has
                for i, r in enumerate(rows[:len(grid)]) for j, c in enumerate(cols[:len(grid[i])])}

    a, b = cells(ov), cells(nv)
    keys = list(b) + [k for k in a if k not in b]
    return [
        ValueChange(f"{r} × {c}", f"{a.get((r, c), 0):,}", f"{b.get((r, c), 0):,}",
                    _delta(a.get((r, c), 0), b.get((r, c), 0)))
        for r, c in keys if a.get((r, c), 0) != b.get((r, c), 0)
    ]


# ------------------------------------------------------------------------- sentences

SIMILAR = 0.45


def diff_sentences(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[SentenceChange]:
    """Align the two sentence lists; report changed, added and removed sentences."""
    a = [s["text"] for s in old]
    b = [s["text"] for s in new]
    out: list[SentenceChange] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        while olds and news:
            i, j = olds[0], news[0]
            if difflib.SequenceMatcher(None, a[i], b[j], autojunk=False).ratio() >= SIMILAR:
                out.append(SentenceChange("changed", new[j]["where"], a[i], b[j],
                                          new[j].get("marked", "")))
                olds.pop(0)
                news.pop(0)
            elif len(olds) > len(news):
                out.append(SentenceChange("removed", old[i]["where"], old=a[i],
                                          marked=old[i].get("marked", "")))
                olds.pop(0)
            else:
                out.append(SentenceChange("added", new[j]["where"], new=b[j],
                                          marked=new[j].get("marked", "")))
                news.pop(0)
        out += [SentenceChange("removed", old[i]["where"], old=a[i], marked=old[i].get("marked", ""))
                for i in olds]
        out += [SentenceChange("added", new[j]["where"], new=b[j], marked=new[j].get("marked", ""))
                for j in news]
    return out


# ------------------------------------------------------------------------- rows


def row_name(rows: RowsDiff, key: str, label: str) -> str:
    """How a report names one row: its label (a model's name), else its key; both when the key
    is made of several columns (``품목 · 반도체`` and ``2022``: the label alone names no item)."""
    if label and len(rows.keys) > 1:
        return f"{key}{KEY_JOINER}{label}"
    return label or key


def diff_rows(name: str, old: dict[str, Any], new: dict[str, Any]) -> RowsDiff:
    """Rows of one dataset's population added, removed, renamed or edited (matched on key)."""
    result = RowsDiff(name, new.get("key"), len(old.get("rows", [])), len(new.get("rows", [])),
                      list(new.get("keys") or []))
    if not new.get("key") or new.get("key") != old.get("key"):
        return result
    groups: dict[str, tuple[list[dict], list[dict]]] = defaultdict(lambda: ([], []))
    for row in old["rows"]:
        groups[row["key"]][0].append(row)
    for row in new["rows"]:
        groups[row["key"]][1].append(row)
    pairs: list[tuple[dict, dict]] = []
    left_old: list[dict] = []
    left_new: list[dict] = []
    for key, (olds, news) in groups.items():
        olds, news = list(olds), list(news)
        for row in list(olds):
            match = next((n for n in news if n["label"] == row["label"]), None)
            if match is not None:
                pairs.append((row, match))
                olds.remove(row)
                news.remove(match)
        if key and len(olds) == 1 and len(news) == 1:
            result.renamed.append(RowRename(key, olds[0]["label"], news[0]["label"]))
            pairs.append((olds[0], news[0]))
            continue
        left_old += olds
        left_new += news
    for row in list(left_old):
        match = next((n for n in left_new if n["label"] == row["label"] and n["label"]), None)
        if match is not None:
            result.rekeyed.append(RowRename(row["label"], row["key"], match["key"]))
            pairs.append((row, match))
            left_old.remove(row)
            left_new.remove(match)
    result.removed = [Row(r["key"], r["label"]) for r in left_old]
    result.added = [Row(r["key"], r["label"]) for r in left_new]
    ignore = {*(new.get("keys") or [new.get("key")]), new.get("label")}  # the row's identity
    for before, after in pairs:
        cells = {
            column: (before["cells"].get(column, ""), value)
            for column, value in after["cells"].items()
            if column not in ignore and before["cells"].get(column, "") != value
        }
        if cells:
            result.edited.append(RowEdit(after["key"], after["label"], cells))
    return result
