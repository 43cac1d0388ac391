"""Demonstration records: deterministic, labelled, consistent, and shaped for indicators
"as on" a date and for the capacity-building gaps analysis."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from cpbmonitor.core.demo import DEFAULT_SEED, IDENTIFIER_PREFIX, read_parties
from cpbmonitor.core.demo import records as design
from cpbmonitor.core.demo.records import SNAPSHOT, generate_demo_records
from cpbmonitor.core.demo.records_capacity import ACTIVITY_LEVELS, RESOURCE_COUNT
from cpbmonitor.core.records import (
    RECORD_TYPES,
    CapacityActivity,
    ComplianceIssue,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    NationalContact,
    RecordModel,
    RecordSet,
    ReferenceMaterial,
    RiskAssessment,
    UsageStatistic,
    type_of,
)
from cpbmonitor.core.records.integrity import check_links

PARTIES = read_parties()
PARTY = {p.iso2: p for p in PARTIES}
MEMBERS = {p.iso2 for p in PARTIES if p.cp_party}


@pytest.fixture(scope="module")
def records() -> list[RecordModel]:
    return generate_demo_records(PARTIES)


@pytest.fixture(scope="module")
def demo(records: list[RecordModel]) -> RecordSet:
    return RecordSet.of(records)


def test_deterministic_for_a_seed(records: list[RecordModel]) -> None:
    assert generate_demo_records(PARTIES, DEFAULT_SEED) == records
    other = generate_demo_records(PARTIES, DEFAULT_SEED + 1)
    assert other != records
    assert len(other) != len(records) or [r.identifier for r in other] != [
        r.identifier for r in records
    ]


def test_labelled_and_prefixed(records: list[RecordModel]) -> None:
    assert all(record.demonstration for record in records)
    assert all(record.identifier.startswith(IDENTIFIER_PREFIX) for record in records)


def test_valid_and_consistent(records: list[RecordModel]) -> None:
    for record in records:
        assert type(record).model_validate(record.model_dump()) == record
    assert check_links(records) == []


def test_counts(demo: RecordSet) -> None:
    counts = demo.counts()
    assert counts["lmo"] == design.LMO_COUNT == 150
    assert counts["detection-method"] == design.DETECTED_LMOS + design.GROUP_METHODS
    assert counts["reference-material"] == design.REFERENCE_MATERIALS
    assert counts["decision"] == design.DECISION_COUNT
    linked = sum(1 for d in demo.all(Decision) if d.risk_assessment)
    assert counts["risk-assessment"] == linked + design.UNLINKED_RISK_ASSESSMENTS
    assert counts["compliance-issue"] == design.ISSUE_COUNT == 20
    assert counts["usage-statistic"] == 10
    assert counts["cb-activity"] == sum(ACTIVITY_LEVELS.values()) == 120
    assert counts["cb-resource"] == RESOURCE_COUNT == 40
    assert counts["laboratory"] > 40 and counts["contact"] > 3 * len(MEMBERS)


def test_only_parties_have_government_records(records: list[RecordModel]) -> None:
    governments = {g for record in records for g in record.governments_concerned}
    assert governments <= MEMBERS


def test_contacts_before_and_after_the_snapshot(demo: RecordSet) -> None:
    nfps = [c for c in demo.all(NationalContact) if c.role == "national-focal-point"]
    ever = {c.government for c in nfps}
    on_snapshot = {c.government for c in nfps if c.holds_on(SNAPSHOT)}
    assert 0.9 * len(MEMBERS) < len(ever) < len(MEMBERS), "most Parties, not all"
    assert len(on_snapshot) < len(ever)
    assert any(c.valid_from > SNAPSHOT for c in nfps)
    assert any(c.valid_to is not None and c.valid_to <= SNAPSHOT for c in nfps)
    gap = ever - on_snapshot - {p.iso2 for p in PARTIES if not p.is_party_on(SNAPSHOT)}
    assert gap, "some Parties had no national focal point on the snapshot date"
    roles = Counter(c.role for c in demo.on(NationalContact, SNAPSHOT))
    assert set(roles) == {
        "national-focal-point",
        "competent-national-authority",
        "article-17-contact-point",
        "bch-focal-point",
    }


def test_about_two_lmos_in_three_have_a_detection_method(demo: RecordSet) -> None:
    organisms = {lmo.identifier for lmo in demo.all(LivingModifiedOrganism)}
    detected = {lmo for method in demo.all(DetectionMethod) for lmo in method.lmos}
    assert detected <= organisms
    assert len(detected) == design.DETECTED_LMOS
    assert 0.6 <= len(detected) / len(organisms) <= 0.7
    kinds = Counter(lmo.organism for lmo in demo.all(LivingModifiedOrganism))
    assert {"maize", "soybean", "cotton", "canola"} <= set(kinds)
    materials = {lmo for crm in demo.all(ReferenceMaterial) for lmo in crm.lmos}
    assert materials <= detected


def test_decisions_and_their_risk_assessments(demo: RecordSet) -> None:
    decisions = demo.all(Decision)
    days = [d.valid_from for d in decisions]
    assert dt.date(2012, 1, 1) <= min(days) and max(days) <= dt.date(2025, 12, 31)
    assessments = {ra.identifier: ra for ra in demo.all(RiskAssessment)}
    linked = [d for d in decisions if d.risk_assessment]
    assert 0.4 < len(linked) / len(decisions) < 0.7
    later = [d for d in linked if assessments[d.risk_assessment or ""].valid_from > d.valid_from]
    assert 0 < len(later) < len(linked) / 4, "most reports exist when the decision is taken"
    assert all(assessments[d.risk_assessment or ""].government == d.government for d in linked)


CYCLE_5_SNAPSHOT = dt.date(2026, 2, 28)


def open_findings(demo: RecordSet, day: dt.date) -> list[str]:
    """Parties with an issue open on ``day`` in which non-compliance was found (A.4(a))."""
    return sorted(
        i.government for i in demo.on(ComplianceIssue, day) if i.finding_of_non_compliance
    )


def resolved(demo: RecordSet, day: dt.date) -> tuple[int, int]:
    """(issues opened by ``day`` and resolved by then, issues opened by ``day``) (A.4(b))."""
    opened = [i for i in demo.all(ComplianceIssue) if i.valid_from <= day]
    return sum(1 for i in opened if not i.holds_on(day)), len(opened)


def test_compliance_issues_and_usage(demo: RecordSet) -> None:
    issues = demo.all(ComplianceIssue)
    assert all(dt.date(2014, 1, 1) <= i.valid_from <= dt.date(2024, 12, 31) for i in issues)
    assert sum(1 for i in issues if i.valid_to is not None) == design.RESOLVED_ISSUES
    assert any(i.valid_to is not None and i.valid_to <= SNAPSHOT for i in issues)
    assert len({i.government for i in issues}) == len(issues), "one issue per Party"
    usage = demo.all(UsageStatistic)
    assert [u.valid_from.year for u in usage] == list(range(2016, 2026))
    assert all(u.valid_to == dt.date(u.valid_from.year + 1, 1, 1) for u in usage)


def test_findings_of_non_compliance_open_on_each_snapshot(demo: RecordSet) -> None:
    findings = [i for i in demo.all(ComplianceIssue) if i.finding_of_non_compliance]
    assert len(findings) == len(design.FINDINGS) == 6
    # A.4(a): 4 Parties on 2019-12-31, 2 on 2026-02-28 (ly's issue is open on both).
    assert open_findings(demo, SNAPSHOT) == ["kp", "ly", "sy", "tz"]
    assert open_findings(demo, CYCLE_5_SNAPSHOT) == ["bi", "ly"]
    assert all(PARTY[i.government].is_party_on(i.valid_from) for i in findings)
    # A.4(b): 2 of the 11 issues opened by 2019-12-31 resolved; 12 of all 20 by 2026-02-28.
    assert resolved(demo, SNAPSHOT) == (2, 11)
    assert resolved(demo, CYCLE_5_SNAPSHOT) == (12, 20)


def test_activities_are_uneven_so_that_gaps_show(demo: RecordSet) -> None:
    activities = demo.all(CapacityActivity)
    assert Counter(a.level for a in activities) == ACTIVITY_LEVELS
    assert all(dt.date(2016, 1, 1) <= a.valid_from <= dt.date(2027, 6, 30) for a in activities)
    assert all(a.key_areas and a.goals and a.needs_areas for a in activities)
    needs = Counter(area for a in activities for area in a.needs_areas)
    assert needs["(q)"] == 0
    well_covered = min(needs[area] for area in ("(a)", "(c)", "(d)", "(i)"))
    assert all(needs[area] < well_covered / 2 for area in ("(h)", "(l)", "(m)"))
    regions = Counter(region for a in activities for region in a.regions)
    assert regions["CEE"] < regions["AFR"] / 2 and regions["WEOG"] < regions["AFR"] / 2
    funded = [a.funding_amount for a in activities if a.funding_amount is not None]
    assert len(funded) > 90 and all(amount >= 15000 for amount in funded)


def test_every_type_is_generated(records: list[RecordModel]) -> None:
    assert {type_of(record).name for record in records} == set(RECORD_TYPES)


def test_three_parties_get_proportionally_fewer_records() -> None:
    world = [PARTY["br"], PARTY["de"], PARTY["ng"]]
    records = generate_demo_records(world)
    assert check_links(records) == []
    assert {g for r in records for g in r.governments_concerned} <= {"br", "de", "ng"}
    demo = RecordSet.of(records)
    counts = demo.counts()
    # 420 x 3 / 173 = 7.3 decisions; 25 x 3 / 173 = 0.4 -> at least 1 unlinked report.
    assert counts["decision"] == 7
    linked = sum(1 for d in demo.all(Decision) if d.risk_assessment)
    assert counts["risk-assessment"] == linked + 1
    # 20 x 3 / 173 = 0.3 -> 1 issue: the first of FINDINGS, open on both snapshots.
    assert open_findings(demo, SNAPSHOT) == open_findings(demo, CYCLE_5_SNAPSHOT) == ["ng"]
    assert counts["compliance-issue"] == 1
    # 48 national and 18 subregional activities scale to 1 each; regional and global do not.
    activities = Counter(a.level for a in demo.all(CapacityActivity))
    assert activities == {"national": 1, "subregional": 1, "regional": 32, "global": 22}
    assert counts["lmo"] == design.LMO_COUNT and counts["usage-statistic"] == 10


@pytest.mark.parametrize("codes", [["eu"], ["ar"], ["sl"]])
def test_a_single_government_is_enough(codes: list[str]) -> None:
    """The European Union (no region), a non-Party, a Party since 2020-09-13."""
    records = generate_demo_records([PARTY[code] for code in codes])
    assert check_links(records) == []
    issues = [r for r in records if isinstance(r, ComplianceIssue)]
    assert all(not i.finding_of_non_compliance for i in issues)  # no finding before joining
    assert len(issues) == (codes == ["sl"])
