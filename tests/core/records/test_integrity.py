"""Cross-record checks: what one record names must exist."""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.records import (
    CapacityActivity,
    CapacityResource,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    RecordModel,
    RecordSet,
    RiskAssessment,
)
from cpbmonitor.core.records.integrity import LINK_CHECKS, check_links, resolve_activity
from cpbmonitor.core.records.readers import read_records
from tests.paths import FIXTURES

D = dt.date(2020, 1, 1)
RECORDS = FIXTURES / "records"


def _lmo(identifier: str) -> LivingModifiedOrganism:
    return LivingModifiedOrganism(identifier=identifier, name="x", organism="maize", valid_from=D)


def _consistent() -> list[RecordModel]:
    """The fixture files, which name only each other (and real plan references)."""
    return [
        *read_records(RECORDS / "lmos.json", "lmo"),
        *read_records(RECORDS / "activities.json", "cb-activity"),
        RiskAssessment(identifier="ra-br-001", government="br", title="RA", valid_from=D),
        *read_records(RECORDS / "decisions.csv", "decision"),
    ]


def test_the_checks_are_registered_by_name() -> None:
    assert list(LINK_CHECKS) == [
        "unique-identifiers",
        "decision-risk-assessment",
        "lmo-references",
        "needs-areas",
        "plan-goals",
        "plan-key-areas",
        "plan-activities",
        "funding-cycles",
        "one-funding-per-report",
    ]


def test_consistent_records_have_no_problems() -> None:
    assert check_links(_consistent()) == []
    assert check_links(RecordSet.of(_consistent())) == []


def test_a_decision_naming_no_risk_assessment_and_unknown_lmos() -> None:
    records = [
        _lmo("MON-1"),
        Decision(
            identifier="dec-br-9",
            government="br",
            title="t",
            decision_type="transit",
            lmos=["MON-1", "MON-2"],
            risk_assessment="ra-none",
            valid_from=D,
        ),
        DetectionMethod(identifier="dm-1", title="PCR", lmos=["SYN-3"], valid_from=D),
    ]
    lines = [p.describe() for p in check_links(records, source="decisions.csv")]
    assert lines == [
        "decisions.csv: decision dec-br-9: field risk_assessment: value 'ra-none': "
        "names no risk-assessment record",
        "decisions.csv: decision dec-br-9: field lmos: value 'MON-2': names no lmo record",
        "decisions.csv: detection-method dm-1: field lmos: value 'SYN-3': names no lmo record",
    ]


def test_capacity_building_references_into_the_plan() -> None:
    activity = CapacityActivity(
        identifier="cba-9",
        title="t",
        providers=["FAO"],
        level="global",
        goals=["A.5", "A.11"],
        key_areas=["A.5 (1)", "A.5 (9)", "A.7 (2)", "B.9 (1)"],
        activities=["A.5 (iv)", "A.5 (v)", "A.6-A.8 (v)"],
        needs_areas=["(c)", "(r)", "c"],
        valid_from=D,
    )
    resource = CapacityResource(
        identifier="cbr-9",
        title="t",
        resource_type="manual",
        key_areas=["A.6-A.8 (6)"],
        needs_areas=["(q)"],
        valid_from=D,
    )
    lines = [p.describe() for p in check_links([activity, resource])]
    assert lines == [
        "<records>: cb-activity cba-9: field needs_areas: value '(r)': is not a needs area "
        "(a) to (q)",
        "<records>: cb-activity cba-9: field needs_areas: value 'c': is not a needs area "
        "(a) to (q)",
        "<records>: cb-activity cba-9: field goals: value 'A.11': is not a goal of draft-2020",
        "<records>: cb-activity cba-9: field key_areas: value 'A.5 (9)': is not a key area "
        "of draft-2020 (written like 'A.5 (1)')",
        "<records>: cb-activity cba-9: field key_areas: value 'B.9 (1)': is not a key area "
        "of draft-2020 (written like 'A.5 (1)')",
        "<records>: cb-resource cbr-9: field key_areas: value 'A.6-A.8 (6)': is not a key "
        "area of draft-2020 (written like 'A.5 (1)')",
        "<records>: cb-activity cba-9: field activities: value 'A.5 (v)': is not an activity "
        "of draft-2020 (written like 'A.5 (i)')",
    ]


def test_identifiers_are_unique_within_a_type() -> None:
    records = [_lmo("MON-1"), _lmo("MON-1"), _lmo("MON-1"), _lmo("MON-2")]
    (problem,) = check_links(records)
    assert problem.describe() == (
        "<records>: lmo MON-1: field identifier: value 'MON-1': 3 records have this identifier"
    )


def test_resolve_activity_through_a_goal_or_its_shared_set() -> None:
    plan = load_plan("draft-2020")
    through_goal = resolve_activity(plan, "A.7 (ii)")
    assert through_goal is not None
    assert through_goal == resolve_activity(plan, "A.6-A.8 (ii)")
    assert resolve_activity(plan, "A.1 (iii)") is None
    assert resolve_activity(plan, "nothing") is None
