"""Needs per area and region, cycle against cycle, and needs assessment, on the tiny world
(numbers worked out in ``world.py``)."""

from __future__ import annotations

import pytest

from cpbmonitor.core.capacity import analyse_needs, needs_areas, needs_definitions
from cpbmonitor.core.indicators import PreviousCycle
from tests.core.capacity import world

GROUPS = ("global", "AFR", "ASP", "CEE", "GRULAC", "WEOG")


def analysis(compare: bool = True):
    previous = PreviousCycle(world.Q4, world.CYCLE4) if compare else None
    return analyse_needs(
        world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5, previous
    )


def counts(item) -> tuple[int, ...]:
    return tuple(item.counts[group] for group in GROUPS)


def test_shipped_terms_are_the_options_of_both_needs_questions_in_order() -> None:
    for questionnaire, key in ((world.Q4, "Q135"), (world.Q5, "Q123")):
        areas = needs_areas(questionnaire)
        assert [a.code for a in areas] == [f"({letter})" for letter in "abcdefghijklmnopq"]
        assert [a.term for a in areas] == list(questionnaire.question(key).option_values)
    assert needs_areas(world.Q5)[8].label == "Sampling, detection, identification"
    keys = needs_definitions().questions_for("cpbNationalReport4")
    assert (keys.areas, keys.has_needs, keys.assessed, keys.prioritised) == (
        "Q135",
        "Q134",
        "Q133",
        "Q136",
    )


def test_parties_per_area_world_and_regions() -> None:
    result = analysis()
    assert dict(result.reporting) == {
        "global": 6, "AFR": 2, "ASP": 0, "CEE": 0, "GRULAC": 2, "WEOG": 1,
    }  # fmt: skip
    assert counts(result.area("(a)")) == (2, 1, 0, 0, 1, 0)
    assert counts(result.area("(b)")) == (0, 0, 0, 0, 0, 0)  # ng's superseded report
    assert counts(result.area("(c)")) == (3, 0, 0, 0, 2, 0)  # eu counts in the world only
    assert counts(result.area("(i)")) == (2, 1, 0, 0, 1, 0)
    assert counts(result.area("(m)")) == (1, 1, 0, 0, 0, 0)
    assert sum(item.counts["global"] for item in result.areas) == 8


def test_previous_cycle_through_the_crosswalk() -> None:
    result = analysis()
    assert result.previous_cycle == 4
    assert result.previous_reporting["global"] == 3
    assert result.area("(a)").previous["global"] == 2
    assert result.area("(a)").change() == 0
    assert result.area("(c)").change() == 2
    assert result.area("(h)").previous["WEOG"] == 1
    assert result.area("(h)").change() == -1
    assert analysis(compare=False).area("(a)").previous is None


def test_each_partys_needs_and_assessment() -> None:
    result = analysis()
    assert [p.government for p in result.parties] == ["br", "eu", "fr", "ke", "mx", "ng"]
    ng = result.party("ng")
    assert ng.areas == {"(a)", "(i)", "(m)"} and ng.region == "AFR"
    assert (ng.assessed, ng.prioritised, ng.has_needs) == (True, True, True)
    ke = result.party("ke")
    assert ke.areas == frozenset()  # the areas question is disabled by "no needs"
    assert (ke.assessed, ke.prioritised) == (True, None)
    assert result.party("ar") is None and result.party("sl") is None
    table = result.assessment()
    assert table["global"] == {"reporting": 6, "assessed": 4, "prioritised": 2, "with_needs": 4}
    assert table["GRULAC"] == {"reporting": 2, "assessed": 1, "prioritised": 1, "with_needs": 2}
    assert table["AFR"] == {"reporting": 2, "assessed": 2, "prioritised": 1, "with_needs": 1}


def test_fourth_cycle_uses_its_own_questions() -> None:
    result = analyse_needs(world.Q4, world.report_facts(), world.party_facts(), world.CYCLE4)
    assert result.questions.areas == "Q135"
    assert counts(result.area("(a)")) == (2, 1, 0, 0, 1, 0)
    assert result.assessment()["global"]["assessed"] == 2


def test_a_format_without_needs_questions_is_refused() -> None:
    with pytest.raises(LookupError, match="no capacity-building needs question is known for"):
        needs_definitions().questions_for("cpbNationalReport3")
