"""``tables:`` in brief.yaml → markdown pipe tables built from statistics (``{{ tables.NAME }}``).

Each column prints one field of the statistic's items through a Korean template filter
(``format: pct``); every cell is escaped like any printed value, and numeric columns are
right-aligned (S29).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.data.keys import check_keys, expect_mapping, suggest
from briefgen.errors import BriefError
from briefgen.korean.josa import Josa
from briefgen.stats.results import Counts, Crosstab, Cumulative, Growth, Rows, Stat, Sums
from briefgen.template.filters import korean_filters
from briefgen.template.render import Markup, escape_markup

TABLE_KEYS = ("stat", "top", "columns", "total")
COLUMN_KEYS = ("header", "value", "format")
TOTAL_KEYS = ("label",)
DEFAULT_FORMATS = {
    "label": None, "count": "num", "share": "pct", "rank": None, "value": "num", "rows": "num",
    "previous": "num", "change": "num", "rate": "pct", "cumulative": "num", "total": "num",
}
KINDS = "counts, sums, growth, cumulative, crosstab or rows"

Record = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One declared column: its header, the item field it prints and the filter to print it."""

    header: str
    value: str
    format: str | None


def build_tables(
    spec: dict, statistics: dict[str, Stat], josa: Josa, config_file: str
) -> dict[str, Markup]:
    """Every table declared under ``tables:``, as markup ready to print in the template."""
    spec = expect_mapping(spec or {}, config_file, "tables")
    formats = korean_filters(josa)
    return {
        str(name): _Table(str(name), body, statistics, formats, config_file).markup()
        for name, body in spec.items()
    }


class _Table:
    """One table being built: its config, statistic, columns and error location."""

    def __init__(
        self,
        name: str,
        body: Any,
        statistics: dict[str, Stat],
        formats: dict[str, Callable[..., str]],
        config_file: str,
    ) -> None:
        self.name, self.config_file, self.formats = name, config_file, formats
        self.key = f"tables.{name}"
        body = expect_mapping(body, config_file, self.key)
        check_keys(body, TABLE_KEYS, config_file, self.key, required=("stat",))
        stat = body["stat"]
        if not isinstance(stat, str) or stat not in statistics:
            raise self.error(f"unknown statistic '{stat}'{suggest(str(stat), statistics)}", "stat")
        self.stat = statistics[stat]
        self.records, self.fields = _records(self.stat, self.error)
        top = body.get("top")
        if top is not None:
            if not isinstance(top, int) or isinstance(top, bool) or top < 1:
                raise self.error(f"top must be a positive integer, got {top!r}", "top")
            self.records = self.records[:top]
        self.columns = self.read_columns(body.get("columns"))
        self.total = self.read_total(body.get("total"))

    def error(self, message: str, key: str | None = None) -> BriefError:
        full = f"{self.key}.{key}" if key else self.key
        return BriefError(f"table '{self.name}': {message}", source=self.config_file, key=full)

    def read_columns(self, spec: Any) -> list[Column]:
        if spec is None:
            return [Column(f, f, DEFAULT_FORMATS.get(f, _default(self.stat))) for f in self.fields]
        if not isinstance(spec, list) or not spec:
            raise self.error("'columns' must be a list of {header, value, format}", "columns")
        columns = []
        for index, body in enumerate(spec):
            key = f"{self.key}.columns.{index}"
            body = expect_mapping(body, self.config_file, key)
            check_keys(body, COLUMN_KEYS, self.config_file, key, required=("value",))
            value = str(body["value"])
            if value not in self.fields:
                raise self.error(
                    f"unknown value '{value}'{suggest(value, self.fields)} "
                    f"(fields of '{self.stat.name}': {', '.join(self.fields)})",
                    f"columns.{index}.value",
                )
            fmt = body.get("format")
            if fmt is not None and (not isinstance(fmt, str) or fmt not in self.formats):
                raise self.error(
                    f"unknown format '{fmt}'{suggest(str(fmt), self.formats)} "
                    f"(formats: {', '.join(sorted(self.formats))})",
                    f"columns.{index}.format",
                )
            columns.append(Column(str(body.get("header", value)), value, fmt))
        return columns

    def read_total(self, spec: Any) -> Record | None:
        if spec is None:
            return None
        spec = expect_mapping(spec, self.config_file, f"{self.key}.total")
        check_keys(spec, TOTAL_KEYS, self.config_file, f"{self.key}.total")
        record = _total(self.stat)
        if record is None:
            raise self.error(f"a total row needs a counts, sums, growth, cumulative or crosstab "
                             f"statistic, not {self.stat.kind}", "total")
        label_column = next((c.value for c in self.columns if c.value == "label"), None)
        return {**record, label_column or self.columns[0].value: str(spec.get("label", "합계"))}

    def markup(self) -> Markup:
        """The pipe table: header, alignment row (numbers right-aligned) and rows."""
        rows = [[self.cell(record, index) for index in range(len(self.columns))]
                for record in self.records]
        if self.total is not None:
            rows.append([self.cell(self.total, index, total=True)
                         for index in range(len(self.columns))])
        align = ["---:" if self.numeric(column) else ":---" for column in self.columns]
        header = [escape_markup(column.header) for column in self.columns]
        return Markup("\n".join(_line(cells) for cells in [header, align, *rows]))

    def numeric(self, column: Column) -> bool:
        """Right-align a column whose cells are numbers (or empty); labels stay left."""
        if column.value == "label":
            return False
        values = [_number(record.get(column.value)) for record in self.records]
        return bool(values) and all(_is_number(v) or v in (None, "") for v in values)

    def cell(self, record: Record, index: int, total: bool = False) -> str:
        column = self.columns[index]
        if column.value not in record:
            return "" if total else "-"
        value = record[column.value]
        if value is None:
            return "-"
        if column.format is None or value == "":
            return escape_markup(value)
        try:
            text = self.formats[column.format](_number(value))
        except (BriefError, TypeError, ValueError, ArithmeticError) as exc:
            detail = exc.message if isinstance(exc, BriefError) else str(exc)
            raise self.error(f"cannot print {value!r} with format '{column.format}': {detail}",
                             f"columns.{index}.format") from None
        return escape_markup(text)


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: Any) -> Any:
    """A number-like text cell (of a ``rows`` table) as a number; anything else unchanged."""
    if not isinstance(value, str):
        return value
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        return value
    return int(number) if number.is_integer() and number == number else number


def _default(stat: Stat) -> str | None:
    """The default format of a field outside DEFAULT_FORMATS (a crosstab column: a count)."""
    return "num" if isinstance(stat, Crosstab) else None


def _records(stat: Stat, error: Callable[..., BriefError]) -> tuple[list[Record], list[str]]:
    """The statistic as table records, and the fields a column may print."""
    if isinstance(stat, Counts):
        fields = ["label", "count", "share", "rank"]
    elif isinstance(stat, Sums):
        fields = ["label", "value", "share", "rows", "rank"]
    elif isinstance(stat, Growth):
        fields = ["label", "value", "count", "previous", "change", "rate"]
    elif isinstance(stat, Cumulative):
        fields = ["label", "count", "cumulative", "share"]
    elif isinstance(stat, Crosstab):
        clash = next((c for c in stat.col_labels if c in ("label", "total")), None)
        if clash is not None:
            raise error(f"crosstab '{stat.name}' has a column labelled {clash!r}, "
                        "which clashes with the table field of that name", "stat")
        fields = ["label", *stat.col_labels, "total"]
        records = [
            {"label": row, **dict(zip(stat.col_labels, cells, strict=True)), "total": sum(cells)}
            for row, cells in zip(stat.row_labels, stat.cells, strict=True)
        ]
        return records, fields
    elif isinstance(stat, Rows):
        return [dict(record) for record in stat.records], list(stat.columns)
    else:
        raise error(f"statistic '{stat.name}' is a {stat.kind}; tables need {KINDS}", "stat")
    return [_item_record(item, fields) for item in stat.items], fields


def _item_record(item: Any, fields: list[str]) -> Record:
    record = {f: getattr(item, f) for f in fields}
    if getattr(item, "printed_share", None) is not None:
        record["share"] = item.printed_share  # the share rounded by largest remainder
    return record


def _total(stat: Stat) -> Record | None:
    """The total row's values (fields it leaves out print empty)."""
    if isinstance(stat, Counts):
        return {"count": stat.total, "share": 1.0}
    if isinstance(stat, Sums):
        return {"value": stat.total, "share": 1.0, "rows": stat.provenance.rows}
    if isinstance(stat, Growth):
        amount = sum(item.value for item in stat.items)
        return {"value": amount, "count": amount}
    if isinstance(stat, Cumulative):
        return {"count": stat.total, "cumulative": stat.total, "share": 1.0}
    if isinstance(stat, Crosstab):
        columns = {c: sum(row[j] for row in stat.cells) for j, c in enumerate(stat.col_labels)}
        return {**columns, "total": sum(map(sum, stat.cells))}
    return None
