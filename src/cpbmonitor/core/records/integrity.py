"""Checks across records: what one record names must exist.

A decision's risk assessment report, the LMOs of decisions, risk assessments, detection
methods and reference materials, and the needs areas, goals, key areas and activities of
the Capacity-Building Action Plan (``draft-2020``) that capacity-building records serve,
and the reporting cycle of GEF funding (a known cycle, one row per government and cycle).
Each check is registered by name (``LINK_CHECKS``); ``check_links`` runs them on a set
of records as it would be stored (the records already held and the imported ones).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from cpbmonitor.core.formats.cycles import cycles
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.model import Activity, PlanVersion
from cpbmonitor.core.plan.needs import resolve_key_area
from cpbmonitor.core.records.errors import RecordProblem
from cpbmonitor.core.records.model import (
    NEEDS_AREA_PATTERN,
    CapacityActivity,
    CapacityResource,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    RecordModel,
    ReferenceMaterial,
    ReportFunding,
    RiskAssessment,
    type_of,
)
from cpbmonitor.core.records.recordset import RecordSet

PLAN_VERSION = "draft-2020"
"""The plan version whose Capacity-Building Action Plan records refer to."""


def resolve_activity(plan: PlanVersion, reference: str) -> Activity | None:
    """The activity ``"<goal or shared set> <code>"`` (e.g. ``"A.5 (i)"``), or None."""
    owner, _, code = reference.partition(" ")
    try:
        activities = list(plan.shared_set(owner).activities)
    except KeyError:
        try:
            activities = plan.activities_of(plan.goal(owner))
        except KeyError:
            return None
    return next((activity for activity in activities if activity.code == code), None)


@dataclass(frozen=True)
class Links:
    """What the checks look at: the records, the plan, and where the records come from."""

    records: RecordSet
    plan: PlanVersion
    source: str

    def identifiers(self, model: type[RecordModel]) -> frozenset[str]:
        return frozenset(record.identifier for record in self.records.all(model))

    @cached_property
    def lmos(self) -> frozenset[str]:
        return self.identifiers(LivingModifiedOrganism)

    def problem(
        self, record: RecordModel, field: str, value: object, message: str
    ) -> RecordProblem:
        label = f"{type_of(record).name} {record.identifier}"
        return RecordProblem(self.source, label, field, value, message)


LinkCheck = Callable[[Links], Iterator[RecordProblem]]
LINK_CHECKS: dict[str, LinkCheck] = {}


def link_check(name: str) -> Callable[[LinkCheck], LinkCheck]:
    """Register a cross-record check under ``name``."""

    def register(check: LinkCheck) -> LinkCheck:
        LINK_CHECKS[name] = check
        return check

    return register


@link_check("unique-identifiers")
def _unique_identifiers(links: Links) -> Iterator[RecordProblem]:
    for records in links.records.by_type.values():
        counts = Counter(record.identifier for record in records)
        reported: set[str] = set()
        for record in records:
            if counts[record.identifier] > 1 and record.identifier not in reported:
                reported.add(record.identifier)
                message = f"{counts[record.identifier]} records have this identifier"
                yield links.problem(record, "identifier", record.identifier, message)


@link_check("decision-risk-assessment")
def _decision_risk_assessment(links: Links) -> Iterator[RecordProblem]:
    known = links.identifiers(RiskAssessment)
    for decision in links.records.all(Decision):
        if decision.risk_assessment is not None and decision.risk_assessment not in known:
            message = "names no risk-assessment record"
            yield links.problem(decision, "risk_assessment", decision.risk_assessment, message)


LMO_HOLDERS: tuple[type[Decision | RiskAssessment | DetectionMethod | ReferenceMaterial], ...] = (
    Decision,
    RiskAssessment,
    DetectionMethod,
    ReferenceMaterial,
)


@link_check("lmo-references")
def _lmo_references(links: Links) -> Iterator[RecordProblem]:
    for model in LMO_HOLDERS:
        for record in links.records.all(model):
            for lmo in record.lmos:
                if lmo not in links.lmos:
                    yield links.problem(record, "lmos", lmo, "names no lmo record")


CapacityRecord = CapacityActivity | CapacityResource


def _capacity_records(links: Links) -> Iterator[CapacityRecord]:
    yield from links.records.all(CapacityActivity)
    yield from links.records.all(CapacityResource)


@link_check("needs-areas")
def _needs_areas(links: Links) -> Iterator[RecordProblem]:
    pattern = re.compile(NEEDS_AREA_PATTERN)
    for record in _capacity_records(links):
        for area in record.needs_areas:
            if not pattern.match(area):
                yield links.problem(record, "needs_areas", area, "is not a needs area (a) to (q)")


@link_check("plan-goals")
def _plan_goals(links: Links) -> Iterator[RecordProblem]:
    goals = {goal.code for goal in links.plan.goals()}
    for record in links.records.all(CapacityActivity):
        for goal in record.goals:
            if goal not in goals:
                yield links.problem(record, "goals", goal, f"is not a goal of {links.plan.id}")


@link_check("plan-key-areas")
def _plan_key_areas(links: Links) -> Iterator[RecordProblem]:
    for record in _capacity_records(links):
        for reference in record.key_areas:
            if resolve_key_area(links.plan, reference) is None:
                message = f"is not a key area of {links.plan.id} (written like 'A.5 (1)')"
                yield links.problem(record, "key_areas", reference, message)


@link_check("plan-activities")
def _plan_activities(links: Links) -> Iterator[RecordProblem]:
    for record in links.records.all(CapacityActivity):
        for reference in record.activities:
            if resolve_activity(links.plan, reference) is None:
                message = f"is not an activity of {links.plan.id} (written like 'A.5 (i)')"
                yield links.problem(record, "activities", reference, message)


@link_check("funding-cycles")
def _funding_cycles(links: Links) -> Iterator[RecordProblem]:
    known = sorted(c.number for c in cycles() if c.number is not None)
    for funding in links.records.all(ReportFunding):
        if funding.cycle not in known:
            message = f"is not a reporting cycle (known: {', '.join(map(str, known))})"
            yield links.problem(funding, "cycle", funding.cycle, message)


@link_check("one-funding-per-report")
def _one_funding_per_report(links: Links) -> Iterator[RecordProblem]:
    """One row per government and cycle: the date the funding was first accessed."""
    first: dict[tuple[str, int], str] = {}
    for funding in links.records.all(ReportFunding):
        key = (funding.government, funding.cycle)
        if key in first:
            message = (
                f"{funding.government} already has GEF funding for cycle {funding.cycle} "
                f"(record {first[key]}): give one row per government and cycle"
            )
            yield links.problem(funding, "cycle", funding.cycle, message)
        else:
            first[key] = funding.identifier


def check_links(
    records: RecordSet | Iterable[RecordModel],
    *,
    source: str = "<records>",
    plan_version: str = PLAN_VERSION,
) -> list[RecordProblem]:
    """Every problem of every registered check; ``source`` names the records in messages
    (e.g. the imported file)."""
    records = records if isinstance(records, RecordSet) else RecordSet.of(records)
    links = Links(records, load_plan(plan_version), source)
    return [problem for check in LINK_CHECKS.values() for problem in check(links)]
