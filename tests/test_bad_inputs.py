"""The bad-input corpus: every case in tests/bad_inputs/ through ``briefgen build`` and ``check``.

Each case is a tiny project (brief.yaml, content.md, data) plus ``expected.txt``:

- first line: ``ok``, or the exact line ``briefgen build`` prints (``error: …`` / ``warning: …``);
  a line starting with ``re:`` is a regular expression the printed line must match in full;
- ``check: …`` (optional): what ``briefgen check`` prints instead, when it locates more precisely
  or finds a warning besides (check runs the PDF's layout passes, so it fails where build does);
- ``text: …`` (optional, repeatable): text the built DOCX must contain (cases that must build);
- ``args: …`` (optional): options after ``briefgen build PROJECT`` (``--param=year=abc``,
  ``--shard=5/4``); ``check`` is given the ``--param`` ones.

Files too big or too odd to commit (a 200k-row CSV, a zip-bomb XLSX, symlinks out of the
project) are made at run time by GENERATORS.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from house_format import docx_text

from briefgen.cli import main

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.txt").is_file())
PREVIOUS = {"x.pdf": b"%PDF-1.4 previous build\n", "x.docx": b"PK previous build\n"}
BIG_ROWS = 200_000


# ---------------------------------------------------------------------- run-time generated inputs


def _outside(project: Path, name: str, text: str) -> Path:
    target = project.parent / "outside" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, "utf-8")
    return target


def _symlinked_data(project: Path) -> None:
    (project / "link.csv").symlink_to(_outside(project, "secret.csv", "name,country,score\n비밀,미국,1\n"))


def _symlinked_partial(project: Path) -> None:
    (project / "partial.md").symlink_to(_outside(project, "secret.md", "ㅇ 비밀 내용\n"))


def _huge_cell(project: Path) -> None:
    (project / "data.csv").write_text(
        "name,country,score\n가나,미국,10\n" + "다" * 100_000 + ",중국,20\n", "utf-8"
    )


def big_csv(path: Path, rows: int = BIG_ROWS) -> None:
    """``rows`` rows of name,country,score; 3 in 4 rows are 미국, scores 0..999."""
    countries = ("미국", "중국", "미국", "미국")
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("name,country,score\n")
        out.writelines(f"모델{i},{countries[i % 4]},{i % 1000}\n" for i in range(rows))


def _big_rows(project: Path) -> None:
    big_csv(project / "data.csv")


def _workbook(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def zip_bomb_xlsx(path: Path, padding_mb: int = 20) -> None:
    """A real XLSX whose worksheet part is padded with whitespace that compresses ~1000:1."""
    plain = path.with_suffix(".plain.xlsx")
    _workbook(plain, [["name", "country", "score"], ["가나", "미국", 10]])
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(item, data)
                continue
            with bomb.open(item.filename, "w") as part:
                head, tail = data.split(b"<sheetData>", 1)
                part.write(head)
                chunk = b" " * 1024**2
                for _ in range(padding_mb):
                    part.write(chunk)
                part.write(b"<sheetData>" + tail)
    plain.unlink()


def _zip_bomb(project: Path) -> None:
    zip_bomb_xlsx(project / "data.xlsx")


def _xlsx_with_formula(project: Path) -> None:
    _workbook(
        project / "data.xlsx",
        [
            ["name", "country", "score"],
            ["가나", "미국", 10],
            ["다라", "중국", '=WEBSERVICE("http://example.invalid/")'],  # never evaluated
            ["마바", "미국", 30],
        ],
    )


def _external_entity(project: Path) -> None:
    """An XLSX whose worksheet declares an external entity (XXE): it must not be read."""
    plain = project / "plain.xlsx"
    _workbook(plain, [["name", "country", "score"], ["가나", "미국", 10]])
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(project / "data.xlsx", "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode("utf-8").split("?>", 1)[-1].replace("<v>10</v>", "<v>&xxe;</v>")
                data = ('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>' + xml).encode()
            out.writestr(item, data)
    plain.unlink()


def _hidden_first_sheet(project: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    raw = book.active
    raw.title = "raw"
    raw.append(["name", "country", "score"])
    raw.sheet_state = "hidden"
    shown = book.create_sheet("요약")
    for row in (["name", "country", "score"], ["가나", "미국", 10]):
        shown.append(row)
    book.save(project / "data.xlsx")


def _merged_cells(project: Path) -> None:
    """미국 merged over two rows: both rows are 미국, as Excel shows them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["name", "country", "score"], ["가나", "미국", 10], ["다라", None, 20], ["마바", "중국", 30]):
        sheet.append(row)
    sheet.merge_cells("B2:B3")
    book.save(project / "data.xlsx")


def _xlsx_duplicate_header(project: Path) -> None:
    _workbook(project / "data.xlsx", [["name", "country", "score", "score"], ["가나", "미국", 10, 1]])


def _png(width: int, height: int, rows: bytes) -> bytes:
    """A PNG of ``width`` × ``height`` RGB pixels whose image data is ``rows`` deflated (only a
    header's worth of it for a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _pillow_image(name: str, mode: str, size: tuple[int, int], kind: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        from PIL import Image

        Image.new(mode, size).save(project / name, kind)

    return make


def _image_bytes(data: bytes) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / "x.png").write_bytes(data)

    return make


def _date_cells(project: Path) -> None:
    """Date cells (one with a time), a date typed as text and an Excel serial number."""
    import datetime as dt

    _workbook(
        project / "data.xlsx",
        [
            ["name", "country", "score", "published"],
            ["가나", "미국", 10, dt.datetime(2023, 7, 15, 10, 30)],
            ["다라", "중국", 20, "2023.03.01"],
            ["마바", "미국", 30, 44927],
            ["라사", "미국", 40, dt.date(2020, 1, 1)],
        ],
    )


def _sqlite_exports(project: Path) -> None:
    """A SQLite database with a table of exports (a query dataset reads it)."""
    import sqlite3

    with sqlite3.connect(project / "exports.db") as db:
        db.execute("CREATE TABLE exports (구분 TEXT, 수출액 REAL)")
        db.executemany("INSERT INTO exports VALUES (?, ?)", [("반도체", 1309.0), ("디스플레이", 244.1)])
    db.close()


GENERATORS: dict[str, Callable[[Path], None]] = {
    "image-decompression-bomb": _image_bytes(_png(30_000, 30_000, b"\0" * 90_001)),
    "image-truncated": _image_bytes(_png(100, 100, b"\0" * 30_100)[:60]),
    "image-not-an-image": _image_bytes(b"hello"),
    "image-empty": _image_bytes(b""),
    "image-gif-named-png": _pillow_image("x.png", "RGB", (50, 50), "GIF"),
    "image-cmyk": _pillow_image("x.jpg", "CMYK", (50, 50), "JPEG"),
    "image-too-tall": _pillow_image("x.png", "RGB", (1, 20_000), "PNG"),
    "data-symlink-out": _symlinked_data,
    "tpl-include-symlink": _symlinked_partial,
    "csv-huge-cell": _huge_cell,
    "csv-200k-rows": _big_rows,
    "xlsx-zip-bomb": _zip_bomb,
    "xlsx-ok-with-formula": _xlsx_with_formula,
    "xlsx-external-entity": _external_entity,
    "xlsx-hidden-first-sheet": _hidden_first_sheet,
    "xlsx-merged-cells": _merged_cells,
    "xlsx-duplicate-header": _xlsx_duplicate_header,
    "xlsx-date-cells": _date_cells,
    "sql-ok": _sqlite_exports,
    "sql-query-fails": _sqlite_exports,
    "sql-param-not-given": _sqlite_exports,
}


# ---------------------------------------------------------------------- expectations


@dataclass
class Expected:
    """What ``expected.txt`` of one case says."""

    build: str
    check: str
    texts: list[str] = field(default_factory=list)
    args: list[str] = field(default_factory=list)

    @property
    def check_args(self) -> list[str]:
        """The options ``check`` takes too: the parameters' values."""
        return [a for a in self.args if a.startswith("--param=")]

    @property
    def fails(self) -> bool:
        return self.build.startswith(("error:", "re:error:"))

    @property
    def check_fails(self) -> bool:
        """``check`` reports an error (it finds what the build fails on, the PDF's layout included)."""
        return self.check.startswith(("error:", "re:error:"))


def expected(name: str) -> Expected:
    lines = [line for line in (CORPUS / name / "expected.txt").read_text("utf-8").splitlines() if line]
    build = lines[0]
    check = next((line.removeprefix("check: ") for line in lines if line.startswith("check: ")), build)
    texts = [line.removeprefix("text: ") for line in lines if line.startswith("text: ")]
    args = next((line.removeprefix("args: ").split() for line in lines if line.startswith("args: ")), [])
    return Expected(build, check, texts, args)


def matches(pattern: str, line: str) -> bool:
    if pattern.startswith("re:"):
        return re.fullmatch(pattern[3:], line) is not None
    return line == pattern


def setup_case(name: str, tmp_path: Path) -> Path:
    """Copy the case into ``tmp_path``, generate its big files, seed previous outputs."""
    project = tmp_path / name
    shutil.copytree(CORPUS / name, project, ignore=shutil.ignore_patterns("expected.txt"))
    if name in GENERATORS:
        GENERATORS[name](project)
    (project / "output").mkdir()
    for file, data in PREVIOUS.items():
        (project / "output" / file).write_bytes(data)
    return project


def outputs(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "output").iterdir()) if p.is_file()}


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


# ---------------------------------------------------------------------- tests


def test_the_corpus_is_complete():
    assert len(CASES) >= 30
    for name in GENERATORS:
        assert name in CASES, name


@pytest.mark.parametrize("name", [n for n in CASES if n != "csv-200k-rows"])
def test_build(name: str, tmp_path: Path) -> None:
    want = expected(name)
    project = setup_case(name, tmp_path)
    result = invoke("build", str(project), *want.args)
    err_lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    if want.fails:
        assert result.exit_code == 1, result.output
        assert len(err_lines) == 1, result.stderr
        assert matches(want.build, err_lines[0]), err_lines[0]
        assert outputs(project) == PREVIOUS  # untouched, and no temporary leftovers
        return
    assert result.exit_code == 0, result.stderr
    if want.build != "ok":
        assert any(matches(want.build, line) for line in err_lines), result.stderr
    built = outputs(project)
    assert built["x.pdf"].startswith(b"%PDF-") and built["x.pdf"] != PREVIOUS["x.pdf"]
    text = docx_text(project / "output" / "x.docx")
    for wanted in want.texts:
        assert wanted in text


@pytest.mark.parametrize("name", [n for n in CASES if n != "csv-200k-rows"])
def test_check(name: str, tmp_path: Path) -> None:
    want = expected(name)
    project = setup_case(name, tmp_path)
    result = invoke("check", str(project), *want.check_args)
    lines = result.stdout.strip().splitlines()
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    assert outputs(project) == PREVIOUS  # check never writes outputs
    if want.check_fails:
        assert result.exit_code == 1, result.output
        assert any(matches(want.check, line) for line in lines), result.stdout
        assert all(line.startswith(("error: ", "warning: ")) for line in lines), result.stdout
        return
    assert result.exit_code == 0, result.output
    if want.check != "ok":
        assert any(matches(want.check, line) for line in lines), result.stdout
    else:
        assert lines == [], result.stdout


MEASURE = """
import json, resource, sys
from pathlib import Path
if sys.argv[2] == "check":
    from briefgen.check import check_project
    assert check_project(Path(sys.argv[1])).problems == []
else:
    from briefgen.build import build
    build(Path(sys.argv[1]))
print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.parametrize(("stage", "peak_mb"), [("check", 400), ("build", 1200)])
def test_200k_rows_within_memory(tmp_path: Path, stage: str, peak_mb: float):
    """The 200k-row CSV in a fresh process: ``check`` (data, statistics, template, fonts) and
    the whole build (which also writes the row-level manifest). Their times are measured by
    ``benchmarks/big_csv.py``."""
    project = setup_case("csv-200k-rows", tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(project), stage], capture_output=True, text=True, check=True
    )
    measured = json.loads(run.stdout.strip().splitlines()[-1])
    assert measured["peak_mb"] < peak_mb, measured
    if stage == "build":
        text = docx_text(project / "output" / "x.docx")
        assert all(wanted in text for wanted in expected("csv-200k-rows").texts)
