"""Indicator fixes of the methodology (docs/methodology.md), on four hand-built fifth
reports of four African Parties (all complete):

Q102_i import decisions for release; Q055 risk assessments; Q058 RA for every decision;
Q155_c socio-economic research cooperation; Q155_c_adq including IPLCs.

| Party | Q102_i | Q055 | Q058 | Q155_c | Q155_c_adq |
|---|---|---|---|---|---|
| p1 | - | true | true | true | true |
| p2 | true.availableOnBch | false | - | true | false |
| p3 | false.notAvailable | false | - | false | - |
| p4 | true.availableNotOnBch | true | true.some | true | - |

A.5(a): the Parties that took decisions (p2, p4) or conducted risk assessments (p1, p4)
are p1 p2 p4; only p1 conducted one for every decision: 1/3 = 33.33%. Over the old
population (risk assessments only: p1 p4) it would have been 1/2, leaving out p2, which
decided without any risk assessment.
A.9(c): cooperation on socio-economic research including IPLCs: only p1: 1/4 = 25%.
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.indicators import (
    CycleInfo,
    PartyFacts,
    ReportFacts,
    Settings,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan

C5 = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
SINCE = dt.date(2003, 9, 11)
ANSWERS = {
    "p1": {"Q055": "true", "Q058": "true", "Q155_c": "true", "Q155_c_adq": "true"},
    "p2": {
        "Q102_i": "true.availableOnBch",
        "Q055": "false",
        "Q155_c": "true",
        "Q155_c_adq": "false",
    },
    "p3": {"Q102_i": "false.notAvailable", "Q055": "false", "Q155_c": "false"},
    "p4": {
        "Q102_i": "true.availableNotOnBch",
        "Q055": "true",
        "Q058": "true.some",
        "Q155_c": "true",
    },
}


def run(version: str):
    parties = [PartyFacts(g, "AFR", SINCE) for g in ANSWERS]
    reports = [
        ReportFacts(g, 5, dt.date(2026, 1, 1), True, {k: frozenset({v}) for k, v in a.items()})
        for g, a in ANSWERS.items()
    ]
    plan = load_plan(version)
    return evaluate(
        plan, load_methodology(version), C5, None, parties, reports, Settings(min_denominator=1)
    )


def test_a5a_counts_parties_that_decided_without_a_risk_assessment() -> None:
    for version in ("draft-2020", "draft-2019"):
        g = run(version).result("A.5(a)").overall
        assert (g.numerator, g.denominator, g.value) == (1, 3, 33.33), version


def test_a9c_requires_the_iplc_part() -> None:
    g = run("draft-2020").result("A.9(c)").overall
    assert (g.numerator, g.denominator, g.value) == (1, 4, 25.0)
