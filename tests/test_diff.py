"""``briefgen diff``: statistics, sentences and rows between two manifests (unit level)."""

from __future__ import annotations

from rich.console import Console

from briefgen.regen.diff import diff_rows, diff_sentences, diff_statistics
from briefgen.regen.report import word_diff


def rows(*items: tuple[str, str], **cells: str) -> dict:
    return {"key": "link", "label": "model", "rows": [
        {"row": i + 2, "key": k, "label": n, "cells": {"link": k, "model": n, **cells}}
        for i, (k, n) in enumerate(items)
    ]}


def test_rows_matched_on_key_with_shared_keys_renames_and_rekeys():
    old = rows(("a", "Alpha"), ("b", "Beta"), ("fam", "Gem Pro"), ("fam", "Gem Ultra"),
               ("", "NoLink"), ("old-url", "Moved"), ("c", "Gone"))
    new = rows(("a", "Alpha"), ("b", "Beta 2"), ("fam", "Gem Ultra"), ("fam", "Gem Nano"),
               ("fam", "Gem Pro"), ("", "NoLink"), ("new-url", "Moved"), ("d", "Fresh"))
    result = diff_rows("models", old, new)
    assert (result.old_rows, result.new_rows) == (7, 8)
    assert [(r.old, r.new) for r in result.renamed] == [("Beta", "Beta 2")]
    assert [r.label for r in result.added] == ["Gem Nano", "Fresh"]  # shared key: not a rename
    assert [r.label for r in result.removed] == ["Gone"]
    assert [(r.key, r.old, r.new) for r in result.rekeyed] == [("Moved", "old-url", "new-url")]
    assert result.edited == []


def test_rows_edited_values_are_named_by_column():
    old = rows(("a", "Alpha"), country="미국")
    new = rows(("a", "Alpha"), country="미국, 영국")
    [edit] = diff_rows("models", old, new).edited
    assert edit.label == "Alpha" and edit.cells == {"country": ("미국", "미국, 영국")}


def test_rows_without_a_key_are_not_compared():
    old = {"key": None, "label": None, "rows": [{"row": 2, "key": "2", "label": "", "cells": {}}]}
    result = diff_rows("x", old, old)
    assert result.key is None and not result.added and not result.removed


def stat(kind: str, value: dict, text: dict) -> dict:
    return {"kind": kind, "value": value, "text": text,
            "provenance": {"dataset": "models", "filters": ["year between 2020 and 2023"]}}


def test_statistics_report_changed_labels_with_deltas():
    old = {"total": stat("count", {"value": 144}, {"count": "144개"}),
           "same": stat("count", {"value": 1}, {"count": "1개"}),
           "by_year": stat("counts", {"items": [{"label": "2022", "count": 28, "share": 0.19},
                                                {"label": "2023", "count": 104, "share": 0.72}],
                                      "total": 144}, {"items": {"2022": {"count": "28개"},
                                                                "2023": {"count": "104개"}}})}
    new = {"total": stat("count", {"value": 150}, {"count": "150개"}),
           "same": stat("count", {"value": 1}, {"count": "1개"}),
           "by_year": stat("counts", {"items": [{"label": "2022", "count": 28, "share": 0.18},
                                                {"label": "2023", "count": 110, "share": 0.73},
                                                {"label": "2024", "count": 5, "share": 0.03}],
                                      "total": 150}, {"items": {"2022": {"count": "28개"},
                                                                "2023": {"count": "110개"},
                                                                "2024": {"count": "5개"}}})}
    changes = {c.name: c for c in diff_statistics(old, new)}
    assert set(changes) == {"total", "by_year"}
    [total] = changes["total"].changes
    assert (total.old, total.new, total.delta) == ("144개", "150개", "+6")
    assert changes["total"].scope == "models · year between 2020 and 2023"
    by_year = [(c.label, c.old, c.new, c.delta) for c in changes["by_year"].changes]
    assert by_year == [("2023", "104개", "110개", "+6"), ("2024", "—", "5개", "+5"),
                       ("모집단", "144", "150", "+6")]


def test_sentences_aligned_not_shifted():
    def s(*texts):
        return [{"id": f"b{i}", "where": "Ⅱ. 1.", "text": t} for i, t in enumerate(texts)]

    old = s("모델은 144개로 늘어남", "그대로인 문장", "사라지는 완전히 다른 내용")
    new = s("새로 들어온 첫 문장 XYZ", "모델은 150개로 늘어남", "그대로인 문장")
    changes = [(c.status, c.old, c.new) for c in diff_sentences(old, new)]
    assert ("changed", "모델은 144개로 늘어남", "모델은 150개로 늘어남") in changes
    assert ("added", "", "새로 들어온 첫 문장 XYZ") in changes
    assert ("removed", "사라지는 완전히 다른 내용", "") in changes
    assert len(changes) == 3


def test_word_diff_marks_only_changed_words():
    assert word_diff("모두 144개로 늘어", "모두 150개로 늘어", plain=True) == "모두 [-144개로-]{+150개로+} 늘어"
    console = Console(record=True, width=80, force_terminal=True)
    console.print(word_diff("a R&D <b> [x]", "a R&D <b> [y]"))
    assert "R&D <b> " in console.export_text()


def test_single_numbers_are_printed_in_house_format():
    """A max of whole numbers has no decimals (``510 → 1,200``, not ``510.0``); a mean keeps one;
    a ratio two; the delta is rounded half away from zero like the values (S36, S36a)."""
    old = {"largest": stat("max", {"value": 510.0}, {"num": "510.0"}),
           "avg": stat("mean", {"value": 2.25}, {"num": "2.3"}),
           "r": stat("ratio", {"value": 1.5}, {"num": "1.50"})}
    new = {"largest": stat("max", {"value": 1200.0}, {"num": "1,200.0"}),
           "avg": stat("mean", {"value": 3.0}, {"num": "3.0"}),
           "r": stat("ratio", {"value": 1.125}, {"num": "1.13"})}
    changes = {s.name: s.changes[0] for s in diff_statistics(old, new)}
    assert (changes["largest"].old, changes["largest"].new, changes["largest"].delta) == ("510", "1,200", "+690")
    assert (changes["avg"].old, changes["avg"].new, changes["avg"].delta) == ("2.3", "3.0", "+0.8")
    assert (changes["r"].old, changes["r"].new, changes["r"].delta) == ("1.50", "1.13", "-0.38")


def test_summary_without_a_key_tells_counts_only():
    """Rows of a dataset with no ``key:`` are not matched: the summary must not claim 0 added."""
    from briefgen.regen.diff import ManifestDiff, RowsDiff
    from briefgen.regen.report import print_report

    console = Console(record=True, width=200, no_color=True)
    diff = ManifestDiff("x", [], [], [], [RowsDiff("firms", None, 12, 15)], (1, 1))
    print_report(diff, console)
    summary = console.export_text().strip().splitlines()[-1]
    assert summary.endswith("firms 행 12 → 15 (행별 비교 없음: key: 열 미지정)")
    assert "추가 0" not in summary
