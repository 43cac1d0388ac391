"""Demonstration GEF funding for national reports, for indicator A.3(b).

Generated, never real (``demonstration=True``, identifiers ``demo-gef-...``). Of the
GEF-eligible Parties of each cycle, most accessed funding for its report, on a day
spread over the two years before the deadline; in the fifth cycle more of them and
earlier, so that the indicator (funding a year before the deadline) shows progress.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cpbmonitor.core.demo.design import IDENTIFIER_PREFIX
from cpbmonitor.core.demo.parties import DemoParty
from cpbmonitor.core.demo.records_common import day_between, rng_for
from cpbmonitor.core.records.model import ReportFunding


@dataclass(frozen=True)
class FundingCycle:
    cycle: int
    deadline: dt.date
    share: float
    """Of the eligible Parties, how many accessed funding."""
    first: dt.date
    last: dt.date


FUNDING_CYCLES = (
    FundingCycle(4, dt.date(2019, 10, 1), 0.8, dt.date(2017, 6, 1), dt.date(2019, 6, 30)),
    FundingCycle(5, dt.date(2026, 2, 28), 0.85, dt.date(2023, 6, 1), dt.date(2025, 9, 30)),
)
AGENCIES = ("UNEP", "UNEP", "UNEP", "UNDP", "FAO")


def gef_funding(parties: Sequence[DemoParty], seed: int) -> list[ReportFunding]:
    """Funding rows (one per government and cycle at most) for the GEF-eligible Parties."""
    rng = rng_for(seed, "gef-funding")
    found: list[ReportFunding] = []
    for funding in FUNDING_CYCLES:
        for party in parties:
            if not (party.gef_eligible and party.is_party_on(funding.deadline)):
                continue
            if rng.random() >= funding.share:
                continue
            found.append(
                ReportFunding(
                    identifier=f"{IDENTIFIER_PREFIX}gef-{funding.cycle}-{party.iso2}",
                    government=party.iso2,
                    cycle=funding.cycle,
                    agency=rng.choice(AGENCIES),
                    amount=float(rng.randint(15, 40) * 1000),
                    valid_from=day_between(rng, funding.first, funding.last),
                    demonstration=True,
                )
            )
    return found
