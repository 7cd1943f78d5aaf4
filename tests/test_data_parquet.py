"""Parquet data files (pyarrow, the ``parquet`` extra): read as a CSV reads, hashed as a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.data import load_datasets
from briefgen.errors import BriefError

pa = pytest.importorskip("pyarrow", reason="the parquet extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet")


def _write(path: Path, amounts: list[float | None]) -> None:
    table = pa.table({
        "region": ["서울", "부산", "대구"],
        "year": [2022, 2023, 2023],
        "amount": amounts,
        "updated": [dt.date(2024, 1, 2)] * 3,
    })
    pq.write_table(table, path)


def test_a_parquet_file_reads_as_cell_texts_with_its_types_shown_as_a_sheet_would(tmp_path):
    _write(tmp_path / "s.parquet", [120.5, 80.0, None])
    data = load_datasets({"s": {"path": "s.parquet", "snapshot": {"from": "column", "column": "updated"}}},
                         tmp_path, "brief.yaml")["s"]
    assert data.frame.values.tolist() == [["서울", "2022", "120.5", "2024-01-02"],
                                          ["부산", "2023", "80", "2024-01-02"],
                                          ["대구", "2023", "", "2024-01-02"]]
    assert data.encoding == "parquet" and data.snapshot == "2024-01-02"
    assert data.numbers("amount").sum() == 200.5


def test_a_damaged_parquet_file_is_one_located_line(tmp_path):
    (tmp_path / "s.parquet").write_bytes(b"region,year\n")
    with pytest.raises(BriefError, match=r"^s.parquet: not a readable Parquet file \("):
        load_datasets({"s": {"path": "s.parquet"}}, tmp_path, "brief.yaml")


def test_a_changed_parquet_file_changes_the_build_inputs(tmp_path):
    from briefgen.cache.inputs import FileHasher, describe_inputs
    from briefgen.project import load_project

    (tmp_path / "brief.yaml").write_text(
        "meta: {title: t, report_number: IS-001, date: 2024-08-26}\ncontent: c.md\n"
        "data:\n  s: {path: s.parquet}\n", "utf-8")
    _write(tmp_path / "s.parquet", [1.0, 2.0, 3.0])
    project = load_project(tmp_path)
    before = describe_inputs(project, FileHasher(None))["files"]["data"]
    _write(tmp_path / "s.parquet", [1.0, 2.0, 4.0])
    after = describe_inputs(project, FileHasher(None))["files"]["data"]
    assert [f["path"] for f in before] == ["s.parquet"] and before != after
