"""Chart specs: one-line errors naming charts.NAME.key; values read through ``value:``."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from briefgen.charts.draw import draw_chart
from briefgen.charts.labels import HouseTicks, value_label
from briefgen.charts.render import render_chart
from briefgen.charts.spec import parse_spec
from briefgen.charts.style import chart_style
from briefgen.charts.values import chart_data
from briefgen.errors import BriefError
from briefgen.stats.results import CountItem, Counts, Crosstab, Provenance, Share, Stat
from briefgen.theme import load_theme

P = Provenance(None, None)
THEME = load_theme()


@dataclass(frozen=True)
class GrowthItem:
    """Shaped like a growth statistic's item: ``rate`` may be negative or missing."""

    label: str
    count: int
    rate: float | None


@dataclass
class Growth(Stat):
    items: list[GrowthItem] = field(default_factory=list)


@dataclass(frozen=True)
class SumItem:
    label: str
    value: float
    share: float
    cumulative: float


@dataclass
class Sums(Stat):
    items: list[SumItem] = field(default_factory=list)


STATS = {
    "by_year": Counts("by_year", "counts", P, total=10, items=[CountItem("2022", 4, 0.4), CountItem("2023", 6, 0.6)]),
    "xt": Crosstab("xt", "crosstab", P, row_labels=["가", "나"], col_labels=["A", "B"], cells=[[1, 3], [0, 0]]),
    "industry": Share("industry", "share", P, count=130, total=144, share=130 / 144),
    "growth": Growth("growth", "growth", P, items=[
        GrowthItem("2021년", 100, None), GrowthItem("2022년", 80, -0.2), GrowthItem("2023년", 1200, 14.0)]),
    "money": Sums("money", "sum", P, items=[
        SumItem("반도체", 67220.5, 0.6, 67220.5), SumItem("배터리", 44813.7, 0.4, 112034.2)]),
}


def error_of(name: str, spec: object) -> str:
    with pytest.raises(BriefError) as caught:
        parse_spec(name, spec, STATS, "brief.yaml")
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("spec", "expected"), [
    ("bar", "key 'charts.c': a chart must be a mapping"),
    ({"type": "bars", "stat": "by_year"}, "key 'charts.c.type': chart type 'bars' unknown (types: bar, barh, "
                                          "line, pie, donut, stacked_bar, stacked_barh)"),
    ({"stat": "by_year"}, "key 'charts.c.type': chart type missing"),
    ({"type": "bar", "stat": "nope"}, "key 'charts.c.stat': chart uses unknown statistic 'nope' (statistics: by_year,"),
    ({"type": "donut", "stat": "xt"}, "key 'charts.c.stat': a donut chart needs a counts statistic; 'xt' is crosstab"),
    ({"type": "stacked_bar", "stat": "by_year"}, "key 'charts.c.stat': a stacked_bar chart needs a crosstab"),
    ({"type": "line", "stat": "industry"}, "'charts.c.stat': a line chart needs a counts or a crosstab statistic; "
                                           "'industry' is share"),
    ({"type": "bar", "stat": "by_year", "colour": "red"}, "key 'charts.c.colour': unknown chart key 'colour'"),
    ({"type": "bar", "stat": "by_year", "value": "rate"}, "key 'charts.c.value': value 'rate' not available for "
                                                          "statistic 'by_year' (values: count, share)"),
    ({"type": "line", "stat": "xt", "value": "rate"}, "(values: count, share)"),
    ({"type": "bar", "stat": "by_year", "label_format": "won"}, "key 'charts.c.label_format': label format 'won'"),
    ({"type": "bar", "stat": "by_year", "digits": -1}, "key 'charts.c.digits': digits must be a whole number 0..3"),
    ({"type": "bar", "stat": "by_year", "label_format": "count", "digits": 1}, "'charts.c.digits': a count label"),
    ({"type": "bar", "stat": "by_year", "top": 0}, "key 'charts.c.top': top must be a whole number ≥ 1, not 0"),
    ({"type": "stacked_bar", "stat": "xt", "top": 3}, "key 'charts.c.top': top applies to a counts statistic only"),
    ({"type": "bar", "stat": "by_year", "size": [16]}, "key 'charts.c.size': size must be [width, height]"),
    ({"type": "bar", "stat": "by_year", "size": [16, 0.5]}, "key 'charts.c.size'"),
    ({"type": "bar", "stat": "by_year", "color": "green"}, "key 'charts.c.color': color must be '#RRGGBB'"),
    ({"type": "bar", "stat": "by_year", "labels": "yes"}, "key 'charts.c.labels': labels must be true or false"),
    ({"type": "bar", "stat": "by_year", "xlabel": ["a"]}, "key 'charts.c.xlabel': xlabel must be text"),
])
def test_bad_specs_name_the_key(spec, expected):
    message = error_of("c", spec)
    assert message.startswith("brief.yaml, key 'charts.c")
    assert expected in message, message


def test_the_example_keys_still_parse():
    spec = parse_spec("yearly", {"type": "bar", "stat": "by_year", "ylabel": "모델 수(개)", "size": [15, 7],
                                 "labels": False, "top": 1, "color": "#4C9A6A", "xlabel": 2024}, STATS, "b.yaml")
    assert (spec.size, spec.labels, spec.top, spec.color, spec.xlabel) == ((15.0, 7.0), False, 1, "#4C9A6A", "2024")
    assert (spec.value, spec.label_format, spec.digits) == ("count", "num", 0)
    assert chart_data(spec, STATS["by_year"]).categories == ["2022"]


def test_values_come_through_the_value_key():
    rate = parse_spec("g", {"type": "line", "stat": "growth", "value": "rate"}, STATS, "b.yaml")
    assert (rate.label_format, rate.digits) == ("pct", 1)
    assert chart_data(rate, STATS["growth"]).series[0].values == [None, -0.2, 14.0]
    default = parse_spec("m", {"type": "pie", "stat": "money"}, STATS, "b.yaml")
    assert (default.value, chart_data(default, STATS["money"]).series[0].values) == ("value", [67220.5, 44813.7])
    cumulative = parse_spec("m", {"type": "bar", "stat": "money", "value": "cumulative"}, STATS, "b.yaml")
    assert chart_data(cumulative, STATS["money"]).series[0].values == [67220.5, 112034.2]
    shares = parse_spec("x", {"type": "stacked_bar", "stat": "xt", "value": "share"}, STATS, "b.yaml")
    assert [s.values for s in chart_data(shares, STATS["xt"]).series] == [[0.25, None], [0.75, None]]


@pytest.mark.parametrize(("value", "spec", "expected"), [
    (1234, {}, "1,234"),
    (-56, {}, "-56"),
    (67220.46, {"digits": 1}, "67,220.5"),
    (-0.2, {"value": "rate"}, "-20.0%"),
    (14.0, {"value": "rate"}, "1,400.0%"),
    (0.519, {"label_format": "pct", "digits": 0}, "52%"),
    (1234, {"label_format": "count"}, "1,234개"),
    (None, {}, ""),
])
def test_value_labels(value, spec, expected):
    stat = "growth" if spec.get("value") == "rate" else "by_year"
    assert value_label(value, parse_spec("c", {"type": "bar", "stat": stat, **spec}, STATS, "b.yaml")) == expected


def test_ticks_share_one_number_of_decimals_and_use_hyphen_minus():
    assert HouseTicks(False).format_ticks([-1500.0, 0.0, 1500.0, 3000.0]) == ["-1,500", "0", "1,500", "3,000"]
    assert HouseTicks(False).format_ticks([0.0, 0.5, 1.0]) == ["0.0", "0.5", "1.0"]
    assert HouseTicks(True).format_ticks([-0.25, 5e-17, 0.25]) == ["-25%", "0%", "25%"]
    assert HouseTicks(True).format_ticks([0.0, 0.125, 0.25]) == ["0.0%", "12.5%", "25.0%"]


def test_growth_rates_draw_with_a_gap_and_negative_labels():
    spec = parse_spec("g", {"type": "bar", "stat": "growth", "value": "rate"}, STATS, "b.yaml")
    with warnings.catch_warnings(), chart_style(THEME):
        warnings.simplefilter("error")
        fig = draw_chart(spec, chart_data(spec, STATS["growth"]), THEME)
        fig.canvas.draw()
        strings = {t.get_text() for t in fig.findobj(Text) if t.get_visible()}
        plt.close(fig)
    assert {"-20.0%", "1,400.0%", "2021년"} <= strings
    assert not any("nan" in s or "\u2212" in s for s in strings)


@pytest.mark.parametrize(("items", "expected"), [
    ([CountItem("가", 3, 0.3), CountItem("나", -1, -0.1)], "'charts.p.stat': a pie chart cannot show a negative "
                                                           "value ('나': -1)"),
    ([CountItem("가", 0, 0.0)], "'charts.p.stat': a pie chart needs values that sum to more than 0"),
])
def test_pie_refuses_data_it_cannot_show(items, expected, tmp_path):
    stats = {"s": Counts("s", "counts", P, items=items, total=10)}
    with pytest.raises(BriefError) as caught:
        render_chart("p", {"type": "pie", "stat": "s"}, stats, THEME, tmp_path, "brief.yaml")
    assert expected in str(caught.value)
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_a_bad_theme_palette_is_a_brief_error(tmp_path):
    (tmp_path / "t.yaml").write_text("colors:\n  chart_series: green\n", "utf-8")
    with pytest.raises(BriefError, match=r"^t.yaml:2:3, key 'colors.chart_series': must be a list"):
        load_theme("t.yaml", tmp_path)  # theme values are checked when the theme is loaded


def test_series_colors_give_labels_their_meaning():
    """A verdict keeps its colour in a pie and a stacked chart: theme names (positive,
    negative) or #RRGGBB by label; the other labels keep the series colours of their place."""
    pie = parse_spec("p", {"type": "pie", "stat": "by_year",
                           "series_colors": {"2023": "negative", "2022": "#123456"}}, STATS, "b.yaml")
    stacked = parse_spec("s", {"type": "stacked_bar", "stat": "xt", "series_colors": {"B": "negative"}},
                         STATS, "b.yaml")
    with chart_style(THEME):
        fig = draw_chart(pie, chart_data(pie, STATS["by_year"]), THEME)
        fills = [p.get_facecolor()[:3] for p in fig.axes[0].patches]
        plt.close(fig)
        fig = draw_chart(stacked, chart_data(stacked, STATS["xt"]), THEME)
        bars = [p.get_facecolor()[:3] for p in fig.axes[0].patches]
        plt.close(fig)

    def rgb(colour: str) -> tuple[float, ...]:
        return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))

    assert fills == [pytest.approx(rgb("#123456")), pytest.approx(rgb(THEME.color("negative")))]
    assert bars[-1] == pytest.approx(rgb(THEME.color("negative")))
    assert bars[0] == pytest.approx(rgb(THEME.data["colors"]["chart_series"][0]))


@pytest.mark.parametrize(("raw", "expected"), [
    ({"type": "bar", "stat": "by_year", "series_colors": {"2023": "negative"}}, "a bar chart has one colour"),
    ({"type": "pie", "stat": "by_year", "series_colors": {"2023": "red; x"}}, "must be '#RRGGBB' or a theme"),
    ({"type": "pie", "stat": "by_year", "series_colors": []}, "must map labels to colours"),
])
def test_bad_series_colors_name_the_key(raw, expected):
    with pytest.raises(BriefError, match=expected) as caught:
        parse_spec("c", raw, STATS, "b.yaml")
    assert caught.value.key == "charts.c.series_colors"


def test_series_colors_unknown_colour_is_located_an_absent_label_is_not():
    """A colour name the theme lacks is an error at the key; a label the data lacks this
    time (no partly-right verdict) is not, as the next snapshot may have it."""
    spec = parse_spec("c", {"type": "pie", "stat": "by_year", "series_colors": {"2023": "blurple"}},
                      STATS, "b.yaml")
    with chart_style(THEME), pytest.raises(BriefError, match="not a colour of the theme") as caught:
        draw_chart(spec, chart_data(spec, STATS["by_year"]), THEME, "b.yaml")
    assert caught.value.key == "charts.c.series_colors"
    absent = parse_spec("c", {"type": "pie", "stat": "by_year", "series_colors": {"2030": "negative"}},
                        STATS, "b.yaml")
    with chart_style(THEME):
        plt.close(draw_chart(absent, chart_data(absent, STATS["by_year"]), THEME, "b.yaml"))
