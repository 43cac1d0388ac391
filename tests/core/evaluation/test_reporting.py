"""The reporting status of a cycle from Parties and reports (``core.evaluation.reporting``),
as the live document and an evaluation run's document count it."""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.evaluation import ReportingTotals
from cpbmonitor.core.evaluation.reporting import cycle_reporting, latest_submission
from cpbmonitor.core.indicators import CycleInfo, PartyFacts, ReportFacts

DEADLINE = dt.date(2023, 10, 1)
CYCLE = CycleInfo(5, "cpbNationalReport5", DEADLINE)
JOINED = dt.date(2004, 1, 1)
PARTIES = [
    PartyFacts("br", "GRULAC", JOINED, None),
    PartyFacts("ng", "AFR", JOINED, None),
    PartyFacts("ke", "AFR", JOINED, None),
    PartyFacts("eu", None, JOINED, None),  # the European Union: the world only
    PartyFacts("za", "AFR", dt.date(2024, 1, 1), None),  # joined after the deadline
    PartyFacts("us", "WEOG", None, None),  # not a Party
]


def report(government: str, submitted: str | None, complete: bool = True, **more) -> ReportFacts:
    day = dt.date.fromisoformat(submitted) if submitted else None
    return ReportFacts(government, 5, day, complete, **more)


REPORTS = [
    report("br", "2023-09-01"),  # complete, on time
    report("ng", "2023-12-01", first_submitted_on=dt.date(2023, 9, 15)),  # corrected late
    report("ke", "2023-11-01"),  # late
    report("eu", "2023-09-20", complete=False),
    report("za", "2024-02-01"),  # not a Party on the deadline
    report("us", "2023-09-01"),  # not a Party
    ReportFacts("br", 4, dt.date(2019, 9, 1), True),  # another cycle
]


def test_counts_parties_on_the_deadline_world_and_regions():
    reporting = cycle_reporting(CYCLE, PARTIES, REPORTS)
    assert (reporting.number, reporting.deadline) == (5, DEADLINE)
    assert reporting.totals["global"] == ReportingTotals(4, 4, 3, 2)
    assert reporting.totals["AFR"] == ReportingTotals(2, 2, 2, 1)
    assert reporting.totals["GRULAC"] == ReportingTotals(1, 1, 1, 1)
    assert reporting.totals["WEOG"] == ReportingTotals(0, 0, 0, 0)
    assert set(reporting.totals) == {"global", "AFR", "ASP", "CEE", "GRULAC", "WEOG"}


def test_a_party_without_a_report_counts_as_not_submitted():
    reporting = cycle_reporting(CYCLE, PARTIES, [r for r in REPORTS if r.government != "ke"])
    assert reporting.totals["AFR"] == ReportingTotals(2, 1, 1, 1)


def test_latest_submission_of_the_cycle():
    assert latest_submission(5, REPORTS) == dt.date(2024, 2, 1)
    assert latest_submission(4, REPORTS) == dt.date(2019, 9, 1)
    assert latest_submission(6, REPORTS) is None
