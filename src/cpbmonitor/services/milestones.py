"""What the CLI, the admin, the API and the pages do with stored milestones: import
(checked first, then written in one transaction), export, and assessment against an
evaluation of the stored reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction

from cpbmonitor.core.indicators import Evaluation
from cpbmonitor.core.milestones import (
    Milestone as CoreMilestone,
)
from cpbmonitor.core.milestones import (
    MilestoneAssessment,
    MilestoneInputError,
    MilestoneProblem,
    assess_milestones,
    demo_milestones,
    dump_milestones,
    parse_milestone,
    read_milestones,
)
from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.milestones.models import Milestone


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int

    @property
    def total(self) -> int:
        return self.created + self.updated


def import_milestones(path: Path) -> ImportResult:
    """Read, check and store the milestones of ``path``: all or nothing. A milestone with
    the plan, indicator, group and date of a stored one replaces it."""
    return save_milestones(read_milestones(path), source=str(path))


def save_milestones(milestones: Iterable[CoreMilestone], source: str = "") -> ImportResult:
    created = updated = 0
    try:
        with transaction.atomic():
            for milestone in milestones:
                row = Milestone.objects.with_key(milestone.key).first() or Milestone()
                is_new = row.pk is None
                row.copy_from(milestone)
                row.save()
                created += is_new
                updated += not is_new
    except IntegrityError as error:
        raise MilestoneInputError.single(source or "milestones", f"not stored: {error}") from None
    return ImportResult(created, updated)


def checked(data: dict[str, Any], source: str = "request") -> CoreMilestone:
    """A milestone from plain data (an API body, a form), or ``MilestoneInputError``."""
    milestone, problems = parse_milestone(data)
    if milestone is None or problems:
        raise MilestoneInputError(
            MilestoneProblem(source, "milestone", field, value, message)
            for field, value, message in problems
        )
    return milestone


def export_milestones(fmt: str, plan: str | None = None) -> bytes:
    """The stored milestones as a file ``import_milestones`` reads back."""
    return dump_milestones(stored(plan), fmt)


def stored(plan: str | None = None) -> list[CoreMilestone]:
    return [row.to_core() for row in Milestone.objects.for_plan(plan)]


def load_demo_milestones() -> ImportResult:
    """Store the demonstration milestones (labelled as such), once."""
    return save_milestones(demo_milestones(), source="demonstration milestones")


def assess_stored(
    plan_id: str, cycle: int, baseline: int | None
) -> tuple[Evaluation, list[MilestoneAssessment]]:
    """The stored milestones of ``plan_id`` against an evaluation of the stored reports."""
    from cpbmonitor.services.evaluation import evaluate_stored

    evaluation = evaluate_stored(plan_id, cycle, baseline)
    return evaluation, assess_milestones(stored(plan_id), evaluation)


# -- the pages and the API: the portal's cached evaluation ------------------------------

NOT_COMPUTED = "indicator results are not yet computed"


@dataclass(frozen=True)
class StoredAssessment:
    """A stored milestone's id with its assessment, and the unit to show values in."""

    id: int
    assessment: MilestoneAssessment
    unit: str


def published_assessments(plan: PlanVersion) -> list[StoredAssessment]:
    """Every stored milestone of ``plan`` against the results the pages show (cached
    under the data version and the milestones' version)."""
    from cpbmonitor.services.cache import cached
    from cpbmonitor.services.evaluation import current_evaluation

    def compute() -> list[StoredAssessment]:
        rows = list(Milestone.objects.for_plan(plan.id))
        return _assessed(rows, current_evaluation(plan))

    version = Milestone.objects.for_plan(plan.id).version()
    return cached("milestones", compute, plan.id, version)


def _assessed(rows: list[Milestone], evaluation: Evaluation | None) -> list[StoredAssessment]:
    milestones = [row.to_core() for row in rows]
    if evaluation is None:
        from cpbmonitor.core.milestones import Observation, assess

        empty = Observation(None, None, missing=NOT_COMPUTED)
        assessed = [assess(m, empty) for m in milestones]
    else:
        assessed = assess_milestones(milestones, evaluation)
    units = _units(milestones[0].plan) if milestones else {}
    return [
        StoredAssessment(row.pk, a, units.get(a.indicator, "percent"))
        for row, a in zip(rows, assessed, strict=True)
    ]


def _units(plan_id: str) -> dict[str, str]:
    """Indicator code -> ``percent`` or ``count``: the portal's units of display."""
    from cpbmonitor.core.indicators import load_methodology

    return {
        entry.code: "count" if entry.unit == "count" else "percent"
        for entry in load_methodology(plan_id).indicators
    }
