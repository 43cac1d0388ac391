"""Contribution of capacity-building on the tiny world (``world.py``): which Parties the
activities serving a goal reached, and the change on each side, worked out by hand.

Period 2019-10-02 to 2026-02-28. Goal A.8 (shared set A.6-A.8): a2 (regional AFR, key area
A.6-A.8 (3)) reaches ng and ke; a5 (regional GRULAC, activity A.7 (iii)) reaches br and
mx; a3 (global) names only a needs area, no goal, key area or activity, so it serves no
goal. fr and eu are reached by nothing serving A.8.

A.8(a), per Party, baseline -> now:
    reached:     br no->yes, mx no->yes, ng yes->yes, ke no->no   : 1/4 = 25% -> 3/4 = 75%, +50
    not reached: fr yes->yes, eu no->no                            : 1/2 = 50% -> 1/2 = 50%, 0
    sl: only a current result, left out (no change to measure)
A.5(a) (goal A.5, no activity serves it in the world): everyone not reached.
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.capacity.contribution import CAVEAT, contributions, serves
from cpbmonitor.core.capacity.reach import Period
from cpbmonitor.core.indicators import Evaluation, Scorecard, Settings
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from tests.core.capacity import world

PLAN = load_plan("draft-2020")
PERIOD = Period(dt.date(2019, 10, 2), dt.date(2026, 2, 28))
REGIONS = {
    "br": "GRULAC",
    "mx": "GRULAC",
    "ng": "AFR",
    "ke": "AFR",
    "fr": "WEOG",
    "eu": None,
    "sl": "AFR",
}
NOW = {"br": True, "mx": True, "ng": True, "ke": False, "fr": True, "eu": False, "sl": True}
THEN = {"br": False, "mx": False, "ng": True, "ke": False, "fr": True, "eu": False}


def compare():
    evaluation = Evaluation(
        "draft-2020",
        world.CYCLE5,
        world.CYCLE4,
        Settings(),
        (),
        scorecards=(Scorecard("A.8(a)", NOW, THEN), Scorecard("A.5(a)", NOW, THEN)),
    )
    found = contributions(
        PLAN, evaluation, world.ACTIVITIES, load_needs_coverage(PLAN), REGIONS, PERIOD
    )
    return {c.indicator: c for c in found}


def test_reached_parties_change_against_the_others() -> None:
    a8 = compare()["A.8(a)"]
    assert a8.goal == "A.8" and a8.activities == 2  # a2 and a5
    assert "A.6-A.8 (3)" in a8.key_areas
    assert (a8.reached.parties, a8.reached.baseline_met, a8.reached.current_met) == (4, 1, 3)
    assert (a8.reached.baseline_share, a8.reached.current_share, a8.reached.change) == (
        25.0,
        75.0,
        50.0,
    )
    assert (a8.not_reached.parties, a8.not_reached.change) == (2, 0.0)
    assert a8.difference == 50.0


def test_a_goal_no_activity_serves_has_everyone_not_reached() -> None:
    a5 = compare()["A.5(a)"]
    assert a5.activities == 0 and a5.reached.parties == 0 and a5.reached.change is None
    assert a5.not_reached.parties == 6 and a5.difference is None


def test_what_serves_a_goal() -> None:
    a2, a3, a5 = world.ACTIVITIES[1], world.ACTIVITIES[2], world.ACTIVITIES[4]
    goal = PLAN.goal("A.8")
    assert serves(a2, PLAN, goal) and serves(a5, PLAN, goal) and not serves(a3, PLAN, goal)
    assert "not attribution" in CAVEAT
