"""The engine on the hand-built dataset of ``dataset.py``; expected numbers worked out
in each test from the table there."""

from __future__ import annotations

import pytest

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import (
    REGIONS,
    Evaluation,
    Settings,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.plan import load_plan
from tests.core.indicators.conftest import C4, C5, TINY
from tests.core.indicators.dataset import PARTIES, REPORTS


def run(real_formats: dict[int, Questionnaire], settings: Settings | None = None) -> Evaluation:
    plan = load_plan("draft-2020")
    return evaluate(
        plan,
        load_methodology("draft-2020"),
        C5,
        C4,
        PARTIES,
        REPORTS,
        settings or TINY,
        real_formats,
    )


@pytest.fixture(scope="module")
def ev(real_formats: dict[int, Questionnaire]) -> Evaluation:
    return run(real_formats)


def nd(ev: Evaluation, code: str, group: str = "global") -> tuple[int | None, int | None]:
    g = ev.result(code).groups[group]
    return g.numerator, g.denominator


def test_a1a_excludes_non_parties_and_late_joiners_and_counts_incomplete_answers(
    ev: Evaluation,
) -> None:
    # cycle 5 Parties on 2026-02-28: br ke in de pl eu ss (xx joined later, us is no Party).
    # Fully or partially in place: br, ke, de, eu. in's incomplete report answers Q007.
    g = ev.result("A.1(a)").overall
    assert (g.numerator, g.denominator, g.value) == (4, 7, 57.14)
    assert g.reports_used == 7
    # cycle 4 Parties on 2019-10-01 with a report: br ke in de eu (pl none; ss joined 2020).
    # In place: br (partially), in, de -> 3/5.
    assert (g.baseline_numerator, g.baseline_denominator, g.baseline_value) == (3, 5, 60.0)
    assert g.change == -2.86 and g.status == "declined"


def test_a1a_by_region(ev: Evaluation) -> None:
    assert nd(ev, "A.1(a)", "AFR") == (1, 2)  # ke yes, ss no
    assert nd(ev, "A.1(a)", "ASP") == (0, 1)
    assert nd(ev, "A.1(a)", "CEE") == (0, 1)
    assert nd(ev, "A.1(a)", "GRULAC") == (1, 1)
    assert nd(ev, "A.1(a)", "WEOG") == (1, 1)  # de; the United States is not counted
    assert ev.result("A.1(a)").groups["AFR"].value == 50.0


def test_an_incomplete_report_counts_only_for_what_it_answers(ev: Evaluation) -> None:
    # A.1(c) Q011 = true: in's incomplete report has no Q011 -> not in the denominator.
    # br de pl eu yes; ke ss no -> 4/6.
    g = ev.result("A.1(c)").overall
    assert (g.numerator, g.denominator, g.value) == (4, 6, 66.67)
    assert (g.baseline_numerator, g.baseline_denominator) == (4, 5)  # br in de eu of 5
    # The fourth report's permanent staff stands in for qualified staff: the change is
    # shown, labelled, and not counted as a decline.
    assert g.change == -13.33 and g.status == "not comparable"
    assert g.comparability == "stand-in"
    assert "permanent staff is not qualified staff" in (g.comparability_reason or "")


def test_answers_in_disabled_questions_are_ignored(ev: Evaluation) -> None:
    # B.1(a) Q124 = true: ke answered Q124 = true but Q122 = false, which disables Q124.
    # Denominator: the 6 complete reports (in's incomplete one does not answer Q124).
    g = ev.result("B.1(a)").overall
    assert (g.numerator, g.denominator, g.value) == (1, 6, 16.67)
    assert g.baseline_value is None and g.status is None
    assert "baseline: no rule for cycle 4" in (g.note or "")


def test_population_defined_by_a_rule(ev: Evaluation) -> None:
    # A.5(a): of the Parties with Q055 = true (br de pl), those with Q058 = true (br pl).
    assert nd(ev, "A.5(a)") == (2, 3)
    assert ev.result("A.5(a)").overall.value == 66.67


def test_a3a_is_over_all_parties(ev: Evaluation) -> None:
    # cycle 5: 7 Parties; complete and on time: br de pl eu (on the deadline day) ss;
    # ke late, in incomplete -> 5/7. cycle 4: 6 Parties (pl without report); on time and
    # complete: br ke de eu (in late) -> 4/6.
    g = ev.result("A.3(a)").overall
    assert (g.numerator, g.denominator, g.value) == (5, 7, 71.43)
    assert (g.baseline_numerator, g.baseline_denominator, g.baseline_value) == (4, 6, 66.67)
    assert g.change == 4.76 and g.status == "improved"
    afr = ev.result("A.3(a)").groups["AFR"]
    assert (afr.numerator, afr.denominator, afr.baseline_numerator, afr.baseline_denominator) == (
        1,
        2,
        1,
        1,
    )
    assert afr.status == "declined"


def test_supplementary_protocol_indicators(ev: Evaluation) -> None:
    # A.10(a): Parties to the SP on the deadline: br in de pl eu of 7 (cycle 4: same 5 of 6).
    assert nd(ev, "A.10(a)") == (5, 7)
    assert ev.result("A.10(a)").overall.baseline_value == 83.33
    # A.10(b): reporting SP Parties that answered (in's incomplete report does not):
    # br (fully) eu (partially) meet; de (none) and pl (unanswered, complete) do not.
    assert nd(ev, "A.10(b)") == (2, 4)
    # A.10(c): all SP Parties, reporting or not; answered Q160: br de eu -> 3/5.
    assert nd(ev, "A.10(c)") == (3, 5)


def test_regions_add_up_to_global_with_the_eu_in_global_only(ev: Evaluation) -> None:
    eu_in = {"A.1(a)": (1, 1), "A.1(c)": (1, 1), "A.3(a)": (1, 1), "A.10(a)": (1, 1)}
    for code, (eu_num, eu_den) in eu_in.items():
        result = ev.result(code)
        num = sum(result.groups[r].numerator or 0 for r in REGIONS)
        den = sum(result.groups[r].denominator or 0 for r in REGIONS)
        assert (num + eu_num, den + eu_den) == (
            result.overall.numerator,
            result.overall.denominator,
        ), code
    for result in ev.indicators:  # in general: regions never exceed the global figure
        if result.overall.denominator is not None:
            den = sum(result.groups[r].denominator or 0 for r in REGIONS)
            assert den <= result.overall.denominator


def test_threshold_decides_status(real_formats: dict[int, Questionnaire]) -> None:
    ev = run(real_formats, Settings(change_threshold=5.0, min_denominator=1))
    assert ev.result("A.3(a)").overall.status == "no change"  # +4.76 < 5 points
    assert ev.result("A.1(a)").overall.status == "no change"  # -2.86 > -5 points
    assert ev.result("A.1(c)").overall.status == "not comparable"  # whatever the threshold


def test_few_data(real_formats: dict[int, Questionnaire]) -> None:
    # With the default threshold of 10, A.1(a)'s 4/7 against 3/5 rests on few data: both
    # values are marked and the -2.86 points are "insufficient data", not a decline.
    ev = run(real_formats, Settings())
    g = ev.result("A.1(a)").overall
    assert (g.value, g.baseline_value, g.change) == (57.14, 60.0, -2.86)
    assert g.few_data and g.baseline_few_data and g.status == "insufficient data"
    # A.3(a) counts all 7 Parties (cycle 5) and 6 (cycle 4): still too few at 7, enough at 6.
    ev6 = run(real_formats, Settings(min_denominator=6))
    a3a = ev6.result("A.3(a)").overall
    assert (a3a.denominator, a3a.baseline_denominator) == (7, 6)
    assert not a3a.few_data and not a3a.baseline_few_data and a3a.status == "improved"
    a1a = ev6.result("A.1(a)").overall
    assert not a1a.few_data and a1a.baseline_few_data and a1a.status == "insufficient data"
    summary = next(s for s in ev.goals if s.code == "A.1")
    assert (summary.declined, summary.insufficient_data, summary.not_comparable) == (0, 1, 1)


def test_pending_and_not_measurable_have_rows_with_notes(ev: Evaluation) -> None:
    for code in ("A.1(b)", "A.2(b)", "A.2(c)", "A.3(b)", "A.4(a)", "A.4(b)", "A.5(b)", "A.8(a)"):
        g = ev.result(code).overall  # measured from records, none given here
        assert g.value is None and g.note == "no records loaded", code
    assert len(ev.rows()) == 48 * 6


def test_scorecard(ev: Evaluation) -> None:
    scores = {s.indicator: s for s in ev.party_scores("in")}
    assert (scores["A.1(a)"].current, scores["A.1(a)"].baseline) == (False, True)
    assert "A.1(c)" in scores and scores["A.1(c)"].current is None  # not counted in cycle 5
    pl = {s.indicator: s for s in ev.party_scores("pl")}
    assert (pl["A.1(a)"].current, pl["A.1(a)"].baseline) == (False, None)  # no cycle 4 report
    assert (pl["A.3(a)"].current, pl["A.3(a)"].baseline) == (True, False)
    assert ev.party_scores("us") == [] and ev.party_scores("xx") == []
    ss = {s.indicator: s for s in ev.party_scores("ss")}
    assert ss["A.1(a)"].baseline is None and ss["A.1(a)"].region == "AFR"
    codes = {s.indicator for s in ev.scorecard()}
    assert "A.2(c)" not in codes  # a count


def test_goal_and_objective_summaries(ev: Evaluation) -> None:
    a1 = next(s for s in ev.goals if s.code == "A.1")
    assert a1.indicators == ("A.1(a)", "A.1(b)", "A.1(c)")
    # A.1(a) declined; A.1(c)'s change is not comparable; A.1(b) has no value.
    assert (a1.improved, a1.no_change, a1.declined, a1.not_compared) == (0, 0, 1, 1)
    assert (a1.not_comparable, a1.insufficient_data) == (1, 0)
    a3 = next(s for s in ev.goals if s.code == "A.3")
    assert (a3.improved, a3.not_compared) == (1, 1)
    assert ev.objectives and all(o.kind == "objective" for o in ev.objectives)
    total = sum(len(g.indicators) for g in ev.goals)
    assert total == 48


def test_defaults_use_the_shipped_formats() -> None:
    plan = load_plan("draft-2020")
    ev = evaluate(plan, load_methodology("draft-2020"), C5, C4, PARTIES, REPORTS)
    assert (ev.result("A.1(a)").overall.numerator, ev.result("A.1(a)").overall.denominator) == (
        4,
        7,
    )


def test_without_baseline(real_formats: dict[int, Questionnaire]) -> None:
    plan = load_plan("draft-2019")
    ev = evaluate(
        plan,
        load_methodology("draft-2019"),
        C5,
        None,
        PARTIES,
        REPORTS,
        questionnaires=real_formats,
    )
    g = ev.result("A.1(a)").overall
    assert (g.numerator, g.denominator, g.baseline_value, g.status) == (4, 7, None, None)
