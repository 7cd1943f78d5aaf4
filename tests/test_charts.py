"""Charts: every type drawn in the Korean font, house number format, byte-identical files."""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import matplotlib.artist
import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

from briefgen.charts.draw import draw_chart
from briefgen.charts.render import chart_path, plan_chart, render_chart, save_chart
from briefgen.charts.spec import CHART_TYPES, parse_spec
from briefgen.charts.style import chart_style
from briefgen.charts.values import chart_data
from briefgen.fonts import font_path
from briefgen.stats.results import CountItem, Counts, Crosstab, Provenance
from briefgen.theme import load_theme

THEME = load_theme()
NANUM = str(font_path("NanumGothic"))
P = Provenance(None, None)
STATS = {
    # a negative value and values ≥ 1000 in each
    "regions": Counts("regions", "counts", P, total=2378, items=[
        CountItem("서울특별시", 1234, 0.519), CountItem("부산", -56, -0.024), CountItem("대구", 800, 0.336)]),
    "verdicts": Counts("verdicts", "counts", P, total=2378, items=[
        CountItem("적중", 1234, 0.519), CountItem("빗나감", 856, 0.36), CountItem("판단 보류", 288, 0.121)]),
    "year_domain": Crosstab("year_domain", "crosstab", P, row_labels=["2022년", "2023년"],
                            col_labels=["언어 모델", "비전", "기타"], cells=[[1200, 30, -5], [1500, 40, 10]]),
}
SPECS = {
    "bar": {"type": "bar", "stat": "regions", "ylabel": "모델 수(개)"},
    "barh": {"type": "barh", "stat": "regions", "xlabel": "모델 수(개)"},
    "line": {"type": "line", "stat": "regions", "xlabel": "지역"},
    "line_multi": {"type": "line", "stat": "year_domain", "labels": True},
    "stacked_bar": {"type": "stacked_bar", "stat": "year_domain", "ylabel": "모델 수(개)"},
    "stacked_barh": {"type": "stacked_barh", "stat": "year_domain"},
    "pie": {"type": "pie", "stat": "verdicts"},
    "donut": {"type": "donut", "stat": "verdicts"},
}


def drawn_texts(name: str) -> tuple[list[Text], bytes]:
    """The visible text artists of chart ``name`` and its PNG, drawn with warnings as errors."""
    spec = parse_spec(name, SPECS[name], STATS, "brief.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with chart_style(THEME):
            fig = draw_chart(spec, chart_data(spec, STATS[spec.stat]), THEME)
            try:
                from io import BytesIO

                buffer = BytesIO()
                fig.savefig(buffer, format="png")
                texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
            finally:
                plt.close(fig)
    return texts, buffer.getvalue()


def test_every_type_is_covered():
    assert {s["type"] for s in SPECS.values()} == set(CHART_TYPES)


@pytest.mark.parametrize("name", list(SPECS))
def test_korean_labels_are_drawn_with_the_nanum_ttf(name, caplog):
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        texts, png = drawn_texts(name)
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    assert png.startswith(b"\x89PNG")
    strings = [t.get_text() for t in texts]
    assert any("\uac00" <= ch <= "\ud7a3" for s in strings for ch in s), strings  # Hangul drawn
    face = FT2Font(NANUM)
    for text in texts:
        used = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert used == NANUM, (text.get_text(), used)
        assert all(face.get_char_index(ord(ch)) for ch in text.get_text() if not ch.isspace()), text.get_text()
    assert not any("\u2212" in s for s in strings)


def test_a_glyph_missing_from_the_font_would_fail_the_check():
    """The check above is live: U+2212 is not in NanumGothic and warns under chart_style."""
    with chart_style(THEME), pytest.warns(UserWarning, match="missing from font"):
        fig = plt.figure()
        fig.text(0.5, 0.5, "\u2212")
        fig.canvas.draw()
        plt.close(fig)


@pytest.mark.parametrize(("name", "expected"), [
    ("bar", {"1,234", "-56", "800", "1,200", "-200"}),
    ("barh", {"1,234", "-56", "1,000"}),
    ("line", {"1,234", "-56"}),
    ("stacked_bar", {"1,225", "1,550", "1,400"}),
    ("stacked_barh", {"1,225", "1,550"}),
    ("line_multi", {"1,500", "-5", "10"}),
    ("pie", {"51.9%", "36.0%", "12.1%", "판단 보류"}),
    ("donut", {"51.9%", "36.0%", "12.1%"}),
])
def test_value_labels_and_ticks_use_the_house_number_format(name, expected):
    strings = {t.get_text() for t in drawn_texts(name)[0]}
    assert expected <= strings, sorted(strings)


def test_share_values_print_as_percentages():
    SPECS["bar_share"] = {"type": "bar", "stat": "regions", "value": "share"}
    try:
        strings = {t.get_text() for t in drawn_texts("bar_share")[0]}
    finally:
        del SPECS["bar_share"]
    assert {"51.9%", "-2.4%", "33.6%", "0%", "50%"} <= strings, sorted(strings)


@pytest.mark.parametrize("name", ["bar", "line_multi", "stacked_bar", "donut"])
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_same_spec_twice_gives_byte_identical_files(name, fmt, tmp_path):
    spec = parse_spec(name, SPECS[name], STATS, "brief.yaml")
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    values = chart_data(spec, STATS[spec.stat])
    save_chart(spec, values, THEME, first)
    save_chart(spec, values, THEME, second)
    data = first.read_bytes()
    assert data == second.read_bytes()
    if fmt == "png":
        assert b"Software" not in data and b"tIME" not in data
        assert b"pHYs" in data  # 300 dpi recorded
    else:
        assert b"<dc:date>" not in data and b"<svg" in data


def test_png_is_300_dpi_at_the_declared_size(tmp_path):
    from PIL import Image

    path = render_chart("bar", {**SPECS["bar"], "size": [10, 5]}, STATS, THEME, tmp_path, "brief.yaml")
    with Image.open(path) as image:
        assert image.size == (int(10 / 2.54 * 300), int(5 / 2.54 * 300))
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


@pytest.mark.parametrize("name", ["bar", "line_multi", "stacked_barh", "donut"])
def test_png_holds_exactly_the_drawn_pixels_with_both_row_filters(name, tmp_path):
    """Our PNG encoder (rows filtered "up" or "sub"): Pillow decodes it to the canvas's pixels."""
    import numpy as np
    from PIL import Image

    from briefgen.charts.render import _filtered

    spec = parse_spec(name, SPECS[name], STATS, "brief.yaml")
    path = tmp_path / "c.png"
    save_chart(spec, chart_data(spec, STATS[spec.stat]), THEME, path)
    with chart_style(THEME):
        fig = draw_chart(spec, chart_data(spec, STATS[spec.stat]), THEME)
        fig.canvas.draw()
        drawn = np.asarray(fig.canvas.buffer_rgba())[:, :, :3]
    with Image.open(path) as image:
        image.load()
        assert image.mode == "RGB"
        assert np.array_equal(np.asarray(image), drawn)
    filters = set(_filtered(drawn.reshape(drawn.shape[0], -1))[:, 0])
    assert filters == {1, 2}  # both filters are used (and decoded) on a real chart


def test_render_chart_caches_by_spec_data_and_theme_colours(tmp_path):
    path = render_chart("pie", SPECS["pie"], STATS, THEME, tmp_path, "brief.yaml")
    stamp = path.stat().st_mtime_ns
    assert render_chart("pie", SPECS["pie"], STATS, THEME, tmp_path, "brief.yaml") == path
    assert path.stat().st_mtime_ns == stamp
    svg = render_chart("pie", SPECS["pie"], STATS, THEME, tmp_path, "brief.yaml", fmt="svg")
    assert svg.suffix == ".svg" and svg.stem == path.stem
    recoloured = load_theme_with(tmp_path, 'colors:\n  chart_series: ["#1F4E79", "#888888"]\n')
    job = plan_chart("pie", SPECS["pie"], STATS, THEME, tmp_path, "brief.yaml")
    assert chart_path(job.spec, job.data, tmp_path, THEME) == path
    assert chart_path(job.spec, job.data, tmp_path, recoloured) != path


def test_chart_file_is_named_by_the_drawn_values_not_the_statistic(tmp_path):
    """A statistic whose rows change but whose drawn values do not keeps its chart file."""
    stat = STATS["verdicts"]
    moved = replace(stat, provenance=replace(stat.provenance, rows=stat.provenance.rows + 1))
    path = plan_chart("pie", SPECS["pie"], STATS, THEME, tmp_path, "brief.yaml").path
    assert plan_chart("pie", SPECS["pie"], {**STATS, "verdicts": moved}, THEME, tmp_path, "brief.yaml").path == path
    first = stat.items[0]
    changed = replace(stat, items=[replace(first, count=first.count + 1), *stat.items[1:]])
    assert plan_chart("pie", SPECS["pie"], {**STATS, "verdicts": changed}, THEME, tmp_path, "brief.yaml").path != path


def load_theme_with(folder: Path, text: str):
    (folder / "theme.yaml").write_text(text, "utf-8")
    return load_theme("theme.yaml", folder)


def test_theme_palette_colours_the_series(tmp_path):
    theme = load_theme_with(tmp_path, 'colors:\n  chart_series: ["#1F4E79", "#888888"]\n')
    spec = parse_spec("stacked_bar", SPECS["stacked_bar"], STATS, "brief.yaml")
    with chart_style(theme):
        fig = draw_chart(spec, chart_data(spec, STATS[spec.stat]), theme)
        faces = [p.get_facecolor()[:3] for p in fig.axes[0].patches]
        plt.close(fig)
    assert faces[0] == pytest.approx((0x1F / 255, 0x4E / 255, 0x79 / 255))
    assert faces[-1] == faces[0]  # 3 series, 2 colours: the palette repeats


def test_an_axis_of_small_counts_has_whole_number_ticks():
    stats = {"few": Counts("few", "counts", P, total=9, items=[CountItem("가", 3, 0.3), CountItem("나", 1, 0.1)])}
    spec = parse_spec("few", {"type": "barh", "stat": "few"}, stats, "brief.yaml")
    with chart_style(THEME):
        fig = draw_chart(spec, chart_data(spec, stats["few"]), THEME)
        ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        plt.close(fig)
    assert ticks and all("." not in t for t in ticks), ticks


def test_a_job_drawn_in_a_fresh_process_is_the_same_file_without_pandas(tmp_path):
    """As in the chart process: the job arrives pickled (no statistic in it, so neither the
    statistics nor pandas are imported), matplotlib is first imported by the drawing (with
    its help-text builder stubbed), and the file is byte-identical to one drawn here."""
    job = plan_chart("stacked_bar", SPECS["stacked_bar"], STATS, THEME, tmp_path / "fresh", "brief.yaml")
    (tmp_path / "job.pickle").write_bytes(pickle.dumps(job))
    script = ("import pickle, sys; from briefgen.theme import load_theme; "
              "job = pickle.loads(open(sys.argv[1], 'rb').read()); "
              "print(sorted(m for m in ('pandas', 'briefgen.stats', 'matplotlib') if m in sys.modules)); "
              "job.draw(load_theme())")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "job.pickle")],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout
    here = tmp_path / "here.png"
    save_chart(job.spec, job.data, THEME, here)
    assert job.path.read_bytes() == here.read_bytes()
    assert matplotlib.artist.kwdoc(Text).startswith("Properties:")  # the builder is back
