"""`briefgen build --all` and `briefgen list` over a folder of brief projects."""

from __future__ import annotations

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.projects import find_projects, read_status
from briefgen.scaffold import create_project


def test_build_all_builds_each_project_reports_failures_and_list_shows_status(tmp_path):
    create_project(tmp_path / "a-brief")
    create_project(tmp_path / "nested" / "b-review", "scorecard")
    create_project(tmp_path / "broken")
    content = tmp_path / "broken" / "templates" / "content.md"
    content.write_text(content.read_text("utf-8").replace("stats.total", "stats.totl", 1), "utf-8")
    create_project(tmp_path / "ignored" / "c")
    (tmp_path / "ignored" / ".briefgenignore").write_text("")
    assert [p.relative_to(tmp_path).as_posix() for p in find_projects(tmp_path)] == [
        "a-brief", "broken", "nested/b-review"]

    runner = CliRunner()
    listed = runner.invoke(main, ["list", str(tmp_path)])
    assert listed.exit_code == 0 and listed.stdout.count("never built") == 3

    result = runner.invoke(main, ["build", "--all", str(tmp_path)])
    assert result.exit_code == 1
    assert "a-brief (built in" in result.stdout and "nested/b-review (built in" in result.stdout
    assert "failed  " in result.stderr and "unknown statistic 'totl'" in result.stderr
    assert "2 of 3 projects built" in result.stderr
    assert read_status(tmp_path / "a-brief").ok and read_status(tmp_path / "a-brief").pages > 0
    assert not read_status(tmp_path / "broken").ok

    listed = runner.invoke(main, ["list", str(tmp_path)], env={"NO_COLOR": "1"})
    lines = listed.stdout.splitlines()
    assert len(lines) == 3 and "\x1b[" not in listed.stdout
    assert "IS-001 기업의 AI 도입 현황과 시사점" in lines[0] and "\tok " in lines[0]
    assert "failed" in lines[1] and "unknown statistic 'totl'" in lines[1]

    again = runner.invoke(main, ["build", "--all", str(tmp_path / "a-brief")])
    assert again.exit_code == 0 and "(up to date" in again.stdout


def test_list_without_projects_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["list", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.startswith("error: no brief projects")


def test_build_all_goes_on_after_bad_input_and_after_a_bug(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    import briefgen.build

    corpus = Path(__file__).parent / "bad_inputs"
    for case in ("date-impossible", "table-too-many-columns"):
        shutil.copytree(corpus / case, tmp_path / case, ignore=shutil.ignore_patterns("expected.txt"))
    create_project(tmp_path / "good")
    create_project(tmp_path / "buggy")
    real = briefgen.build.build

    def build(path, *args, **kwargs):
        if Path(path).name == "buggy":
            raise RuntimeError("a bug\nover two lines")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(briefgen.build, "build", build)
    result = CliRunner().invoke(main, ["build", "--all", str(tmp_path)])
    assert result.exit_code == 2  # one project met a bug in briefgen
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 3 and "buggy: internal error: RuntimeError: a bug over two lines" in failed[0]
    assert "2024-02-30 is not a real date" in failed[1] and "60 columns" in failed[2]
    assert "good (built in" in result.stdout and "1 of 4 projects built" in result.stderr
