"""Mutation tests: the example's data changed the ways real updates change it (ties, reversals,
declines, a category vanishing, a new leader). For each, the brief either prints only true
comparative statements or stops with the claim that broke.

The mutations are made at test time from the bundled 2024-07 snapshot: rows are picked by how
briefgen itself reads them (countries after the Multinational rule, years after filters), then
the raw CSV cells are edited, so each mutation hits its target exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import copy_example

from briefgen.errors import BriefError

CSV = "data/epoch/large_scale_ai_models_2024-07.csv"
COUNTRY = "Country (from Organization)"
NAMES = {"미국": "United States of America", "중국": "China", "한국": "Korea (Republic of)",
         "프랑스": "France", "일본": "Japan"}
Mutation = Callable[[pd.DataFrame, pd.DataFrame], None]


def _frame(project: Path) -> pd.DataFrame:
    """The filtered example dataset as briefgen reads it (index = spreadsheet row)."""
    from briefgen.data import load_datasets
    from briefgen.project import load_project

    config = load_project(project)
    return load_datasets(config.data, config.root, config.config_file)["models"].frame


def _count(frame: pd.DataFrame, label: str, year: int | None = None, column: str = "country") -> int:
    rows = frame if year is None else frame[frame["year"] == year]
    return sum(label in cell for cell in rows[column])


def _single(frame: pd.DataFrame, label: str, year: int | None = None) -> list[int]:
    """Raw-CSV positions of rows whose only country is ``label`` (in ``year``)."""
    rows = frame if year is None else frame[frame["year"] == year]
    return [int(row) - 2 for row, cell in rows["country"].items() if tuple(cell) == (label,)]


def _move(raw: pd.DataFrame, frame: pd.DataFrame, source: str, target: str, n: int,
          year: int | None = None) -> None:
    rows = _single(frame, source, year)
    assert len(rows) >= n, f"only {len(rows)} rows of {source} to move"
    raw.loc[rows[:n], COUNTRY] = NAMES[target]


def reversal_2023(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    gap = _count(frame, "미국", 2023) - _count(frame, "중국", 2023)
    _move(raw, frame, "미국", "중국", gap // 2 + 2, 2023)


def tie_2023(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    gap = _count(frame, "미국", 2023) - _count(frame, "중국", 2023)
    _move(raw, frame, "미국", "중국", gap // 2, 2023)
    if gap % 2:
        _move(raw, frame, "미국", "일본", 1, 2023)


def widen_2023(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    _move(raw, frame, "중국", "미국", 10, 2023)


def korea_tied_third(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    _move(raw, frame, "미국", "프랑스", _count(frame, "한국") - _count(frame, "프랑스"))


def korea_fourth(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    _move(raw, frame, "미국", "프랑스", _count(frame, "한국") - _count(frame, "프랑스") + 1)


def korea_drops_out(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    rows = _single(frame, "한국")
    raw.loc[rows[1:], COUNTRY] = NAMES["일본"]


def korea_declines(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    latest = _single(frame, "한국", 2023)
    raw.loc[latest[2:], COUNTRY] = NAMES["일본"]
    _move(raw, frame, "미국", "한국", 5, 2022)


def total_declines(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    latest = [int(row) - 2 for row in frame[frame["year"] == 2023].index]
    raw.loc[latest[3:], "Publication date"] = "2019-06-01"  # moved out of the analysed years


def _drop_token(raw: pd.DataFrame, column: str, tokens: set[str], rows: list[int] | None = None) -> None:
    for position in raw.index if rows is None else rows:
        cell = raw.at[position, column]
        if isinstance(cell, str):
            kept = [t for t in (p.strip() for p in cell.split(",")) if t not in tokens]
            raw.at[position, column] = ",".join(kept) if kept else "Language"


def multimodal_vanishes(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    _drop_token(raw, "Domain", {"Multimodal"})


def visual_declines(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    latest = [int(row) - 2 for row in frame[frame["year"] == 2023].index]
    others = {"Vision", "Image generation", "Video", "Multimodal", "Audio", "Speech", "Biology",
              "Robotics", "Mathematics", "Games"}
    _drop_token(raw, "Domain", others, latest)


def visual_mixed(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Image and video models of the latest year fall to one fewer than the year before."""
    before = _count(frame, "이미지·영상", 2022, "domain_group")
    rows = [int(r) - 2 for r, cell in frame[frame["year"] == 2023]["domain_group"].items()
            if "이미지·영상" in cell]
    _drop_token(raw, "Domain", {"Vision", "Image generation", "Video"}, rows[before - 1:])


def new_top_task(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    for position in raw.index:
        cell = raw.at[position, "Task"]
        raw.at[position, "Task"] = "Chat" if not isinstance(cell, str) else f"{cell},Chat"


def top_org_tie(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    counts = pd.Series([o for cell in frame["organization"] for o in cell]).value_counts()
    first, second = counts.index[0], counts.index[1]
    gap = int(counts.iloc[0] - counts.iloc[1])
    rows = [int(r) - 2 for r, cell in frame["organization"].items() if tuple(cell) == (first,)]
    raw.loc[rows[: gap // 2], "Organization"] = second
    raw.loc[rows[gap // 2: gap // 2 + gap % 2], "Organization"] = "Another Lab"


def industry_minority(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    raw["Organization categorization (from Organization)"] = "Academia"


MUTATIONS: dict[str, tuple[Mutation, str]] = {
    # name: (mutation, expected outcome: "text" true wording, "claim" a located stop, "either")
    "reversal_2023": (reversal_2023, "text"),
    "tie_2023": (tie_2023, "text"),
    "widen_2023": (widen_2023, "text"),
    "korea_tied_third": (korea_tied_third, "text"),
    "korea_fourth": (korea_fourth, "text"),
    "korea_drops_out": (korea_drops_out, "claim"),
    "korea_declines": (korea_declines, "either"),
    "total_declines": (total_declines, "claim"),
    "multimodal_vanishes": (multimodal_vanishes, "text"),
    "visual_declines": (visual_declines, "text"),
    "visual_mixed": (visual_mixed, "text"),
    "new_top_task": (new_top_task, "text"),
    "top_org_tie": (top_org_tie, "claim"),
    "industry_minority": (industry_minority, "claim"),
}


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    return copy_example(tmp_path_factory.mktemp("mutation-source"))


def _mutated(original: Path, target: Path, mutation: Mutation) -> Path:
    project = copy_example(target, original)
    raw = pd.read_csv(project / CSV, dtype=str, keep_default_na=False)
    raw.replace("", pd.NA, inplace=True)
    mutation(raw, _frame(project))
    raw.to_csv(project / CSV, index=False)
    return project


GAP_WORDS = {"narrowed": "격차가 좁혀짐", "widened": "격차가 벌어짐", "reversed": "순위가 역전됨",
             "unchanged": "격차가 유지됨", "closed": "격차가 없어짐", "opened": "격차가 생김",
             "level": "같은 수준이 유지됨"}


def _gap(a0: int, b0: int, a1: int, b1: int) -> str:
    """The expected gap phrase, worked out here independently of briefgen.korean.wording."""
    if a0 == b0:
        return GAP_WORDS["level" if a1 == b1 else "opened"]
    if a1 == b1:
        return GAP_WORDS["closed"]
    if (a0 > b0) != (a1 > b1):
        return GAP_WORDS["reversed"]
    if abs(a1 - b1) == abs(a0 - b0):
        return GAP_WORDS["unchanged"]
    return GAP_WORDS["narrowed" if abs(a1 - b1) < abs(a0 - b0) else "widened"]


def _direction(new: int, old: int, up: str, down: str, same: str) -> str:
    return up if new > old else down if new < old else same


def check_true(text: str, stats: dict) -> None:
    """Every comparative statement of the example agrees with the statistics."""
    countries, by_year_country = stats["by_country"], stats["year_country"]
    c1, c2 = countries.items[0], countries.items[1]
    cells = [by_year_country.cell(y, c.label) for y in (2022, 2023) for c in (c1, c2)]
    assert f"두 나라의 {_gap(*cells)}" in text
    kr = countries["한국"]
    rank = f"공동 {kr.rank}위" if kr.tied else f"{kr.rank}위"
    assert f"로 {rank}를 차지하였으며" in text and f"로 {rank}에 올랐다" in text
    assert len(re.findall(r"(?<!공동 )\d+위를 차지하였으며", text)) == (0 if kr.tied else 1)
    kr_prev, kr_last = by_year_country.cell(2022, "한국"), by_year_country.cell(2023, "한국")
    assert f"전년({kr_prev}개)보다 {_direction(kr_last, kr_prev, '늘어남', '줄어듦', '변동 없음')}" in text
    groups = [item for item in stats["by_domain_group"].items if item.label != "기타"]  # [그림 2]'s series
    assert f"그다음은 {', '.join(f'{g.label} {g.count}개' for g in groups[1:3])} 순임" in text
    assert f"과업별로는 {stats['by_task'].items[0].label}" in text
    visual = stats["year_domain"]
    g1, g2 = visual.col_labels[1], visual.col_labels[2]
    rose = [visual.cell(2023, g) > visual.cell(2022, g) for g in (g1, g2)]
    fell = [visual.cell(2023, g) < visual.cell(2022, g) for g in (g1, g2)]
    assert ("넓어지고 있음" in text) == all(rose)
    assert ("이외 분야의 개발은 줄어듦" in text) == all(fell)
    assert ("엇갈림" in text) == (not all(rose) and not all(fell))
    assert not re.search(r"\((이|가|을|를|은|는|과|와|으)\)", text)


def _outcome(project: Path) -> tuple[str, str]:
    from briefgen.build import prepare
    from briefgen.record.sentences import document_sentences

    try:
        prepared = prepare(project)
    except BriefError as error:
        assert "claim no longer holds" in str(error), str(error)
        assert error.source == "templates/ai-models/content.md" and error.line, str(error)
        return "claim", str(error)
    text = " ".join(s["text"] for s in document_sentences(prepared.document))
    check_true(text, prepared.statistics)
    return "text", text


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_prints_only_true_statements_or_stops(name, original, tmp_path):
    mutation, expected = MUTATIONS[name]
    outcome, detail = _outcome(_mutated(original, tmp_path / name, mutation))
    assert expected in (outcome, "either"), f"{name}: {outcome}: {detail[:300]}"


def test_targeted_mutations_reach_their_wording(original, tmp_path):
    """The mutations really produce the cases they are named after."""
    expected = {"reversal_2023": "순위가 역전됨", "tie_2023": "격차가 없어짐",
                "widen_2023": "격차가 벌어짐", "korea_tied_third": "공동 3위",
                "korea_fourth": "로 4위를", "visual_declines": "이외 분야의 개발은 줄어듦",
                "visual_mixed": "엇갈림"}
    for name, phrase in expected.items():
        outcome, text = _outcome(_mutated(original, tmp_path / name, MUTATIONS[name][0]))
        assert outcome == "text" and phrase in text, f"{name}: {outcome}: {text[:200]}"


def test_unmutated_example_is_true(original):
    assert _outcome(original)[0] == "text"
