"""Citations and the 참고문헌 from the bibliography (S21, S31-S33): reading BibTeX and CSL-JSON,
the house patterns per entry type, name forms, citations in the text with their particles,
and the order of the reference list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefgen.biblio import Citer, Entry, Name, read_bibliography
from briefgen.biblio.read import read_bibtex, read_csl_json
from briefgen.biblio.style import listed_names, reference, text_names, year_labels
from briefgen.biblio.syntax import Citation, CiteItem, find_citations, match_citation
from briefgen.errors import BriefError
from briefgen.ir import Document, Meta, plain_text
from briefgen.korean.josa import Josa
from briefgen.markup.reader import read_markup
from briefgen.numbering import number_document
from briefgen.theme import load_theme

KAPLAN = Name("Kaplan", "Jared")
MCCANDLISH = Name("McCandlish", "Sam")
HENIGHAN = Name("Henighan", "Tom")
BROWN = Name("Brown", "Tom B.")
AHN, HONG, KIM, LEE = Name("안성원"), Name("홍길동"), Name("김미래"), Name("이도윤")
EPOCH = Name("Epoch AI", literal=True)


def entry(**fields) -> Entry:
    base = {"key": "k", "kind": "article", "authors": (KAPLAN,), "year": "2020", "title": "Title",
            "source": "refs.bib", "line": 1}
    return Entry(**{**base, **fields})


# ---------------------------------------------------------------------- house patterns (S33)

PATTERNS = [
    ("article", entry(authors=(KAPLAN, MCCANDLISH, HENIGHAN, BROWN),
                      title="Scaling Laws for Neural Language Models", venue="arXiv:2001.08361"),
     "Kaplan, J., McCandlish, S., Henighan, T., et al. (2020). “Scaling Laws for Neural Language "
     "Models”, arXiv:2001.08361."),
    ("journal article", entry(title="Compute Trends", venue="Nature", volume="12", issue="3",
                              pages="45-67", year="2022"),
     "Kaplan, J. (2022). “Compute Trends”, Nature, 12(3), pp. 45-67."),
    ("report", entry(kind="report", authors=(Name("Benaich", "Nathan"), Name("Air Street Capital",
                     literal=True)), title="State of AI Report 2022", year="2022",
                     url="https://www.stateof.ai/"),
     "Benaich, N. and Air Street Capital (2022). State of AI Report 2022, https://www.stateof.ai/."),
    ("Korean report", entry(kind="report", authors=(HONG,), title="초거대 AI 동향", year="2023",
                            number="IS-160"),
     "홍길동 (2023). “초거대 AI 동향”, 이슈리포트 IS-160, 성남: 소프트웨어정책연구소."),
    ("Korean report elsewhere", entry(kind="report", authors=(AHN, HONG), title="AI 반도체",
                                      year="2024", series="연구보고서", number="RE-12",
                                      publisher="정보통신정책연구원", place="진천"),
     "안성원·홍길동 (2024). “AI 반도체”, 연구보고서 RE-12, 진천: 정보통신정책연구원."),
    ("web page", entry(kind="web", authors=(EPOCH,), title="Notable AI Models", year="2024",
                       venue="Epoch AI", url="https://epoch.ai/data", accessed="2024-08-20"),
     "Epoch AI (2024). “Notable AI Models”, Epoch AI, https://epoch.ai/data (Accessed 2024.08.20.)."),
    ("book", entry(kind="book", authors=(Name("Russell", "Stuart J."), Name("Norvig", "Peter")),
                   title="Artificial Intelligence: A Modern Approach", year="2021",
                   publisher="Pearson", place="Hoboken"),
     "Russell, S. J. and Norvig, P. (2021). Artificial Intelligence: A Modern Approach, "
     "Hoboken: Pearson."),
]


@pytest.mark.parametrize(("kind", "work", "expected"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_reference_pattern_per_entry_type_s33(kind, work, expected):
    assert reference(work, work.year) == expected


NAMES = [
    ("one", (KAPLAN,), "Kaplan", "Kaplan, J."),
    ("two", (KAPLAN, MCCANDLISH), "Kaplan and McCandlish", "Kaplan, J. and McCandlish, S."),
    ("three", (KAPLAN, MCCANDLISH, HENIGHAN), "Kaplan et al.",
     "Kaplan, J., McCandlish, S. and Henighan, T."),
    ("four", (KAPLAN, MCCANDLISH, HENIGHAN, BROWN), "Kaplan et al.",
     "Kaplan, J., McCandlish, S., Henighan, T., et al."),
    ("organisation", (EPOCH,), "Epoch AI", "Epoch AI"),
    ("person and organisation", (Name("Benaich", "Nathan"), Name("Air Street Capital", literal=True)),
     "Benaich and Air Street Capital", "Benaich, N. and Air Street Capital"),
    ("hyphenated given name", (Name("Sevilla", "Jean-Baptiste"),), "Sevilla", "Sevilla, J.-B."),
    ("von part", (Name("de Las Casas", "Diego"),), "de Las Casas", "de Las Casas, D."),
    ("Korean one", (AHN,), "안성원", "안성원"),
    ("Korean two", (AHN, HONG), "안성원·홍길동", "안성원·홍길동"),
    ("Korean three", (AHN, HONG, KIM), "안성원 외", "안성원·홍길동·김미래"),
    ("Korean four", (AHN, HONG, KIM, LEE), "안성원 외", "안성원·홍길동·김미래 외"),
    ("Korean family and given", (Name("안", "성원"),), "안성원", "안성원"),
    ("Korean organisation", (Name("소프트웨어정책연구소", literal=True),), "소프트웨어정책연구소",
     "소프트웨어정책연구소"),
]


@pytest.mark.parametrize(("case", "authors", "in_text", "listed"), NAMES, ids=[n[0] for n in NAMES])
def test_name_forms_s21_s33(case, authors, in_text, listed):
    work = entry(authors=authors)
    assert (text_names(work), listed_names(work)) == (in_text, listed)


def test_and_others_counts_as_more_authors():
    work = read_bibtex("@misc{h, author = {Hoffmann, Jordan and Borgeaud, Sebastian and others},"
                       " title = {T}, year = 2022}", "refs.bib")[0]
    assert (text_names(work), listed_names(work)) == ("Hoffmann et al.", "Hoffmann, J., Borgeaud, S., et al.")


def test_no_author_the_organisation_or_title_stands_in():
    assert text_names(entry(authors=(), publisher="OECD")) == "OECD"
    assert listed_names(entry(authors=(), title="AI Index")) == "AI Index"


def test_same_author_and_year_get_letters_by_title():
    works = [entry(key="b", title="Beta"), entry(key="a", title="Alpha"), entry(key="c", year="2021")]
    assert year_labels(works) == {"a": "2020a", "b": "2020b", "c": "2021"}
    assert year_labels([entry(year="")]) == {"k": "n.d."}


# ---------------------------------------------------------------------- reading the files


def test_bibtex_decodes_latex_and_reads_organisations_and_korean_names():
    works = read_bibtex(
        "@article{m, author = {M{\\\"u}ller, J{\\\"o}rg and {Epoch AI}}, title = {On {BERT}},"
        " journal = {J. AI}, year = {2021}, number = {4}}\n"
        "@techreport{k, author = {안성원 and 홍, 길동}, title = {동향}, date = {2023-05-01},"
        " number = {IS-160}, urldate = {2024-8-2}}\n", "refs.bib")
    assert works[0].authors == (Name("Müller", "Jörg"), EPOCH)
    assert (works[0].title, works[0].venue, works[0].issue) == ("On BERT", "J. AI", "4")
    assert works[1].kind == "report" and works[1].authors == (AHN, Name("홍", "길동"))
    assert (works[1].year, works[1].number, works[1].accessed, works[1].line) == ("2023", "IS-160", "2024-08-02", 2)
    assert text_names(works[1]) == "안성원·홍길동"


@pytest.mark.parametrize(("written", "read"), [
    ("Up 50% in 2023", "Up 50% in 2023"), ("Up 50\\% too", "Up 50% too"), ("R \\& D", "R & D"),
    ("\\emph{Nature} and \\textit {Science}", "Nature and Science"), ("{GPT}-4 --- {AI}", "GPT-4 — AI"),
    ("M{\\\"u}ller and Ha\\v{s}ek", "Müller and Hašek"),
])
def test_bibtex_fields_read_as_plain_text(written, read):
    assert read_bibtex(f"@book{{b, title = {{{written}}}}}", "refs.bib")[0].title == read


def test_bibtex_types_map_to_house_kinds():
    text = "".join(f"@{t}{{{t}, title = {{T}}, year = 2020{extra}}}\n" for t, extra in [
        ("article", ""), ("inproceedings", ""), ("techreport", ""), ("book", ""), ("online", ""),
        ("misc", ", url = {https://x.org}"), ("unpublished", "")])
    kinds = {e.key: e.kind for e in read_bibtex(text, "refs.bib")}
    assert kinds == {"article": "article", "inproceedings": "article", "techreport": "report",
                     "book": "book", "online": "web", "misc": "web", "unpublished": "article"}


def test_csl_json_as_zotero_exports_it():
    items = [
        {"id": "kaplan2020", "type": "article", "title": "Scaling Laws",
         "author": [{"family": "Kaplan", "given": "Jared"}], "issued": {"date-parts": [[2020, 1, 23]]},
         "number": "arXiv:2001.08361", "publisher": "arXiv"},
        {"id": "epoch", "type": "webpage", "title": "Data", "author": [{"literal": "Epoch AI"}],
         "issued": {"raw": "2024-07"}, "URL": "https://epoch.ai", "accessed": {"date-parts": [[2024, 8, 2]]},
         "container-title": "Epoch AI"},
        {"id": "ahn", "type": "report", "title": "동향", "author": [{"family": "안", "given": "성원"}],
         "issued": {"date-parts": [["2023"]]}, "number": "IS-160"},
    ]
    text = json.dumps(items, ensure_ascii=False, indent=1)
    kaplan, epoch, ahn = read_csl_json(text, "z.json")
    assert reference(kaplan, kaplan.year) == "Kaplan, J. (2020). “Scaling Laws”, arXiv:2001.08361."
    assert reference(epoch, epoch.year) == "Epoch AI (2024). “Data”, Epoch AI, https://epoch.ai (Accessed 2024.08.02.)."
    assert reference(ahn, ahn.year) == "안성원 (2023). “동향”, 이슈리포트 IS-160, 성남: 소프트웨어정책연구소."
    lines = text.splitlines()
    assert all(f'"id": "{w.key}"' in lines[w.line - 1] for w in (kaplan, epoch, ahn))


@pytest.mark.parametrize(("text", "message"), [
    ('{"id": "a"}', "z.json:1: a CSL-JSON bibliography is a list of entries"),
    ('[{"type": "book"}]', "z.json: entry 1 has no \"id\""),
    ('[\n{"id": "a", "author": "Kaplan"}]', "z.json:2: entry 'a': \"author\" must be a list of names"),
    ('[\n{"id": "a", "issued": {"date-parts": [["x"]]}}]', "z.json:2: entry 'a': \"issued\" must be a date"),
    ('[\n{"id": "a", "title": ["T"]}]', "z.json:2: entry 'a': \"title\" must be text"),
    ('[{"id": "a"},\n]', "z.json:2: cannot read the bibliography: Expecting value"),
])
def test_csl_json_is_validated(text, message):
    with pytest.raises(BriefError) as error:
        read_csl_json(text, "z.json")
    assert str(error.value).startswith(message)


def test_bibtex_errors_name_file_and_line():
    with pytest.raises(BriefError) as error:
        read_bibtex("@article{a, title = {A}}\n@article{a, title = {B}}\n", "refs.bib")
    assert str(error.value).startswith("refs.bib:1: cannot read the bibliography: repeated")
    with pytest.raises(BriefError) as error:
        read_bibtex("@article{a,\n title = {A}\n year = 2020}\n", "refs.bib")
    assert str(error.value).startswith("refs.bib:3: cannot read the bibliography:")


def test_a_key_in_two_files_is_an_error(tmp_path: Path):
    (tmp_path / "a.bib").write_text("@book{x, title = {A}, year = 2020}\n", "utf-8")
    (tmp_path / "b.json").write_text('[{"id": "x", "type": "book"}]', "utf-8")
    with pytest.raises(BriefError) as error:
        read_bibliography([tmp_path / "a.bib", tmp_path / "b.json"], tmp_path)
    assert str(error.value) == "b.json:1: bibliography key 'x' is defined twice (first at a.bib:1)"


# ---------------------------------------------------------------------- citations in the text

SYNTAX = [
    ("[@kaplan2020]", Citation((CiteItem("kaplan2020"),))),
    ("[@kaplan2020; @hoffmann2022]", Citation((CiteItem("kaplan2020"), CiteItem("hoffmann2022")))),
    ("[@kaplan2020, p. 3]", Citation((CiteItem("kaplan2020", suffix="p. 3"),))),
    ("[see @a, pp. 3-4; -@b]", Citation((CiteItem("a", "see", "pp. 3-4"), CiteItem("b", year_only=True)))),
    ("@kaplan2020은", Citation((CiteItem("kaplan2020"),), narrative=True)),
    ("@{doi:10.1/x}는", Citation((CiteItem("doi:10.1/x"),), narrative=True)),
    ("@a [p. 3]", Citation((CiteItem("a", suffix="p. 3"),), narrative=True)),
    ("[^note]", None), ("[see this]", None), ("[@a](https://x.org)", None), ("[x@y]", None),
]


@pytest.mark.parametrize(("text", "citation"), SYNTAX, ids=[s[0] for s in SYNTAX])
def test_pandoc_citation_syntax(text, citation):
    found = match_citation(text, 0)
    assert (found[0] if found else None) == citation


def test_find_citations_skips_emails_and_escapes():
    text = "메일 gildong@example.kr {@fig-a|과}\n\\@handle [@a]\n@b"
    assert [(line, c.keys) for line, c in find_citations(text)] == [(2, ["a"]), (3, ["b"])]


BIB = """
@misc{kaplan2020, author = {Kaplan, Jared and McCandlish, Sam and Henighan, Tom},
  title = {Scaling Laws for Neural Language Models}, year = 2020, eprint = {2001.08361}}
@misc{hoffmann2022, author = {Hoffmann, Jordan and others}, title = {Training}, year = 2022}
@misc{two2021, author = {Kaplan, Jared and McCandlish, Sam}, title = {Two}, year = 2021}
@techreport{ahn2023, author = {안성원 and 홍길동 and 김미래}, title = {초거대 AI 동향}, year = 2023,
  number = {IS-160}}
@online{epoch2024, author = {{Epoch AI}}, title = {Data}, year = 2024, url = {https://epoch.ai}}
@book{zeta, author = {zeta, Anna}, title = {Lower Case}, year = 2019}
"""

IN_TEXT = [
    ("법칙[@kaplan2020]이", "법칙(Kaplan et al., 2020)이"),
    ("법칙[@kaplan2020; @hoffmann2022]가 알려짐", "법칙(Kaplan et al., 2020; Hoffmann et al., 2022)이 알려짐"),
    ("보고서[@ahn2023]는", "보고서(안성원 외, 2023)는"),
    ("연구[@two2021, p. 3]", "연구(Kaplan and McCandlish, 2021, p. 3)"),
    ("연구[see @two2021; -@kaplan2020, 12쪽]", "연구(see Kaplan and McCandlish, 2021; 2020, 12쪽)"),
    ("@kaplan2020은 밝힘", "Kaplan et al.(2020)는 밝힘"),
    ("@ahn2023이 밝힘", "안성원 외(2023)가 밝힘"),
    ("@epoch2024 [자료 설명]에 따르면", "Epoch AI(2024, 자료 설명)에 따르면"),
    ("@epoch2024는", "Epoch AI(2024)는"),
    ("@{ahn2023}으로는", "안성원 외(2023)로는"),
    ("데이터[-@epoch2024]를", "데이터(2024)를"),
    ("이메일 gildong@example.kr 참고", "이메일 gildong@example.kr 참고"),
    ("\\@handle 계정", "@handle 계정"),
]


@pytest.fixture
def bibliography(tmp_path: Path):
    (tmp_path / "refs.bib").write_text(BIB, "utf-8")
    return read_bibliography([tmp_path / "refs.bib"], tmp_path)


def _read(text: str, bibliography, hand_written: str = ""):
    refs = f"\n::: references\n{hand_written}\n:::\n" if hand_written else ""
    parts = read_markup(f"# 서론\n\nㅇ {text}\n{refs}", "content.md", lambda *a: Path(), None,
                        Citer(bibliography, Josa()))
    return parts


@pytest.mark.parametrize(("written", "printed"), IN_TEXT, ids=[t[0] for t in IN_TEXT])
def test_citations_in_the_text_s21_with_their_particle_s52(written, printed, bibliography):
    assert plain_text(_read(written, bibliography).chapters[0].blocks[0].inlines) == printed


def test_an_unknown_key_names_the_line_and_the_nearest_key(bibliography):
    with pytest.raises(BriefError) as error:
        read_markup("# 서론\n\nㅇ 첫째\n\nㅇ 법칙[@kaplan2021]", "content.md", lambda *a: Path(), None,
                    Citer(bibliography, Josa()))
    assert str(error.value) == "content.md:5: citation @kaplan2021 is not in the bibliography (did you mean '@kaplan2020'?)"


def test_a_narrative_citation_whose_author_cannot_be_read_asks_for_a_reading(bibliography):
    with pytest.raises(BriefError, match="readings"):
        _read("@two2021은", bibliography)


def test_the_references_list_the_cited_works_only_in_house_order_s32(bibliography):
    parts = _read("[@zeta; @ahn2023; @epoch2024; @kaplan2020]와 @two2021", bibliography,
                  "§ 가나다 (2020). “손으로 쓴 항목”.\n§ Bostrom, N. (2014). Superintelligence.")
    doc = Document(Meta("t", "IS-001", __import__("datetime").date(2024, 1, 1)), [], [],
                   parts.chapters, parts.footnotes, parts.references)
    number_document(doc, load_theme("spri", Path()))
    assert [plain_text(r.inlines) for r in doc.references] == [
        "Bostrom, N. (2014). Superintelligence.",
        "Epoch AI (2024). “Data”, https://epoch.ai.",
        "Kaplan, J. and McCandlish, S. (2021). “Two”.",
        "Kaplan, J., McCandlish, S. and Henighan, T. (2020). “Scaling Laws for Neural Language Models”, arXiv:2001.08361.",
        "zeta, A. (2019). Lower Case.",
        "가나다 (2020). “손으로 쓴 항목”.",
        "안성원·홍길동·김미래 (2023). “초거대 AI 동향”, 이슈리포트 IS-160, 성남: 소프트웨어정책연구소.",
    ]
    assert parts.warnings == []  # hoffmann2022 lacks nothing that matters: it is not cited


def test_a_written_reference_repeating_a_cited_entry_is_a_warning(bibliography):
    parts = _read("[@ahn2023]", bibliography, "§ 안성원·홍길동·김미래 (2023). “옛 제목”.\n§ 안성원 (2023). 다른 글.")
    assert parts.warnings == [
        "content.md:6: the written reference '안성원·홍길동·김미래 (2023)' repeats the cited entry at "
        "refs.bib:6; delete the line"]


def test_a_cited_entry_missing_fields_is_a_located_warning(tmp_path: Path):
    (tmp_path / "refs.bib").write_text("\n@online{w, author = {{OECD}}}\n", "utf-8")
    bibliography = read_bibliography([tmp_path / "refs.bib"], tmp_path)
    parts = _read("[@w]", bibliography)
    assert plain_text(parts.chapters[0].blocks[0].inlines) == "(OECD, n.d.)"
    assert parts.warnings == [
        "refs.bib:2: bibliography entry 'w' has no year (field 'year'); the 참고문헌 prints n.d.",
        "refs.bib:2: bibliography entry 'w' has no title (field 'title'); the 참고문헌 prints the key",
        "refs.bib:2: bibliography entry 'w' has no url (field 'url'); the 참고문헌 prints no address",
    ]


# ---------------------------------------------------------------------- a build records the files


def test_the_bibliography_is_an_input_so_an_edit_rebuilds_and_shows_in_diff(tmp_path: Path):
    import shutil

    from click.testing import CliRunner

    from briefgen.build import build
    from briefgen.cli import main

    project = tmp_path / "p"
    shutil.copytree(Path(__file__).parent / "bad_inputs" / "bib-entry-no-year", project,
                    ignore=shutil.ignore_patterns("expected.txt"))
    (project / "tpl").mkdir()  # the content's folder is an input: keep output/ out of it
    (project / "content.md").rename(project / "tpl" / "content.md")
    config = project / "brief.yaml"
    config.write_text(config.read_text("utf-8").replace("content: content.md", "content: tpl/content.md"), "utf-8")
    build(project)
    manifest = json.loads((project / "output" / "x.manifest.json").read_text("utf-8"))
    assert [f["path"] for f in manifest["inputs"]["files"]["bibliography"]] == ["refs.bib"]
    assert build(project).up_to_date
    bib = project / "refs.bib"
    bib.write_text(bib.read_text("utf-8").replace("number = {IS-160},", "number = {IS-160}, year = 2023,"), "utf-8")
    assert not build(project).up_to_date
    shown = CliRunner().invoke(main, ["diff", "--project", str(project)]).output
    assert "bibliography: refs.bib (내용 변경)" in shown
    assert "동향 보고서(안성원 외, [-n.d.)가-]{+2023)가+}" in shown and "[-(n.d.).-]{+(2023).+}" in shown
