"""Series and progress of a plan version from the stored reports, records and milestones:
the calls the CLI, the API and the pages share."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from cpbmonitor.core.indicators import Settings, load_methodology
from cpbmonitor.core.indicators.progress import (
    AggregateProgress,
    IndicatorProgress,
    ProgressAssessment,
    assess_progress,
)
from cpbmonitor.core.indicators.series import Series
from cpbmonitor.core.plan import load_plan
from cpbmonitor.services.evaluation import evaluate_stored_series


def default_cycles(plan_id: str) -> list[int]:
    """The cycles the plan version's methodology has rules for (shipped and added), that
    are known to the database."""
    from cpbmonitor.national_reports.models import ReportingCycle

    known = set(ReportingCycle.objects.exclude(number=None).values_list("number", flat=True))
    return [n for n in load_methodology(plan_id).cycles if n in known]


def stored_series(
    plan_id: str, cycles: Iterable[int] | None = None, settings: Settings | None = None
) -> Series:
    numbers = list(cycles) if cycles else default_cycles(plan_id)
    return evaluate_stored_series(plan_id, numbers, settings)


def stored_progress(
    plan_id: str, cycles: Iterable[int] | None = None, settings: Settings | None = None
) -> ProgressAssessment:
    """Every indicator (world and regions), objective and goal of ``plan_id`` against
    the stored milestones (or the default targets)."""
    from cpbmonitor.services.milestones import stored

    plan = load_plan(plan_id)
    return assess_progress(plan, stored_series(plan_id, cycles, settings), stored(plan_id))


def progress_document(progress: ProgressAssessment) -> dict[str, Any]:
    """The assessment as one JSON document."""

    def aggregate(item: AggregateProgress) -> dict[str, Any]:
        return {**item.as_row(), "reasons": list(item.reasons)}

    def indicator(item: IndicatorProgress) -> dict[str, Any]:
        row = item.as_row()
        row["reasons"] = list(item.reasons)
        row["target_date"] = item.target_date.isoformat() if item.target_date else None
        return row

    return {
        "plan": progress.plan,
        "cycles": list(progress.cycles),
        "goals": [aggregate(g) for g in progress.goals],
        "objectives": [aggregate(o) for o in progress.objectives],
        "indicators": [indicator(i) for i in progress.indicators],
    }


# -- the pages: cached under the data version ----------------------------------------------


def portal_series(plan_id: str) -> Series | None:
    """The plan version's series over every cycle with rules (cached); ``None`` without
    cycles."""
    from cpbmonitor.services.cache import cached

    def compute() -> Series | bool:
        numbers = default_cycles(plan_id)
        return stored_series(plan_id, numbers) if numbers else False

    return cached("series", compute, plan_id) or None


def portal_progress(plan_id: str) -> ProgressAssessment | None:
    from cpbmonitor.services.cache import cached
    from cpbmonitor.services.milestones import stored

    def compute() -> ProgressAssessment | bool:
        series = portal_series(plan_id)
        if series is None:
            return False
        return assess_progress(load_plan(plan_id), series, stored(plan_id))

    milestones = stored(plan_id)
    fingerprint = hashlib.sha1(repr([m.as_row() for m in milestones]).encode()).hexdigest()[:12]
    return cached("progress", compute, plan_id, fingerprint) or None
