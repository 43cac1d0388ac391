"""Matching a Party's needs with activities and resources, and a provider's activities
with the Parties and regions in need, on the tiny world (see ``world.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.capacity import (
    analyse_needs,
    match_party,
    match_provider,
    providers_of,
    status_on,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from tests.core.capacity import world

PLAN = load_plan("draft-2020")
MAPPING = load_needs_coverage(PLAN)
ON = dt.date(2026, 1, 15)


def needs():
    return analyse_needs(world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5)


def party_match(government: str):
    records = world.record_set(extra=True)
    return match_party(government, needs(), records, PLAN, MAPPING, world.party_facts(), ON)


def provider_match(name: str):
    records = world.record_set(extra=True)
    return match_provider(name, needs(), records, PLAN, MAPPING, world.party_facts(), ON)


def test_status_on_a_date() -> None:
    a1, a2, *_, a6, _ = world.ACTIVITIES
    assert (status_on(a1, ON), status_on(a2, ON), status_on(a6, ON)) == (
        "past",
        "current",
        "planned",
    )


def test_activities_for_a_party_ranked_by_needs_reach_and_recency() -> None:
    found = party_match("br")
    ranked = [(m.activity.identifier, sorted(m.covers), m.status) for m in found.activities]
    assert ranked == [
        ("a9", ["(c)", "(i)"], "current"),  # two of its needs
        ("a10", ["(a)"], "past"),  # national, ended 2023
        ("a1", ["(a)"], "past"),  # national, ended 2021
        ("a5", ["(i)"], "current"),  # regional
        ("a3", ["(c)"], "current"),  # global
    ]
    assert found.unaddressed == frozenset()


def test_resources_for_a_party() -> None:
    found = party_match("br")
    assert [(m.resource.identifier, sorted(m.covers), m.regional) for m in found.resources] == [
        ("r2", ["(a)", "(c)"], True),
        ("r1", ["(i)"], False),
        ("r5", ["(c)"], False),  # key area A.5 (2) addresses (c) and (d)
    ]


def test_closer_reach_first_and_a_party_without_region() -> None:
    found = party_match("ng")  # one need each: national, subregional, regional
    assert [m.activity.identifier for m in found.activities] == ["a6", "a4", "a2"]
    assert [m.resource.identifier for m in found.resources] == ["r3", "r1"]
    assert found.unaddressed == frozenset()
    eu = party_match("eu")
    assert [m.activity.identifier for m in eu.activities] == ["a3"]  # no region: global only


def test_only_reporting_parties_are_matched() -> None:
    with pytest.raises(LookupError, match="ar is not a Party with a report for cycle 5"):
        party_match("ar")


def test_provider_targets_ranked_by_unmet_then_matched_needs() -> None:
    found = provider_match("fao")
    assert found.provider == "FAO"
    assert [a.identifier for a in found.activities] == ["a2", "a5", "a6"]  # a4 is past
    assert found.areas == {"(a)", "(i)"}
    parties = [(t.name, t.matched, t.unmet, t.reached, sorted(t.areas)) for t in found.parties]
    assert parties == [
        ("ng", 2, 2, True, ["(a)", "(i)"]),
        ("br", 2, 1, True, ["(a)", "(i)"]),  # a9 already brings (i) to br
    ]
    regions = [(t.name, t.parties, t.matched, t.unmet, t.reached) for t in found.regions]
    assert regions == [("AFR", 1, 2, 2, True), ("GRULAC", 1, 2, 1, True)]


def test_unknown_provider() -> None:
    with pytest.raises(LookupError, match="no capacity-building activity names the provider"):
        provider_match("Nobody")
    assert providers_of(world.record_set()) == [
        "Agency BR",
        "CBD Secretariat",
        "FAO",
        "Someone",
        "UNDP",
    ]


def test_a_provider_with_only_past_activities_has_no_targets() -> None:
    found = provider_match("Agency BR")
    assert found.activities == () and found.parties == () and found.regions == ()
