"""The one error type for wrong user input (config, data, template, fonts)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BriefError(Exception):
    """A problem in the user's input, located as precisely as we can.

    ``str(error)`` is the one-line message the CLI prints, e.g.
    ``templates/content.md:42: unknown statistic 'totl'`` or
    ``data/models.csv: row 12, column "Country": not a number: 'abc'``.
    """

    message: str
    source: str | None = None
    line: int | None = None
    column: int | None = None
    cell: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def location(self) -> str:
        """``file:line:col`` (or the config key / data cell) prefix, possibly empty."""
        parts = []
        if self.source:
            loc = self.source
            if self.line is not None:
                loc += f":{self.line}"
                if self.column is not None:
                    loc += f":{self.column}"
            parts.append(loc)
        if self.key:
            parts.append(f"key '{self.key}'")
        where = ", ".join(parts)
        if self.cell:  # data.csv: row 12, column "Country"
            return f"{where}: {self.cell}" if where else self.cell
        return where

    def __str__(self) -> str:
        loc = self.location()
        text = " ".join(self.message.split())
        return f"{loc}: {text}" if loc else text
