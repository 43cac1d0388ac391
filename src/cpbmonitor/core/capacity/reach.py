"""Which needs areas a capacity-building activity or resource addresses, and which
regions and Parties it reaches.

*Addresses*: the needs areas the record names; a record that names none addresses the
areas that the curated mapping (``plan/needs.py``) links to the key areas and activities
of the Action Plan it serves. A record's own list wins, so an activity registered for
"(c)" alone is not also counted for "(d)" because it serves key area A.5 (1).

*Reaches a region* (for the counts of the coverage table): the region is listed, a
government of the region is listed, or the activity is global.

*Reaches a Party* (for unmet needs and matching): a global activity reaches every Party; a
national one the governments it lists; a subregional or regional one the governments it
lists or, when it lists none, every Party of the regions it lists. A resource with no
region is for all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from cpbmonitor.core.indicators.inputs import REGIONS
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.plan.needs import NeedsCoverage, canonical_reference
from cpbmonitor.core.records.model import CapacityActivity, CapacityResource

LEVEL_RANK = {"national": 0, "subregional": 1, "regional": 2, "global": 3}
"""Closer reach first when ranking matches."""


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")

    def __str__(self) -> str:
        return f"{self.start} to {self.end}"


def holds_during(record: CapacityActivity | CapacityResource, period: Period) -> bool:
    """The record holds on at least one day of ``period`` (``valid_to`` is exclusive)."""
    return record.valid_from <= period.end and (
        record.valid_to is None or record.valid_to > period.start
    )


def areas_addressed(
    record: CapacityActivity | CapacityResource, plan: PlanVersion, mapping: NeedsCoverage
) -> frozenset[str]:
    if record.needs_areas:
        return frozenset(record.needs_areas)
    references = list(record.key_areas)
    if isinstance(record, CapacityActivity):
        references += record.activities
    return frozenset(mapping.areas_served_by([canonical_reference(plan, r) for r in references]))


@dataclass(frozen=True)
class ActivityReach:
    """One activity with what it addresses and whom it reaches."""

    activity: CapacityActivity
    areas: frozenset[str]
    regions: frozenset[str]
    governments: frozenset[str]
    """Governments reached by name (not through a listed region)."""
    party_regions: frozenset[str]
    """Regions all of whose Parties it reaches."""
    everywhere: bool

    def reaches_party(self, government: str, region: str | None) -> bool:
        return (
            self.everywhere
            or government in self.governments
            or (region is not None and region in self.party_regions)
        )

    def addresses(self, code: str) -> bool:
        return code in self.areas

    @property
    def level_rank(self) -> int:
        return LEVEL_RANK[self.activity.level]


def activity_reach(
    activity: CapacityActivity,
    plan: PlanVersion,
    mapping: NeedsCoverage,
    region_of: Mapping[str, str | None],
) -> ActivityReach:
    """``region_of``: government -> region, for every known government."""
    everywhere = activity.level == "global"
    listed = {region_of.get(g) for g in activity.governments}
    regions = set(REGIONS) if everywhere else set(activity.regions) | (listed & set(REGIONS))
    by_region = activity.level in ("subregional", "regional") and not activity.governments
    party_regions = frozenset(activity.regions) if by_region else frozenset()
    return ActivityReach(
        activity=activity,
        areas=areas_addressed(activity, plan, mapping),
        regions=frozenset(r for r in regions if r is not None),
        governments=frozenset(activity.governments),
        party_regions=party_regions,
        everywhere=everywhere,
    )


def resource_reaches(resource: CapacityResource, region: str | None) -> bool:
    return not resource.regions or (region is not None and region in resource.regions)
