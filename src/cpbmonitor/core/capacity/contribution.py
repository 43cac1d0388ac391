"""Contribution of capacity-building: for each indicator whose goal has key areas in the
Capacity-Building Action Plan, how the indicator changed among the Parties that
capacity-building activities serving those key areas reached, against the Parties they
did not reach.

*Serves the goal*: the activity names the goal, or one of its key areas or activities
(a goal of a shared set: the set's). *Reached*: as in ``reach`` (a national activity
reaches its governments; a regional or subregional one the governments it lists or,
listing none, the Parties of its regions), by an activity holding on at least one day of
the period (by default from the day after the baseline's deadline to the cycle's).
Global activities, open to every Party, are left out: they would put every Party on the
reached side and leave nothing to compare with.

Each side counts the Parties with a result in both cycles (binary indicators: the
engine's per-Party results) and the shares meeting the indicator then and now. The
comparison is an **association, not attribution**: who is reached is not random, and many
other things changed too (``CAVEAT``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from cpbmonitor.core.capacity.reach import ActivityReach, Period, activity_reach, holds_during
from cpbmonitor.core.indicators.results import Evaluation, Scorecard
from cpbmonitor.core.plan.model import Goal, PlanVersion
from cpbmonitor.core.plan.needs import NeedsCoverage, canonical_reference
from cpbmonitor.core.records.model import CapacityActivity

CAVEAT = (
    "An association, not attribution: Parties reached by capacity-building activities "
    "differ from the others in more than the activities, and other changes happened over "
    "the same period; a difference in change does not show what the activities achieved."
)


@dataclass(frozen=True)
class SideChange:
    """One side of the comparison (reached or not reached)."""

    parties: int
    """Parties with a result in both cycles."""
    baseline_met: int
    current_met: int

    @property
    def baseline_share(self) -> float | None:
        return _share(self.baseline_met, self.parties)

    @property
    def current_share(self) -> float | None:
        return _share(self.current_met, self.parties)

    @property
    def change(self) -> float | None:
        """Percentage points from the baseline to the cycle."""
        if self.current_share is None or self.baseline_share is None:
            return None
        return round(self.current_share - self.baseline_share, 2)


@dataclass(frozen=True)
class Contribution:
    indicator: str
    goal: str
    key_areas: tuple[str, ...]
    """The key areas of the goal (``"A.5 (1)"``; a shared set's as ``"A.6-A.8 (1)"``)."""
    activities: int
    """Targeted (not global) activities serving the goal that held during the period."""
    reached: SideChange
    not_reached: SideChange

    @property
    def difference(self) -> float | None:
        """Change among the reached minus change among the others (points)."""
        if self.reached.change is None or self.not_reached.change is None:
            return None
        return round(self.reached.change - self.not_reached.change, 2)


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def owner_of(plan: PlanVersion, goal: Goal) -> str:
    """The code that owns a goal's key areas: the goal's, or its shared set's."""
    return goal.capacity_building_set or goal.code


def serves(activity: CapacityActivity, plan: PlanVersion, goal: Goal) -> bool:
    owner = owner_of(plan, goal)
    if goal.code in activity.goals:
        return True
    references = [*activity.key_areas, *activity.activities]
    return any(canonical_reference(plan, r).partition(" ")[0] == owner for r in references)


def side(card: Scorecard, governments: Iterable[str]) -> SideChange:
    both = [g for g in governments if g in card.current and g in card.baseline]
    return SideChange(
        len(both),
        sum(card.baseline[g] for g in both),
        sum(card.current[g] for g in both),
    )


def contributions(
    plan: PlanVersion,
    evaluation: Evaluation,
    activities: Sequence[CapacityActivity],
    mapping: NeedsCoverage,
    region_of: Mapping[str, str | None],
    period: Period,
) -> list[Contribution]:
    """The contribution comparison of every binary indicator of ``evaluation`` whose goal
    has key areas, in plan order; ``region_of``: government -> region of every Party."""
    cards = {card.indicator: card for card in evaluation.scorecards}
    holding = [a for a in activities if holds_during(a, period)]
    reaches: list[tuple[CapacityActivity, ActivityReach]] = [
        (a, activity_reach(a, plan, mapping, region_of)) for a in holding
    ]
    result = []
    for goal in plan.goals():
        key_areas = plan.key_areas_of(goal)
        if not key_areas:
            continue
        serving = [r for a, r in reaches if not r.everywhere and serves(a, plan, goal)]
        owner = owner_of(plan, goal)
        for indicator in goal.indicators:
            card = cards.get(indicator.code)
            if card is None:
                continue
            governments = card.governments()
            reached = {
                g for g in governments if any(r.reaches_party(g, region_of.get(g)) for r in serving)
            }
            result.append(
                Contribution(
                    indicator.code,
                    goal.code,
                    tuple(f"{owner} {k.code}" for k in key_areas),
                    len(serving),
                    side(card, sorted(reached)),
                    side(card, sorted(set(governments) - reached)),
                )
            )
    return result


ROW_FIELDS = (
    "indicator",
    "goal",
    "activities",
    "reached_parties",
    "reached_baseline",
    "reached_current",
    "reached_change",
    "not_reached_parties",
    "not_reached_baseline",
    "not_reached_current",
    "not_reached_change",
    "difference",
)


def contribution_row(item: Contribution) -> dict[str, object]:
    """One flat row (CLI, API, spreadsheets): shares in percent, changes in points."""
    return {
        "indicator": item.indicator,
        "goal": item.goal,
        "activities": item.activities,
        "reached_parties": item.reached.parties,
        "reached_baseline": item.reached.baseline_share,
        "reached_current": item.reached.current_share,
        "reached_change": item.reached.change,
        "not_reached_parties": item.not_reached.parties,
        "not_reached_baseline": item.not_reached.baseline_share,
        "not_reached_current": item.not_reached.current_share,
        "not_reached_change": item.not_reached.change,
        "difference": item.difference,
    }
