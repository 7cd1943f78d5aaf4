"""Brief parameters and series: values in place, the series' briefs, shards, the worker pool,
and ``briefgen build`` of a series as a user runs it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen import schedule
from briefgen.cli import main
from briefgen.errors import BriefError
from briefgen.params import Setting, apply, cli_setting, declare, fill, resolve
from briefgen.scaffold import create_project
from briefgen.series.plan import Shard, parse_shard, plan_series

LINES = {"params": 1, "params.year": 2, "output.name": 9}


def test_declared_values_are_typed_and_given_values_converted():
    declared = declare({"region": "서울", "year": {"type": "int", "default": 2023},
                        "share": {"type": "number"}, "final": {"type": "bool", "default": False}},
                       "brief.yaml", LINES)
    assert [p.type for p in declared.values()] == ["text", "int", "number", "bool"]
    values = resolve(declared, [cli_setting("year=2024"), cli_setting("share=0.5"), cli_setting("final=yes")],
                     "brief.yaml", LINES)
    assert values == {"year": 2024, "share": 0.5, "final": True, "region": "서울"}
    given = [Setting("region", 2023), Setting("share", 1)]  # as a data cell or YAML gives them
    assert resolve(declared, given, "b", {}) == {"region": "2023", "share": 1, "year": 2023, "final": False}


def test_values_stand_in_the_config_and_patterns():
    raw = {"params": {}, "data": {"d": {"filters": [{"column": "year", "between": [{"param": "year"}, 2025]}]}},
           "meta": {"title": "{region} 현황", "keywords": ["{region}", "AI"]},
           "output": {"name": "brief-{region}-{year:04d}"}}
    out = apply(raw, {"region": "부산", "year": 23}, "brief.yaml", LINES)
    assert out["data"]["d"]["filters"][0]["between"] == [23, 2025]  # typed, not text
    assert out["meta"] == {"title": "부산 현황", "keywords": ["부산", "AI"]}
    assert out["output"]["name"] == "brief-부산-0023"
    assert raw["meta"]["title"] == "{region} 현황"  # the parsed config is left as it was
    assert fill("{{literal}} {region}", {"region": "서울"}, "meta.title", "b", {}) == "{literal} 서울"
    with pytest.raises(BriefError, match=r"unknown parameter 'region.__class__'"):
        fill("{region.__class__}", {"region": "서울"}, "meta.title", "b", {})


def test_a_shard_keeps_every_nth_brief_and_the_shards_cover_the_series_once():
    numbers = range(1, 12)
    parts = [[n for n in numbers if Shard(i, 4).keeps(_brief(n))] for i in range(1, 5)]
    assert parts[0] == [1, 5, 9] and parts[3] == [4, 8]
    assert sorted(sum(parts, [])) == list(numbers)
    assert parse_shard("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "a/b", "3", "-1/2"):
        with pytest.raises(BriefError, match="a shard is i/n"):
            parse_shard(bad)


def _brief(number: int):
    from briefgen.series.plan import Brief

    return Brief(number, (), {}, f"b{number}")


def test_the_worker_pool_forks_its_workers_once_and_they_fork_no_jobs():
    """Eight items on two workers: two processes (not eight), neither this one, and a build
    inside a worker runs its jobs inline."""
    if not schedule.can_fork():
        pytest.skip("no fork here")
    with schedule.WorkerPool(_where, 2) as pool:
        results = list(pool.results(list(range(8))))
    assert sorted(i for i, _, _ in results) == list(range(8))
    pids = {r[0] for _, r, _ in results}
    assert len(pids) <= 2 and os.getpid() not in pids
    assert all(r[1] is False for _, r, _ in results)
    with schedule.jobs_inline():  # a series built by this one process
        assert not schedule.can_fork()
    assert schedule.can_fork()


def _where(_: int) -> tuple[int, bool]:
    return os.getpid(), schedule.can_fork()


def region_series(tmp_path: Path, series: str) -> Path:
    """The new-project scaffold as a series by region (수도권, 비수도권)."""
    project = tmp_path / "regions"
    create_project(project)
    config = project / "brief.yaml"
    text = config.read_text("utf-8")
    for old, new in (
        ("content: templates/content.md",
         f"params:\n  region: {{type: text, default: 수도권}}\n\nseries: {series}\n\ncontent: templates/content.md"),
        ("      - {column: year, between: [2021, 2023]}",
         "      - {column: year, between: [2021, 2023]}\n      - {column: region, equals: {param: region}}"),
        ("  name: regions", "  name: regions-{region}"),
        ("  formats: [docx, pdf]", "  formats: [pdf]"),
        ("  title: 기업의 AI 도입 현황과 시사점", "  title: \"{region} 기업의 AI 도입 현황과 시사점\""),
    ):
        assert old in text, old
        text = text.replace(old, new)
    config.write_text(text, "utf-8")
    return project


def test_a_series_from_a_data_column_lists_its_values_in_order(tmp_path):
    """``series: {data: firms, column: region}``: the dataset's filter on the parameter is not
    applied while listing (it would keep only the default's rows)."""
    project = region_series(tmp_path, "{data: firms, column: region}")
    briefs = plan_series(project)
    assert [(b.number, b.label, b.name) for b in briefs] == [
        (1, "region=수도권", "regions-수도권"), (2, "region=비수도권", "regions-비수도권")]
    assert briefs[1].settings[0].where["cell"] == 'row 3, column "region"'


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_a_series_each_brief_with_its_own_outputs_and_up_to_date_check(tmp_path):
    project = region_series(tmp_path, "[{region: 수도권}, {region: 비수도권}]")
    code, out, err = run("build", str(project), "-j", "2")
    assert code == 0, err
    assert out.strip().startswith("series: 2 briefs, 2 built, 0 up to date, 0 failed in ")
    assert out.strip().endswith("s (2 processes)")
    pdfs = sorted(p.name for p in (project / "output").glob("*.pdf"))
    assert pdfs == ["regions-비수도권.pdf", "regions-수도권.pdf"]
    assert sorted(p.name for p in (project / ".briefgen-cache" / "briefs").iterdir()) == [
        "regions-비수도권", "regions-수도권"]
    from pdfplumber import open as open_pdf

    with open_pdf(project / "output" / "regions-비수도권.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "비수도권 기업의 AI 도입 현황과 시사점" in text  # the title's pattern
    assert "조사한 기업은 모두 4개" in text  # the rows of 비수도권 only: 4 of the 12 firms
    code, out, _ = run("build", str(project), "-j", "1")
    assert code == 0 and "2 briefs, 0 built, 2 up to date" in out
    code, out, _ = run("build", str(project), "--json")
    assert code == 0 and [(b["name"], b["up_to_date"]) for b in json.loads(out)] == [
        ("regions-수도권", True), ("regions-비수도권", True)]
    code, out, _ = run("build", str(project), "--param", "region=비수도권")
    assert code == 0 and out.startswith("up to date (") and "regions-비수도권.pdf" in out
    from briefgen.regen.watch import rebuild  # watch --param rebuilds that brief

    ok, line = rebuild(project, settings=(Setting("region", "비수도권"),))
    assert ok and " up to date (" in line, line
    code, out, _ = run("build", str(project), "--shard", "2/2", "--force")
    assert code == 0 and out.startswith("series: 1 briefs, 1 built")


def test_another_parameter_value_into_the_same_outputs_is_a_rebuild_and_diff_names_it(tmp_path):
    """One output name for every value (no pattern): building 비수도권 after 수도권 must not
    say "up to date", and diff names the parameter that changed."""
    project = region_series(tmp_path, "[{region: 수도권}]")
    config = project / "brief.yaml"
    config.write_text(config.read_text("utf-8").replace("regions-{region}", "regions"), "utf-8")
    config.write_text(config.read_text("utf-8").replace("series: [{region: 수도권}]\n\n", ""), "utf-8")
    code, out, err = run("build", str(project), "--param", "region=수도권")
    assert code == 0 and "\nbuilt in " in out, (out, err)
    code, out, err = run("build", str(project), "--param", "region=비수도권")
    assert code == 0 and "\nbuilt in " in out, (out, err)
    code, out, _ = run("build", str(project), "--param", "region=비수도권")
    assert code == 0 and out.startswith("up to date (")
    code, out, err = run("diff", str(project), "--param", "region=비수도권")
    assert code == 0, err
    assert "매개변수: region=수도권 → region=비수도권" in out


def test_a_failed_brief_is_reported_and_the_others_are_built(tmp_path):
    """A brief whose claim fails for its region: exit 1, its line and a summary naming it; the
    other brief is built all the same and the earlier outputs of the failed one stay."""
    project = region_series(tmp_path, "[{region: 수도권}, {region: 비수도권}]")
    content = project / "templates" / "content.md"
    content.write_text(content.read_text("utf-8") + '\n{{ claim(params.region == "수도권", "수도권만") }}\n', "utf-8")
    code, out, err = run("build", str(project))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[-2].startswith("series: 2 briefs, 1 built, 0 up to date, 1 failed in ")
    assert lines[-1].startswith("  #2 region=비수도권: error: templates/content.md:")
    assert lines[-1].endswith("claim no longer holds: 수도권만")
    assert (project / "output" / "regions-수도권.pdf").is_file()
    assert not (project / "output" / "regions-비수도권.pdf").exists()
    code, _, err = run("build", "--all", str(tmp_path))  # --all builds the series too, one line
    assert code == 1
    assert "regions: 1 of 2 briefs of its series failed (#2 region=비수도권: error: templates/content.md:" in err
