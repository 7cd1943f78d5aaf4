"""Text with XML/markup specials (``R&D <a>``) survives into the DOCX, the PDF and the manifest."""

from __future__ import annotations

import zipfile

import pdfplumber
from regen_helpers import NAME, copy_built, edit, manifest

from briefgen.build import build

CONTENT = "templates/ai-models/content.md"


def test_ampersand_and_angle_brackets_survive_in_every_format(example_build, tmp_path):
    project = copy_built(example_build[0], tmp_path / "brief")
    edit(project / CONTENT, "# 서론", '# 서론\n\nㅇ 문자 R&D <a> 투자 & 끝\n\nㅇ 값 {{ "R&D <a> 끝2" }}')
    build(project)
    with zipfile.ZipFile(project / "output" / f"{NAME}.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "R&amp;D &lt;a&gt; 투자 &amp; 끝" in xml and "R&amp;D &lt;a&gt; 끝2" in xml
    with pdfplumber.open(project / "output" / f"{NAME}.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages[:6])
    assert "R&D <a> 투자 & 끝" in text and "R&D <a> 끝2" in text
    sentences = [s["text"] for s in manifest(project)["sentences"]]
    assert "문자 R&D <a> 투자 & 끝" in sentences and "값 R&D <a> 끝2" in sentences
