"""Property-based tests: arbitrary input never raises anything but BriefError, and numbers
survive the Korean formatters within their rounding."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefError
from briefgen.ir import Document, Meta, SourceLoc
from briefgen.korean import dates, numbers
from briefgen.korean.josa import Josa
from briefgen.markup.reader import read_markup
from briefgen.numbering import number_document
from briefgen.record import manifest as mf
from briefgen.theme import load_theme
from briefgen.writers.html.css import stylesheet

FUZZ = settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
THEME = load_theme()
JOSA = Josa({})
META = Meta(title="제목", report_number="IS-001", date=dt.date(2024, 8, 26))

# Pieces of the content dialect, so random documents reach the deep parts of the reader.
FRAGMENTS = [
    "# 서론\n", "## 배경\n", "### 셋째\n", "□ 소제목\n", "ㅇ 본문 ", "  - 세부 ", "    * 참고 ", "\n",
    "\n\n", "::: summary\n", "::: figure #fig-a chart=c\n", "::: figure #fig-a image=x.png width=2\n",
    "::: table #tab-a unit=\"단위: 개\"\n", "::: box 제목\n", "::: references\n", ":::\n",
    "| 국가 | 수 |\n", "|---|---:|\n", "| 미국 | 1 |\n", "출처: 자료\n", "주: 설명\n", "[^a]",
    "[^a]: 각주\n", "[^b]: 또\n", "{@fig-a|과}", "{@tab-a}", "{@none|와}", "^23^", "**굵게**",
    "*기울임*", "[링크](http://x)", "§ 참고문헌\n", "Ⅰ. ", "1. ", "\\", "`", "<b>", "&amp;",
]
documents = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40
).map("".join)


def resolve(params: dict[str, str], loc: SourceLoc) -> Path:
    if params.get("chart") == "c" or params.get("image") == "x.png":
        return Path("x.png")
    raise BriefError("unknown image", source=loc.file, line=loc.line)


@FUZZ
@given(documents)
def test_markup_reader_and_numbering_raise_only_brief_errors(text: str) -> None:
    try:
        parts = read_markup(text, "content.md", resolve)
        document = Document(META, parts.summary, parts.executive_summary, parts.chapters,
                            parts.footnotes, parts.references)
        number_document(document, THEME)
    except BriefError as error:
        assert "\n" not in str(error)  # always one line


@FUZZ
@given(st.text(max_size=60))
def test_plain_text_raises_only_brief_errors(text: str) -> None:
    with contextlib.suppress(BriefError):
        read_markup("# 서론\n\nㅇ " + text + "\n", "content.md", resolve)


numbers_in = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=6),
)


def parse(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def exact(x: object) -> Decimal:
    return numbers.to_decimal(x)


@FUZZ
@given(numbers_in, st.integers(min_value=0, max_value=4))
def test_fmt_number_round_trips_within_rounding(x: object, digits: int) -> None:
    text = numbers.fmt_number(x, digits)
    assert abs(parse(text) - exact(x)) <= Decimal(5).scaleb(-digits - 1)
    assert not text.startswith("-0") or parse(text) != 0  # never a negative zero


@FUZZ
@given(st.floats(min_value=-10, max_value=10, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_fmt_percent_round_trips_within_rounding(fraction: float, digits: int) -> None:
    text = numbers.fmt_percent(fraction, digits)
    assert text.endswith(("%", "% 미만"))
    shown = parse(text.removesuffix(" 미만").removesuffix("%"))
    if text.endswith("미만"):
        assert 0 < exact(fraction) * 100 < shown
    else:
        assert abs(shown - exact(fraction) * 100) <= Decimal(5).scaleb(-digits - 1)


@FUZZ
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["개", "건", "명", "회"]))
def test_fmt_count_is_exact(n: int, unit: str) -> None:
    text = numbers.fmt_count(n, unit)
    assert text.endswith(unit) and parse(text.removesuffix(unit)) == n


anything = st.one_of(
    st.none(), st.booleans(), st.text(max_size=20), st.integers(), st.floats(),
    st.decimals(), st.lists(st.integers(), max_size=2),
)


@FUZZ
@given(anything, st.integers(min_value=-2, max_value=6))
def test_formatters_raise_only_brief_errors(value: object, digits: int) -> None:
    for call in (
        lambda: numbers.fmt_number(value, digits),
        lambda: numbers.fmt_percent(value, digits),
        lambda: numbers.fmt_count(value),
        lambda: numbers.fmt_money(value, "달러", digits),
        lambda: numbers.fmt_range(value, value, "년"),
        lambda: numbers.fmt_year(value),
        lambda: dates.fmt_date(value),  # type: ignore[arg-type]
    ):
        with contextlib.suppress(BriefError):
            assert isinstance(call(), str)


@FUZZ
@given(st.text(max_size=20), st.sampled_from(["이", "가", "은", "는", "을", "를", "과", "와", "로", "으로", "x"]))
def test_particles_raise_only_brief_errors(word: str, particle: str) -> None:
    try:
        attached = JOSA.attach(word, particle)
    except BriefError:
        return
    assert attached.startswith(word)


@pytest.mark.parametrize(("value", "digits", "text"), [(2.675, 2, "2.68"), (-0.0004, 3, "0.000"), (1234.5, 0, "1,235")])
def test_round_half_up_examples_the_properties_rely_on(value: float, digits: int, text: str) -> None:
    assert numbers.fmt_number(value, digits) == text


# ---------------------------------------------------------------------- theme and manifest files
# Issue 17: a theme file or a previous manifest that came with a project is untrusted input;
# whatever it holds, loading and using it raises nothing but BriefError.

SPRI = yaml.safe_load(files("briefgen.theme").joinpath("spri.yaml").read_text("utf-8"))
THEME_KEYS = [(group, key) for group, value in SPRI.items()
              for key in (value if isinstance(value, dict) else [None])]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
              st.sampled_from(["#abc", "#00FF7F", "10mm 0", "[그림 {n}]", "{series:>99}", "NanumGothic"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=8,
)


@st.composite
def theme_files(draw: st.DrawFn) -> str:
    """A theme override: random values at the bundled keys (or next to them), as YAML text,
    sometimes with a few characters of the text replaced."""
    override: dict[Any, Any] = {}
    for group, key in draw(st.lists(st.sampled_from(THEME_KEYS), max_size=4)):
        value = draw(json_values)
        if key is None:
            override[group] = value
        elif isinstance(override.setdefault(group, {}), dict):
            override[group][draw(st.sampled_from([key, key + "x"]))] = value
    text = yaml.safe_dump(override, allow_unicode=True)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["{", "]", ":", "&a", "*a", "\n- ", "'", "\t", "!!"])) + text[at + 1:]
    return text


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(theme_files())
def test_theme_files_raise_only_brief_errors(fuzz_folder: Path, text: str) -> None:
    (fuzz_folder / "theme.yaml").write_text(text, "utf-8")
    try:
        theme = load_theme("theme.yaml", fuzz_folder)
    except BriefError as error:
        assert "\n" not in str(error) and error.source == "theme.yaml"
        return
    css = stylesheet(theme)  # a theme that loads is usable, and its CSS carries no markup
    assert "<" not in css and "\\" not in css
    theme.caption_label("figure", 12)
    theme.running_header("이슈리포트", "IS-001")


@pytest.fixture(scope="module")
def built_brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from briefgen.build import build
    from briefgen.scaffold import create_project

    project = tmp_path_factory.mktemp("fuzz-built") / "brief"
    create_project(project, "is")
    build(project, ("html",))
    return project


@st.composite
def mutations(draw: st.DrawFn, manifest: dict[str, Any]) -> Any:
    """``manifest`` with one to three values somewhere in it replaced, removed or added."""
    data = json.loads(json.dumps(manifest))
    for _ in range(draw(st.integers(1, 3))):
        parent: Any = None
        node, key = data, None
        while isinstance(node, dict | list) and node and draw(st.integers(0, 7)):  # mostly deep
            parent, key = node, draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
            node = node[key]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if parent is None:
            data = draw(json_values) if action == "replace" else data
        elif action == "remove":
            del parent[key]
        elif action == "add" and isinstance(node, dict):
            node[draw(st.text(max_size=6))] = draw(json_values)
        else:
            parent[key] = draw(json_values)
    return data


@settings(FUZZ, max_examples=100)
@given(st.data())
def test_manifest_files_raise_only_brief_errors(built_brief: Path, data: st.DataObject) -> None:
    """The up-to-date check and ``briefgen diff`` over a mutated previous manifest."""
    from briefgen.build import _pages, _targets, _unchanged
    from briefgen.cache.inputs import FileHasher, describe_inputs
    from briefgen.project import load_project
    from briefgen.regen.diff import diff_manifests

    good_file = built_brief / "output" / "brief.manifest.json"
    good = mf.load_manifest(good_file)
    mutated = data.draw(mutations(good))
    path = built_brief / "output" / "mutated.json"
    path.write_text(json.dumps(mutated, allow_nan=True), "utf-8")
    old, warning = mf.read_previous(path, "output/mutated.json")
    if old is None:
        assert warning is not None and warning.startswith("output/mutated.json") and "\n" not in warning
        return
    project = load_project(built_brief)
    project.formats = ("html",)
    hasher = FileHasher(None)
    images = [project.root / f["path"] for f in old["inputs"]["files"].get("images", [])]
    _unchanged(old, describe_inputs(project, hasher, images), _targets(project), hasher)
    _pages(old)
    mf.report_hash(old)
    mf.stale_snapshots(old, good)
    for before, after in ((old, good), (good, old)):
        with contextlib.suppress(BriefError):
            diff_manifests(before, after)
