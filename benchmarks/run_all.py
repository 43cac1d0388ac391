"""Run every benchmark (`make bench`): the indicator engine, the home page, the
evaluation report, then importing national reports."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHMARKS = [
    "evaluate.py",
    "home_page.py",
    "evaluation_report.py",
    "bch_sync.py",
    "import_reports.py",
]


def main() -> None:
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        sys.argv = [name]
        runpy.run_path(str(HERE / name), run_name="__main__")


if __name__ == "__main__":
    main()
