"""The evaluation report from the stored data: gather the ``ReportInputs`` of
``core.evaluation`` (the evaluation, the reporting status of each cycle, the dates of
the data, whether they are the demonstration data) and build the document.

Capacity-building needs, milestones and linkages are passed in by the caller when
available; without them the document says that they are not available.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from django.db.models import Max

from cpbmonitor.core.demo import LABEL
from cpbmonitor.core.evaluation import (
    CapacityNeeds,
    CycleReporting,
    Document,
    GoalLinkage,
    MilestoneAssessment,
    ReportingTotals,
    ReportInputs,
    build_document,
    default_sources,
)
from cpbmonitor.core.indicators import Settings, load_methodology
from cpbmonitor.core.plan import load_plan
from cpbmonitor.registry.models import NationalReport
from cpbmonitor.registry.services.evaluation import evaluate_stored
from cpbmonitor.registry.services.status import cycle_status

REPORT_SOURCES = ("national-reports", "reporting-status")


def cycle_reporting(number: int) -> CycleReporting:
    """Reports received, complete and on time in cycle ``number``, world and regions."""
    status = cycle_status(number)
    totals = {
        group: ReportingTotals(t.parties, t.submitted, t.complete, t.complete_on_time)
        for group, t in status.totals.items()
    }
    return CycleReporting(number, status.cycle.deadline, totals)


def latest_submission(number: int | None) -> dt.date | None:
    """The date of the latest current report of cycle ``number`` (the date of the data)."""
    if number is None:
        return None
    moment = (
        NationalReport.objects.current()
        .filter(cycle__number=number)
        .aggregate(latest=Max("submitted_on"))["latest"]
    )
    return moment.astimezone(dt.UTC).date() if moment else None


def demonstration_label() -> str | None:
    return LABEL if NationalReport.objects.demonstration().exists() else None


def report_inputs(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    settings: Settings | None = None,
    *,
    generated_on: dt.date | None = None,
    capacity: CapacityNeeds | None = None,
    milestones: Sequence[MilestoneAssessment] | None = None,
    linkages: Sequence[GoalLinkage] | None = None,
) -> ReportInputs:
    """Everything the evaluation report of ``plan_id`` (``cycle`` against ``baseline``)
    is built from, read from the database."""
    plan = load_plan(plan_id)
    methodology = load_methodology(plan.id)
    evaluation = evaluate_stored(plan_id, cycle, baseline, settings)
    before = evaluation.baseline.number if evaluation.baseline else None
    numbers = [evaluation.cycle.number] + ([before] if before is not None else [])
    dates = (latest_submission(evaluation.cycle.number), latest_submission(before))
    return ReportInputs(
        plan=plan,
        methodology=methodology,
        evaluation=evaluation,
        reporting={n: cycle_reporting(n) for n in numbers},
        generated_on=generated_on or dt.date.today(),
        demonstration=demonstration_label(),
        sources=default_sources(methodology, evaluation, dict.fromkeys(REPORT_SOURCES, dates)),
        capacity=capacity,
        milestones=milestones,
        linkages=linkages,
    )


def evaluation_document(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    settings: Settings | None = None,
    tick: Callable[[str], None] | None = None,
) -> Document:
    """The evaluation report of the stored data, built and checked."""
    inputs = report_inputs(plan_id, cycle, baseline, settings)
    if tick is not None:
        tick("data")
    return build_document(inputs, tick)
