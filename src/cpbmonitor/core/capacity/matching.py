"""Matching needs with capacity-building: for a Party, the activities and resources that
address the needs it reported; for a provider, the Parties and regions whose needs its
planned and current activities would meet best.

Party: an activity matches when it reaches the Party (``reach``) and addresses at least
one of its needs; a resource when it is available on the date, is for the Party's region
(or for all) and addresses one of its needs. Both are ranked by the number of the Party's
needs they address, then by reach (national before subregional, regional and global; a
resource for the region before one for all), then by recency (the latest-ending first, an
open-ended one counting as the latest, then the latest start).

Provider: its activities that are current or planned on the date (not ended) address a
set of needs areas. Every reporting Party is scored by the areas of that set it needs
(``matched``) and, of those, the ones no other current or planned activity reaches for it
(``unmet``); Parties and regions are ranked by unmet, then matched needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cpbmonitor.core.capacity.needs import NeedsAnalysis, PartyNeeds
from cpbmonitor.core.capacity.reach import (
    ActivityReach,
    activity_reach,
    areas_addressed,
    resource_reaches,
)
from cpbmonitor.core.indicators.inputs import REGIONS, PartyFacts
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.plan.needs import NeedsCoverage
from cpbmonitor.core.records.model import CapacityActivity, CapacityResource
from cpbmonitor.core.records.recordset import RecordSet

Status = Literal["past", "current", "planned"]


def status_on(record: CapacityActivity | CapacityResource, day: dt.date) -> Status:
    if record.valid_from > day:
        return "planned"
    if record.valid_to is not None and record.valid_to <= day:
        return "past"
    return "current"


def _recency(record: CapacityActivity | CapacityResource) -> tuple[int, int]:
    end = record.valid_to or dt.date.max
    return (-end.toordinal(), -record.valid_from.toordinal())


@dataclass(frozen=True)
class ActivityMatch:
    activity: CapacityActivity
    covers: frozenset[str]
    status: Status


@dataclass(frozen=True)
class ResourceMatch:
    resource: CapacityResource
    covers: frozenset[str]
    regional: bool
    """Made for the Party's region (rather than for all regions)."""


@dataclass(frozen=True)
class PartyMatch:
    party: PartyNeeds
    activities: tuple[ActivityMatch, ...]
    resources: tuple[ResourceMatch, ...]

    @property
    def unaddressed(self) -> frozenset[str]:
        """The Party's needs that no matched activity or resource addresses."""
        covered = {c for m in self.activities for c in m.covers}
        covered |= {c for m in self.resources for c in m.covers}
        return self.party.areas - covered


def _reaches(
    records: RecordSet, plan: PlanVersion, mapping: NeedsCoverage, parties: Iterable[PartyFacts]
) -> list[ActivityReach]:
    region_of = {party.government: party.region for party in parties}
    return [activity_reach(a, plan, mapping, region_of) for a in records.all(CapacityActivity)]


def _party_of(needs: NeedsAnalysis, government: str) -> PartyNeeds:
    party = needs.party(government)
    if party is None:
        raise LookupError(
            f"{government} is not a Party with a report for cycle {needs.cycle.number}"
        )
    return party


def match_party(
    government: str,
    needs: NeedsAnalysis,
    records: RecordSet,
    plan: PlanVersion,
    mapping: NeedsCoverage,
    parties: Iterable[PartyFacts],
    on: dt.date,
) -> PartyMatch:
    """The activities and resources that address ``government``'s reported needs."""
    party = _party_of(needs, government)
    activities = [
        (reach, covers)
        for reach in _reaches(records, plan, mapping, parties)
        if reach.reaches_party(party.government, party.region)
        and (covers := reach.areas & party.areas)
    ]
    activities.sort(
        key=lambda item: (
            -len(item[1]),
            item[0].level_rank,
            _recency(item[0].activity),
            item[0].activity.identifier,
        )
    )
    resources = [
        (resource, covers)
        for resource in records.on(CapacityResource, on)
        if resource_reaches(resource, party.region)
        and (covers := areas_addressed(resource, plan, mapping) & party.areas)
    ]
    resources.sort(
        key=lambda item: (
            -len(item[1]),
            0 if item[0].regions else 1,
            _recency(item[0]),
            item[0].identifier,
        )
    )
    return PartyMatch(
        party,
        tuple(ActivityMatch(r.activity, c, status_on(r.activity, on)) for r, c in activities),
        tuple(ResourceMatch(r, c, bool(r.regions)) for r, c in resources),
    )


@dataclass(frozen=True)
class Target:
    """A Party or a region, scored for a provider."""

    name: str
    """The government, or the region."""
    region: str | None
    parties: int
    """Parties whose needs the provider's areas meet (1 for a Party)."""
    matched: int
    """Party-area pairs: needs the provider's activities address."""
    unmet: int
    """Of those, needs no other current or planned activity reaches."""
    reached: bool
    """The provider's activities already reach it (a region: some of its Parties)."""
    areas: frozenset[str]


@dataclass(frozen=True)
class ProviderMatch:
    provider: str
    activities: tuple[CapacityActivity, ...]
    """The provider's current and planned activities."""
    areas: frozenset[str]
    parties: tuple[Target, ...]
    regions: tuple[Target, ...]


def providers_of(records: RecordSet) -> list[str]:
    return sorted({p for a in records.all(CapacityActivity) for p in a.providers}, key=str.lower)


def match_provider(
    provider: str,
    needs: NeedsAnalysis,
    records: RecordSet,
    plan: PlanVersion,
    mapping: NeedsCoverage,
    parties: Iterable[PartyFacts],
    on: dt.date,
) -> ProviderMatch:
    """Where ``provider``'s current and planned activities would meet most needs."""
    wanted = provider.strip().casefold()
    reaches = [
        r for r in _reaches(records, plan, mapping, parties) if status_on(r.activity, on) != "past"
    ]
    own = [r for r in reaches if wanted in {p.casefold() for p in r.activity.providers}]
    if not own and not any(
        wanted == p.casefold() for a in records.all(CapacityActivity) for p in a.providers
    ):
        raise LookupError(f"no capacity-building activity names the provider {provider!r}")
    own_ids = {id(r) for r in own}
    others = [r for r in reaches if id(r) not in own_ids]
    areas = frozenset(code for r in own for code in r.areas)
    targets = [_party_target(p, areas, own, others) for p in needs.parties]
    party_targets = sorted(
        (t for t in targets if t.matched), key=lambda t: (-t.unmet, -t.matched, t.name)
    )
    name = own[0].activity.providers if own else [provider]
    label = next((p for p in name if p.casefold() == wanted), provider)
    return ProviderMatch(
        label,
        tuple(r.activity for r in own),
        areas,
        tuple(party_targets),
        _region_targets(party_targets, own),
    )


def _party_target(
    party: PartyNeeds,
    areas: frozenset[str],
    own: list[ActivityReach],
    others: list[ActivityReach],
) -> Target:
    matched = party.areas & areas
    unmet = {
        code
        for code in matched
        if not any(
            r.addresses(code) and r.reaches_party(party.government, party.region) for r in others
        )
    }
    reached = any(
        r.reaches_party(party.government, party.region) and r.areas & matched for r in own
    )
    return Target(
        party.government,
        party.region,
        1 if matched else 0,
        len(matched),
        len(unmet),
        reached,
        frozenset(matched),
    )


def _region_targets(targets: list[Target], own: list[ActivityReach]) -> tuple[Target, ...]:
    result = []
    for region in REGIONS:
        members = [t for t in targets if t.region == region]
        if not members:
            continue
        result.append(
            Target(
                region,
                region,
                len(members),
                sum(t.matched for t in members),
                sum(t.unmet for t in members),
                any(region in r.regions for r in own),
                frozenset(code for t in members for code in t.areas),
            )
        )
    result.sort(key=lambda t: (-t.unmet, -t.matched, t.name))
    return tuple(result)
