"""openpyxl internals briefgen relies on (tested with openpyxl 3.1; see tests/test_compat_openpyxl.py).

- ``worksheet_part``: the archive path of a read-only worksheet's XML (its private
  ``_worksheet_path``). A read-only worksheet never reads its merged ranges; briefgen finds
  them in that part itself.
"""

from __future__ import annotations

from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = ["worksheet_part"]


def worksheet_part(sheet: ReadOnlyWorksheet) -> str:
    """The path inside the XLSX archive of ``sheet``'s XML part, e.g. ``xl/worksheets/sheet1.xml``."""
    return str(sheet._worksheet_path)
