"""The documented demo: rebuild the example from the 2025-05 Epoch snapshot, then `briefgen diff`.

    briefgen build
    sed -i 's/2024-07.csv/2025-05.csv/' brief.yaml     # only data.models.path changes
    briefgen build && briefgen diff
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from regen_helpers import NAME, NEW_CSV, OLD_CSV, copy_built, edit

from briefgen.cli import main


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def updated(example_build, tmp_path_factory):
    """The built example switched to the 2025-05 snapshot and rebuilt (CLI, as a user does)."""
    project = copy_built(example_build[0], tmp_path_factory.mktemp("demo") / "brief")
    edit(project / "brief.yaml", OLD_CSV, NEW_CSV)
    out = run("build", str(project))
    assert "wrote" in out and "built in" in out
    return project


def test_previous_manifest_kept_when_the_build_changed(updated):
    assert (updated / "output" / f".{NAME}.manifest.prev.json").is_file()


def test_diff_report_shows_numbers_sentences_and_rows(updated):
    text = run("diff", "--project", str(updated))
    assert f"데이터: data/epoch/{OLD_CSV} → data/epoch/{NEW_CSV}" in text
    assert "total: 144개 → 150개 (+6)" in text
    for year, old, new in (("2020", 3, 2), ("2022", 28, 29), ("2023", 104, 110)):
        assert f"{year}: {old}개 → {new}개" in text
    assert "2021: 9개" not in text  # unchanged labels are not listed
    assert "2020~2023년: 226.1% → 280.3%" in text
    assert "[-144개를-]{+150개를+}" in text  # the changed sentence, word by word
    assert "행 144 → 150" in text
    assert "(추가 12, 삭제 6, 이름 변경 7, 값 변경 47)" in text  # the closing summary line
    assert "삭제 6개" in text and "· GPT-4V" in text and "· Flamingo" in text
    assert "추가 12개" in text and "· DALL·E 2" in text
    assert "이름 변경 7개" in text and "Stable Diffusion XL → Stable Diffusion XL (SDXL)" in text
    assert "Jiutian: compute (빈칸) → 1.668e+23; parameters (빈칸) → 13900000000;" in text  # not …0.0


def test_diff_json_matches_the_readme_counts(updated):
    data = json.loads(run("diff", "--project", str(updated), "--json"))
    [rows] = data["rows"]
    # 144 - 6 removed + 12 added = 150 (four more rows only changed their link: 'rekeyed')
    assert (rows["old_rows"], rows["new_rows"]) == (144, 150)
    assert (len(rows["removed"]), len(rows["added"]), len(rows["renamed"]), len(rows["rekeyed"])) == (6, 12, 7, 4)
    assert {r["label"] for r in rows["removed"]} == {
        "GPT-4V", "IDEFICS-80B", "Flamingo", "GShard (dense)", "CogView2", "DeepSeek Coder 33B"}
    total = next(s for s in data["statistics"] if s["name"] == "total")
    assert total["changes"][0]["old"] == "144개" and total["changes"][0]["new"] == "150개"
    assert data["empty"] is False


def test_diff_of_explicit_manifests_and_no_change(updated):
    current = str(updated / "output" / f"{NAME}.manifest.json")
    text = run("diff", current, current)
    assert "변경 없음" in text


def test_diff_without_previous_build_is_a_one_line_error(tmp_path, example_build):
    project = copy_built(example_build[0], tmp_path / "fresh")
    (project / "output" / f".{NAME}.manifest.prev.json").unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["diff", "--project", str(project)])
    assert result.exit_code == 1 and "no previous build" in result.stderr


@pytest.fixture(scope="module")
def annexes(updated):
    """The same change report typeset as PDF, DOCX and HTML (`briefgen diff --annex`)."""
    paths = {fmt: updated / "output" / f"changes.{fmt}" for fmt in ("pdf", "docx", "html")}
    for path in paths.values():
        run("diff", "--project", str(updated), "--annex", str(path))
    return paths


def test_annex_pdf_holds_the_numbers_sentences_and_rows(updated, annexes):
    import pdfplumber

    changed = json.loads(run("diff", "--project", str(updated), "--json"))
    [edited] = [rows["edited"] for rows in changed["rows"]]
    counts = f"통계 {len(changed['statistics'])}개와 문장 {len(changed['sentences'])}개가 바뀌었다."
    with pdfplumber.open(annexes["pdf"]) as pdf:
        pages = [" ".join(page.extract_text().split()) for page in pdf.pages]  # lines break at spaces
    text = " ".join(pages)
    assert "초거대 AI 모델 개발 현황과 시사점 변경 보고서" in pages[0] and "IS-201" in pages[0]
    assert counts in text
    assert f"144개에서 150개로 바뀌었다(추가 12개, 삭제 6개, 이름 변경 7개, 값 변경 {len(edited)}개)" in text
    assert not [p for p in pages if p.startswith("Executive Summary")]  # an annex has no English page
    for heading in ("Ⅰ. 먼저 검토할 문장", "Ⅱ. 수치 변경", "Ⅲ. 문장 변경", "Ⅳ. 데이터 변경", "Ⅴ. 입력 파일",
                    "<표 1> 바뀐 통계 값"):
        assert heading in text
    assert "total - 144개 150개 +6" in text  # a row of the numbers table
    assert "2023 87.8% 90.0% +2.2%p" in text  # a share of a sum, in %p
    assert "삭제 GPT-4V" in text and "이름 변경 Stable Diffusion XL → Stable Diffusion XL (SDXL)" in text
    assert "키 변경 EXAONE 1.0" in text
    assert "데이터 models의 값 변경" in text  # the edited rows: row, column, before, after
    assert "Jiutian parameters (빈칸) 13900000000" in text
    assert "−" not in text  # ASCII minus only (NanumGothic has no U+2212)


def test_annex_docx_and_html_carry_the_same_report(annexes):
    from house_format import docx_text

    docx = docx_text(annexes["docx"])
    html = annexes["html"].read_text("utf-8")
    for text in (docx, html):
        assert "변경 보고서" in text and "144개에서 150개로 바뀌었다" in text and "GPT-4V" in text


def test_annex_is_deterministic_and_rejects_other_suffixes(updated, annexes):
    again = updated / "output" / "again.pdf"
    run("diff", "--project", str(updated), "--annex", str(again))
    assert again.read_bytes() == annexes["pdf"].read_bytes()
    result = CliRunner().invoke(main, ["diff", "--project", str(updated), "--annex", "changes.txt"])
    assert result.exit_code == 1
    assert "the annex must be a .pdf, .docx, .html file, not 'changes.txt'" in result.output


def test_the_updated_brief_builds_without_warnings(updated):
    """Hong Kong drops out of the top 8 in 2025-05: its footnote is then not defined either."""
    manifest = json.loads((updated / "output" / f"{NAME}.manifest.json").read_text("utf-8"))
    assert manifest["warnings"] == []


def test_diff_starts_with_what_an_editor_must_review(updated):
    text = run("diff", "--project", str(updated))
    review, inputs = text.index("■ 먼저 검토할 문장"), text.index("■ 입력 파일")
    assert review < inputs < text.index("■ 통계")
    first = text[review:inputs]
    assert "낱말 " in first and "격차가 좁혀짐 → 순위가 역전됨" in first
    assert "3위 → 공동 3위" in first and "3rd → joint 3rd" in first
    assert "두 나라의 [-격차가-]{+순위가+} [-좁혀짐-]{+역전됨+}" in first
    data = json.loads(run("diff", "--project", str(updated), "--json"))
    words = {(w["old"], w["new"]) for w in data["wordings"]}
    assert ("격차가 좁혀짐", "순위가 역전됨") in words and ("3위", "공동 3위") in words
    assert data["claims"] == []  # no claim of the example flipped on this update


def test_annex_reads_as_a_publication(updated, tmp_path):
    from briefgen.ir import Bullet, Section, Superscript
    from briefgen.project import load_project
    from briefgen.record.manifest import load_manifest
    from briefgen.regen.annex import annex_document, data_version
    from briefgen.regen.diff import diff_manifests

    old = load_manifest(updated / "output" / f".{NAME}.manifest.prev.json")
    new = load_manifest(updated / "output" / f"{NAME}.manifest.json")
    assert (data_version(old), data_version(new)) == ("2024.07. 자료", "2025.05. 자료")
    document = annex_document(diff_manifests(old, new), load_project(updated).meta,
                              data_version(old), data_version(new))
    assert document.meta.title == "초거대 AI 모델 개발 현황과 시사점 변경 보고서"
    assert document.meta.subtitle == "2024.07. 자료 → 2025.05. 자료"
    review, numbers, sentences = document.chapters[:3]
    assert (review.heading, numbers.heading, sentences.heading) == ("먼저 검토할 문장", "수치 변경", "문장 변경")
    assert not sentences.sections  # the brief's own headings are □ items, not renumbered sections
    headings = [b for b in sentences.blocks if isinstance(b, Bullet) and b.level == 1]
    assert any(h.inlines[0].text == "Ⅱ. 2. 국가별 개발 현황" for h in headings)
    raised = [node for b in sentences.blocks if isinstance(b, Bullet)
              for node in b.inlines if isinstance(node, Superscript)]
    assert raised  # footnote marks and 10²³ stay superscripts
    assert not any(isinstance(s, Section) for c in document.chapters[2:3] for s in c.sections)
    out = tmp_path / "changes.pdf"
    run("diff", "--project", str(updated), "--annex", str(out))
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "2024.07. 자료 → 2025.05. 자료" in text and "먼저 검토할 문장" in text
    assert "3. Ⅰ." not in text and "Ⅱ. 2. 국가별 개발 현황" in text
