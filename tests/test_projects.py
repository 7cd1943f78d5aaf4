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
