"""What the goal and indicator pages show of milestones and linkages: display rows built
from the cached assessments (``services.published_assessments``) and the linkages data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cpbmonitor.core.milestones import MilestoneAssessment
from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.core.plan.linkages import ResolvedLink, load_linkages
from cpbmonitor.milestones import labels
from cpbmonitor.services.milestones import published_assessments


@dataclass(frozen=True)
class MilestoneRow:
    assessment: MilestoneAssessment
    unit: str
    status_label: str
    tone: str
    note: str


@dataclass(frozen=True)
class MilestoneTable:
    rows: list[MilestoneRow]

    @property
    def demonstration(self) -> bool:
        """Whether any row is a demonstration milestone (the page then says so)."""
        return any(row.assessment.demonstration for row in self.rows)


@dataclass(frozen=True)
class LinkRow:
    framework: str
    code: str
    title: str
    basis: str
    paragraph: int | None
    note: str | None


def milestone_table(plan: PlanVersion, indicators: Iterable[str]) -> MilestoneTable:
    """The milestones of ``indicators``, in the order given, each with its status."""
    order = {code: index for index, code in enumerate(indicators)}
    found = [s for s in published_assessments(plan) if s.assessment.indicator in order]
    found.sort(key=lambda s: (order[s.assessment.indicator], s.assessment.target_date))
    rows = [
        MilestoneRow(
            assessment=s.assessment,
            unit=s.unit,
            status_label=str(labels.STATUS_LABELS.get(s.assessment.status, s.assessment.status)),
            tone=labels.STATUS_TONES.get(s.assessment.status, "none"),
            note=str(labels.NOTE_LABELS.get(s.assessment.note, s.assessment.note)),
        )
        for s in found
    ]
    return MilestoneTable(rows)


def _link_row(link: ResolvedLink) -> LinkRow:
    return LinkRow(
        framework=str(labels.FRAMEWORK_LABELS[link.target.framework]),
        code=link.target.code,
        title=link.target.title,
        basis=str(labels.BASIS_LABELS[link.link.basis]),
        paragraph=link.link.paragraph,
        note=link.link.note,
    )


def goal_linkages(plan: PlanVersion, goal: str) -> dict[str, Any]:
    """The goal's own links and the plan's, for ``portal/_linkages.html``."""
    linkages = load_linkages(plan)
    return {
        "goal": [_link_row(link) for link in linkages.for_goal(goal)],
        "plan": [_link_row(link) for link in linkages.for_plan()],
    }
