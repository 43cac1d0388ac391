"""Consistency checks of a plan version: findings about the draft, not program errors.

Each check is registered in ``CHECKS`` under a kind with a title; ``check_plan`` runs
them all and returns the findings, which the CLI prints grouped and counted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from cpbmonitor.core.plan.model import Goal, PlanVersion
from cpbmonitor.core.plan.needs import NeedsCoverage, load_needs_coverage
from cpbmonitor.core.plan.numbering import expected_sequence


@dataclass(frozen=True)
class Finding:
    kind: str
    item: str
    message: str


FindingCheck = Callable[[PlanVersion], Iterator[Finding]]


@dataclass(frozen=True)
class CheckSpec:
    kind: str
    title: str
    run: FindingCheck


CHECKS: list[CheckSpec] = []


def register(kind: str, title: str) -> Callable[[FindingCheck], FindingCheck]:
    def decorate(function: FindingCheck) -> FindingCheck:
        CHECKS.append(CheckSpec(kind, title, function))
        return function

    return decorate


def check_plan(plan: PlanVersion) -> list[Finding]:
    return [finding for spec in CHECKS for finding in spec.run(plan)]


def titles() -> dict[str, str]:
    return {spec.kind: spec.title for spec in CHECKS}


@register("objective-without-indicator", "Objectives that no indicator measures")
def _objectives_without_indicator(plan: PlanVersion) -> Iterator[Finding]:
    for goal in plan.goals():
        measured = {code for indicator in goal.indicators for code in indicator.objectives}
        for objective in goal.objectives:
            if objective.code not in measured:
                yield Finding(
                    "objective-without-indicator",
                    objective.code,
                    f"objective {objective.code} has no indicator linked to it",
                )


@register("indicator-without-objective", "Indicators linked to no objective")
def _indicators_without_objective(plan: PlanVersion) -> Iterator[Finding]:
    for indicator in plan.indicators():
        if not indicator.objectives:
            note = f" ({indicator.link_note})" if indicator.link_note else ""
            yield Finding(
                "indicator-without-objective",
                indicator.code,
                f"indicator {indicator.code} measures no objective{note}",
            )


@register("goal-without-outcome", "Goals without an outcome")
def _goals_without_outcome(plan: PlanVersion) -> Iterator[Finding]:
    for goal in plan.goals():
        if not goal.outcomes:
            yield Finding("goal-without-outcome", goal.code, f"goal {goal.code} has no outcome")


@register("goal-without-capacity-building", "Goals without key areas or activities")
def _goals_without_capacity_building(plan: PlanVersion) -> Iterator[Finding]:
    if not plan.has_capacity_building:
        return
    for goal in plan.goals():
        for noun, items in (
            ("key areas for capacity-building", plan.key_areas_of(goal)),
            ("capacity-building activities", plan.activities_of(goal)),
        ):
            if not items:
                yield Finding(
                    "goal-without-capacity-building",
                    goal.code,
                    f"goal {goal.code} has no {noun}",
                )


@register("code-out-of-sequence", "Codes out of sequence")
def _codes_out_of_sequence(plan: PlanVersion) -> Iterator[Finding]:
    for section in plan.sections:
        yield from _sequence_findings(
            f"section {section.code} goals", [goal.code for goal in section.goals], "goal"
        )
    for goal in plan.goals():
        yield from _goal_sequences(plan, goal)
    for shared in plan.shared_capacity_building:
        for noun, items in (("key area", shared.key_areas), ("activity", shared.activities)):
            yield from _sequence_findings(
                f"shared set {shared.id} {noun} codes", [item.code for item in items], noun
            )


def _goal_sequences(plan: PlanVersion, goal: Goal) -> Iterator[Finding]:
    lists: list[tuple[str, Sequence[str]]] = [
        ("objective", [item.code for item in goal.objectives]),
        ("indicator", [item.code for item in goal.indicators]),
        ("key area", [item.code for item in goal.key_areas]),
        ("activity", [item.code for item in goal.activities]),
    ]
    for noun, codes in lists:
        yield from _sequence_findings(f"goal {goal.code} {noun} codes", codes, noun)


def _sequence_findings(where: str, codes: Sequence[str], noun: str) -> Iterator[Finding]:
    if not codes:
        return
    expected = expected_sequence(codes[0], len(codes))
    if list(codes) != expected:
        yield Finding(
            "code-out-of-sequence",
            where.split(" ")[1],
            f"{where}: {', '.join(codes)} (expected {', '.join(expected)})",
        )


@register("needs-area-not-addressed", "Capacity-building needs areas that no key area addresses")
def _needs_not_addressed(plan: PlanVersion) -> Iterator[Finding]:
    if plan.needs is None or not plan.has_capacity_building:
        return
    coverage: NeedsCoverage = load_needs_coverage(plan)
    for area in plan.needs.areas:
        if not coverage.key_areas_for(area.code):
            yield Finding(
                "needs-area-not-addressed",
                area.code,
                f"needs area {area.code} {area.text} ({area.parties} Parties) "
                "is addressed by no key area",
            )
