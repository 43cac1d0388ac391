"""The contribution of capacity-building from the stored data: every indicator linked to
a key area of the Action Plan, its change among the Parties the stored capacity-building
activities reached against the others (``core.capacity.contribution``); for the CLI,
the capacity-building and indicator pages, the API and the evaluation document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from cpbmonitor.core.capacity.contribution import Contribution, contributions
from cpbmonitor.core.capacity.reach import Period
from cpbmonitor.core.indicators import Evaluation, PartyFacts
from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from cpbmonitor.core.records import CapacityActivity, RecordSet
from cpbmonitor.services.capacity import stored_records
from cpbmonitor.services.evaluation import evaluate_stored, party_facts


def period_of(evaluation: Evaluation) -> Period | None:
    """From the day after the baseline's deadline to the cycle's deadline."""
    if evaluation.baseline is None:
        return None
    start = evaluation.baseline.deadline + dt.timedelta(days=1)
    return Period(start, evaluation.cycle.deadline)


def stored_contributions(
    plan_id: str,
    cycle: int,
    baseline: int | None,
    evaluation: Evaluation | None = None,
    records: RecordSet | None = None,
) -> list[Contribution]:
    """The comparison for every binary indicator of ``plan_id`` linked to a key area
    (empty without a baseline or an Action Plan)."""
    plan = load_plan(plan_id)
    evaluation = evaluation or evaluate_stored(plan_id, cycle, baseline)
    if period_of(evaluation) is None or not plan.has_capacity_building:
        return []
    records = records if records is not None else stored_records()
    return contributions_of(plan, evaluation, records, party_facts())


def contributions_of(
    plan: PlanVersion, evaluation: Evaluation, records: RecordSet, parties: Iterable[PartyFacts]
) -> list[Contribution]:
    """The comparison for every binary indicator of ``plan`` linked to a key area, from
    ``records``' capacity-building activities and ``parties``' regions (stored ones, or
    an evaluation run's frozen ones); empty without a baseline or an Action Plan."""
    period = period_of(evaluation)
    if period is None or not plan.has_capacity_building:
        return []
    activities = records.all(CapacityActivity)
    region_of = {p.government: p.region for p in parties}
    return contributions(plan, evaluation, activities, load_needs_coverage(plan), region_of, period)


def cached_contributions(plan_id: str, cycle: int, baseline: int | None) -> list[Contribution]:
    """``stored_contributions`` cached under the data version (the pages and the API)."""
    from cpbmonitor.services.cache import cached

    return cached(
        "contribution",
        lambda: stored_contributions(plan_id, cycle, baseline),
        plan_id,
        cycle,
        baseline,
    )


def page_contributions(plan: PlanVersion) -> list[Contribution]:
    """The comparison over the evaluation the pages show (the latest cycle with reports
    against the one before it), cached; empty when there is none."""
    from cpbmonitor.services.cache import cached
    from cpbmonitor.services.evaluation import current_evaluation

    def compute() -> list[Contribution]:
        evaluation = current_evaluation(plan)
        if evaluation is None or evaluation.baseline is None:
            return []
        return stored_contributions(
            plan.id, evaluation.cycle.number, evaluation.baseline.number, evaluation
        )

    return cached("contribution-page", compute, plan.id)
