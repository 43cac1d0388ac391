"""The reporting status of a cycle, for the document: reports received, complete and
complete on time among the Parties to the Protocol on the cycle's deadline, world and
regions, computed from the Parties and the reports as the indicator engine reads them.

The live document and an evaluation run's document both come through here (the run from
its frozen Parties and reports), so the two count alike: the current report of each Party
(reports of non-Parties and of later joiners left out); on time when the government's
first submission for the cycle was on or before the deadline (a correction keeps it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cpbmonitor.core.evaluation.inputs import CycleReporting, ReportingTotals
from cpbmonitor.core.indicators import (
    GLOBAL,
    GROUPS,
    CycleInfo,
    PartyFacts,
    ReportFacts,
    parties_on,
    reports_of,
)


def cycle_reporting(
    cycle: CycleInfo, parties: Iterable[PartyFacts], reports: Iterable[ReportFacts]
) -> CycleReporting:
    """Reporting in ``cycle``: ``global`` then each region (the European Union, which has
    no region, counts in ``global`` only)."""
    members = parties_on(parties, cycle)
    chosen = reports_of(reports, cycle, members)
    counts = {group: [0, 0, 0, 0] for group in GROUPS}
    for government, party in members.items():
        report = chosen.get(government)
        submitted = report is not None and report.submitted_on is not None
        complete = bool(report and report.complete)
        on_time = bool(report and complete and report.on_time(cycle.deadline))
        for group in (GLOBAL, party.region) if party.region in GROUPS else (GLOBAL,):
            row = counts[group]
            row[0] += 1
            row[1] += submitted
            row[2] += complete
            row[3] += on_time
    totals = {group: ReportingTotals(*row) for group, row in counts.items()}
    return CycleReporting(cycle.number, cycle.deadline, totals)


def latest_submission(cycle: int, reports: Iterable[ReportFacts]) -> dt.date | None:
    """The date of the latest report of ``cycle`` among ``reports`` (the date of the data)."""
    days = [r.submitted_on for r in reports if r.cycle == cycle and r.submitted_on]
    return max(days, default=None)
