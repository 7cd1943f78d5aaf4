"""Contract of briefgen.compat.openpyxl: the openpyxl internals it uses exist and behave as
relied upon. A failure here after an upgrade names the private name that moved."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from briefgen.compat import openpyxl as compat


def test_worksheet_part_names_the_sheets_xml(tmp_path: Path) -> None:
    book = Workbook()
    book.active["A1"] = 111
    book.create_sheet("second")["A1"] = 222
    book.save(tmp_path / "b.xlsx")
    read = load_workbook(tmp_path / "b.xlsx", read_only=True)
    parts = [compat.worksheet_part(sheet) for sheet in read.worksheets]
    read.close()
    with zipfile.ZipFile(tmp_path / "b.xlsx") as archive:
        assert b"<v>111</v>" in archive.read(parts[0])
        assert b"<v>222</v>" in archive.read(parts[1])
