"""`briefgen new`: every scaffold builds right away; bad names and used folders are refused."""

from __future__ import annotations

import pdfplumber
import pytest
from click.testing import CliRunner

from briefgen.build import build
from briefgen.cli import main
from briefgen.errors import BriefError
from briefgen.scaffold import SCAFFOLDS, create_project


@pytest.mark.parametrize("template", SCAFFOLDS)
def test_scaffold_builds_immediately(tmp_path, template):
    project = tmp_path / f"my-{template}"
    result = CliRunner().invoke(main, ["new", str(project), "--template", template])
    assert result.exit_code == 0 and "next: briefgen build" in result.stdout
    built = build(project)
    assert built.outputs["pdf"].name == f"my-{template}.pdf" and built.outputs["docx"].exists()
    assert built.document.footnotes and built.document.chapters
    assert built.warnings == []  # a model to copy: no house-style slip (S3, S14, S33, S40, typed numbers)
    with pdfplumber.open(built.outputs["pdf"]) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "[그림 1]" in text and "<표 1>" in text and "__NAME__" not in text


def test_scaffold_of_the_issue_report_shows_every_construct(tmp_path):
    create_project(tmp_path / "demo")
    text = (tmp_path / "demo" / "templates" / "content.md").read_text("utf-8")
    for construct in ("::: summary", "::: figure", "::: table", "::: box", "::: references",
                      "\n□ ", "\nㅇ ", "\n  - ", "\n    * ", "△", "[^", "{@", "josa("):
        assert construct in text


def test_refuses_a_used_folder_and_a_bad_name(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x.txt").write_text("keep")
    with pytest.raises(BriefError, match="not empty"):
        create_project(tmp_path / "used")
    assert (tmp_path / "used" / "x.txt").read_text() == "keep"
    with pytest.raises(BriefError, match="letters, digits"):
        create_project(tmp_path / "bad name!")
    result = CliRunner().invoke(main, ["new", str(tmp_path / "used")])
    assert result.exit_code == 1 and result.stderr.startswith("error: ")
