"""A stored milestone: the core ``Milestone`` as a row, without foreign keys (the plan
version and indicator are codes of the plan data, checked by the core on the way in)."""

from __future__ import annotations

import hashlib
from typing import ClassVar

from django.db import models
from django.db.models import Count, Max

from cpbmonitor.core.milestones import Milestone as CoreMilestone
from cpbmonitor.core.milestones.model import MilestoneKey


class MilestoneQuerySet(models.QuerySet["Milestone"]):
    def for_plan(self, plan: str | None) -> MilestoneQuerySet:
        return self if plan is None else self.filter(plan=plan)

    def for_indicators(self, codes: list[str]) -> MilestoneQuerySet:
        return self.filter(indicator__in=codes)

    def demonstration(self) -> MilestoneQuerySet:
        return self.filter(demonstration=True)

    def with_key(self, key: MilestoneKey) -> MilestoneQuerySet:
        plan, indicator, group, target_date = key
        return self.filter(plan=plan, indicator=indicator, group=group, target_date=target_date)

    def plans(self) -> list[str]:
        """The plan versions that have milestones."""
        return sorted(set(self.order_by().values_list("plan", flat=True).distinct()))

    def version(self) -> str:
        """Changes whenever a milestone is added, changed or deleted (for caching)."""
        found = self.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
        text = f"{found['n']}|{found['top']}|{found['last']}"
        return hashlib.sha1(text.encode()).hexdigest()[:12]


class Milestone(models.Model):
    plan = models.CharField(max_length=40, help_text="Plan version id, e.g. draft-2020.")
    indicator = models.CharField(max_length=16, help_text="Indicator code, e.g. A.1(a).")
    group = models.CharField(
        max_length=10, default="global", help_text="global, or a region: AFR, ASP, CEE..."
    )
    target_value = models.FloatField(help_text="In the indicator's unit (percent 0-100).")
    target_date = models.DateField()
    label = models.CharField(max_length=300, blank=True)
    decision = models.CharField(max_length=60, blank=True, help_text="e.g. CP-11/3")
    demonstration = models.BooleanField(
        default=False, help_text="Made up for the demonstration; not set by the Parties."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[MilestoneQuerySet] = MilestoneQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["plan", "indicator", "group", "target_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator", "group", "target_date"], name="milestone_key"
            )
        ]

    def __str__(self) -> str:
        demo = " (demonstration)" if self.demonstration else ""
        target = f"{self.target_value:g} by {self.target_date}"
        return f"{self.plan} {self.indicator} {self.group}: {target}{demo}"

    def to_core(self) -> CoreMilestone:
        return CoreMilestone(
            plan=self.plan,
            indicator=self.indicator,
            group=self.group,
            target_value=self.target_value,
            target_date=self.target_date,
            label=self.label or None,
            decision=self.decision or None,
            demonstration=self.demonstration,
        )

    def copy_from(self, milestone: CoreMilestone) -> None:
        self.plan = milestone.plan
        self.indicator = milestone.indicator
        self.group = milestone.group
        self.target_value = milestone.target_value
        self.target_date = milestone.target_date
        self.label = milestone.label or ""
        self.decision = milestone.decision or ""
        self.demonstration = milestone.demonstration
