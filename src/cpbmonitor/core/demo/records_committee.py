"""Demonstration reviews of the Compliance Committee: its conclusions on whether Parties
comply with their obligations, for indicator A.4(a).

Generated, never real (``demonstration=True``, identifiers ``demo-ccr-...``). Two rounds
of reviews of national reports: after the third reports (concluded in 2016-2017, about
three Parties in ten) and after the fourth (2020-2021, about four in ten). A Party with
an issue in which the Committee found non-compliance, open on the day of a review, is
found not in compliance; otherwise the chance of it depends on the region and falls in
the second round, so that the indicator shows some progress.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from cpbmonitor.core.demo.design import IDENTIFIER_PREFIX
from cpbmonitor.core.demo.parties import DemoParty
from cpbmonitor.core.demo.records_common import day_between, rng_for
from cpbmonitor.core.records.model import ComplianceIssue, ComplianceReview


@dataclass(frozen=True)
class ReviewRound:
    name: str
    reports: str
    """Which national reports the round reviewed (for the subject)."""
    party_by: dt.date
    first: dt.date
    last: dt.date
    share: float
    """Of the Parties (on ``party_by``), how many are reviewed."""
    non_compliance: float
    """Multiplies the regional chance of a conclusion of non-compliance."""


ROUNDS = (
    ReviewRound(
        "3", "third", dt.date(2015, 10, 31), dt.date(2016, 3, 1), dt.date(2017, 12, 31), 0.3, 1.0
    ),
    ReviewRound(
        "4", "fourth", dt.date(2019, 10, 1), dt.date(2020, 6, 1), dt.date(2021, 12, 31), 0.4, 0.6
    ),
)
NON_COMPLIANCE = {"AFR": 0.35, "ASP": 0.3, "GRULAC": 0.25, "CEE": 0.15, "WEOG": 0.05}
OBLIGATIONS = (
    "Article 19 (competent national authorities and national focal points)",
    "Article 20 (information to the Biosafety Clearing-House)",
    "Article 33 (monitoring and reporting)",
    "Article 2 (legal and administrative measures)",
)


def compliance_reviews(
    parties: Sequence[DemoParty], issues: Sequence[ComplianceIssue], seed: int
) -> list[ComplianceReview]:
    """The reviews of both rounds for the Parties among ``parties``."""
    rng = rng_for(seed, "reviews")
    found: list[ComplianceReview] = []
    for review_round in ROUNDS:
        able = [p for p in parties if p.is_party_on(review_round.party_by)]
        count = round(len(able) * review_round.share)
        for party in sorted(rng.sample(able, count), key=lambda p: p.iso2):
            found.append(_review(party, review_round, issues, rng))
    return found


def _review(
    party: DemoParty,
    review_round: ReviewRound,
    issues: Sequence[ComplianceIssue],
    rng: random.Random,
) -> ComplianceReview:
    day = day_between(rng, review_round.first, review_round.last)
    open_findings = [
        issue.subject
        for issue in issues
        if issue.government == party.iso2
        and issue.finding_of_non_compliance
        and issue.holds_on(day)
    ]
    chance = NON_COMPLIANCE.get(party.region or "", 0.0) * review_round.non_compliance
    not_met = open_findings or ([rng.choice(OBLIGATIONS)] if rng.random() < chance else [])
    return ComplianceReview(
        identifier=f"{IDENTIFIER_PREFIX}ccr-{review_round.name}-{party.iso2}",
        government=party.iso2,
        subject=f"Review of the {review_round.reports} national report",
        conclusion="non-compliance" if not_met else "in-compliance",
        obligations_not_met=not_met,
        valid_from=day,
        demonstration=True,
    )
