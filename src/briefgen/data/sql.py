"""A dataset that is a query: ``data.NAME.sql`` run through SQLAlchemy (the ``sql`` extra).

The database is named by ``url`` (a SQLAlchemy URL without a password: ``sqlite:///data/x.db``)
or ``url_env`` (the environment variable holding the URL, so a password never sits in
brief.yaml). A SQLite file is relative to the project folder, must stay inside it and is
opened read-only; other databases (``postgresql+psycopg://…``, the ``postgres`` extra) are read
in a read-only transaction where the dialect has one. The result is read like a CSV (every
value as the text a spreadsheet would show) and hashed, so the build's up-to-date check and
``briefgen diff`` see a changed table as they see a changed file.

``params`` gives values to the query's named parameters (``WHERE region = :region`` with
``params: {region: {param: region}}``, a brief parameter, or a plain value). They are passed
to the database driver as bound parameters, never written into the SQL text, so a value
cannot change what the query does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from briefgen.cache.inputs import sha256_json
from briefgen.data.limits import MAX_CELLS, MAX_ROWS
from briefgen.data.parquet import frame_of_texts
from briefgen.data.paths import project_path
from briefgen.errors import BriefError

SQL_KEYS = ("sql", "url", "url_env", "params")
CONNECT_TIMEOUT = 10  # seconds to connect to a PostgreSQL server
STATEMENT_TIMEOUT = 120_000  # milliseconds a PostgreSQL query may run


@dataclass(frozen=True)
class QueryResult:
    """A query's rows as cell texts (index: result row numbers from 1) and their sha256."""

    label: str
    frame: pd.DataFrame
    sha256: str


def is_query(spec: object) -> bool:
    """The dataset ``spec`` declares a query rather than a file."""
    return isinstance(spec, dict) and "sql" in spec


def query_label(name: str) -> str:
    """How a query dataset is named in messages and the manifest: ``data.sales (SQL)``."""
    return f"data.{name} (SQL)"


def run_queries(spec: object, project_dir: Path, config_file: str) -> dict[str, QueryResult]:
    """Run every query dataset of the ``data:`` section (name → result); none: no import."""
    if not isinstance(spec, dict):
        return {}
    return {str(name): run_query(str(name), body, project_dir, config_file)
            for name, body in spec.items() if is_query(body)}


def run_query(name: str, spec: dict[str, Any], project_dir: Path, config_file: str) -> QueryResult:
    """Connect, run ``spec['sql']`` and read every row (at most the data limits)."""
    key = f"data.{name}"
    query = spec["sql"]
    if not isinstance(query, str) or not query.strip():
        raise BriefError("sql must be the text of a query (SELECT …)", source=config_file, key=f"{key}.sql")
    try:
        import sqlalchemy
        from sqlalchemy import exc as sa_exc
    except ImportError:
        raise BriefError("a query dataset needs SQLAlchemy: pip install 'briefgen[sql]' "
                         "(PostgreSQL: 'briefgen[postgres]')", source=config_file, key=f"{key}.sql") from None
    binds = _binds(sqlalchemy.text(query), spec, config_file, key) if "params" in spec else None
    url = _url(spec, project_dir, config_file, key)
    shown = url.render_as_string(hide_password=True)
    try:
        engine = sqlalchemy.create_engine(url, connect_args=_connect_args(url), poolclass=sqlalchemy.NullPool)
    except (sa_exc.NoSuchModuleError, ImportError) as exc:
        raise BriefError(f"no database driver for {url.drivername!r} ({_first_line(exc)}); for PostgreSQL: "
                         "pip install 'briefgen[postgres]' and a URL postgresql+psycopg://…",
                         source=config_file, key=_url_key(spec, key)) from None
    label = query_label(name)
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(postgresql_readonly=True) \
                if url.get_backend_name() == "postgresql" else connection
            result = connection.exec_driver_sql(query) if binds is None \
                else connection.execute(sqlalchemy.text(query), binds)
            if not result.returns_rows:
                raise BriefError("the query returns no rows (it must be a SELECT)",
                                 source=config_file, key=f"{key}.sql")
            names = result.keys()  # a RowMapping's keys, not a dict's
            columns = [str(c) for c in names]
            rows = result.fetchmany(MAX_ROWS + 1)
            connection.rollback()
    except sa_exc.DBAPIError as exc:
        where = f"{key}.sql" if _ran(exc) else _url_key(spec, key)
        what = "the query failed" if where.endswith(".sql") else f"cannot connect to {shown}"
        raise BriefError(f"{what}: {_first_line(exc.orig or exc)}", source=config_file, key=where) from None
    except sa_exc.SQLAlchemyError as exc:
        raise BriefError(f"the query failed: {_first_line(exc)}", source=config_file, key=f"{key}.sql") from None
    finally:
        engine.dispose()
    if len(rows) > MAX_ROWS or len(rows) * len(columns) > MAX_CELLS:
        raise BriefError(f"the query returns more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells (the limits "
                         "of briefgen)", source=config_file, key=f"{key}.sql")
    frame = frame_of_texts(columns, rows)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return QueryResult(label, frame, sha256_json([columns, frame.values.tolist()]))


def _binds(statement: Any, spec: dict[str, Any], config_file: str, key: str) -> dict[str, Any]:
    """The values of ``spec['params']`` for the named parameters of ``statement`` (a
    SQLAlchemy text clause): each a text, number or true/false; every name the query uses
    given, every name given used."""
    values = spec["params"]
    if not isinstance(values, dict) or not values:
        raise BriefError("params must map the query's parameter names to values (params: {region: "
                         "{param: region}} for WHERE region = :region)", source=config_file, key=f"{key}.params")
    wanted = list(statement.compile().params)
    for name in wanted:
        if name not in values:
            raise BriefError(f"the query names :{name}, which params does not give", source=config_file,
                             key=f"{key}.params")
    for name, value in values.items():
        where = f"{key}.params.{name}"
        if name not in wanted:
            named = ", ".join(f":{n}" for n in wanted) or "none"
            raise BriefError(f"the query has no parameter :{name} (it names {named})",
                             source=config_file, key=where)
        if not isinstance(value, str | int | float | bool):
            raise BriefError(f"the value of :{name} must be a text, a number or true/false (or {{param: NAME}} "
                             f"of a parameter declared under params:), got {value!r}",
                             source=config_file, key=where)
    return {str(name): value for name, value in values.items()}


def _url(spec: dict[str, Any], project_dir: Path, config_file: str, key: str) -> Any:
    """The SQLAlchemy URL of ``url`` or ``url_env``; a SQLite file resolved in the project."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if ("url" in spec) == ("url_env" in spec):
        both = ", not both" if "url" in spec else ""
        raise BriefError("a query dataset needs url (without a password) or url_env (the environment "
                         f"variable holding the URL){both}", source=config_file, key=key)
    if "url_env" in spec:
        variable = str(spec["url_env"])
        text = os.environ.get(variable, "")
        if not text.strip():
            raise BriefError(f"the environment variable {variable} is not set (it should hold the "
                             "database URL)", source=config_file, key=f"{key}.url_env")
    else:
        text = str(spec["url"])
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise BriefError("not a database URL (e.g. sqlite:///data/x.db, postgresql+psycopg://user@host/db)",
                         source=config_file, key=_url_key(spec, key)) from None
    if "url" in spec and url.password:
        raise BriefError("url holds a password; put the URL in an environment variable and name it "
                         "with url_env", source=config_file, key=f"{key}.url")
    if url.get_backend_name() != "sqlite":
        return url
    if not url.database or url.database == ":memory:":
        raise BriefError("a SQLite URL must name a database file in the project (sqlite:///data/x.db)",
                         source=config_file, key=_url_key(spec, key))
    path = project_path(url.database, project_dir, config_file, _url_key(spec, key))
    return url.set(database=f"file:{path.as_posix()}", query={"mode": "ro", "uri": "true"})


def _connect_args(url: Any) -> dict[str, Any]:
    if url.get_backend_name() != "postgresql":
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT, "options": f"-c statement_timeout={STATEMENT_TIMEOUT}"}


def _url_key(spec: dict[str, Any], key: str) -> str:
    return f"{key}.url_env" if "url_env" in spec else f"{key}.url"


def _ran(exc: Any) -> bool:
    """The error came from running the statement, not from connecting."""
    return bool(getattr(exc, "statement", None))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split()) if text else type(exc).__name__
