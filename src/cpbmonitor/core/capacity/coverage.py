"""Coverage and gaps: the needs Parties reported against the Capacity-Building Action
Plan (curated mapping) and against the capacity-building activities registered.

For every needs area and group (the world and each region):

- ``in_need``: reporting Parties that name the area (the needs analysis);
- ``activities``: activities addressing the area that reach the region (``reach``) and
  hold on at least one day of the period; in the world column, every such activity once;
- ``funding``: their funding in US dollars. An activity's amount is **split evenly across
  the regions it reaches**, so that the regional columns add up to the world column and
  no dollar is counted twice; the world column counts each amount whole. Activities
  without an amount add nothing;
- ``uncovered``: Parties in need whose need no such activity reaches (a national activity
  reaches its governments, a regional one its region's Parties, a global one all);
- ``score``: ``uncovered`` as a share (0-1) of the group's reporting Parties, the colour
  of the heat-map: how much of the group reported a need that nothing reaches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cpbmonitor.core.capacity.areas import NeedsArea
from cpbmonitor.core.capacity.needs import NeedsAnalysis, PartyNeeds
from cpbmonitor.core.capacity.reach import ActivityReach, Period, activity_reach, holds_during
from cpbmonitor.core.formats.cycles import cycles
from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS, REGIONS, PartyFacts
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.plan.needs import NeedsCoverage
from cpbmonitor.core.records.model import CapacityActivity


def cycle_window(number: int) -> Period:
    """The default period of a cycle: from the day after the previous cycle's deadline to
    the cycle's deadline (the time its reports cover)."""
    known = cycles()
    for index, item in enumerate(known):
        if item.number == number:
            start = known[index - 1].deadline + dt.timedelta(days=1) if index else None
            return Period(start or dt.date(item.year - 4, 1, 1), item.deadline)
    raise LookupError(f"no reporting cycle {number}")


@dataclass(frozen=True)
class CoverageCell:
    code: str
    group: str
    reporting: int
    in_need: int
    activities: int
    funding: float
    uncovered: int

    @property
    def score(self) -> float | None:
        """Uncovered need: share of the group's reporting Parties (0-1)."""
        return self.uncovered / self.reporting if self.reporting else None


@dataclass(frozen=True)
class AreaCoverage:
    area: NeedsArea
    key_areas: tuple[str, ...]
    plan_activities: tuple[str, ...]
    note: str | None
    cells: Mapping[str, CoverageCell]

    @property
    def in_plan(self) -> bool:
        """Some key area of the Action Plan addresses the area."""
        return bool(self.key_areas)

    def cell(self, group: str) -> CoverageCell:
        return self.cells[group]


@dataclass(frozen=True)
class UnreachedParty:
    """A reporting Party with needs that no activity of the period reaches."""

    government: str
    region: str | None
    needs: frozenset[str]
    unreached: frozenset[str]
    reaching: int
    """Activities of the period that reach the Party at all (whatever they address)."""


@dataclass(frozen=True)
class Coverage:
    plan: str
    needs: NeedsAnalysis
    period: Period
    areas: tuple[AreaCoverage, ...]
    unreached: tuple[UnreachedParty, ...]
    activities: int
    """Activities holding in the period."""

    def area(self, code: str) -> AreaCoverage:
        for item in self.areas:
            if item.area.code == code:
                return item
        raise KeyError(f"no needs area {code}")

    def cell(self, code: str, group: str) -> CoverageCell:
        return self.area(code).cell(group)

    def not_in_plan(self) -> list[AreaCoverage]:
        """Needs areas that no key area of the Action Plan covers."""
        return [item for item in self.areas if not item.in_plan]

    def nothing_planned(self) -> list[AreaCoverage]:
        """Needs areas with key areas but no activity of the Action Plan."""
        return [item for item in self.areas if item.in_plan and not item.plan_activities]

    def without_activity(self) -> list[CoverageCell]:
        """Regional cells with Parties in need and no registered activity."""
        return [
            cell
            for item in self.areas
            for group in REGIONS
            if (cell := item.cell(group)).in_need and not cell.activities
        ]


def compute_coverage(
    plan: PlanVersion,
    mapping: NeedsCoverage,
    needs: NeedsAnalysis,
    activities: Iterable[CapacityActivity],
    parties: Iterable[PartyFacts],
    period: Period,
) -> Coverage:
    """Coverage of ``needs`` by the plan (``mapping``) and by ``activities`` in ``period``."""
    region_of = {party.government: party.region for party in parties}
    active = [
        activity_reach(a, plan, mapping, region_of) for a in activities if holds_during(a, period)
    ]
    areas = tuple(
        AreaCoverage(
            area=item.area,
            key_areas=tuple(mapping.key_areas_for(item.area.code)),
            plan_activities=tuple(mapping.activities_for(item.area.code)),
            note=mapping.note_for(item.area.code),
            cells=_cells(item.area.code, item.counts, needs, active),
        )
        for item in needs.areas
    )
    return Coverage(
        plan.id, needs, period, areas, _unreached(needs.parties, active), activities=len(active)
    )


def _cells(
    code: str, counts: Mapping[str, int], needs: NeedsAnalysis, active: list[ActivityReach]
) -> dict[str, CoverageCell]:
    addressing = [reach for reach in active if reach.addresses(code)]
    uncovered = dict.fromkeys(GROUPS, 0)
    for party in needs.parties:
        if code in party.areas and not _reached(party, code, addressing):
            uncovered[GLOBAL] += 1
            if party.region in uncovered:
                uncovered[party.region] += 1
    cells = {}
    for group in GROUPS:
        there = [r for r in addressing if group == GLOBAL or group in r.regions]
        cells[group] = CoverageCell(
            code=code,
            group=group,
            reporting=needs.reporting.get(group, 0),
            in_need=counts.get(group, 0),
            activities=len(there),
            funding=round(sum((_share(r, group) for r in there), 0.0), 2),
            uncovered=uncovered[group],
        )
    return cells


def _share(reach: ActivityReach, group: str) -> float:
    amount = reach.activity.funding_amount or 0.0
    if group == GLOBAL or not reach.regions:
        return amount
    return amount / len(reach.regions)


def _reached(party: PartyNeeds, code: str, addressing: Iterable[ActivityReach]) -> bool:
    return any(
        r.addresses(code) and r.reaches_party(party.government, party.region) for r in addressing
    )


def _unreached(
    parties: Iterable[PartyNeeds], active: list[ActivityReach]
) -> tuple[UnreachedParty, ...]:
    result = []
    for party in parties:
        unreached = frozenset(code for code in party.areas if not _reached(party, code, active))
        if unreached:
            reaching = sum(1 for r in active if r.reaches_party(party.government, party.region))
            result.append(
                UnreachedParty(party.government, party.region, party.areas, unreached, reaching)
            )
    result.sort(key=lambda p: (-len(p.unreached), p.government))
    return tuple(result)
