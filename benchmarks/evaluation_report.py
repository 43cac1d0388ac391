"""Benchmark of the evaluation report (`cpb report evaluation`) on the demonstration data.

    .venv/bin/python benchmarks/evaluation_report.py [--repeat 3] [--no-pdf]

Loads the demonstration data into a fresh temporary SQLite database (``CPB_DATA_DIR``
in a temporary folder; the configured database is not touched), then times, with the
median of ``--repeat`` runs: gathering the inputs from the database (evaluation,
reporting status, capacity-building needs and contributions, Parties' texts), building
the document (key messages, sections, sentences, charts, checks; English, then French),
and writing each format. The target: the full document (gathering, building and the Word
file) in under 5 s. Charts are drawn once per data change (then read from the chart
cache), so the first build, which draws them, is shown apart. PDF adds one LibreOffice
conversion of the Word file.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

TARGET = 5.0


def prepare_database() -> None:
    folder = tempfile.mkdtemp(prefix="cpb-bench-report-")
    atexit.register(shutil.rmtree, folder, True)
    os.environ["CPB_DATA_DIR"] = folder
    os.environ.pop("CPB_DATABASE_URL", None)
    from typer.testing import CliRunner

    from cpbmonitor.cli.app import app

    runner = CliRunner()
    for command in (["db", "migrate"], ["demo", "load"]):
        result = runner.invoke(app, command)
        if result.exit_code != 0:
            sys.exit(f"cpb {' '.join(command)} failed: {result.output}")


CPU: dict[str, float] = {}
"""Median processor time of each step: on a machine shared with other work, wall-clock
times grow with the load; the processor time of this single-threaded path does not."""


def timed(function: Callable[[], Any], repeat: int, name: str = "") -> tuple[float, Any]:
    times, cpu, value = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        value = function()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    if name:
        CPU[name] = statistics.median(cpu)
    return statistics.median(times), value


def django_started() -> bool:
    """Django was set up by an earlier benchmark of the same process (run_all.py)."""
    apps = sys.modules.get("django.apps")
    return bool(apps and apps.apps.ready)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step (median)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF conversion")
    args = parser.parse_args()
    if django_started():  # its database is set: run on a fresh one, in a new process
        command = [sys.executable, __file__, "--repeat", str(args.repeat)]
        sys.exit(subprocess.call(command + (["--no-pdf"] if args.no_pdf else [])))
    prepare_database()
    from cpbmonitor.core.evaluation import build_document, render, renderers
    from cpbmonitor.national_reports.models import NationalReport
    from cpbmonitor.services.evaluation_report import report_inputs

    print(f"demonstration data: {NationalReport.objects.count()} national reports")
    gather, inputs = timed(lambda: report_inputs("draft-2020", 5, 4), args.repeat, "gather")
    drawing, _ = timed(lambda: build_document(inputs), 1)
    build, document = timed(lambda: build_document(inputs), args.repeat, "build")
    french = replace(inputs, language="fr")
    build_fr, _ = timed(lambda: build_document(french), args.repeat)
    print(f"gather inputs from the database: {gather:6.2f} s")
    print(f"build the document, charts drawn:{drawing:6.2f} s (first build after a data change)")
    print(
        f"build the document:              {build:6.2f} s "
        f"(charts from the cache; French: {build_fr:.2f} s)"
    )
    seconds: dict[str, float] = {}
    for name, item in sorted(renderers().items()):
        if name == "pdf" and (args.no_pdf or item.missing()):
            print(f"write {name:4}: skipped ({item.missing() or '--no-pdf'})")
            continue
        seconds[name], data = timed(lambda name=name: render(document, name), args.repeat, name)
        print(f"write {name:4}:                      {seconds[name]:6.2f} s ({len(data):,} bytes)")
    full = gather + build + seconds["docx"]
    cpu = CPU["gather"] + CPU["build"] + CPU["docx"]
    verdict = "met" if full < TARGET else "NOT met"
    print(f"full document (gather + build + Word): {full:.2f} s (target {TARGET:.0f} s: {verdict})")
    load = os.getloadavg()[0]
    print(f"  processor time of the same steps: {cpu:.2f} s (load average {load:.1f})")
    if "pdf" in seconds:
        print(f"full document as PDF: {gather + build + seconds['pdf']:.2f} s")


if __name__ == "__main__":
    main()
