"""What a content template sees: ``stats``, ``facts``, ``tables``, ``data``, ``params`` and ``meta``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.data.snapshot import house_form
from briefgen.korean.josa import Josa
from briefgen.project import Project
from briefgen.template.render import Namespace
from briefgen.template.tables import build_tables


@dataclass(frozen=True)
class DataInfo:
    """A dataset as templates cite it: ``data.models.snapshot`` (ISO date or None), ``path``,
    ``rows`` (after filters) and ``unit`` (of its numbers, if declared or stated in the sheet)."""

    name: str
    path: str
    rows: int
    snapshot: str | None
    unit: str | None = None


def data_snapshot(project: Project, datasets: dict[str, Any]) -> str:
    """``meta.data_snapshot``: the declared value, else the first dataset's snapshot date in
    house form (``2025.05.``), else ""."""
    if project.data_snapshot:
        return project.data_snapshot
    return next((house_form(d.snapshot) for d in datasets.values() if d.snapshot), "")


def stated_snapshot(project: Project, dataset: Any) -> str:
    """The snapshot date the brief states for ``dataset``: its own, else ``meta.data_snapshot``."""
    return house_form(dataset.snapshot) if dataset.snapshot else project.data_snapshot


def template_context(project: Project, statistics: dict[str, Any], datasets: dict[str, Any],
                     josa: Josa) -> dict[str, Any]:
    """The names a content template renders with."""
    info = {name: DataInfo(name, d.path, len(d.frame), d.snapshot, d.unit) for name, d in datasets.items()}
    return {
        "stats": Namespace("statistic", statistics),
        "facts": Namespace("fact", project.facts),
        "tables": Namespace("table", build_tables(project.tables, statistics, josa,
                                                  project.config_file)),
        "data": Namespace("dataset", info),
        "params": Namespace("parameter", project.params),
        "meta": {
            "title": project.meta.title,
            "report_number": project.meta.report_number,
            "date": project.meta.date,
            "data_snapshot": data_snapshot(project, datasets),
        },
    }
