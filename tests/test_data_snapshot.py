"""Snapshot dates: declared, from the file name, or the latest date in a column."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from briefgen.data.snapshot import house_form, read_snapshot
from briefgen.errors import BriefError

FRAME = pd.DataFrame({"published": ["2023-12-05", "2024-07-30", "", "not a date"]})


@pytest.mark.parametrize(
    ("spec", "file_name", "expected"),
    [
        (None, "a.csv", None),
        ("2024-07", "a.csv", "2024-07"),
        ("2024.07.", "a.csv", "2024-07"),
        (dt.date(2024, 7, 15), "a.csv", "2024-07-15"),
        ({"from": "file_name"}, "data/epoch/large_scale_ai_models_2025-05.csv", "2025-05"),
        ({"from": "file_name"}, "kosis_20240115.xlsx", "2024-01-15"),
        ({"from": "file_name"}, "survey_2023_12.csv", "2023-12"),
        ({"from": "column", "column": "published"}, "a.csv", "2024-07-30"),
    ],
)
def test_read_snapshot(spec, file_name, expected):
    assert read_snapshot(spec, file_name, FRAME, "brief.yaml", "data.d.snapshot") == expected


@pytest.mark.parametrize(
    ("spec", "file_name", "message"),
    [
        ("July 2024", "a.csv", "snapshot must be a date like 2024-07"),
        ("2024-13", "a.csv", "not a date: '2024-13'"),
        ({"from": "file_name"}, "models_v2.csv", "no date like 2024-07 in the file name"),
        ({"from": "column", "column": "nope"}, "a.csv", "unknown column 'nope'"),
        ({"from": "today"}, "a.csv", "snapshot 'from' must be file_name or column"),
        ({"from": "file_name", "at": 1}, "a.csv", "at"),
    ],
)
def test_bad_snapshot_is_a_config_error(spec, file_name, message):
    with pytest.raises(BriefError, match=message) as error:
        read_snapshot(spec, file_name, FRAME, "brief.yaml", "data.d.snapshot")
    assert error.value.source == "brief.yaml"


def test_house_form():
    assert house_form("2025-05") == "2025.05."
    assert house_form("2025-05-14") == "2025.05.14."
