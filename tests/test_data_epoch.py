"""The Epoch AI example on the real snapshots in data/epoch/ (IS-178 counting rules).

The config is tests/fixtures/data/epoch-config.yaml: the example brief's ``data:`` section
with a wider set of ``statistics:`` than the brief itself uses.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from briefgen.data import load_datasets
from briefgen.stats import compute_statistics

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "data" / "epoch-config.yaml").read_text(encoding="utf-8")
)
SNAPSHOT_2025 = "data/epoch/large_scale_ai_models_2025-05.csv"


def build(path: str | None = None):
    config = copy.deepcopy(CONFIG)
    if path:
        config["data"]["models"]["path"] = path
    datasets = load_datasets(config["data"], ROOT, "brief.yaml")
    return datasets["models"], compute_statistics(config["statistics"], datasets, "brief.yaml")


@pytest.fixture(scope="module")
def july_2024():
    return build()


def counts(result) -> dict[str, int]:
    return {item.label: item.count for item in result}


def test_population_matches_is178(july_2024):
    dataset, stats = july_2024
    assert dataset.rows_read == 192
    assert stats["total"].value == 144
    assert counts(stats["by_year"]) == {"2020": 3, "2021": 9, "2022": 28, "2023": 104}
    assert round(stats["cagr"].value * 100, 1) == 226.1  # S34: 226.1%
    assert stats["by_year"].provenance.columns == ["Publication date"]


def test_country_rule(july_2024):
    _, stats = july_2024
    # 56 US rows + 8 "only Multinational" rows of Google / Hugging Face; UK 4 + Stability AI
    assert counts(stats["by_country"]) == {
        "미국": 64,
        "중국": 42,
        "한국": 11,
        "프랑스": 6,
        "영국": 5,
        "이스라엘": 3,
        "일본": 3,
        "홍콩": 3,
        "독일": 2,
        "러시아": 2,
        "아랍에미리트": 2,
        "캐나다": 2,
        "싱가포르": 1,
        "핀란드": 1,
    }
    assert "Multinational" not in stats["by_country"]


def test_organisations_industry_and_tasks(july_2024):
    _, stats = july_2024
    assert stats["by_org"].first.label == "Google" and stats["by_org"].first.count == 19
    assert (stats["single_org"].count, stats["single_org"].total) == (130, 144)  # S35 130개(90.3%)
    assert stats["multi_org"].count == 14
    assert stats["industry"].count == 134
    assert stats["with_task"].count == 125
    assert counts(stats["by_domain"])["언어"] == 126
    assert stats["by_task"].first.label == "언어 생성"
    assert stats["with_compute"].count == 72  # README: half the population has no compute


def test_may_2025_snapshot_with_renamed_columns():
    dataset, stats = build(SNAPSHOT_2025)
    assert dataset.sources["model"] == "Model"
    assert dataset.sources["country"] == "Country (of organization)"
    assert counts(stats["by_year"]) == {"2020": 2, "2021": 9, "2022": 29, "2023": 110}
    assert stats["total"].value == 150
