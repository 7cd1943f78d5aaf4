"""briefgen.data: reading (CSV/XLSX/JSON, encodings), columns, derive, multi-value cells, filters."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from briefgen.data import load_datasets
from briefgen.errors import BriefError

FIXTURES = Path(__file__).parent / "fixtures" / "data"
POPULATION = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "NA"]


def config(**changes) -> dict:
    """The fixture's ``data:`` section with top-level changes to the ``models`` dataset."""
    spec = yaml.safe_load((FIXTURES / "models.yaml").read_text(encoding="utf-8"))["data"]
    spec["models"].update(changes)
    return spec


def load(project: Path = FIXTURES, **changes):
    return load_datasets(config(**changes), project, "brief.yaml")["models"]


def test_population_and_provenance():
    ds = load()
    assert ds.rows_read == 14
    assert list(ds.frame["model"]) == POPULATION  # 2019, 2024 and the bad date are filtered out
    assert ds.filters == ["year between 2020 and 2023"]
    assert ds.path == "models.csv"
    assert ds.encoding == "utf-8"
    assert ds.multi == {"organization", "country", "domain", "task", "org_category"}
    assert ds.sources["organization"] == "Org"  # first present alias wins
    assert ds.sources["year"] == "Date"
    assert list(ds.frame.index[:2]) == [3, 4]  # spreadsheet rows: header is row 1


def test_cells_stay_text_and_never_become_nan():
    ds = load(filters=None)
    assert ds.frame.at[13, "model"] == "NA"  # not read as missing
    assert ds.frame.at[4, "compute"] == ""  # empty cell is ""
    values = [v for col in ds.frame.columns for v in ds.frame[col] if isinstance(v, str)]
    assert "nan" not in values
    assert ds.frame["year"].isna().sum() == 1  # "not a date" → empty, filtered by between


def test_multi_value_pipeline():
    rows = {r["model"]: r for r in load().frame.to_dict("records")}
    assert rows["B"]["organization"] == ("Google",)  # mapped, then de-duplicated
    assert rows["D"]["country"] == ("중국",)  # "China,China" → one
    assert rows["D"]["task"] == ("언어 생성", "Image captioning")  # newline inside the cell
    assert rows["C"]["task"] == ("Chat",)
    assert rows["E"]["task"] == ()
    assert rows["I"]["organization"] == ("OpenAI", "Microsoft")  # spaces stripped


@pytest.mark.parametrize(
    ("model", "country"),
    [
        ("B", ("미국",)),  # only Multinational → first organisation (Google Brain → Google) → US
        ("E", ("영국",)),  # Multinational dropped, the real country stays
        ("F", ("영국",)),  # Stability AI → UK
        ("J", ("미국",)),  # Hugging Face → US
        ("NA", ()),  # organisation not in the fallback map → no country
        ("K", ("프랑스",)),
    ],
)
def test_multinational_rule(model, country):
    frame = load().frame
    assert frame.loc[frame["model"] == model, "country"].iloc[0] == country


@pytest.mark.parametrize(
    ("name", "encoding"), [("models-cp949.csv", "cp949"), ("models-bom.csv", "utf-8-sig")]
)
def test_encodings_detected(name, encoding):
    reference = load().frame
    ds = load(path=name)
    assert ds.encoding == encoding
    assert ds.sources["model"] == "Name"  # no BOM glued to the first header
    assert ds.frame.equals(reference)


def test_explicit_wrong_encoding_is_an_error():
    with pytest.raises(BriefError, match="cannot decode as utf-8"):
        load(path="models-cp949.csv", encoding="utf-8")


def test_xlsx_gives_the_same_population(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "models"
    sheet.append(["Name", "Date", "Org", "Country", "Domain", "Task", "Category", "Compute"])
    sheet.append(
        [
            "X",
            dt.datetime(2020, 5, 1),
            "Google Brain",
            "Multinational",
            "Language",
            None,
            "Industry",
            2e23,
        ]
    )
    sheet.append(
        [
            "Y",
            dt.datetime(2023, 1, 2),
            "OpenAI",
            "United States of America",
            "Language",
            "Chat",
            "Industry",
            None,
        ]
    )
    sheet.append(["Z", dt.datetime(2019, 1, 2), "OpenAI", "China", "Vision", "", "", 1])
    book.save(tmp_path / "models.xlsx")
    ds = load(tmp_path, path="models.xlsx", sheet="models")
    assert ds.encoding == "xlsx"
    assert list(ds.frame["model"]) == ["X", "Y"]
    assert list(ds.frame["year"]) == [2020, 2023]
    assert list(ds.frame["country"]) == [("미국",), ("미국",)]
    assert list(ds.frame["compute"]) == ["2e+23", ""]
    with pytest.raises(BriefError, match="sheet 'nope' not found"):
        load(tmp_path, path="models.xlsx", sheet="nope")


def test_json_records(tmp_path):
    (tmp_path / "m.json").write_text(
        '[{"Name": "X", "Date": "2021-01-01", "Org": "A", "Country": "France", "Domain": "",'
        ' "Task": null, "Category": "Industry", "Compute": 3e23}]',
        encoding="utf-8",
    )
    ds = load(tmp_path, path="m.json")
    assert ds.frame.iloc[0]["task"] == ()
    assert ds.frame.iloc[0]["compute"] == "3e+23"
    assert ds.frame.iloc[0]["country"] == ("프랑스",)


def test_missing_column_names_file_and_alternatives():
    with pytest.raises(BriefError) as info:
        load(columns={"model": "Name", "country": ["Country (from Organization)", "Land"]})
    err = info.value
    assert err.source == "brief.yaml"  # the config names the column; the message names the file
    assert 'column "Country (from Organization)" or "Land" not found in models.csv' in err.message
    assert "available: Name, Date, Org" in err.message


@pytest.mark.parametrize("path", ["../models.csv", "/etc/passwd", "sub/../../x.csv"])
def test_paths_must_stay_inside_the_project(path):
    with pytest.raises(BriefError, match="inside"):
        load(path=path)


def test_symlink_out_of_the_project_is_rejected(tmp_path):
    outside = tmp_path / "outside.csv"
    shutil.copy(FIXTURES / "models.csv", outside)
    project = tmp_path / "project"
    project.mkdir()
    (project / "link.csv").symlink_to(outside)
    with pytest.raises(BriefError, match="outside the project"):
        load(project, path="link.csv")


def test_unknown_keys_suggest_the_closest():
    with pytest.raises(BriefError) as info:
        load(filter=[])
    assert "did you mean 'filters'?" in info.value.message
    assert info.value.key == "data.models.filter"
    with pytest.raises(BriefError, match="did you mean 'year'"):
        load(filters=[{"column": "yaer", "min": 2020}])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ([{"column": "year", "equals": 2023}], ["I", "J", "K", "NA"]),
        ([{"column": "country", "contains": "한국"}], ["C", "H"]),
        ([{"column": "country", "in": ["중국", "프랑스"]}], ["D", "K"]),
        ([{"column": "year", "min": 2022}, {"column": "task", "empty": True}], ["J"]),
        ([{"column": "organization", "min_tokens": 2}], ["D", "I"]),
        ([{"column": "compute", "min": 1e24}], ["I", "K", "N"]),
        (
            [{"any": [{"column": "year", "max": 2019}, {"column": "model", "equals": "N"}]}],
            ["A", "N"],
        ),
        ([{"column": "org_category", "not_in": ["Industry"]}], ["J", "NA"]),
        ([{"column": "model", "contains": "A"}], ["A", "NA"]),  # text column: substring
    ],
)
def test_filters(filters, expected):
    assert list(load(filters=filters).frame["model"]) == expected


def test_non_numeric_cell_in_numeric_filter_names_row_and_column(tmp_path):
    text = (FIXTURES / "models.csv").read_text(encoding="utf-8").replace(",5e23", ",lots")
    (tmp_path / "models.csv").write_text(text, encoding="utf-8")
    with pytest.raises(BriefError) as info:
        load(tmp_path, filters=[{"column": "compute", "min": 1}])
    assert str(info.value) == "models.csv: row 6, column \"Compute\": not a number: 'lots'"


def test_map_file(tmp_path):
    shutil.copy(FIXTURES / "models.csv", tmp_path / "models.csv")
    (tmp_path / "countries.yaml").write_text("China: CN\nFrance: FR\n", encoding="utf-8")
    spec = config()
    spec["models"]["multi"]["country"].pop("map")
    spec["models"]["multi"]["country"]["map_file"] = "countries.yaml"
    frame = load_datasets(spec, tmp_path, "brief.yaml")["models"].frame
    assert list(frame["country"].iloc[:4]) == [
        ("United States of America",),
        ("Korea (Republic of)",),
        ("CN",),
        ("United Kingdom of Great Britain and Northern Ireland",),
    ]


def test_semicolon_delimiter(tmp_path):
    text = (FIXTURES / "models.csv").read_text(encoding="utf-8")
    (tmp_path / "models.csv").write_text(text.replace(",", ";"), encoding="utf-8")
    ds = load(tmp_path, delimiter=";")
    assert list(ds.frame["model"]) == POPULATION
    # every comma became ";", also inside quoted cells, and multi cells still split on ","
    assert ds.frame.iloc[0]["task"] == ("Language modelling; Translation",)
