"""One-command benchmarks: ``python benchmarks/run.py`` (add ``--quick`` for one run each).

(a) the example brief: cold (fresh copy, empty cache) / no-change rebuild / one CSV row changed;
(b) synthetic briefs of ~50 and ~500 pages and a 5,000-row table, built by briefgen and, from
the same content, by Pandoc (md → DOCX) and Typst (.typ → PDF) as anchors.
Every number is the median of N runs (default 3) of a separate process: ``wall`` includes
Python start-up and imports, ``build`` is the time inside ``briefgen.build.build``; peak RSS
comes from the kernel (``wait4``). Results are printed as Markdown and written to
``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import csv as csv_module
import importlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import floors  # noqa: E402
from synthetic import Spec, blocks, pandoc_markdown, typst_markup, write_project  # noqa: E402

FLOORS = ("reportlab", "python-docx", "docxtpl", "lxml")

NAME = "ai-models-2024"
CSV = "data/epoch/large_scale_ai_models_2024-07.csv"
ROW = "Language,,LightOn,,2023-12-15"  # a 2023 model: changes by_org (one chart, some sentences)
WARM = "example: one CSV row changed, warm process (watch; in build() = the rebuild)"
WARM_NOCHART = "example: one CSV row changed that no chart depends on, warm process (watch)"
CLEAN_EXAMPLE = "example: clean (project cache emptied, per-user cache kept)"
OUTSIDE = "Mistral Large,Language,Chat"  # a 2024 model: outside the 2020-2023 population
NO_CHART = ("Jiutian", "Korea (Republic of)")  # a 2023 model's country: text and a table, no chart


# ----------------------------------------------------------------------------- child side


def child(kind: str, target: str, extra: str) -> None:
    """Run one measured job in this (fresh) process and print a JSON line."""
    started = time.perf_counter()
    if kind == "build":
        from briefgen.build import build
        from briefgen.cli import quick_exit, tune_process

        marks: dict[str, float] = {}
        only = (extra[len("only-"):],) if extra.startswith("only-") else None  # one format's part
        if only:  # the writer must really run: no output cached by an earlier build
            shutil.rmtree(Path(target) / ".briefgen-cache" / "out", ignore_errors=True)
            importlib.import_module(f"briefgen.writers.{only[0]}")  # timed after imports, as the floors
        tune_process()  # as the `briefgen` command's process
        started = time.perf_counter()  # "in build()": after the imports above
        result = build(Path(target), only, force=extra == "force" or only is not None,
                       step=lambda stage: marks.setdefault(stage, time.perf_counter()))
        end = time.perf_counter()
        order = [*marks, "end"]
        marks["end"] = end
        stages = {a: round(marks[b] - marks[a], 3) for a, b in zip(order, order[1:], strict=False)}
        print(json.dumps({"seconds": end - started, "pages": result.pages, "stages": stages,
                          "up_to_date": result.up_to_date, "cached": result.cached}))
        quick_exit(0)  # as the `briefgen` command ends: no interpreter teardown
    elif kind in ("warm", "warm-nochart"):  # as in `briefgen watch`: build, change a row, rebuild
        from briefgen.build import build
        from briefgen.cli import tune_process
        from briefgen.regen.watch import warm_process

        tune_process()  # as the `briefgen watch` process

        shutil.rmtree(Path(target) / ".briefgen-cache", ignore_errors=True)
        build(Path(target), force=True)  # a real build first, then what `watch` does next
        warm_process()
        csv = Path(target) / CSV
        if kind == "warm":
            move_row(csv, extra)
        else:  # another country for one model: sentences and a table change, no chart
            set_country(csv, NO_CHART[0], extra)
        started = time.perf_counter()
        result = build(Path(target))
        print(json.dumps({"seconds": time.perf_counter() - started, "pages": result.pages,
                          "up_to_date": result.up_to_date, "cached": result.cached}))
    elif kind in FLOORS:
        import pickle

        content, images = pickle.loads((Path(target) / "content.pickle").read_bytes())
        out = Path(target) / f"floor-{kind}.{'pdf' if kind == 'reportlab' else 'docx'}"
        seconds = {"reportlab": lambda: floors.write_reportlab(content, images, out),
                   "python-docx": lambda: floors.write_python_docx(content, images, out),
                   "docxtpl": lambda: floors.write_docxtpl(content, out),
                   "lxml": lambda: floors.build_lxml_string(content)}[kind]()
        print(json.dumps({"seconds": seconds}))
    elif kind == "typst":
        import typst

        from briefgen.fonts import font_path

        pdf = typst.compile(target, font_paths=[str(font_path("NanumGothic").parent)])
        seconds = time.perf_counter() - started
        Path(extra).write_bytes(pdf)
        from pypdf import PdfReader

        print(json.dumps({"seconds": seconds, "pages": len(PdfReader(extra).pages)}))


# ----------------------------------------------------------------------------- parent side


def byte_compile_briefgen() -> None:
    """Compile briefgen's modules to ``__pycache__`` once, as installing a wheel does and as
    Python does on a first import, unless ``PYTHONDONTWRITEBYTECODE`` is set (this sandbox sets
    it): otherwise every measured process would compile all of briefgen again (~0.1 s)."""
    import compileall

    import briefgen

    compileall.compile_dir(Path(briefgen.__file__).parent, quiet=1)


def run_child(kind: str, target: Path | str, extra: str = "", user_cache: Path | None = None) -> dict:
    """One measured job in a fresh process; ``user_cache`` is its per-user cache folder
    (compiled templates, parsed fonts): an empty one makes a first build on a new machine."""
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(user_cache)} if user_cache else None
    return measure([sys.executable, str(HERE / "run.py"), "--child", kind, str(target), extra], env=env)


def measure(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> dict:
    """Run ``cmd``, reaping it with wait4: wall seconds, its own peak RSS (MB), its JSON line."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read(), err.read()
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{errors[-2000:]}")
    lines = [line for line in text.splitlines() if line.startswith("{")]
    data = json.loads(lines[-1]) if lines else {}
    return {"wall": wall, "rss": usage.ru_maxrss / 1024, **data}


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def summary(label: str, runs: list[dict]) -> dict:
    print(f"{label}: {[round(r['wall'], 2) for r in runs]} s", file=sys.stderr, flush=True)
    row = {"label": label, "n": len(runs), "wall": median(runs, "wall"), "rss": max(r["rss"] for r in runs)}
    if "seconds" in runs[0]:
        row["build"] = median(runs, "seconds")
    if "pages" in runs[0]:
        row["pages"] = runs[0]["pages"]
    if "stages" in runs[0]:
        stages = runs[0]["stages"]
        row["stages"] = {k: statistics.median(r["stages"].get(k, 0) for r in runs) for k in stages}
    if "cached" in runs[0]:
        row["cached"] = runs[-1]["cached"]
        row["up_to_date"] = runs[-1]["up_to_date"]
    return row


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy(ROOT / "brief.yaml", target / "brief.yaml")
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "data", target / "data")
    return target


def clean(project: Path) -> None:
    """Remove a project's cache and outputs (the per-user cache is another folder)."""
    shutil.rmtree(project / ".briefgen-cache", ignore_errors=True)
    shutil.rmtree(project / "output", ignore_errors=True)


def bench_example(work: Path, n: int) -> list[dict]:
    cold, fresh, same, row, outside, country, warm, warm_nochart = [], [], [], [], [], [], [], []
    for i in range(n):
        project = copy_example(work / f"example{i}")
        user = work / f"example{i}-user-cache"
        cold.append(run_child("build", project, user_cache=user))
        clean(project)
        fresh.append(run_child("build", project, user_cache=user))
        same.append(run_child("build", project, user_cache=user))
        csv = project / CSV
        csv.write_text(csv.read_text("utf-8").replace(ROW, ROW.replace("LightOn", f"LightOn {i}"), 1), "utf-8")
        row.append(run_child("build", project, user_cache=user))
        text = csv.read_text("utf-8")
        csv.write_text(text.replace(OUTSIDE, OUTSIDE.replace("Large", f"Large {i}"), 1), "utf-8")
        outside.append(run_child("build", project, user_cache=user))
        set_country(csv, *NO_CHART)
        country.append(run_child("build", project, user_cache=user))
        warm.append(run_child("warm", project, f"LightOn W{i}", user_cache=user))
        warm_nochart.append(run_child("warm-nochart", project, "Japan" if i % 2 else "China", user_cache=user))
    return [summary("example: cold (empty cache)", cold), summary(CLEAN_EXAMPLE, fresh),
            summary("example: no-change rebuild", same),
            summary("example: one CSV row changed", row),
            summary("example: one CSV row changed, not in the brief's population", outside),
            summary("example: one CSV row changed, no chart depends on it", country),
            summary(WARM, warm), summary(WARM_NOCHART, warm_nochart)]


def move_row(path: Path, organisation: str) -> None:
    """Move the benchmark's 2023 model (``ROW``) to 2022 under ``organisation``: three charts
    and many sentences change."""
    pattern = re.escape(ROW).replace("LightOn", "LightOn[^,]*")
    moved = ROW.replace("LightOn", organisation).replace("2023-12-15", "2022-12-15")
    text, count = re.subn(pattern, moved, path.read_text("utf-8"), count=1)
    assert count == 1, "the benchmark row is missing"
    path.write_text(text, "utf-8")


def set_country(path: Path, model: str, country: str) -> None:
    """Give ``model``'s row another country (through the csv module: cells hold newlines)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv_module.reader(handle))
    column = rows[0].index("Country (from Organization)")
    [row] = [r for r in rows if r[0] == model]
    row[column] = country
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv_module.writer(handle, lineterminator="\n").writerows(rows)


def bench_synthetic(work: Path, label: str, spec: Spec, n: int) -> list[dict]:
    project = write_project(work / label, spec)
    ours, fresh = [], []
    for i in range(n):
        user = work / f"{label}-user-cache-{i}"
        clean(project)
        ours.append(run_child("build", project, user_cache=user))
        clean(project)
        fresh.append(run_child("build", project, user_cache=user))
    content = blocks(spec)
    images = {p.stem.rsplit("-", 1)[0]: p for p in (project / ".briefgen-cache" / "charts").glob("*.png")}
    anchors = work / f"{label}-anchors"
    anchors.mkdir()
    for name, path in images.items():
        shutil.copy(path, anchors / path.name)
        images[name] = anchors / path.name
    (anchors / "brief.md").write_text(pandoc_markdown(content, images), "utf-8")
    (anchors / "brief.typ").write_text(typst_markup(content, images), "utf-8")
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    pandoc_runs = [measure([pandoc, "brief.md", "-o", "brief.docx"], cwd=anchors) for _ in range(n)]
    typst_runs = [run_child("typst", anchors / "brief.typ", str(anchors / "brief.pdf")) for _ in range(n)]
    rows = [summary(f"{label}: briefgen DOCX+PDF (cold)", ours),
            summary(f"{label}: briefgen DOCX+PDF (clean: per-user cache kept)", fresh),
            summary(f"{label}: Pandoc md→DOCX", pandoc_runs),
            summary(f"{label}: Typst →PDF", typst_runs)]
    import pickle

    (anchors / "content.pickle").write_bytes(pickle.dumps((content, images)))
    kinds = ["reportlab", "python-docx"] + (["docxtpl", "lxml"] if spec.table_rows else [])
    for kind in kinds:
        rows.append(summary(f"{label}: floor {kind}", [run_child(kind, anchors) for _ in range(n)]))
    if spec.table_rows:  # each writer alone (in the full build they overlap on two cores)
        for fmt in ("docx", "pdf"):
            runs = [run_child("build", project, f"only-{fmt}") for _ in range(n)]
            rows.append(summary(f"{label}: briefgen {fmt.upper()} only", runs))
    return rows


def fmt(value: float | None, unit: str = "s") -> str:
    return "—" if value is None else f"{value:.2f} {unit}"


def table(rows: list[dict]) -> str:
    lines = ["| case | runs | wall (median) | in build() | pages | peak RSS | stages (s) / reuse |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r.get("stages", {}).items() if v >= 0.01)
        if r.get("up_to_date"):
            stages = "up to date"
        elif r.get("cached"):
            stages += f"; reused {'+'.join(r['cached'])}"
        lines.append(f"| {r['label']} | {r['n']} | {fmt(r['wall'])} | {fmt(r.get('build'))} | "
                     f"{r.get('pages', '—')} | {r['rss']:.0f} MB | {stages} |")
    return "\n".join(lines)


def ratios(rows: list[dict]) -> list[str]:
    by = {r["label"]: r for r in rows}
    out = []
    cold, same, row = (by.get(f"example: {k}") for k in ("cold (empty cache)", "no-change rebuild",
                                                          "one CSV row changed"))
    if cold:
        warm, warm_nochart = by[WARM], by[WARM_NOCHART]
        outside = by["example: one CSV row changed, not in the brief's population"]
        nochart = by["example: one CSV row changed, no chart depends on it"]
        fresh = by[CLEAN_EXAMPLE]
        for name, r in (("clean build", fresh), ("no-change", same), ("one row changed", row), ("one row changed (watch)", warm),
                        ("row changed that no chart depends on (watch)", warm_nochart),
                        ("row outside the population changed", outside),
                        ("row changed that no chart depends on", nochart)):
            out.append(f"- example {name} / cold: wall {r['wall'] / cold['wall']:.0%}, "
                       f"in build() {r['build'] / cold['build']:.0%}; / clean: in build() "
                       f"{r['build'] / fresh['build']:.0%}")
    for size in ("50 pages", "500 pages", "5,000-row table"):
        ours = by.get(f"{size}: briefgen DOCX+PDF (cold)")
        if not ours:
            continue
        kept = by[f"{size}: briefgen DOCX+PDF (clean: per-user cache kept)"]
        for anchor in ("Pandoc md→DOCX", "Typst →PDF"):
            a = by[f"{size}: {anchor}"]
            out.append(f"- {size}: briefgen / {anchor}: wall {ours['wall'] / a['wall']:.1f}×, "
                       f"in build() {ours['build'] / a['wall']:.1f}× (cold), "
                       f"{kept['build'] / a['wall']:.1f}× (clean)")
        floor = [by[f"{size}: floor {k}"]["build"] for k in ("reportlab", "python-docx")]
        out.append(f"- {size}: briefgen in build() / (raw ReportLab + raw python-docx, after imports) "
                   f"{ours['build'] / sum(floor):.1f}×")
    docx_only, pdf_only = (by.get(f"5,000-row table: briefgen {f} only") for f in ("DOCX", "PDF"))
    if docx_only and pdf_only:
        docx_part = docx_only["stages"]["docx"]
        out.append(f"- 5,000-row table (writers after their imports): DOCX writer {docx_part:.2f} s = "
                   f"{docx_part / by['5,000-row table: floor docxtpl']['build']:.2f}× docxtpl, "
                   f"{docx_part / by['5,000-row table: floor lxml']['build']:.1f}× the lxml string; "
                   f"PDF writer {pdf_only['stages']['pdf']:.2f} s (target < 1 s)")
    small, big = by.get("50 pages: briefgen DOCX+PDF (cold)"), by.get("500 pages: briefgen DOCX+PDF (cold)")
    if small and big:
        out.append(f"- briefgen 500 pages / 50 pages: {big['build'] / small['build']:.1f}× (in build())")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=3, metavar=("KIND", "TARGET", "EXTRA"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one run each, no 500-page brief")
    parser.add_argument("--skip-500", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    n = 1 if args.quick else args.runs
    rows: list[dict] = []
    byte_compile_briefgen()
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        rows += bench_example(work, n)
        rows += bench_synthetic(work, "50 pages", Spec(), n)
        rows += bench_synthetic(work, "5,000-row table", Spec(paragraphs=6, footnotes=0, tables=0, charts=0,
                                                              table_rows=5000), n)
        if not (args.quick or args.skip_500):
            rows += bench_synthetic(work, "500 pages", Spec(paragraphs=3000, footnotes=400, tables=100,
                                                            charts=50), n)
        took = time.perf_counter() - started
    text = "\n".join([
        f"# briefgen benchmarks ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}, {took:.0f} s in all)", "",
        table(rows), "", "Ratios:", *ratios(rows), "",
    ])
    print(text)
    if not args.quick:
        results = HERE / "results.md"
        old = results.read_text("utf-8") if results.exists() else ""
        series = old[old.index("<!-- series:"):] if "<!-- series:" in old else ""  # benchmarks/series.py's
        results.write_text(text + (f"\n{series}" if series else ""), "utf-8")


if __name__ == "__main__":
    main()
