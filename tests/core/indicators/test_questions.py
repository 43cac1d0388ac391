"""The question analyzer on the hand-built dataset (see ``dataset.py``)."""

from __future__ import annotations

import pytest

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import PreviousCycle, analyze_question
from tests.core.indicators.conftest import C4, C5
from tests.core.indicators.dataset import FULL, PART, PARTIES, REPORTS


def option(analysis_side, value):  # type: ignore[no-untyped-def]
    return next(o for o in analysis_side.options if o.value == value)


def test_counts_by_region_beside_the_previous_cycle(real_formats: dict[int, Questionnaire]) -> None:
    result = analyze_question(
        real_formats[5], REPORTS, PARTIES, "Q007", C5, PreviousCycle(real_formats[4], C4)
    )
    now = result.current
    # 7 Parties reported in cycle 5 and all answered Q007 (us and xx are left out).
    assert now.reporting["global"] == 7 and now.respondents["global"] == 7
    full = option(now, FULL)
    assert full.counts["global"] == 3  # br de eu
    assert full.percents["global"] == 42.86
    assert full.counts["WEOG"] == 1 and full.percents["WEOG"] == 100.0  # de, not us
    assert full.counts["AFR"] == 0 and option(now, PART).counts["AFR"] == 1  # ke
    assert sum(o.counts["global"] for o in now.options) == 7
    # previous cycle, through the crosswalk Q007 -> Q014
    before = result.previous
    assert before is not None and before.key == "Q014" and before.cycle == 4
    assert before.respondents["global"] == 5  # br ke in de eu; ss joined later
    assert option(before, FULL).counts["global"] == 2  # in de
    assert option(before, FULL).percents["global"] == 40.0
    assert [o.value for o in before.options] == [o.value for o in now.options]
    assert result.previous_unmatched == ()


def test_disabled_answers_are_not_counted(real_formats: dict[int, Questionnaire]) -> None:
    now = analyze_question(real_formats[5], REPORTS, PARTIES, "Q124", C5).current
    assert option(now, "true").counts["global"] == 1  # br; ke's answer is disabled by Q122
    assert now.respondents["global"] == 1 and now.reporting["global"] == 7


def test_explicit_mapping_and_value_mapping(real_formats: dict[int, Questionnaire]) -> None:
    previous = PreviousCycle(
        real_formats[4], C4, mapping={"Q011": "Q018"}, value_mapping={"true": "true"}
    )
    result = analyze_question(real_formats[5], REPORTS, PARTIES, "Q011", C5, previous)
    assert result.previous is not None
    assert option(result.previous, "true").counts["global"] == 4  # br in de eu
    assert option(result.current, "true").counts["global"] == 4  # br de pl eu


def test_no_counterpart(real_formats: dict[int, Questionnaire]) -> None:
    result = analyze_question(
        real_formats[5], REPORTS, PARTIES, "Q009", C5, PreviousCycle(real_formats[4], C4)
    )
    assert result.previous is None and "no counterpart" in (result.note or "")


def test_unknown_key(real_formats: dict[int, Questionnaire]) -> None:
    with pytest.raises(KeyError, match="Q999"):
        analyze_question(real_formats[5], REPORTS, PARTIES, "Q999", C5)
