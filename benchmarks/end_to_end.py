"""End to end, from the database: the full evaluation as the CLI and the pages get it,
against one plain scan of the stored answers and a DuckDB computation of the same
indicators, on the demonstration data at 1x, 10x and 100x.

    .venv/bin/python benchmarks/end_to_end.py [--scales 1 10 100] [--repeat 5]

The databases are built once under ``var/bench/scale-N/`` (SQLite) with
``cpb db migrate`` and ``cpb demo load --scale N`` (the demonstration reports cloned under
synthetic governments; 100x is 24,100 current reports and 3.7 million answer values).
Each scale gets one long-lived worker process (process start and Django set-up
excluded; the first round, which also parses the plan and compiles the rules, is not
counted); the contenders then run in turn, scales interleaved, ``--repeat`` rounds, and
the medians are printed:

(a) ``services.evaluation.evaluate_stored``: every indicator of the plan, cycle 5
    against the baseline cycle 4, world and regions, every Party's flags on every binary
    indicator read out (the scorecards), from the database;
(b) one plain scan: ``SELECT report_id, question, value`` over the answers table,
    every row fetched;
(c) DuckDB: the tables it needs (Parties, cycles, reports, all answers) read from the
    same database into DuckDB (no SQLite scanner offline: rows fetched and handed over
    as NumPy columns), then five indicators (A.1(a), A.1(c), A.7(a), A.7(c), A.7(d)),
    both cycles, world and regions, in one SQL query; checked equal to (a), cell by
    cell, once per scale. Its load and query times are also shown apart.

Peak memory at the largest scale is measured for (a) and (c) each in a fresh process
(maximum resident set size, and its growth over the process after set-up).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
CPB = str(Path(sys.executable).with_name("cpb"))
PLAN = "draft-2020"
INDICATORS: dict[str, dict[int, tuple[str, tuple[str, ...]]]] = {
    "A.1(a)": {
        4: ("Q014", ("implementation.fullInPlace", "implementation.partiallyInPlace")),
        5: ("Q007", ("implementation.fullInPlace", "implementation.partiallyInPlace")),
    },
    "A.1(c)": {4: ("Q018", ("true",)), 5: ("Q011", ("true",))},
    "A.7(a)": {4: ("Q091", ("true", "true.some")), 5: ("Q079", ("true", "true.some"))},
    "A.7(c)": {4: ("Q095", ("true", "true.some")), 5: ("Q083", ("true", "true.some"))},
    "A.7(d)": {4: ("Q097", ("true", "true.some")), 5: ("Q085", ("true", "true.some"))},
}
"""The indicators DuckDB computes: cycle -> (question, values that meet the rule)."""

DUCKDB_QUERY = """
WITH parties AS (
    SELECT id, region FROM party WHERE cp_party AND cp_party_since <= $deadline
), reports AS (
    SELECT r.id, r.government_id, r.complete FROM report r JOIN cycle c ON r.cycle_id = c.id
    WHERE r.is_current AND c.number = $cycle AND r.government_id IN (SELECT id FROM parties)
), hits AS (
    SELECT i.code, a.report_id, bool_or(list_contains(i.vals, a.value)) AS met
    FROM answer a JOIN rule i ON a.question = i.question
    WHERE i.cycle = $cycle
    GROUP BY i.code, a.report_id
)
SELECT i.code, grouping(p.region) AS world, p.region,
       count(*) FILTER (WHERE h.met) AS numerator, count(*) AS denominator
FROM reports r JOIN parties p ON r.government_id = p.id
CROSS JOIN (SELECT code FROM rule WHERE cycle = $cycle) i
LEFT JOIN hits h ON h.code = i.code AND h.report_id = r.id
WHERE r.complete OR h.report_id IS NOT NULL
GROUP BY GROUPING SETS ((i.code), (i.code, p.region))
"""


# ------------------------------------------------------------------ the worker (one scale)


def worker(data_dir: str) -> None:
    """Answer commands on stdin (one per line) with one JSON line each on stdout."""
    os.environ["CPB_DATA_DIR"] = data_dir
    from cpbmonitor.web.bootstrap import setup_django

    setup_django()
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write to the protocol
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        started = time.perf_counter()
        result = CONTENDERS[command]()
        elapsed = time.perf_counter() - started
        reply = {"seconds": elapsed, **(result if isinstance(result, dict) else {})}
        if command == "check":
            reply = result
        if command in ("a-memory", "c-memory"):
            reply["peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out.write(json.dumps(reply) + "\n")
        out.flush()


def full_evaluation() -> dict[str, Any]:
    from cpbmonitor.services.evaluation import evaluate_stored

    evaluation = evaluate_stored(PLAN, 5, 4)
    flags = sum(len(dict(s.current)) + len(dict(s.baseline)) for s in evaluation.scorecards)
    cells = sum(len(r.groups) for r in evaluation.indicators)
    return {"cells": cells, "party_flags": flags, "_evaluation": evaluation}


def plain_scan() -> dict[str, Any]:
    from django.db import connection

    from cpbmonitor.national_reports.models import Answer

    rows = 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT report_id, question, value FROM {Answer._meta.db_table}")
        for _ in cursor:
            rows += 1
    return {"rows": rows}


def _duckdb_tables() -> Any:
    import duckdb
    import numpy as np
    from django.db import connection

    from cpbmonitor.national_reports.models import (
        Answer,
        NationalReport,
        Party,
        ReportingCycle,
    )

    tables = {
        "party": (Party, ("id", "region", "cp_party", "cp_party_since")),
        "cycle": (ReportingCycle, ("id", "number")),
        "report": (NationalReport, ("id", "government_id", "cycle_id", "is_current", "complete")),
        "answer": (Answer, ("report_id", "question", "value")),
    }
    database = duckdb.connect()
    with connection.cursor() as cursor:
        for name, (model, columns) in tables.items():
            cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")
            rows = cursor.fetchall()
            values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
            arrays = {c: np.array(v, dtype=object) for c, v in zip(columns, values, strict=True)}
            database.register(f"{name}_source", arrays)
            database.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_source")
            database.unregister(f"{name}_source")
    database.execute("ALTER TABLE party ALTER cp_party_since TYPE DATE")
    database.execute("ALTER TABLE party ALTER cp_party TYPE BOOLEAN")
    database.execute("ALTER TABLE report ALTER is_current TYPE BOOLEAN")
    database.execute("ALTER TABLE report ALTER complete TYPE BOOLEAN")
    database.execute(
        "CREATE TABLE rule (code VARCHAR, cycle INTEGER, question VARCHAR, vals VARCHAR[])"
    )
    database.executemany(
        "INSERT INTO rule VALUES (?, ?, ?, ?)",
        [
            (code, cycle, question, list(values))
            for code, rules in INDICATORS.items()
            for cycle, (question, values) in rules.items()
        ],
    )
    return database


def duckdb_indicators() -> dict[str, Any]:
    from cpbmonitor.national_reports.models import ReportingCycle

    started = time.perf_counter()
    database = _duckdb_tables()
    loaded = time.perf_counter()
    found: dict[tuple[str, int, str], tuple[int, int]] = {}
    for cycle in (4, 5):
        deadline = ReportingCycle.objects.get(number=cycle).deadline
        rows = database.execute(DUCKDB_QUERY, {"cycle": cycle, "deadline": deadline}).fetchall()
        for code, world, region, numerator, denominator in rows:
            if world or region:
                found[(code, cycle, "global" if world else region)] = (numerator, denominator)
    return {
        "load_seconds": loaded - started,
        "query_seconds": time.perf_counter() - loaded,
        "_cells": found,
    }


def check() -> dict[str, Any]:
    """(c) against (a): numerators and denominators of every computed cell."""
    evaluation = full_evaluation()["_evaluation"]
    cells = duckdb_indicators()["_cells"]
    mismatches = []
    for result in evaluation.indicators:
        if result.code not in INDICATORS:
            continue
        for group, value in result.groups.items():
            pairs = {
                5: (value.numerator, value.denominator),
                4: (value.baseline_numerator, value.baseline_denominator),
            }
            for cycle, pair in pairs.items():
                other = cells.get((result.code, cycle, group), (0, 0))
                expected = pair if pair[1] else (0, 0)
                if other != expected:
                    mismatches.append(f"{result.code} {cycle} {group}: {expected} vs {other}")
    return {"cells": len(INDICATORS) * 2 * 6, "mismatches": mismatches}


CONTENDERS = {
    "a": lambda: {k: v for k, v in full_evaluation().items() if not k.startswith("_")},
    "b": plain_scan,
    "c": lambda: {k: v for k, v in duckdb_indicators().items() if not k.startswith("_")},
    "a-memory": lambda: {k: v for k, v in full_evaluation().items() if not k.startswith("_")},
    "c-memory": lambda: {k: v for k, v in duckdb_indicators().items() if not k.startswith("_")},
    "check": check,
    "rss": lambda: {"peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss},
}


# ------------------------------------------------------------------ the driver


class Worker:
    def __init__(self, scale: int) -> None:
        self.scale = scale
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(data_dir(scale))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"worker for scale {self.scale} ended")
        return json.loads(line)

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        self.process.wait()


def data_dir(scale: int) -> Path:
    return BENCH_DIR / f"scale-{scale}"


def build(scale: int) -> None:
    """The scaled demonstration database, built once (``var/bench/scale-N``)."""
    folder = data_dir(scale)
    if (folder / "built").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cpbmonitor.sqlite3").unlink(missing_ok=True)
    env = {**os.environ, "CPB_DATA_DIR": str(folder)}
    env.pop("CPB_DATABASE_URL", None)
    started = time.perf_counter()
    subprocess.run([CPB, "db", "migrate"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [CPB, "demo", "load", "--scale", str(scale)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    print(f"built scale {scale} in {time.perf_counter() - started:.1f} s", flush=True)
    (folder / "built").write_text("ok\n")


def memory(scale: int, command: str) -> dict[str, float]:
    """Peak resident memory of one run of ``command`` in a fresh worker (MiB)."""
    fresh = Worker(scale)
    try:
        before = fresh.ask("rss")["peak_kib"]
        after = fresh.ask(command)["peak_kib"]
    finally:
        fresh.close()
    return {"peak": after / 1024, "growth": (after - before) / 1024}


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory_kib = 0
    load = os.getloadavg()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory_kib / 1024 / 1024:.1f} GiB RAM, "
        f"Python {platform.python_version()}, SQLite; load average {load[0]:.1f} {load[1]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    for scale in args.scales:
        build(scale)
    print(f"machine: {machine()}", flush=True)
    workers = {scale: Worker(scale) for scale in args.scales}
    times: dict[tuple[int, str], list[float]] = {}
    parts: dict[tuple[int, str], list[float]] = {}
    try:
        for scale, work in workers.items():  # warm-up round, not counted, and the check
            for command in ("a", "b", "c"):
                work.ask(command)
            checked = work.ask("check")
            state = (
                "equal" if not checked["mismatches"] else f"DIFFERENT {checked['mismatches'][:3]}"
            )
            print(
                f"scale {scale}: DuckDB vs evaluation on {checked['cells']} cells: {state}",
                flush=True,
            )
        for _ in range(args.repeat):
            for command in ("a", "b", "c"):
                for scale, work in workers.items():
                    reply = work.ask(command)
                    times.setdefault((scale, command), []).append(reply["seconds"])
                    if command == "c":
                        parts.setdefault((scale, "load"), []).append(reply["load_seconds"])
                        parts.setdefault((scale, "query"), []).append(reply["query_seconds"])
    finally:
        for work in workers.values():
            work.close()
    median = {key: statistics.median(values) for key, values in (times | parts).items()}
    print()
    print(
        f"{'scale':>5} {'(a) evaluation':>15} {'(b) scan':>9} {'(c) DuckDB':>11}"
        f" {'(c) load+query':>16} {'a/b':>6} {'c/a':>6}"
    )
    for scale in args.scales:
        a, b, c = (median[(scale, x)] for x in ("a", "b", "c"))
        split = f"{median[(scale, 'load')]:.3f}+{median[(scale, 'query')]:.3f}"
        print(
            f"{scale:>4}x {a:>14.3f}s {b:>8.3f}s {c:>10.3f}s {split:>16}"
            f" {a / b:>6.2f} {c / a:>6.2f}"
        )
    largest = max(args.scales)
    peak_a, peak_c = memory(largest, "a-memory"), memory(largest, "c-memory")
    print(
        f"\npeak memory at {largest}x (fresh process): evaluation {peak_a['peak']:.0f} MiB "
        f"(+{peak_a['growth']:.0f} over set-up), DuckDB {peak_c['peak']:.0f} MiB "
        f"(+{peak_c['growth']:.0f})"
    )
    print(f"medians of {args.repeat} rounds; load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
