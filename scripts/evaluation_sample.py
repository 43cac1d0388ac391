"""The sample evaluation report in docs/sample-evaluation, from the demonstration data.

    .venv/bin/python scripts/evaluation_sample.py [--out docs/sample-evaluation] [--dpi 60]

Loads the demonstration data into a fresh temporary SQLite database (the configured
database is not touched), writes the report as PDF with `cpb report evaluation` (needs
LibreOffice), and renders a few pages to PNG with pdftoppm (poppler-utils): the title
page, the reporting table of the fifth cycle, the first goal's table and chart, the
capacity-building needs and gaps, the milestones, and the first page of the annex.
The demonstration data include capacity-building records and milestones, so every
section of the report is filled in.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PDF_NAME = "evaluation-report-demo.pdf"
PAGES = [  # file name, words on the page wanted (the first page holding them)
    ("page-title.png", None),
    ("page-reporting.png", "Reporting in the fifth cycle, by regional group"),
    ("page-goal-A1-table.png", "Goal A.1:"),
    ("page-goal-A1-chart.png", "Figure 1."),
    ("page-capacity.png", "Capacity-building needs and coverage gaps"),
    ("page-milestones.png", "Milestones and the trend since the baseline"),
    ("page-annex.png", "Annex: indicators and methodology"),
]


def cpb(*args: str) -> None:
    from typer.testing import CliRunner

    from cpbmonitor.cli.app import app

    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        sys.exit(f"cpb {' '.join(args)} failed:\n{result.output}")


def page_texts(pdf: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")


def first_page_with(texts: list[str], words: str | None, after: int = 1) -> int:
    """The first page after ``after`` holding ``words``, the table of contents left out
    (its pages name every heading)."""
    if words is None:
        return 1
    contents = _contents_pages(texts)
    for number, text in enumerate(texts, start=1):
        if number > after and number not in contents and words in text:
            return number
    sys.exit(f"no page holds {words!r}")


def _contents_pages(texts: list[str]) -> set[int]:
    """The table of contents: from the page headed "Contents" to the last page before the
    first heading of the body (the executive summary)."""
    start = next((n for n, t in enumerate(texts, 1) if "\nContents\n" in f"\n{t}"), None)
    if start is None:
        return set()
    first = texts[start - 1].split("Contents", 1)[1].split("\n", 2)[1].strip()
    pages = {start}
    for number in range(start + 1, len(texts) + 1):
        if first in texts[number - 1]:
            break
        pages.add(number)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/sample-evaluation"))
    parser.add_argument("--dpi", type=int, default=60, help="resolution of the PNG pages")
    args = parser.parse_args()
    for program in ("pdftoppm", "pdftotext"):
        if not shutil.which(program):
            sys.exit(f"{program} is missing: apt-get install poppler-utils")
    folder = tempfile.mkdtemp(prefix="cpb-sample-")
    atexit.register(shutil.rmtree, folder, True)
    os.environ["CPB_DATA_DIR"] = folder
    os.environ.pop("CPB_DATABASE_URL", None)
    args.out.mkdir(parents=True, exist_ok=True)
    pdf = args.out / PDF_NAME
    cpb("db", "migrate")
    cpb("demo", "load")
    cpb(
        "report",
        "evaluation",
        "--plan",
        "draft-2020",
        "--cycle",
        "5",
        "--baseline",
        "4",
        "-o",
        str(pdf),
    )
    texts = page_texts(pdf)
    for name, words in PAGES:
        number = first_page_with(texts, words)
        stem = args.out / Path(name).stem
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(args.dpi),
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        print(f"wrote {stem}.png (page {number} of {len(texts) - 1})")
    print(f"wrote {pdf}")


if __name__ == "__main__":
    main()
