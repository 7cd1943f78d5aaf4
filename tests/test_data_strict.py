"""Data that used to be read silently wrong: encodings, XLSX sheets and cells, Excel dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.data.read import read_table
from briefgen.errors import BriefError

LATIN1 = "name,country\nInformação,Portugal\nÄrzte,Deutschland\n"


def test_latin1_declared_reads_right(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(LATIN1.encode("latin-1"))
    frame, used = read_table(path, "d.csv", encoding="latin-1")
    assert used == "latin-1"
    assert list(frame["name"]) == ["Informação", "Ärzte"]
    with pytest.raises(BriefError, match=r"^d\.csv:2: read as CP949 .*encoding: latin-1"):
        read_table(path, "d.csv")


def test_cp949_korean_with_some_hanja_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("기관,비고\n한국은행,韓國銀行\n산업연구원,산업 정책\n과학기술원,연구 개발\n".encode("cp949"))
    frame, used = read_table(path, "d.csv")
    assert used == "cp949"
    assert list(frame["비고"]) == ["韓國銀行", "산업 정책", "연구 개발"]
