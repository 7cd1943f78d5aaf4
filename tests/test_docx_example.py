"""The bundled example built end to end as DOCX: it re-opens, is structurally sound, and
LibreOffice renders it like the PDF writer (page count, footnotes)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx_validate import validate_docx
from libreoffice import convert_to_pdf
from pdf_probe import marks

from briefgen.ir import plain_text


@pytest.fixture(scope="module")
def built(example_build):
    result = example_build[1]
    return result, result.outputs["docx"]


@pytest.fixture(scope="module")
def rendered(built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return convert_to_pdf(built[1], tmp_path_factory.mktemp("lo-example"))


def squeeze(text: str) -> str:
    """Text without whitespace (PDF extraction loses the spaces at line ends)."""
    return re.sub(r"\s+", "", text)


def test_reopens_with_python_docx_and_validates(built) -> None:
    result, path = built
    word = docx.Document(str(path))
    headings = [p.text for p in word.paragraphs if p.style.style_id == "Heading1"]
    assert headings == [c.heading for c in result.document.chapters]
    assert word.core_properties.title.startswith(result.document.meta.title)
    assert round(word.sections[0].page_width.mm) == 210  # A4 (S42)
    assert validate_docx(path) == []


def test_libreoffice_pages_and_footnotes_match_the_pdf(built, rendered: Path) -> None:
    result, _ = built
    notes = result.document.footnotes
    with pdfplumber.open(rendered) as pdf:
        page_count = len(pdf.pages)
        text = squeeze("".join(page.extract_text() or "" for page in pdf.pages))
        found = sorted(number for page in pdf.pages for number, _, _ in marks(page))
        fonts = {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}
    assert abs(page_count - result.pages) <= 1, (page_count, result.pages)
    assert result.document.meta.title.replace(" ", "") in text  # Korean survives
    # every glyph in a Nanum face: LibreOffice found each font the styles name (S43)
    assert fonts == {"NanumGothic", "NanumGothicBold", "NanumGothicExtraBold"}, fonts
    for note in notes:  # every note text is there, once
        assert text.count(squeeze(plain_text(note.inlines))) == 1, note.key
    assert found == list(range(1, len(notes) + 1))  # each mark n) exactly once
