"""The front matter is composed once (numbering) and every writer prints it as composed: the
cover's date form, subtitle dashes and author lines, the back page and the running header."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pdfplumber
from ir_sample import sample_document

from briefgen.frontmatter import compose_front_matter
from briefgen.ir import Author, Meta
from briefgen.theme import Theme, load_theme
from briefgen.writers.docx import write_docx
from briefgen.writers.html import write_html
from briefgen.writers.hwpx import write_hwpx
from briefgen.writers.pdf import write_pdf

THEME = load_theme()


def test_cover_lines_are_composed_in_house_form() -> None:
    meta = Meta(
        title="제목",
        subtitle="부제",
        report_number="IS-201",
        date=dt.date(2024, 8, 9),
        authors=[Author("홍길동", "AI정책연구실", "선임연구원"), Author("김철수", position="연구원")],
        homepage="https://spri.kr/",
    )
    front = compose_front_matter(meta, THEME)
    cover = front.cover
    assert (cover.series, cover.title, cover.subtitle, cover.date) == (
        "이슈리포트 IS-201", "제목", "- 부제 -", "2024.08.09.")  # S2, S40
    assert cover.authors == ["홍길동 AI정책연구실 선임연구원", "김철수 연구원"]
    assert front.back.homepage_line == "홈페이지 : https://spri.kr/"  # S48
    assert front.running_header == "SPRi 이슈리포트 | IS-201"  # S47
    assert (front.file_title, front.file_authors) == ("제목 - 부제", "홍길동, 김철수")


def test_no_subtitle_and_no_homepage_give_empty_lines() -> None:
    front = compose_front_matter(Meta("제목", "IS-1", dt.date(2024, 1, 2)), THEME)
    assert front.cover.subtitle == "" and front.back.homepage_line == ""
    assert front.file_title == "제목"


def test_cover_spacing_comes_from_theme_tokens() -> None:
    """Every cover and back page space the writers use is a theme token."""
    keys = set(THEME.data["cover"])
    assert {"series_before", "date_before", "back_before", "pdf_top", "html_padding"} <= keys
    assert THEME.cover_space("series_before") == 72 and THEME.cover_css("html_date_top") == "24mm"


def _texts(tmp_path: Path, theme: Theme) -> dict[str, str]:
    """The text of each format written from the sample with a changed composed cover."""
    doc = sample_document(tmp_path)
    doc.front.cover.date = "2099.01.01."
    doc.front.cover.authors = ["저자 줄"]
    doc.front.back.contact = "문의 줄"
    out: dict[str, str] = {}
    write_html(doc, theme, tmp_path / "f.html")
    out["html"] = (tmp_path / "f.html").read_text("utf-8")
    write_docx(doc, theme, tmp_path / "f.docx")
    with zipfile.ZipFile(tmp_path / "f.docx") as z:
        out["docx"] = z.read("word/document.xml").decode()
    write_hwpx(doc, theme, tmp_path / "f.hwpx")
    with zipfile.ZipFile(tmp_path / "f.hwpx") as z:
        out["hwpx"] = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("Contents/section"))
    write_pdf(doc, theme, tmp_path / "f.pdf")
    with pdfplumber.open(tmp_path / "f.pdf") as pdf:
        out["pdf"] = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return out


def test_writers_print_the_composed_lines(tmp_path: Path) -> None:
    for fmt, text in _texts(tmp_path, THEME).items():
        for needle in ("2099.01.01.", "저자 줄", "문의 줄"):
            assert needle in text, (fmt, needle)
