"""Benchmark of the indicator engine: the full evaluation (both cycles, all groups, all
Party scorecards) on the demonstration data and on a dataset 100 times larger, against
one plain scan of all stored answers.

    .venv/bin/python benchmarks/evaluate.py [--repeat 15]

Reports are the demonstration documents turned into the engine's inputs (Parties with
their Supplementary Protocol dates and GEF flags from the shipped list, as the database
holds them). The 100x dataset copies every Party 100 times (new government codes, same
region, answers copied into new objects as a database read would give them). The plain
scan is one Python pass over every report's answers that touches each stored value.
Prints the median wall time of each (run alternately) and their ratio. Rules are parsed
and compiled once per process; the first evaluation, which does it, is printed too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from cpbmonitor.core.demo import generate_demo, read_parties
from cpbmonitor.core.demo.parties import SHIPPED_PARTIES_FILE
from cpbmonitor.core.formats import cycle as format_cycle
from cpbmonitor.core.formats import shipped_format
from cpbmonitor.core.indicators import (
    CycleInfo,
    PartyFacts,
    ReportFacts,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.reports import ReportDocument, is_complete

SCALE = 100


def party_records() -> list[PartyFacts]:
    lines = SHIPPED_PARTIES_FILE.read_text(encoding="utf-8").splitlines()
    rows = {r["iso2"]: r for r in csv.DictReader(line for line in lines if line[:1] != "#")}
    return [
        PartyFacts(
            p.iso2,
            p.region,
            p.cp_party_since,
            _date(rows[p.iso2]["sp_party_since"]),
            rows[p.iso2]["gef_eligible"] == "true",
        )
        for p in read_parties()
    ]


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def demo_inputs() -> tuple[list[PartyFacts], list[ReportFacts]]:
    dataset = generate_demo(read_parties())
    latest: dict[tuple[str, str], ReportDocument] = {}
    for document in dataset.documents:
        latest[(document.government, document.schema)] = document
    return party_records(), [_record(document) for document in latest.values()]


def _record(document: ReportDocument) -> ReportFacts:
    cycle = format_cycle(int(document.schema[-1]))
    answers = {key: frozenset(answer.values or ("",)) for key, answer in document.answers.items()}
    submitted = document.submitted_on.date() if document.submitted_on else None
    complete = is_complete(document, shipped_format(document.schema))
    return ReportFacts(document.government, int(cycle.number), submitted, complete, answers)


def scaled(
    parties: list[PartyFacts], reports: list[ReportFacts], factor: int
) -> tuple[list[PartyFacts], list[ReportFacts]]:
    big_parties = [
        replace(p, government=f"{p.government}{i}") for i in range(factor) for p in parties
    ]
    big_reports = [
        replace(
            r,
            government=f"{r.government}{i}",
            answers={key: frozenset(values) for key, values in r.answers.items()},
        )
        for i in range(factor)
        for r in reports
    ]
    return big_parties, big_reports


def plain_scan(reports: list[ReportFacts]) -> int:
    """Visit every stored answer value once (question, value), counting them."""
    count = 0
    for report in reports:
        for _question, values in report.answers.items():
            for _value in values:
                count += 1
    return count


def median_times(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median wall times of ``first`` and ``second``, run alternately so that a change in
    the machine's load weighs on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, kept in zip((first, second), times, strict=True):
            start = time.perf_counter()
            function()
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    plan = load_plan("draft-2020")
    methodology = load_methodology(plan.id)
    fifth, fourth = format_cycle(5), format_cycle(4)
    current = CycleInfo(5, fifth.schema, fifth.deadline)
    baseline = CycleInfo(4, fourth.schema, fourth.deadline)
    parties, reports = demo_inputs()
    for label, (ps, rs) in (
        ("demonstration data", (parties, reports)),
        (f"{SCALE}x data", scaled(parties, reports, SCALE)),
    ):

        def run(ps: list[PartyFacts] = ps, rs: list[ReportFacts] = rs) -> object:
            return evaluate(plan, methodology, current, baseline, ps, rs)

        start = time.perf_counter()
        run()
        first = time.perf_counter() - start
        evaluation_time, scan_time = median_times(run, lambda rs=rs: plain_scan(rs), args.repeat)
        answers = plain_scan(rs)
        print(f"{label}: {len(rs)} reports, {len(ps)} governments, {answers} answer values")
        print(
            f"  full evaluation (both cycles, all groups, scorecards): {evaluation_time:.3f} s"
            f" (first run {first:.3f} s)"
        )
        ratio = evaluation_time / scan_time
        print(f"  plain scan of all answers: {scan_time:.3f} s; ratio {ratio:.1f}", flush=True)


if __name__ == "__main__":
    main()
