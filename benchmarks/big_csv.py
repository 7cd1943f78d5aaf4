"""A 200,000-row CSV: ``briefgen check`` and ``briefgen build`` in fresh processes.

``python benchmarks/big_csv.py [--rows N]`` copies the ``csv-200k-rows`` case of
``tests/bad_inputs/`` to a temporary folder, writes its data file and prints the seconds and
peak RSS of each stage (the tests check the results and the memory, not the time).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "tests" / "bad_inputs" / "csv-200k-rows"

MEASURE = """
import json, resource, sys, time
from pathlib import Path
started = time.perf_counter()
if sys.argv[2] == "check":
    from briefgen.check import check_project
    assert check_project(Path(sys.argv[1])).problems == []
else:
    from briefgen.build import build
    build(Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def write_rows(path: Path, rows: int) -> None:
    """``rows`` rows of name,country,score; 3 in 4 rows are 미국 (as the test generates them)."""
    countries = ("미국", "중국", "미국", "미국")
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("name,country,score\n")
        out.writelines(f"모델{i},{countries[i % 4]},{i % 1000}\n" for i in range(rows))


def measure(project: Path, stage: str) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(project), stage],
        capture_output=True, text=True, check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "big"
        shutil.copytree(CASE, project, ignore=shutil.ignore_patterns("expected.txt"))
        write_rows(project / "data.csv", args.rows)
        print(f"| stage ({args.rows:,} rows) | seconds | peak RSS |")
        print("|---|---:|---:|")
        for stage in ("check", "build"):
            result = measure(project, stage)
            print(f"| {stage} | {result['seconds']:.2f} s | {result['peak_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
