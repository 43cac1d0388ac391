"""Coverage cells, gaps and unreached Parties on the tiny world (see ``world.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.capacity import (
    Period,
    activity_reach,
    analyse_needs,
    compute_coverage,
    cycle_window,
)
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from cpbmonitor.core.records import CapacityActivity
from tests.core.capacity import world

PLAN = load_plan("draft-2020")
MAPPING = load_needs_coverage(PLAN)


def coverage(period: Period | None = None, activities=None):
    needs = analyse_needs(world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5)
    return compute_coverage(
        PLAN,
        MAPPING,
        needs,
        world.ACTIVITIES if activities is None else activities,
        world.party_facts(),
        period or cycle_window(5),
    )


def cell(result, code: str, group: str) -> tuple[int, int, float, int]:
    found = result.cell(code, group)
    return (found.in_need, found.activities, found.funding, found.uncovered)


def test_cycle_windows() -> None:
    assert cycle_window(5) == Period(dt.date(2019, 10, 2), dt.date(2026, 2, 28))
    assert cycle_window(4) == Period(dt.date(2015, 11, 1), dt.date(2019, 10, 1))
    with pytest.raises(LookupError):
        cycle_window(9)
    with pytest.raises(ValueError, match="ends"):
        Period(dt.date(2020, 1, 2), dt.date(2020, 1, 1))


def test_reach_by_level() -> None:
    regions = dict((code, region) for code, (region, _) in world.PARTIES.items())
    national, regional, _, subregional, by_activity, _, two = (
        activity_reach(a, PLAN, MAPPING, regions) for a in world.ACTIVITIES
    )
    assert national.regions == {"GRULAC"} and national.reaches_party("br", "GRULAC")
    assert not national.reaches_party("mx", "GRULAC")
    assert regional.areas == {"(i)"}  # key area A.6-A.8 (3) through the mapping
    assert regional.reaches_party("ke", "AFR") and not regional.reaches_party("br", "GRULAC")
    assert subregional.reaches_party("ng", "AFR") and not subregional.reaches_party("sl", "AFR")
    assert by_activity.areas == {"(i)"}  # "A.7 (iii)" is activity (iii) of the shared set
    assert two.regions == {"ASP", "CEE"}


def test_an_activitys_own_needs_areas_win_over_the_mapping() -> None:
    named = world.activity("x", "global", "2020-01-01", needs_areas=["(c)"], key_areas=["A.5 (1)"])
    derived = world.activity("y", "global", "2020-01-01", key_areas=["A.5 (1)"])
    assert activity_reach(named, PLAN, MAPPING, {}).areas == {"(c)"}
    assert activity_reach(derived, PLAN, MAPPING, {}).areas == {"(c)", "(d)", "(o)"}


def test_cells_count_need_activities_funding_and_uncovered() -> None:
    result = coverage()
    assert result.activities == 5  # a4 ended before, a6 starts after the window
    assert cell(result, "(a)", "global") == (2, 1, 100_000, 1)
    assert cell(result, "(a)", "GRULAC") == (1, 1, 100_000, 0)
    assert cell(result, "(a)", "AFR") == (1, 0, 0, 1)
    assert result.cell("(a)", "AFR").score == 0.5
    assert cell(result, "(c)", "global") == (3, 1, 500_000, 0)
    assert cell(result, "(c)", "WEOG") == (0, 1, 100_000, 0)  # a global amount split in five
    assert cell(result, "(e)", "global") == (0, 1, 200_000, 0)
    assert cell(result, "(e)", "ASP") == (0, 1, 100_000, 0)  # split across its two regions
    assert cell(result, "(e)", "AFR") == (0, 0, 0, 0)
    assert cell(result, "(i)", "global") == (2, 2, 300_000, 0)
    assert cell(result, "(i)", "GRULAC") == (1, 1, 0, 0)  # a5 has no amount
    assert cell(result, "(m)", "AFR") == (1, 0, 0, 1)
    assert result.cell("(m)", "global").score == pytest.approx(1 / 6)
    assert result.cell("(m)", "ASP").score is None  # no reporting Party there


def test_regional_funding_adds_up_to_the_world() -> None:
    result = coverage()
    for item in result.areas:
        regional = sum(item.cell(g).funding for g in ("AFR", "ASP", "CEE", "GRULAC", "WEOG"))
        assert regional == pytest.approx(item.cell("global").funding)


def test_gaps() -> None:
    result = coverage()
    assert [a.area.code for a in result.not_in_plan()] == ["(h)", "(l)", "(m)", "(q)"]
    assert [a.area.code for a in result.nothing_planned()] == ["(b)"]
    assert [(c.code, c.group) for c in result.without_activity()] == [
        ("(a)", "AFR"),
        ("(m)", "AFR"),
    ]
    [ng] = result.unreached
    assert (ng.government, ng.region, ng.reaching) == ("ng", "AFR", 2)
    assert ng.needs == {"(a)", "(i)", "(m)"} and ng.unreached == {"(a)", "(m)"}


def test_the_period_selects_the_activities() -> None:
    later = coverage(Period(dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    assert later.activities == 3  # a2 and a5 (open-ended) and a6
    assert cell(later, "(a)", "AFR") == (1, 1, 0, 0)  # a6 reaches ng
    assert cell(later, "(c)", "global") == (3, 0, 0, 3)
    nothing = coverage(activities=[])
    assert [p.government for p in nothing.unreached] == ["br", "ng", "eu", "mx"]


def test_activities_from_a_record_set() -> None:
    records = world.record_set()
    assert len(records.all(CapacityActivity)) == 7
    assert coverage(activities=records.all(CapacityActivity)).activities == 5
