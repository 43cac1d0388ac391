"""`cycle_status` on a hand-built dataset, with the expected numbers worked out below.

Cycle 5, deadline 2026-02-28.

| gov | region | Party since | reports: submitted, complete            | sub | compl | on time |
|-----|--------|-------------|-----------------------------------------|-----|-------|---------|
| br  | GRULAC | 2004        | 2025-06-01 complete                     | 1   | 1     | 1       |
| ng  | AFR    | 2003        | 2026-03-15 complete (late)              | 1   | 1     | 0       |
| jp  | ASP    | 2004        | 2025-05-01 incomplete                   | 1   | 0     | 0       |
| fr  | WEOG   | 2004        | none                                    | 0   | 0     | 0       |
| pl  | CEE    | 2004        | 2025-01-10 incomplete, superseded by    | 1   | 1     | 1       |
|     |        |             | 2025-09-01 complete                     |     |       |         |
| eu  | (none) | 2003        | 2025-04-01 complete                     | 1   | 1     | 1       |
| sl  | AFR    | 2026-06-01  | 2026-07-01 complete: joined late, not counted             |
| ar  | GRULAC | not a Party | 2025-03-01 complete: non-Party, not counted               |

global: 6 Parties, 5 submitted, 4 complete, 3 complete on time. Regions add up to the
global figures minus the EU (1 Party, 1 submitted, 1 complete, 1 on time).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.status import cycle_status

from .factories import make_cycle, make_party, make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset() -> None:
    cycle = make_cycle(5)
    br, ng, jp = make_party("br"), make_party("ng", cp_since=dt.date(2003, 9, 11)), make_party("jp")
    make_party("fr")
    pl = make_party("pl")
    eu = make_party("eu", cp_since=dt.date(2003, 9, 11))
    sl = make_party(
        "sl", cp_since=dt.date(2026, 6, 1), region="AFR", name="Sierra Leone", iso3="SLE"
    )
    ar = make_party("ar", cp_since=None, region="GRULAC", name="Argentina", iso3="ARG")
    make_report(br, cycle, submitted="2025-06-01")
    make_report(ng, cycle, submitted="2026-03-15")
    make_report(jp, cycle, submitted="2025-05-01", complete=False)
    make_report(pl, cycle, submitted="2025-01-10", complete=False)
    make_report(pl, cycle, submitted="2025-09-01", is_current=False)
    NationalReport.objects.settle_history(pl, cycle)
    make_report(eu, cycle, submitted="2025-04-01")
    make_report(sl, cycle, submitted="2026-07-01")
    make_report(ar, cycle, submitted="2025-03-01")


def totals(parties: int, submitted: int, complete: int, on_time: int) -> dict[str, int]:
    return {
        "parties": parties,
        "submitted": submitted,
        "complete": complete,
        "complete_on_time": on_time,
    }


@pytest.mark.usefixtures("dataset")
def test_totals() -> None:
    status = cycle_status(5).as_dict()
    assert status["cycle"] == 5
    assert status["totals"] == {
        "global": totals(6, 5, 4, 3),
        "AFR": totals(1, 1, 1, 0),
        "ASP": totals(1, 1, 0, 0),
        "CEE": totals(1, 1, 1, 1),
        "GRULAC": totals(1, 1, 1, 1),
        "WEOG": totals(1, 0, 0, 0),
    }


@pytest.mark.usefixtures("dataset")
def test_party_rows() -> None:
    rows = {row["government"]: row for row in cycle_status("5").as_dict()["parties"]}
    assert sorted(rows) == ["br", "eu", "fr", "jp", "ng", "pl"]
    assert rows["ng"] == {
        "government": "ng",
        "region": "AFR",
        "submitted_on": "2026-03-15",
        "complete": True,
        "on_time": False,
    }
    assert rows["fr"] == {
        "government": "fr",
        "region": "WEOG",
        "submitted_on": None,
        "complete": False,
        "on_time": False,
    }
    assert rows["pl"]["submitted_on"] == "2025-09-01" and rows["pl"]["complete"] is True
    assert rows["eu"]["region"] is None


@pytest.mark.usefixtures("dataset")
def test_status_queries_are_bounded(django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(3):
        cycle_status(5)


@pytest.mark.usefixtures("dataset")
def test_supersession_keeps_history() -> None:
    reports = NationalReport.objects.for_government("POL").order_by("submitted_on")
    old, new = reports
    assert (old.is_current, new.is_current) == (False, True)
    assert old.superseded_by == new
    assert NationalReport.objects.current().for_cycle(5).count() == 7
