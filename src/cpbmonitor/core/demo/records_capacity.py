"""Demonstration capacity-building activities and resources.

Activities run from 2016 to 2027 at the four levels, name real key areas, activities and
goals of the draft-2020 Capacity-Building Action Plan (the key areas that the curated
needs coverage maps to the needs areas they address), and are deliberately uneven so
that a gaps analysis finds something: needs areas (h), (l) and (m) are rarely addressed
and (q) never; Central and Eastern Europe and WEOG are reached less than Africa.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from cpbmonitor.core.demo.design import IDENTIFIER_PREFIX
from cpbmonitor.core.demo.parties import DemoParty
from cpbmonitor.core.demo.records_common import (
    day_between,
    rng_for,
    scaled,
    weighted_choice,
    weighted_sample,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from cpbmonitor.core.records.model import (
    ActivityLevel,
    CapacityActivity,
    CapacityResource,
    Region,
)

PLAN_VERSION = "draft-2020"
ACTIVITY_LEVELS: dict[ActivityLevel, int] = {
    "national": 48,
    "subregional": 18,
    "regional": 32,
    "global": 22,
}
"""Activities per level (120 in all); a world of fewer Parties gets proportionally fewer
national and subregional activities (``SCALED_LEVELS``)."""
SCALED_LEVELS: tuple[ActivityLevel, ...] = ("national", "subregional")
RESOURCE_COUNT = 40
FIRST_START, LAST_START = dt.date(2016, 1, 1), dt.date(2027, 6, 30)
REGION_REACH: dict[Region, float] = {
    "AFR": 0.40,
    "ASP": 0.24,
    "GRULAC": 0.20,
    "CEE": 0.11,
    "WEOG": 0.05,
}
"""How often a national, subregional or regional activity takes place in a region."""
NEEDS_WEIGHTS = {
    "(a)": 1.0, "(b)": 0.8, "(c)": 1.4, "(d)": 1.1, "(e)": 0.9, "(f)": 1.0,
    "(g)": 0.7, "(h)": 0.12, "(i)": 1.2, "(j)": 0.6, "(k)": 0.5, "(l)": 0.08,
    "(m)": 0.12, "(n)": 0.5, "(o)": 0.7, "(p)": 0.5, "(q)": 0.0,
}  # fmt: skip
"""How often an activity or resource addresses each needs area."""
NEEDS_TOPICS = {
    "(a)": "institutional capacity of biosafety authorities",
    "(b)": "biosafety in sectoral legislation and plans",
    "(c)": "risk assessment of LMOs",
    "(d)": "risk management of LMOs",
    "(e)": "public awareness and participation in biosafety",
    "(f)": "information sharing through the BCH",
    "(g)": "scientific and technical cooperation",
    "(h)": "technology transfer for biosafety",
    "(i)": "sampling, detection and identification of LMOs",
    "(j)": "socio-economic considerations",
    "(k)": "documentation of LMO shipments",
    "(l)": "confidential information",
    "(m)": "unintentional and illegal transboundary movements",
    "(n)": "biosafety research",
    "(o)": "risks of LMOs to human health",
    "(p)": "liability and redress",
    "(q)": "other biosafety topics",
}
REGION_NAMES: dict[Region, str] = {
    "AFR": "Africa",
    "ASP": "Asia and the Pacific",
    "CEE": "Central and Eastern Europe",
    "GRULAC": "Latin America and the Caribbean",
    "WEOG": "Western Europe and others",
}
FORMATS = (
    "Training workshop",
    "Course",
    "Technical assistance",
    "Pilot project",
    "Expert meeting",
    "E-learning course",
)
AUDIENCES = (
    "competent national authorities",
    "customs and border officials",
    "laboratory staff",
    "risk assessors",
    "policy makers",
    "educators and journalists",
    "judiciary",
    "researchers",
    "BCH national authorized users",
)
PROVIDERS = (
    "CBD Secretariat",
    "GEF/UNEP",
    "FAO",
    "UNDP",
    "UNIDO",
    "Regional biosafety network",
    "University consortium",
    "Bilateral development agency",
)
FUNDING: dict[ActivityLevel, tuple[int, int, int, int]] = {
    "national": (15_000, 400_000, 90, 720),
    "subregional": (80_000, 900_000, 180, 900),
    "regional": (150_000, 2_500_000, 180, 1100),
    "global": (300_000, 5_000_000, 365, 1460),
}
"""Level -> (least and most funding in USD, shortest and longest duration in days)."""
FUNDING_SOURCES = (
    "GEF",
    "Bilateral donor",
    "Voluntary trust fund",
    "Regional development bank",
    "National budget",
)
RESOURCE_TYPES = ("manual", "e-learning module", "toolkit", "guidance", "video", "training kit")
LANGUAGES = ("fr", "es", "ru", "ar", "zh")


@dataclass(frozen=True)
class _Plan:
    """References into the Capacity-Building Action Plan, written as records write them."""

    key_areas_for_need: dict[str, list[str]]
    key_areas: list[str]
    activities_of: dict[str, list[str]]
    """Goal or shared set -> its activities, e.g. ``"A.5" -> ["A.5 (i)", ...]``."""
    goals_of: dict[str, list[str]]
    """Goal or shared set -> goal codes (a shared set has several)."""


def _plan() -> _Plan:
    plan = load_plan(PLAN_VERSION)
    coverage = load_needs_coverage(plan)
    activities: dict[str, list[str]] = {}
    goals: dict[str, list[str]] = {}
    key_areas: list[str] = []
    for goal in plan.goals():
        owner = goal.capacity_building_set or goal.code
        goals.setdefault(owner, []).append(goal.code)
        if owner not in activities:
            activities[owner] = [f"{owner} {a.code}" for a in plan.activities_of(goal)]
            key_areas += [f"{owner} {k.code}" for k in plan.key_areas_of(goal)]
    mapped = {code: coverage.key_areas_for(code) for code in NEEDS_WEIGHTS}
    return _Plan(mapped, key_areas, activities, goals)


@dataclass(frozen=True)
class _Serves:
    needs_areas: list[str]
    key_areas: list[str]
    activities: list[str]
    goals: list[str]
    topic: str


def _serves(rng: random.Random, plan: _Plan, most: int) -> _Serves:
    """Needs areas drawn by ``NEEDS_WEIGHTS`` and the plan references that address them."""
    needs = weighted_sample(rng, NEEDS_WEIGHTS, rng.randint(1, most))
    key_areas = {
        rng.choice(plan.key_areas_for_need[a]) for a in needs if plan.key_areas_for_need[a]
    }
    key_areas = key_areas or {rng.choice(plan.key_areas)}
    owners = sorted({reference.partition(" ")[0] for reference in key_areas})
    activities = {rng.choice(plan.activities_of[o]) for o in owners if rng.random() < 0.75}
    goals = {rng.choice(plan.goals_of[owner]) for owner in owners}
    return _Serves(
        needs_areas=sorted(needs),
        key_areas=sorted(key_areas),
        activities=sorted(activities),
        goals=sorted(goals),
        topic=NEEDS_TOPICS[needs[0]],
    )


def _reach(
    rng: random.Random, level: ActivityLevel, members: dict[Region, list[DemoParty]]
) -> tuple[list[str], list[Region], str]:
    """(governments, regions, the place for the title) of an activity at ``level``."""
    if level == "global":
        return [], [], " (global)"
    reached = {region: share for region, share in REGION_REACH.items() if members[region]}
    region = weighted_choice(rng, reached or REGION_REACH)
    if level == "national":
        party = rng.choice(members[region])
        return [party.iso2], [region], f" in {party.name}"
    if level == "subregional":
        chosen = rng.sample(members[region], min(len(members[region]), rng.randint(3, 7)))
        codes = sorted(p.iso2 for p in chosen)
        countries = "country" if len(codes) == 1 else "countries"
        return codes, [region], f" for {len(codes)} {countries} of {REGION_NAMES[region]}"
    return [], [region], f" for {REGION_NAMES[region]}"


def _providers(rng: random.Random, level: ActivityLevel, place: str) -> list[str]:
    if level == "national":
        agency = f"National biosafety agency{place.replace(' in ', ' of ')}"
        return [agency] + ([rng.choice(PROVIDERS)] if rng.random() < 0.5 else [])
    if level == "global":
        return ["CBD Secretariat"] + ([rng.choice(PROVIDERS[1:])] if rng.random() < 0.5 else [])
    return sorted(rng.sample(PROVIDERS, rng.randint(1, 2)))


def _activity(
    number: int,
    level: ActivityLevel,
    rng: random.Random,
    plan: _Plan,
    members: dict[Region, list[DemoParty]],
) -> CapacityActivity:
    governments, regions, place = _reach(rng, level, members)
    serves = _serves(rng, plan, 3)
    least, most, shortest, longest = FUNDING[level]
    start = day_between(rng, FIRST_START, LAST_START)
    funded = rng.random() < 0.9
    return CapacityActivity(
        identifier=f"{IDENTIFIER_PREFIX}cba-{number:03d}",
        title=f"{rng.choice(FORMATS)} on {serves.topic}{place}",
        providers=_providers(rng, level, place),
        target_audiences=sorted(rng.sample(AUDIENCES, rng.randint(1, 3))),
        level=level,
        governments=governments,
        regions=regions,
        funding_source=rng.choice(FUNDING_SOURCES) if funded else "",
        funding_amount=float(round(rng.uniform(least, most), -3)) if funded else None,
        goals=serves.goals,
        key_areas=serves.key_areas,
        activities=serves.activities,
        needs_areas=serves.needs_areas,
        valid_from=start,
        valid_to=start + dt.timedelta(days=rng.randint(shortest, longest)),
        demonstration=True,
    )


def _resource(number: int, rng: random.Random, plan: _Plan) -> CapacityResource:
    serves = _serves(rng, plan, 2)
    kind = rng.choice(RESOURCE_TYPES)
    region = weighted_choice(rng, REGION_REACH)
    return CapacityResource(
        identifier=f"{IDENTIFIER_PREFIX}cbr-{number:03d}",
        title=f"{serves.topic[0].upper()}{serves.topic[1:]} ({kind})",
        resource_type=kind,
        publisher=rng.choice(PROVIDERS),
        languages=["en", *sorted(rng.sample(LANGUAGES, rng.randint(0, 3)))],
        url=f"https://example.org/demo/cb-resources/{number:03d}",
        key_areas=serves.key_areas,
        needs_areas=serves.needs_areas,
        regions=[region] if rng.random() < 0.3 else [],
        valid_from=day_between(rng, dt.date(2012, 1, 1), dt.date(2025, 10, 31)),
        demonstration=True,
    )


def _level_counts(in_regions: int, parties: int) -> dict[ActivityLevel, int]:
    """Activities per level for ``parties`` Parties, ``in_regions`` of them in a region."""
    counts = dict(ACTIVITY_LEVELS)
    for level in SCALED_LEVELS:
        counts[level] = scaled(counts[level], parties) if in_regions else 0
    return counts


def capacity_records(
    parties: Sequence[DemoParty], seed: int
) -> list[CapacityActivity | CapacityResource]:
    """Activities (``ACTIVITY_LEVELS``) and ``RESOURCE_COUNT`` resources for ``parties``."""
    plan = _plan()
    members: dict[Region, list[DemoParty]] = {region: [] for region in REGION_REACH}
    for party in sorted(parties, key=lambda p: p.iso2):
        if party.cp_party and party.region in members:
            members[party.region].append(party)
    rng = rng_for(seed, "cb-activities")
    in_regions = sum(len(found) for found in members.values())
    counts = _level_counts(in_regions, sum(1 for party in parties if party.cp_party))
    levels = [level for level, count in counts.items() for _ in range(count)]
    rng.shuffle(levels)
    found: list[CapacityActivity | CapacityResource] = [
        _activity(number, level, rng, plan, members) for number, level in enumerate(levels, 1)
    ]
    rng = rng_for(seed, "cb-resources")
    found += [_resource(number, rng, plan) for number in range(1, RESOURCE_COUNT + 1)]
    return found
