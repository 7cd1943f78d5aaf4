"""Query datasets (``data.NAME.sql``): SQLite with no server, PostgreSQL against a real server
started for the test (skipped, saying why, where none can be started), and the manifest: a
changed table rebuilds the brief and ``diff`` names it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from postgres_server import NoServer, postgres_url

from briefgen.build import build
from briefgen.data import load_datasets
from briefgen.errors import BriefError

ROWS = [("서울", 2022, 120.5), ("부산", 2022, 80.0), ("서울", 2023, 130.0), ("부산", 2023, None)]
QUERY = "SELECT region, year, amount FROM sales ORDER BY year, region"


def _sqlite(path: Path, rows=ROWS) -> None:
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE sales (region TEXT, year INTEGER, amount REAL)")
        db.executemany("INSERT INTO sales VALUES (?, ?, ?)", rows)
    db.close()


def _load(project: Path, **spec):
    return load_datasets({"s": {"sql": QUERY, **spec}}, project, "brief.yaml")["s"]


def test_a_sqlite_query_reads_like_a_csv(tmp_path):
    _sqlite(tmp_path / "sales.db")
    data = _load(tmp_path, url="sqlite:///sales.db", filters={"column": "year", "equals": 2023})
    assert data.path == "data.s (SQL)" and data.encoding == "sql" and data.rows_read == 4
    assert data.frame.values.tolist() == [["부산", "2023", ""], ["서울", "2023", "130"]]
    assert list(data.frame.index) == [3, 4]  # result rows, from 1
    assert data.numbers("amount").tolist()[1] == 130.0 and data.digest


def test_the_url_may_come_from_the_environment_and_never_holds_a_password(tmp_path, monkeypatch):
    _sqlite(tmp_path / "sales.db")
    monkeypatch.setenv("SALES_DB", "sqlite:///sales.db")
    assert len(_load(tmp_path, url_env="SALES_DB").frame) == 4
    with pytest.raises(BriefError, match=r"key 'data.s.url': url holds a password; put the URL in an "
                                         r"environment variable and name it with url_env"):
        _load(tmp_path, url="postgresql+psycopg://me:secret@db.example/x")


@pytest.mark.parametrize(("spec", "message"), [
    ({"url": "sqlite:///sales.db", "sql": "SELECT * FROM salez"},
     "brief.yaml, key 'data.s.sql': the query failed: no such table: salez"),
    ({"url": "sqlite:///gone.db"}, "brief.yaml, key 'data.s.url': data file 'gone.db' not found"),
    ({"url": "sqlite:///../x.db"}, "brief.yaml, key 'data.s.url': path '../x.db' must be relative to the project folder and stay inside it"),
    ({"url_env": "NO_SUCH_VARIABLE_X"}, "brief.yaml, key 'data.s.url_env': the environment variable NO_SUCH_VARIABLE_X is not set (it should hold the database URL)"),
    ({"url": "sqlite:///sales.db", "url_env": "X"}, "brief.yaml, key 'data.s': a query dataset needs url (without a password) or url_env (the environment variable holding the URL), not both"),
    ({"url": "sqlite:///sales.db", "path": "x.csv"}, "brief.yaml, key 'data.s.path': 'path' is for a data file; a query dataset (sql) has no path"),
    ({"url": "nonsense"}, "brief.yaml, key 'data.s.url': not a database URL (e.g. sqlite:///data/x.db, postgresql+psycopg://user@host/db)"),
    ({"url": "sqlite:///sales.db", "sql": "DELETE FROM sales"}, "brief.yaml, key 'data.s.sql': the query failed: attempt to write a readonly database"),
])
def test_query_mistakes_are_located(tmp_path, spec, message):
    _sqlite(tmp_path / "sales.db")
    with pytest.raises(BriefError) as error:
        load_datasets({"s": {"sql": QUERY, **spec}}, tmp_path, "brief.yaml")
    assert str(error.value).startswith(message)
    assert len(sqlite3.connect(tmp_path / "sales.db").execute("SELECT * FROM sales").fetchall()) == 4


BRIEF = """\
meta: {title: 지역별 매출, report_number: IS-001, date: 2024-08-26}
content: templates/content.md
data:
  s: {sql: "SELECT region, year, amount FROM sales ORDER BY year, region", url: "sqlite:///data/sales.db"}
statistics:
  total: {type: sum, data: s, column: amount}
output: {name: x, formats: [docx]}
"""


def test_a_changed_table_rebuilds_and_diff_names_the_query(tmp_path):
    project = tmp_path / "p"
    (project / "templates").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "brief.yaml").write_text(BRIEF, "utf-8")
    (project / "templates" / "content.md").write_text("# 현황\n\nㅇ 매출 합계는 {{ stats.total | num(1) }}임\n", "utf-8")
    _sqlite(project / "data" / "sales.db")
    first = build(project)
    assert not first.up_to_date and build(project).up_to_date  # the same rows: nothing to do
    _sqlite(project / "data" / "sales.db", [*ROWS, ("대구", 2023, 9.5)])
    third = build(project)
    assert not third.up_to_date and "340.0" in third.markup
    from briefgen.record.manifest import load_manifest
    from briefgen.regen.diff import diff_inputs

    old = load_manifest(project / "output" / ".x.manifest.prev.json")
    new = load_manifest(project / "output" / "x.manifest.json")
    changes = diff_inputs(old["inputs"], new["inputs"])
    assert [(c.group, c.old, c.new) for c in changes] == [("data", "data.s (SQL)", "data.s (SQL)")]


@pytest.fixture(scope="module")
def postgres():
    try:
        with postgres_url() as url:
            yield url
    except NoServer as reason:
        pytest.skip(f"no PostgreSQL server: {reason}")


def test_a_postgresql_query_through_a_url_from_the_environment(postgres, tmp_path, monkeypatch):
    import sqlalchemy

    engine = sqlalchemy.create_engine(postgres)
    with engine.begin() as db:
        db.exec_driver_sql("DROP TABLE IF EXISTS sales")
        db.exec_driver_sql("CREATE TABLE sales (region text, year integer, amount numeric(10, 1))")
        db.exec_driver_sql("INSERT INTO sales VALUES ('서울', 2022, 120.5), ('부산', 2022, 80), "
                           "('서울', 2023, 130), ('부산', 2023, NULL)")
    monkeypatch.setenv("BRIEF_DB", postgres)
    data = _load(tmp_path, url_env="BRIEF_DB")
    assert data.frame.values.tolist()[:2] == [["부산", "2022", "80.0"], ["서울", "2022", "120.5"]]
    assert data.numbers("amount").sum() == 330.5
    with pytest.raises(BriefError, match=r"key 'data.s.sql': the query failed: .*read-only transaction"):
        load_datasets({"s": {"sql": "INSERT INTO sales VALUES ('대구', 2023, 1) RETURNING region",
                             "url_env": "BRIEF_DB"}}, tmp_path, "brief.yaml")
    with engine.connect() as db:
        assert db.exec_driver_sql("SELECT count(*) FROM sales").scalar() == 4
    engine.dispose()


def test_a_server_that_cannot_be_reached_is_named_without_its_password(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEF_DB", "postgresql+psycopg://reader:s3cret@127.0.0.1:1/stats")
    with pytest.raises(BriefError) as error:
        _load(tmp_path, url_env="BRIEF_DB")
    message = str(error.value)
    assert message.startswith("brief.yaml, key 'data.s.url_env': cannot connect to "
                              "postgresql+psycopg://reader:***@127.0.0.1:1/stats: ")
    assert "s3cret" not in message and "\n" not in message


BOUND = "SELECT region, year, amount FROM sales WHERE region = :region AND year >= :since ORDER BY year"


def test_brief_parameters_reach_a_query_as_bound_parameters(tmp_path):
    _sqlite(tmp_path / "sales.db")
    data = load_datasets({"s": {"sql": BOUND, "url": "sqlite:///sales.db",
                                "params": {"region": "서울", "since": 2022}}}, tmp_path, "brief.yaml")["s"]
    assert data.frame.values.tolist() == [["서울", "2022", "120.5"], ["서울", "2023", "130"]]
    hostile = "서울' OR '1'='1"  # a value is data, never SQL: it matches no region
    with pytest.raises(BriefError, match="the query returns no rows"):
        load_datasets({"s": {"sql": BOUND, "url": "sqlite:///sales.db",
                             "params": {"region": hostile, "since": 0}}}, tmp_path, "brief.yaml")


@pytest.mark.parametrize(("params", "message"), [
    ({"region": "서울"}, "brief.yaml, key 'data.s.params': the query names :since, which params does not give"),
    ({"region": "서울", "since": 1, "until": 2}, "brief.yaml, key 'data.s.params.until': the query has no parameter :until (it names :region, :since)"),
    ({"region": ["서울"], "since": 1}, "brief.yaml, key 'data.s.params.region': the value of :region must be a text, a number or true/false"),
    ({"region": {"param": "region"}, "since": 1}, "brief.yaml, key 'data.s.params.region': the value of :region must be a text, a number or true/false (or {param: NAME} of a parameter declared under params:)"),
    ([], "brief.yaml, key 'data.s.params': params must map the query's parameter names to values"),
])
def test_query_parameter_mistakes_are_located(tmp_path, params, message):
    _sqlite(tmp_path / "sales.db")
    with pytest.raises(BriefError) as error:
        load_datasets({"s": {"sql": BOUND, "url": "sqlite:///sales.db", "params": params}}, tmp_path, "brief.yaml")
    assert str(error.value).startswith(message)


def test_params_belong_to_a_query(tmp_path):
    (tmp_path / "t.csv").write_text("a\n1\n", "utf-8")
    with pytest.raises(BriefError, match=r"key 'data.s.params': 'params' is for a query \(sql:\); a data file"):
        load_datasets({"s": {"path": "t.csv", "params": {"a": 1}}}, tmp_path, "brief.yaml")


PARAM_BRIEF = """\
meta: {title: "{region} 매출", report_number: IS-001, date: 2024-08-26}
content: templates/content.md
params:
  region: {type: text, default: 서울}
data:
  s:
    sql: "SELECT region, year, amount FROM sales WHERE region = :region ORDER BY year"
    url: "sqlite:///data/sales.db"
    params: {region: {param: region}}
statistics:
  total: {type: sum, data: s, column: amount}
output: {name: "sales-{region}", formats: [docx]}
"""


def test_a_brief_parameter_selects_the_rows_and_the_manifest_hashes_the_result(tmp_path):
    from briefgen.params import Setting
    from briefgen.record.manifest import load_manifest

    project = tmp_path / "p"
    (project / "templates").mkdir(parents=True)
    (project / "data").mkdir()
    (project / "brief.yaml").write_text(PARAM_BRIEF, "utf-8")
    (project / "templates" / "content.md").write_text("# 현황\n\nㅇ 매출 합계는 {{ stats.total | num(1) }}임\n", "utf-8")
    _sqlite(project / "data" / "sales.db")
    seoul = build(project)
    busan = build(project, settings=(Setting("region", "부산"),))
    assert "250.5" in seoul.markup and "80.0" in busan.markup
    digests = {}
    for region in ("서울", "부산"):
        manifest = load_manifest(project / "output" / f"sales-{region}.manifest.json")
        digests[region] = next(f["sha256"] for f in manifest["inputs"]["files"]["data"] if f["path"] == "data.s (SQL)")
    assert digests["서울"] != digests["부산"]
    assert build(project).up_to_date
    _sqlite(project / "data" / "sales.db", [*ROWS, ("서울", 2024, 1.0)])
    assert not build(project).up_to_date  # 서울's rows changed
    assert build(project, settings=(Setting("region", "부산"),)).up_to_date  # 부산's did not


def test_bound_parameters_on_postgresql(postgres, tmp_path, monkeypatch):
    import sqlalchemy

    engine = sqlalchemy.create_engine(postgres)
    with engine.begin() as db:
        db.exec_driver_sql("DROP TABLE IF EXISTS sales")
        db.exec_driver_sql("CREATE TABLE sales (region text, year integer, amount numeric(10, 1))")
        db.exec_driver_sql("INSERT INTO sales VALUES ('서울', 2022, 120.5), ('부산', 2022, 80), ('서울', 2023, 130)")
    engine.dispose()
    monkeypatch.setenv("BRIEF_DB", postgres)
    data = load_datasets({"s": {"sql": BOUND + ", region", "url_env": "BRIEF_DB",
                                "params": {"region": "서울", "since": 2023}}}, tmp_path, "brief.yaml")["s"]
    assert data.frame.values.tolist() == [["서울", "2023", "130.0"]]
