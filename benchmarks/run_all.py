"""Run every benchmark (`make bench`): the evaluation end to end from the database (1x,
10x, 100x, against a plain scan and DuckDB), the pages under concurrent clients, the
evaluation report, importing national reports and harvesting them from a fake BCH."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHMARKS = [
    "end_to_end.py",
    "home_page.py",
    "evaluation_report.py",
    "import_reports.py",
    "bch_sync.py",
]


def main() -> None:
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        sys.argv = [name]
        runpy.run_path(str(HERE / name), run_name="__main__")


if __name__ == "__main__":
    main()
