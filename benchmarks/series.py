"""A series of 100 briefs: ``python benchmarks/series.py`` (about 3 minutes on 2 CPUs).

The project is ``examples/ai-models-by-country`` with its series made 100 briefs long: the five
countries, each in 20 editions (a parameter ``edition`` in the output name), so every brief is
a real 7-8 page brief with its own chart, table, manifest and cache. Each case is one fresh
``briefgen build`` process with an empty project cache and an empty per-user cache (a cold
machine):

- the whole series with ``-j 1`` (one process, brief after brief) and with ``-j 2`` (the first
  brief built, then two workers forked), alternating, ``--runs`` times each (median);
- a shell loop of separate ``briefgen build --param …`` processes, one per brief (its first
  ``--loop`` briefs, default 10), as one would spread a series without ``series:``;
- one cold build of a single brief (median of 3), the unit the others are compared with.

The numbers and ratios replace the series section of ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
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
EXAMPLE = ROOT / "examples" / "ai-models-by-country"
COUNTRIES = ("미국", "중국", "영국", "한국", "프랑스")
START, END = "<!-- series: written by benchmarks/series.py -->", "<!-- /series -->"


def series_project(folder: Path, editions: int) -> Path:
    """The example as a series of ``5 × editions`` briefs."""
    project = folder / "by-country"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("output", ".briefgen-cache"))
    config = project / "brief.yaml"
    text = config.read_text("utf-8")
    entries = "\n".join(f"  - {{country: {c}, edition: {e}}}" for e in range(1, editions + 1) for c in COUNTRIES)
    text = re.sub(r"\nseries:.*?\n\n", f"\nseries:\n{entries}\n\n", text, count=1, flags=re.S)
    text = text.replace("\nparams:", "\nparams:\n  edition: {type: int, default: 1}", 1)
    text = text.replace('name: "ai-models-{country}"', 'name: "ai-models-{country}-{edition:03d}"', 1)
    config.write_text(text, "utf-8")
    return project


def run(args: list[str], project: Path, user_cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process and the ones it waited for) of one briefgen command."""
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(user_cache), "NO_COLOR": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", *args], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: briefgen {' '.join(args)}\n{proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


PROBE = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
def spin(_):
    start = time.process_time()
    while time.process_time() - start < 1.0:
        pass
started = time.perf_counter()
with ProcessPoolExecutor(2) as pool:
    list(pool.map(spin, range(2)))
print(time.perf_counter() - started)
"""


def free_cores() -> float:
    """How many cores two CPU-bound processes got just now (2.0: both free; 1.0: the machine's
    other work left one): 2 CPU-seconds divided by the wall time they took."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return 2.0 / float(done.stdout.strip())


def fresh(work: Path, name: str, editions: int) -> tuple[Path, Path]:
    """A new copy of the series project and an empty per-user cache."""
    folder = work / name
    folder.mkdir()
    user_cache = folder / "user-cache"
    user_cache.mkdir()
    return series_project(folder, editions), user_cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editions", type=int, default=20, help="editions per country (20: 100 briefs)")
    parser.add_argument("--loop", type=int, default=10, help="briefs built one process each")
    parser.add_argument("--runs", type=int, default=3, help="runs of each series case (median)")
    parser.add_argument("--no-write", action="store_true", help="print, do not update results.md")
    args = parser.parse_args()
    from run import byte_compile_briefgen

    byte_compile_briefgen()
    briefs = len(COUNTRIES) * args.editions
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="briefgen-series-") as tmp:
        work = Path(tmp)
        singles = []
        for index in range(3):
            project, cache = fresh(work, f"single{index}", 1)
            singles.append(run(["build", "--param", "country=한국", "-q"], project, cache))
            print(f"one cold brief: {singles[-1][0]:.2f} s", file=sys.stderr, flush=True)
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        cores = [free_cores()]
        for index in range(args.runs):
            for jobs in (1, 2):  # alternating: a change in the machine's load hits both
                project, cache = fresh(work, f"j{jobs}-{index}", args.editions)
                runs[jobs].append(run(["build", "-j", str(jobs), "-q"], project, cache))
                built = len(list((project / "output").glob("*.pdf")))
                assert built == briefs, f"-j {jobs} built {built} of {briefs}"
                print(f"{briefs} briefs, -j {jobs}: {runs[jobs][-1][0]:.1f} s", file=sys.stderr, flush=True)
            cores.append(free_cores())
        cases = {jobs: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
                 for jobs, r in runs.items()}
        spread = {jobs: f"{min(w for w, _ in r):.1f}–{max(w for w, _ in r):.1f} s" for jobs, r in runs.items()}
        best = (min(w for w, _ in runs[1]), min(w for w, _ in runs[2]))
        project, cache = fresh(work, "loop", args.editions)
        loop_started = time.perf_counter()
        loop_cpu = 0.0
        for number in range(args.loop):
            country, edition = COUNTRIES[number % len(COUNTRIES)], number // len(COUNTRIES) + 1
            loop_cpu += run(["build", "--param", f"country={country}", "--param", f"edition={edition}", "-q"],
                            project, cache)[1]
        loop = (time.perf_counter() - loop_started, loop_cpu)
        print(f"{args.loop} briefs, one process each: {loop[0]:.1f} s", file=sys.stderr, flush=True)
    cold = statistics.median(w for w, _ in singles)
    cold_cpu = statistics.median(c for _, c in singles)
    serial, parallel = cases[1], cases[2]
    per = {name: wall / briefs for name, (wall, _) in (("serial", serial), ("parallel", parallel))}
    loop_per = loop[0] / args.loop
    lines = [
        START,
        f"## A series of {briefs} briefs ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f} at the start)",
        "",
        f"`python benchmarks/series.py`: `examples/ai-models-by-country` as a series of {briefs} briefs "
        f"(5 countries × {args.editions} editions, 7-8 pages each, a chart and a table), every case a "
        "fresh process with empty project and per-user caches.",
        "",
        "| case | wall | CPU | per brief | per brief / one cold build |",
        "|---|---:|---:|---:|---:|",
        f"| one cold build of one brief (median of 3) | {cold:.2f} s | {cold_cpu:.2f} s | {cold:.2f} s | 1.00 |",
        f"| series, `-j 1` (one process; median of {args.runs}, {spread[1]}) | {serial[0]:.1f} s | "
        f"{serial[1]:.1f} s | {per['serial']:.2f} s | {per['serial'] / cold:.2f} |",
        f"| series, `-j 2` (two workers; median of {args.runs}, {spread[2]}) | {parallel[0]:.1f} s | "
        f"{parallel[1]:.1f} s | {per['parallel']:.2f} s | {per['parallel'] / cold:.2f} |",
        f"| one process per brief (`--param`, {args.loop} briefs) | {loop[0]:.1f} s | {loop[1]:.1f} s | "
        f"{loop_per:.2f} s | {loop_per / cold:.2f} |",
        "",
        f"Cores free for two CPU-bound processes, probed before, between and after the pairs of series "
        f"runs: {', '.join(f'{c:.1f}' for c in cores)} (2.0: both; other work on the machine took the "
        f"rest). `-j 2` gains only from a free second core, so the best of the runs is what it does "
        f"with the least disturbance: `-j 1` {best[0]:.1f} s, `-j 2` {best[1]:.1f} s, "
        f"{best[0] / best[1]:.2f}× faster. The loop shares one per-user cache, so only its first "
        "process parses the fonts; each still pays Python's start-up and the imports.",
        "",
        f"Ratios: `-j 2` takes {parallel[0] / serial[0]:.2f}× the wall time of `-j 1` "
        f"({serial[0] / parallel[0]:.2f}× faster); a brief of the series costs {per['serial'] / cold:.2f}× "
        f"(`-j 1`) and {per['parallel'] / cold:.2f}× (`-j 2`) the wall time of one cold build, and a "
        f"process per brief {loop_per / cold:.2f}×.",
        END,
    ]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        results = HERE / "results.md"
        text = results.read_text("utf-8")
        if START in text:
            text = text[:text.index(START)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        results.write_text(text, "utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
