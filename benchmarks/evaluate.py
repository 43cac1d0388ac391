"""Benchmark of the indicator engine: the full evaluation (both cycles, all groups, all
Party scorecards) on the demonstration data and on a dataset 100 times larger, against
one plain scan of all stored answers.

    .venv/bin/python benchmarks/evaluate.py [--repeat 5]

Reports are the demonstration documents turned into the engine's inputs; the 100x
dataset copies every Party 100 times (new government codes, same region and answers).
Prints the median wall time of each and the ratio to the plain scan.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from cpbmonitor.core.demo import generate_demo, read_parties
from cpbmonitor.core.formats import cycle as format_cycle
from cpbmonitor.core.formats import shipped_format
from cpbmonitor.core.indicators import (
    CycleInfo,
    PartyRecord,
    ReportRecord,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.reports import ReportDocument, is_complete


def demo_inputs() -> tuple[list[PartyRecord], list[ReportRecord]]:
    demo_parties = read_parties()
    dataset = generate_demo(demo_parties)
    parties = [
        PartyRecord(p.iso2, p.region, p.cp_party_since, None, p.region not in (None, "WEOG"))
        for p in demo_parties
    ]
    latest: dict[tuple[str, str], ReportDocument] = {}
    for document in dataset.documents:
        latest[(document.government, document.schema)] = document
    reports = [_record(document) for document in latest.values()]
    return parties, reports


def _record(document: ReportDocument) -> ReportRecord:
    cycle = format_cycle(int(document.schema[-1]))
    answers = {key: frozenset(answer.values or ("",)) for key, answer in document.answers.items()}
    submitted = document.submitted_on.date() if document.submitted_on else None
    complete = is_complete(document, shipped_format(document.schema))
    return ReportRecord(document.government, int(cycle.number), submitted, complete, answers)


def scaled(parties: list[PartyRecord], reports: list[ReportRecord], factor: int):
    big_parties = [
        replace(p, government=f"{p.government}{i}") for i in range(factor) for p in parties
    ]
    big_reports = [
        replace(r, government=f"{r.government}{i}") for i in range(factor) for r in reports
    ]
    return big_parties, big_reports


def plain_scan(reports: list[ReportRecord]) -> int:
    """Visit every stored answer value once (question, value), counting them."""
    count = 0
    for report in reports:
        for _question, values in report.answers.items():
            for _value in values:
                count += 1
    return count


def median_time(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = load_plan("draft-2020")
    methodology = load_methodology(plan.id)
    fifth, fourth = format_cycle(5), format_cycle(4)
    current = CycleInfo(5, fifth.schema, fifth.deadline)
    baseline = CycleInfo(4, fourth.schema, fourth.deadline)
    parties, reports = demo_inputs()
    for label, (ps, rs) in (
        ("demonstration data", (parties, reports)),
        ("100x data", scaled(parties, reports, 100)),
    ):
        evaluation_time = median_time(
            lambda ps=ps, rs=rs: evaluate(plan, methodology, current, baseline, ps, rs), args.repeat
        )
        scan_time = median_time(lambda rs=rs: plain_scan(rs), args.repeat)
        answers = plain_scan(rs)
        print(f"{label}: {len(rs)} reports, {len(ps)} governments, {answers} answer values")
        print(f"  full evaluation (both cycles, all groups, scorecards): {evaluation_time:.3f} s")
        ratio = evaluation_time / scan_time
        print(f"  plain scan of all answers: {scan_time:.3f} s; ratio {ratio:.1f}")


if __name__ == "__main__":
    main()
