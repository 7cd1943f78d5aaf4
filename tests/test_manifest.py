"""The build manifest: inputs with hashes, statistics with texts and provenance, rows, sentences."""

from __future__ import annotations

import hashlib

import pytest
from regen_helpers import NAME, OLD_CSV, manifest

from briefgen.errors import BriefError
from briefgen.record.manifest import load_manifest, report_hash


@pytest.fixture(scope="module")
def built(example_build):
    project, result = example_build
    return project, result, manifest(project)


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_inputs_are_listed_with_their_hashes(built):
    project, _, data = built
    files = data["inputs"]["files"]
    assert files["config"] == [{"path": "brief.yaml", "sha256": sha(project / "brief.yaml")}]
    assert {"path": f"data/epoch/{OLD_CSV}", "sha256": sha(project / "data/epoch" / OLD_CSV)} in files["data"]
    assert "templates/ai-models/content.md" in [f["path"] for f in files["content"]]
    assert [f["path"] for f in files["fonts"]] == ["NanumGothic.ttf", "NanumGothicBold.ttf",
                                                    "NanumGothicExtraBold.ttf"]
    assert data["inputs"]["briefgen"]["version"]
    assert len(data["inputs"]["briefgen"]["code_sha256"]) == 64


def test_statistics_have_value_text_and_provenance(built):
    _, _, data = built
    total = data["statistics"]["total"]
    assert total["kind"] == "count" and total["value"]["value"] == 144
    assert total["text"] == {"count": "144개", "num": "144"}
    assert total["provenance"]["file"] == f"data/epoch/{OLD_CSV}"
    assert total["provenance"]["rows"] == 144
    assert total["provenance"]["filters"] == ["year between 2020 and 2023"]
    by_year = data["statistics"]["by_year"]
    assert [(i["label"], i["count"]) for i in by_year["value"]["items"]] == [
        ("2020", 3), ("2021", 9), ("2022", 28), ("2023", 104)]
    assert by_year["text"]["items"]["2023"] == {"count": "104개", "pct": "72.2%"}
    assert data["statistics"]["cagr"]["text"] == {"pct": "226.1%", "span": "2020~2023년"}
    assert data["statistics"]["industry"]["text"]["count_share"] == "134개(93.1%)"


def test_dataset_rows_carry_key_and_display_name(built):
    _, _, data = built
    models = data["datasets"]["models"]
    assert (models["key"], models["label"], models["rows_read"]) == ("link", "model", 192)
    assert len(models["rows"]) == 144
    gpt4 = next(r for r in models["rows"] if r["label"] == "GPT-4")
    assert gpt4["key"].startswith("http") and gpt4["cells"]["year"] == "2023"
    assert gpt4["cells"]["country"] == "미국"


def test_sentences_are_the_rendered_text_with_stable_ids(built):
    _, result, data = built
    sentences = data["sentences"]
    ids = [s["id"] for s in sentences]
    assert len(ids) == len(set(ids))
    assert {"summary.1", "c1", "c1.s1", "note.1"} <= set(ids)
    body = next(s for s in sentences if "분석함" in s["text"] and "144개" in s["text"])
    assert body["where"].startswith("Ⅰ.") and body["id"].startswith("c1.s")
    assert any(s["id"].endswith(".r1") and s["text"].startswith("미국 | 64") for s in sentences)


def test_outputs_pages_and_timing(built):
    project, result, data = built
    for fmt in ("pdf", "docx"):
        assert data["outputs"][fmt]["sha256"] == sha(project / "output" / f"{NAME}.{fmt}")
    assert data["outputs"]["pdf"]["pages"] == result.pages > 0
    assert data["timing"]["seconds"] > 0
    assert data["fingerprint"] and result.manifest.name == f"{NAME}.manifest.json"


def test_hashes_ignore_timing(built):
    _, _, data = built
    other = {**data, "timing": {"seconds": 99, "built_at": "never"}}
    assert report_hash(other) == report_hash(data)


def test_load_manifest_rejects_other_files(tmp_path):
    (tmp_path / "x.json").write_text('{"a": 1}', "utf-8")
    with pytest.raises(BriefError, match="not a briefgen manifest"):
        load_manifest(tmp_path / "x.json")
    with pytest.raises(BriefError, match="manifest not found"):
        load_manifest(tmp_path / "none.json")


def test_reading_dictionary_words_used_are_listed(built):
    """The particle after the top organisation (Google이) was decided by the dictionary."""
    _, result, data = built
    top = result.statistics["by_org"].first.label
    assert top in data["readings_used"]
    assert data["readings_used"] == sorted(set(data["readings_used"]))
    assert all(word.isascii() for word in data["readings_used"])  # Hangul needs no entry
