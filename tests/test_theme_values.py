"""Issue 17: theme values are checked by type when the theme is loaded (they reach CSS, XML and
the PDF verbatim); a wrong one stops with the theme file, line and key."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from briefgen.errors import BriefError
from briefgen.theme import load_theme
from briefgen.theme.schema import check_theme
from briefgen.writers.html.css import stylesheet

BAD = [
    ("colors:\n  primary: '#000; } </style><script>alert(1)</script>'\n", "colors.primary", 2, "must be #RGB or #RRGGBB"),
    ("colors:\n  text: red\n", "colors.text", 2, "must be #RGB or #RRGGBB"),
    ("colors:\n  chart_series: []\n", "colors.chart_series", 2, "list of 1 to 32 values"),
    ("colors:\n  chart_series: ['#fff', 'url(x)']\n", "colors.chart_series", 2, "must be #RGB"),
    ("sizes:\n  body: 0\n", "sizes.body", 2, "above 0"),
    ("sizes:\n  body: -3\n", "sizes.body", 2, "above 0"),
    ("sizes:\n  chapter: 1e9\n", "sizes.chapter", 2, "at most 200 pt"),
    ("sizes:\n  body: true\n", "sizes.body", 2, "must be a number"),
    ("sizes:\n  body: '11pt; } *{display:none'\n", "sizes.body", 2, "must be a number"),
    ("sizes:\n  body: .nan\n", "sizes.body", 2, "must be a number"),
    ("page:\n  width: 210\n  margin_left: 120\n  margin_right: 100\n", "page.margin_right", 4, "leave less than 20 mm"),
    ("line_spacing: 0\n", "line_spacing", 1, "at least 0.5"),
    ("fonts:\n  body: /etc/passwd\n", "fonts.body", 2, "not a bundled font"),
    ("fonts:\n  bold: 'NanumGothic\", x'\n", "fonts.bold", 2, "not a bundled font"),
    ("bullets:\n  markers: []\n", "bullets.markers", 2, "list of 4 values"),
    ("bullets:\n  markers: ['□', 'ㅇ', '', '*']\n", "bullets.markers", 2, "1 to 4 characters"),
    ("bullets:\n  space_before: [1, 2, 3]\n", "bullets.space_before", 2, "list of 4 values"),
    ("captions:\n  figure: '[그림 {n.__class__}]'\n", "captions.figure", 2, "may use only {n}"),
    ("captions:\n  table: '<표 {m}>'\n", "captions.table", 2, "may use only {n}"),
    ("captions:\n  table: '<표 {n>'\n", "captions.table", 2, "not a valid format string"),
    ("running_header: '{series} {0}'\n", "running_header", 1, "may use only {series}, {report_number}"),
    ("captions:\n  note_prefix: \"주\\u0007 \"\n", "captions.note_prefix", 2, "control character U+0007"),
    ("toc_title: [목차]\n", "toc_title", 1, "must be a text"),
    ("cover:\n  design: fancy\n", "cover.design", 2, "must be one of band, plain"),
    ("cover:\n  logo: logo.svg\n", "cover.logo", 2, "must name a .png, .jpg or .jpeg file"),
    ("cover:\n  band_height: 400\n", "cover.band_height", 2, "at most 250 mm"),
    ("colors:\n  negative: crimson\n", "colors.negative", 2, "must be #RGB or #RRGGBB"),
    ("cover:\n  html_padding: '10mm; } body { x: y'\n", "cover.html_padding", 2, "CSS lengths"),
    ("cover:\n  html_title_top: 'expression(alert(1))'\n", "cover.html_title_top", 2, "CSS lengths"),
    ("cover:\n  pdf_back_top: 2\n", "cover.pdf_back_top", 2, "at most 1"),
    ("footnotes:\n  max_area: 1\n", "footnotes.max_area", 2, "at most 0.95"),
    ("figures:\n  min_scale: 0.1\n", "figures.min_scale", 2, "at least 0.25"),
    ("figures:\n  min_scale: 1.5\n", "figures.min_scale", 2, "at most 1"),
    ("colours:\n  primary: '#000000'\n", "colours", 1, "did you mean 'colors'?"),
    ("page: 210\n", "page", 1, "must be a mapping"),
]


def load(tmp_path: Path, text: str):
    (tmp_path / "house.yaml").write_text(text, "utf-8")
    return load_theme("house.yaml", tmp_path)


@pytest.mark.parametrize(("text", "key", "line", "reason"), BAD, ids=[case[1] for case in BAD])
def test_a_wrong_theme_value_names_file_line_and_key(tmp_path, text, key, line, reason):
    with pytest.raises(BriefError) as caught:
        load(tmp_path, text)
    error = caught.value
    assert (error.source, error.key, error.line) == ("house.yaml", key, line)
    assert reason in error.message and "\n" not in str(error)


def test_short_colours_are_kept_as_rrggbb(tmp_path):
    theme = load(tmp_path, "colors:\n  primary: '#1f4'\n  chart_series: ['#abc', '#00ff7F']\n")
    assert theme.color("primary") == "#11FF44"
    assert theme.data["colors"]["chart_series"] == ["#AABBCC", "#00FF7F"]


def test_the_bundled_theme_passes_its_own_check():
    bundled = yaml.safe_load(files("briefgen.theme").joinpath("spri.yaml").read_text("utf-8"))
    assert check_theme(bundled, "spri.yaml", {}) == bundled


def test_a_valid_override_reaches_the_stylesheet_as_plain_tokens(tmp_path):
    theme = load(tmp_path, "colors:\n  primary: '#1F4E79'\nsizes:\n  body: 10.5\n"
                           "cover:\n  html_padding: 8mm 0 20mm\n")
    css = stylesheet(theme)
    assert "#1F4E79" in css and "font-size: 10.5pt" in css and "padding: 8mm 0 20mm" in css
    assert "<" not in css
