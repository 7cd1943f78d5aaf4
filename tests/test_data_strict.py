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


def test_latin1_that_cp949_cannot_read_gets_the_hint(tmp_path: Path) -> None:
    """Bytes CP949 refuses outright: the line of the first, and the word as Latin-1 reads it
    (a Western word: the hint is latin-1; anything else: no guess)."""
    path = tmp_path / "d.csv"
    path.write_bytes("name,country\nModel,Korea\nCafé,France\n".encode("latin-1"))
    with pytest.raises(BriefError, match=r"^d\.csv:3: neither UTF-8 nor CP949; read as Latin-1 it says "
                       r"'Café': declare the encoding in brief\.yaml \(encoding: latin-1"):
        read_table(path, "d.csv")
    path.write_bytes(b"name,country\n\x80\x81\x00,1\n")
    with pytest.raises(BriefError, match=r"^d\.csv:2: cannot decode: neither UTF-8 nor CP949 \(byte 13\)"):
        read_table(path, "d.csv")


def test_cp949_korean_with_some_hanja_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("기관,비고\n한국은행,韓國銀行\n산업연구원,산업 정책\n과학기술원,연구 개발\n".encode("cp949"))
    frame, used = read_table(path, "d.csv")
    assert used == "cp949"
    assert list(frame["비고"]) == ["韓國銀行", "산업 정책", "연구 개발"]


def test_merged_ranges_across_chunk_boundaries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from briefgen.data import merged

    part = b"<worksheet><sheetData/><mergeCells>" + b"".join(
        f'<mergeCell ref="A{n}:C{n + 1}"/>'.encode() for n in range(1, 40)
    ) + b"</mergeCells></worksheet>"
    with zipfile.ZipFile(tmp_path / "b.xlsx", "w") as archive:
        archive.writestr("s.xml", part)
    monkeypatch.setattr(merged, "_CHUNK", 7)
    assert merged.merged_ranges(tmp_path / "b.xlsx", "s.xml", "b.xlsx") == [
        f"A{n}:C{n + 1}" for n in range(1, 40)
    ]


def test_fill_merged_stays_within_the_sheet() -> None:
    from briefgen.data.merged import fill_merged

    rows = [["구분", "값"], ["가", "1"], ["", "2"]]
    fill_merged(rows, ["A2:A3", "A1:XFD1048576"], "d.xlsx")
    assert rows == [["구분", "구분"], ["구분", "구분"], ["구분", "구분"]]
    rows = [["구분", "값"], ["가", "1"], ["", "2"]]
    fill_merged(rows, ["A2:A9"], "d.xlsx")
    assert rows == [["구분", "값"], ["가", "1"], ["가", "2"]]


def test_hidden_first_sheet_is_read_when_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["a"])
    book.active.append(["hidden"])
    book.active.sheet_state = "hidden"
    book.create_sheet("shown").append(["a"])
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(BriefError, match="the first sheet 'Sheet' is hidden"):
        read_table(tmp_path / "b.xlsx", "b.xlsx")
    frame, _ = read_table(tmp_path / "b.xlsx", "b.xlsx", sheet="Sheet")
    assert list(frame["a"]) == ["hidden"]


def test_a_header_merged_over_two_columns_names_both(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    for row in (["name", "score", None], ["가", 1, 2]):
        book.active.append(row)
    book.active.merge_cells("B1:C1")
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(BriefError, match=r"names column 'score' twice \(columns B and C\)"):
        read_table(tmp_path / "b.xlsx", "b.xlsx")


def test_a_csv_value_beyond_the_csv_modules_limit_is_located(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("name,score\n가," + "9" * 200_000 + "\n다,\n", "utf-8")
    with pytest.raises(BriefError, match=r"^d\.csv:2: cannot parse CSV: field larger than field limit"):
        read_table(path, "d.csv")
