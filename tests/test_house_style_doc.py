"""Every house-style rule id cited in src/, tests/, docs/ or the README has its entry in
docs/house-style.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "house-style.md"
#: ``S24``, ``S36a``, pitfalls ``P1``…; ``noqa: S310`` comments name ruff's rules, not ours.
RULE_ID = re.compile(r"\b(S\d+[a-z]?|P\d)\b")
NOQA = re.compile(r"noqa:[ \w,-]*")
#: A range such as ``S34–S38`` or ``S22-S24`` cites every id between its ends.
RANGE = re.compile(r"\bS(\d+)[-–]S(\d+)\b")
SUFFIXES = {".py", ".yaml", ".md", ".txt"}


def sources() -> list[Path]:
    files = [
        *(ROOT / "src" / "briefgen").rglob("*"),
        *(ROOT / "tests").rglob("*"),
        *(ROOT / "docs").glob("*.md"),
        ROOT / "README.md",
    ]
    skip = {Path(__file__), DOC}
    return [p for p in files if p.suffix in SUFFIXES and p.is_file() and p not in skip]


def cited() -> dict[str, str]:
    """Rule id → the first file citing it."""
    found: dict[str, str] = {}
    for path in sources():
        text = NOQA.sub("", path.read_text("utf-8", errors="replace"))
        ids = set(RULE_ID.findall(text))
        for low, high in RANGE.findall(text):
            ids |= {f"S{n}" for n in range(int(low), int(high) + 1)}
        for rule in ids:
            found.setdefault(rule, str(path.relative_to(ROOT)))
    return found


def documented() -> set[str]:
    return set(re.findall(r"^#{2,4} (S\d+[a-z]?|P\d)\b", DOC.read_text("utf-8"), flags=re.M))


def test_every_cited_rule_id_has_an_entry():
    missing = {rule: where for rule, where in cited().items() if rule not in documented()}
    assert not missing, f"rule ids cited but not in docs/house-style.md: {missing}"


def test_the_scan_finds_the_citations():
    assert {"S1", "S24", "S36a", "S52", "P1"} <= set(cited())


def test_the_style_guide_lives_in_the_repository():
    """Code and tests cite this repository's page, not a guide kept elsewhere."""
    outside = [
        str(p.relative_to(ROOT))
        for p in sources()
        if "spri-style" in p.read_text("utf-8", errors="replace")
    ]
    assert not outside, f"cite docs/house-style.md instead: {outside}"
