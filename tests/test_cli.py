"""The CLI: one-line errors with locations, exit codes, outputs untouched on failure."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import copy_example
from pypdf import PdfReader

from briefgen import __version__
from briefgen.cli import main


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version():
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


@pytest.fixture()
def project(tmp_path):
    return copy_example(tmp_path / "brief")


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("brief.yaml", "theme: spri", "theme: [spri", "error: brief.yaml:"),
        ("brief.yaml", "statistics:", "statistic:", "error: brief.yaml:"),
        ("brief.yaml", "report_number: IS-201", "report_number: 201", "error: brief.yaml:"),
        ("brief.yaml", "model: [System, Model]", "model: [Sistem]", 'column "Sistem" not found'),
        ("brief.yaml", "by: year, from: 2020, to: 2023", "by: year, frm: 2020, to: 2023",
         "did you mean 'from'?"),
        ("templates/ai-models/content.md", "{{ stats.total | count | josa(\"를\") }} 분석함",
         "{{ stats.totl | count | josa(\"를\") }} 분석함", "error: templates/ai-models/content.md:"),
        ("templates/ai-models/content.md", "[^flop] 이상으로", "[^flops] 이상으로",
         "footnote [^flops] is used but never defined"),
        ("templates/ai-models/content.md", "({@fig-yearly})", "({@fig-yearl})",
         "unknown figure/table '#fig-yearl'"),
    ],
)
def test_bad_input_gives_one_located_line_and_exit_1(project, monkeypatch, file, old, new, expected):
    edit(project / file, old, new)
    monkeypatch.chdir(project)
    code, out, err = run("build", "--format", "docx")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert expected in lines[0]
    assert "Traceback" not in err


def test_failed_build_leaves_previous_outputs_untouched(example_build, tmp_path):
    built_project, result = example_build
    project = tmp_path / "again"
    shutil.copytree(built_project, project)
    outputs = {p.name: p.read_bytes() for p in (project / "output").glob("*.*")}
    assert set(outputs) == {f"ai-models-2024.{ext}" for ext in ("docx", "pdf", "html", "hwpx", "manifest.json")}
    edit(project / "templates/ai-models/content.md", "# 서론", "# 서론\n\n{{ stats.nothing }}")
    code, _, err = run("build", str(project))
    assert code == 1 and "unknown statistic 'nothing'" in err
    after = {p.name: p.read_bytes() for p in (project / "output").iterdir()}
    assert after == outputs  # same files, same bytes, no temporary leftovers


def test_module_entry_point_reports_missing_project_in_one_line(tmp_path):
    """``python -m briefgen`` as a user runs it (subprocess, real exit code, no traceback)."""
    bad = subprocess.run([sys.executable, "-m", "briefgen", "build", str(tmp_path / "none")],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: ") and "no brief.yaml found" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_module_entry_point_builds_and_ends_at_once_with_every_line_printed(example_build, tmp_path):
    """The quick exit after a build (no interpreter teardown) loses no output and no file."""
    project = tmp_path / "brief"
    shutil.copytree(example_build[0], project, ignore=shutil.ignore_patterns("output", ".briefgen-cache"))
    built = subprocess.run([sys.executable, "-m", "briefgen", "build", str(project), "--json"],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    summary = json.loads(built.stdout)
    pdf = project / "output" / Path(summary["outputs"]["pdf"]).name
    assert summary["pages"] == len(PdfReader(pdf).pages) >= 8  # the PDF's own count, every page
    for path in summary["outputs"].values():
        data = (project / "output" / Path(path).name).read_bytes()
        assert data.startswith((b"%PDF", b"PK", b"<!DOCTYPE")) and len(data) > 10_000
    again = subprocess.run([sys.executable, "-m", "briefgen", "build", str(project)],
                           capture_output=True, text=True)
    assert again.returncode == 0 and "up to date" in again.stdout
    assert not again.stderr


@pytest.mark.parametrize(("code", "status", "stderr"), [(None, 0, ""), (3, 3, ""), ("no way", 1, "no way\n")])
def test_quick_exit_ends_as_sys_exit_would_with_output_flushed(code, status, stderr):
    script = f"import sys; from briefgen.cli import quick_exit; print('kept', end=''); quick_exit({code!r})"
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (ended.returncode, ended.stdout, ended.stderr) == (status, "kept", stderr)


def test_quick_exit_after_the_output_stream_was_closed_says_nothing_more():
    script = "import sys; from briefgen.cli import quick_exit; sys.stdout.close(); quick_exit(0)"
    ended = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (ended.returncode, ended.stderr) == (0, "")


@pytest.mark.parametrize(("args", "expected"), [
    (["--port", "99999"], "error: --port: a port is a number from 1 to 65535 (0: any free port), not 99999"),
    (["--port", "-1"], "error: --port: a port is a number from 1 to 65535 (0: any free port), not -1"),
    (["--debounce", "-5"], "error: --debounce: the debounce is from 0 to 60,000 milliseconds, not -5"),
])
def test_watch_refuses_a_port_or_debounce_out_of_range_in_one_line(tmp_path, args, expected):
    code, stdout, stderr = run("watch", "--serve", *args, str(tmp_path))
    assert (code, stdout, stderr.splitlines()) == (1, "", [expected])


@pytest.mark.parametrize("args", [["watch", "--port", "abc"], ["build", "--format", "xx"], ["nosuch"]])
def test_a_usage_error_is_bad_input_exit_1_not_an_internal_error(args):
    code, _, stderr = run(*args)
    assert code == 1 and "Error:" in stderr and "internal error" not in stderr


def test_an_os_error_of_any_command_is_one_line_and_exit_1(tmp_path):
    """The machine refusing (no such folder under /proc, a name too long) is no bug."""
    code, _, stderr = run("new", "/proc/no-such-dir/brief")
    assert code == 1 and stderr.splitlines() == ["error: /proc/no-such-dir: No such file or directory"]
    code, _, stderr = run("diff", "--annex", str(tmp_path / ("a" * 300 + ".pdf")), str(tmp_path / "x.json"),
                          str(tmp_path / "y.json"))
    assert code == 1 and len(stderr.splitlines()) == 1 and "internal error" not in stderr


def test_watch_of_a_folder_without_brief_yaml_fails_at_once(tmp_path):
    code, stdout, stderr = run("watch", str(tmp_path / "nothing"))
    assert (code, stdout) == (1, "") and stderr.startswith("error: ") and "no brief.yaml found" in stderr


def test_diff_takes_a_project_folder_a_manifest_or_two_and_says_which_form_it_expected(tmp_path):
    """``briefgen diff my-brief`` compares the project's last two builds, as ``build my-brief``
    builds it; a file is a manifest; a wrong form is one line naming the forms."""
    from briefgen.scaffold import create_project

    project = tmp_path / "my-brief"
    create_project(project)
    assert run("build", str(project), "--format", "pdf")[0] == 0
    data = project / "data" / "adoption.csv"
    data.write_text(data.read_text("utf-8") + "13,2023,서비스,비수도권,YES,1200\n", "utf-8")
    assert run("build", str(project), "--format", "pdf")[0] == 0
    code, out, err = run("diff", str(project))
    assert code == 0, err
    assert "largest: 510 → 1,200 (+690)" in out
    assert out.strip().splitlines()[-1].endswith("firms 행 12 → 13 (추가 1, 삭제 0, 이름 변경 0, 값 변경 0)")
    assert run("diff", str(project / "brief.yaml"))[1] == out  # the config file names the project too
    current = project / "output" / "my-brief.manifest.json"
    assert "변경 없음" in run("diff", str(current), str(current))[1]
    assert "변경 없음" in run("diff", str(current), "-p", str(project))[1]  # one manifest vs -p's build
    code, _, err = run("diff", str(current), str(project))
    assert code == 1 and err.strip().endswith(
        f"diff OLD NEW compares two manifest files, not a folder; to compare the project's last two "
        f"builds give it alone: briefgen diff {project}")
    code, _, err = run("diff", str(tmp_path / "nope"))
    assert code == 1 and err.strip() == (
        f"error: {tmp_path / 'nope'}: neither a project folder nor a manifest file; give a project "
        "folder (briefgen diff my-brief), one manifest, or two: OLD NEW")
    code, _, err = run("diff", "a", "b", "c")
    assert code == 1 and "at most two manifests, got 3" in err and len(err.strip().splitlines()) == 1
