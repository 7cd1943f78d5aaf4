"""The small model dataset of tests/fixtures/data and a one-statistic helper for stats tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefgen.data import load_datasets
from briefgen.stats import compute_statistics

FIXTURES = Path(__file__).parent / "fixtures" / "data"


def fixture_datasets() -> dict:
    """tests/fixtures/data/models.yaml's datasets, loaded."""
    spec = yaml.safe_load((FIXTURES / "models.yaml").read_text(encoding="utf-8"))["data"]
    return load_datasets(spec, FIXTURES, "brief.yaml")


def stat(datasets: dict, **body):
    """One statistic ``s`` over the ``models`` dataset."""
    return compute_statistics({"s": {"data": "models", **body}}, datasets, "brief.yaml")["s"]
