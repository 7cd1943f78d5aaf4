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
from briefgen.theme import Theme, load_theme
from briefgen.writers.textwidth import text_width


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


def _rgb(theme: Theme, token: str) -> tuple[float, ...]:
    value = theme.color(token).lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _same_colour(got: object, want: tuple[float, ...]) -> bool:
    return isinstance(got, tuple) and len(got) == 3 and all(
        abs(a - b) < 0.01 for a, b in zip(got, want, strict=True))


def test_libreoffice_draws_the_designed_cover_s2(rendered: Path) -> None:
    theme = load_theme()
    band = theme.cover_mm("band_height") * 72 / 25.4
    with pdfplumber.open(rendered) as pdf:
        page = pdf.pages[0]
        rects = [(r["x0"], r["top"], r["x1"], r["bottom"], r["non_stroking_color"])
                 for r in page.rects]
        number = [c for c in page.chars if c["size"] == theme.size("cover_number")]
        organisation = [w for w in page.extract_words() if w["text"] == "소프트웨어정책연구소"]
        second = pdf.pages[1].extract_text() or ""
    # the band from the page's top and side edges in the house colour, the stripe under it
    assert any(x0 < 0.5 and top < 0.5 and x1 > page.width - 0.5 and abs(bottom - band) < 1
               and _same_colour(fill, _rgb(theme, "cover_band"))
               for x0, top, x1, bottom, fill in rects), rects
    assert any(abs(top - band) < 1 and _same_colour(fill, _rgb(theme, "cover_accent"))
               for _, top, _, _, fill in rects)
    # the report number set large on the band, in the colour drawn on it
    assert "".join(c["text"] for c in number) == "IS-201"
    assert all(c["bottom"] < band and _same_colour(c["non_stroking_color"],
                                                   _rgb(theme, "cover_on_band")) for c in number)
    # the organisation on the page's foot, and the cover one page: 요약 opens page 2
    assert organisation and organisation[0]["top"] > 0.8 * page.height
    assert second.startswith("요약")


def test_libreoffice_draws_the_pdf_table_rules_and_green_headings_s29_s45(rendered: Path) -> None:
    theme = load_theme()
    with pdfplumber.open(rendered) as pdf:
        page = next(p for p in pdf.pages if "<표 1>" in (p.extract_text() or ""))
        lines = [(round(ln["x0"], 1), round(ln["top"], 1), round(ln["x1"], 1),
                  round(ln["bottom"], 1), round(ln["linewidth"], 2), ln["stroking_color"])
                 for ln in page.lines]
        heading = [c for c in page.chars if c["size"] == theme.size("chapter")]
    across = [ln for ln in lines if ln[1] == ln[3]]
    left, right = min(ln[0] for ln in across), max(ln[2] for ln in across)
    table = sorted(ln for ln in across if (ln[0], ln[2]) == (left, right))
    weights = [ln[4] for ln in sorted(table, key=lambda ln: ln[1])]
    # 1 pt above the header, 0.5 pt under it, hairlines between rows, 1 pt under the last row
    assert weights[:2] == [1.0, 0.5] and weights[-1] == 1.0 and set(weights[2:-1]) == {0.25}
    grey = (0.6, 0.6, 0.6)
    assert all(_same_colour(ln[5], grey) for ln in table if ln[4] == 0.25)
    head_bottom = sorted(table, key=lambda ln: ln[1])[1][1]
    columns = [ln for ln in lines if ln[0] == ln[2]]
    assert columns and all(ln[1] >= head_bottom - 0.5 and ln[4] == 0.25 for ln in columns)
    assert all(left < ln[0] < right for ln in columns)  # no outer sides, no header columns
    assert heading and all(_same_colour(c["non_stroking_color"], _rgb(theme, "primary"))
                           for c in heading)  # Ⅱ. 초거대 AI 모델 개발 현황, all of it green


def test_libreoffice_hangs_wrapped_note_lines_s24(built, rendered: Path) -> None:
    theme = load_theme()
    size = theme.size("footnote")
    checked = 0
    with pdfplumber.open(rendered) as pdf:
        for page in pdf.pages:
            rules = [r["top"] for r in page.rects  # the short rule over the notes
                     if r["bottom"] - r["top"] < 1 and page.width / 6 < r["width"] < page.width / 2]
            if not rules:
                continue
            rows: dict[float, list[dict]] = {}
            for char in page.chars:
                if char["size"] <= size and char["top"] > max(rules):
                    rows.setdefault(round(char["bottom"]), []).append(char)
            number = None
            for _, chars in sorted(rows.items()):
                first = min(chars, key=lambda c: c["x0"])
                if first["size"] < size and first["text"].isdigit():  # a note's raised number
                    start = first["x0"]
                    number = int("".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"])
                                         if c["size"] < size and c["x0"] < start + 10))
                elif number is not None and first["size"] == size:  # a wrapped line of it
                    hang = text_width(theme.font("body"), f"{number}) ", size)
                    assert abs(first["x0"] - (start + hang)) < 1, (page.page_number, number)
                    checked += 1
    assert checked >= 2
