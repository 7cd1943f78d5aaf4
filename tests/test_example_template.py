"""House rules checked on the example content template itself (S52, numbers from data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted([*(ROOT / "templates").rglob("*.md"), *(ROOT / "examples").rglob("templates/*.md")])
VARIABLE_PARTICLE = re.compile(r"\}\}[)\]’”]{0,2}(으로|이|가|을|를|은|는|과|와|로)(?![가-힣])")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
ALLOWED_NUMBERS = [
    r"10\^23\^",                      # the definition of 'large-scale', not data
    r"\(1/기간\)|제곱에서 1을",          # the CAGR formula
    r"\([^()]*(et al\.|외),? \d{4}[^()]*\)",  # citations (S21)
    r"\[[^\[\]]*@[^\[\]]*\]|(?<![\w.])@\{?\w[^\s\[\]{}]*",  # citations by key: [@kaplan2020]
    r"\[\^[^\]]+\]",                  # footnote marks
    r"\{@[^}]+\}",                    # cross-references
    r"^:::.*$",                       # container parameters (ids, width=0.85)
    r"^\|[-:| ]+\|$",                 # pipe table rules
]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_hard_coded_particle_after_a_variable(template):
    """S52: the particle after a variable comes from the josa/particle filter."""
    for number, line in enumerate(template.read_text("utf-8").splitlines(), 1):
        assert not VARIABLE_PARTICLE.search(line), f"{template.name}:{number}: {line.strip()}"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_prose_numbers_come_from_statistics(template):
    """Every digit in the prose is produced by a template expression, not typed by hand."""
    text = JINJA.sub(lambda m: "\n" * m.group().count("\n"), template.read_text("utf-8"))
    in_references = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("::: references"):
            in_references = True
        elif line.startswith(":::"):
            in_references = False
        if in_references:
            continue  # bibliographic years and arXiv ids are citations, not statistics
        for pattern in ALLOWED_NUMBERS:
            line = re.sub(pattern, "", line, flags=re.M)
        assert not re.search(r"\d", line), f"{template.name}:{number}: hand-typed number in {line.strip()!r}"
