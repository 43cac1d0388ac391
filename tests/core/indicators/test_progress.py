"""Series and progress assessment over the sixth cycle of ``fixtures/cycle6`` (loaded as
data through ``CPB_FORMATS_DIR``), on the reports of its ``reports-*.json`` as engine
inputs. Worked-out values:

A.1(a) (world): 2/3 = 66.67 in cycle 4 (2019-10-01), 3/4 = 75 in cycle 6 (2029-10-01);
crosswalked, so comparable. Default target 100% on 2030-12-31. Days: baseline to cycle 6
= 3653, baseline to the target date = 4109; share of the period 3653/4109 = 0.88898.
Expected value 66.67 + 33.33 x 0.88898 = 96.30; achieved 8.33 of 29.63 needed: pace 0.28
-> progress, acceleration needed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cpbmonitor.core.indicators import CycleInfo, PartyFacts, ReportFacts, Settings
from cpbmonitor.core.indicators.progress import (
    IndicatorProgress,
    ProgressRules,
    aggregate,
    assess_progress,
    load_progress_rules,
    shipped_progress_rules,
)
from cpbmonitor.core.indicators.series import PartyTally, Series, evaluate_series, series_rows
from cpbmonitor.core.milestones.model import Milestone
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.yamlfile import DataFileError
from tests.paths import FIXTURES

CYCLE6 = FIXTURES / "cycle6"
C4 = CycleInfo(4, "cpbNationalReport4", dt.date(2019, 10, 1))
C5 = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
C6 = CycleInfo(6, "cpbNationalReport6", dt.date(2029, 10, 1))
PARTIES = [
    PartyFacts("br", "GRULAC", dt.date(2004, 2, 22)),
    PartyFacts("eu", None, dt.date(2003, 9, 11)),
    PartyFacts("ng", "AFR", dt.date(2003, 9, 11)),
    PartyFacts("sl", "AFR", dt.date(2020, 9, 13)),
]


def reports() -> list[ReportFacts]:
    found = []
    for n in (4, 5, 6):
        for doc in json.loads((CYCLE6 / f"reports-{n}.json").read_text()):
            body = doc["body"]
            answers = {
                k: frozenset({v["value"]})
                for k, v in body.items()
                if isinstance(v, dict) and "value" in v
            }
            submitted = dt.date.fromisoformat(doc["submittedOn"][:10])
            found.append(ReportFacts(body["government"]["identifier"], n, submitted, True, answers))
    return found


@pytest.fixture
def series(monkeypatch: pytest.MonkeyPatch) -> Series:
    monkeypatch.setenv("CPB_FORMATS_DIR", str(CYCLE6))
    from cpbmonitor.core.indicators import load_methodology

    plan = load_plan("draft-2020")
    return evaluate_series(
        plan,
        load_methodology("draft-2020"),
        [C6, C4, C5],
        PARTIES,
        reports(),
        Settings(min_denominator=1),
    )


def test_series_orders_cycles_and_links_every_change(series: Series) -> None:
    assert [c.number for c in series.cycles] == [4, 5, 6]
    a1a = series.indicator("A.1(a)")
    assert [p.value for p in a1a.points()] == [66.67, 50.0, 75.0]
    assert [(c.from_cycle, c.to_cycle, c.change) for c in a1a.changes()] == [
        (4, 5, -16.67),
        (5, 6, 25.0),
    ]
    afr = a1a.points("AFR")  # ng (4); ng sl (5, 6): none; none then partially
    assert [(p.numerator, p.denominator) for p in afr] == [(0, 1), (0, 2), (1, 2)]
    rows = series_rows(series)
    assert len(rows) == 48 * 6 * 3
    row = next(
        r for r in rows if r["indicator"] == "A.1(a)" and r["group"] == "global" and r["cycle"] == 6
    )
    assert (row["change_since_baseline"], row["status_since_baseline"]) == (8.33, "improved")


def test_indicator_progress_against_the_default_target(series: Series) -> None:
    progress = assess_progress(load_plan("draft-2020"), series)
    a1a = progress.indicator("A.1(a)")
    assert a1a.status == "acceleration-needed"
    assert (a1a.baseline_value, a1a.latest_value, a1a.expected_value) == (66.67, 75.0, 96.3)
    assert (a1a.target_value, a1a.target_date, a1a.target_source) == (
        100,
        dt.date(2030, 12, 31),
        "default",
    )
    assert a1a.pace_ratio == 0.28
    # A stand-in baseline (A.1(c)) and changed options (B.2(c)) give no assessment.
    assert progress.indicator("A.1(c)").status == "insufficient-data"
    assert "stand-in" in progress.indicator("A.1(c)").reasons[0]
    assert progress.indicator("B.2(c)").status == "insufficient-data"
    assert progress.indicator("B.3(a)").reasons == ("no value in the baseline cycle 4",)


@pytest.mark.parametrize(
    ("target", "date", "status", "ratio"),
    [
        # expected 66.67 + 13.33 x 0.88898 = 78.52: 8.33 of 11.85 -> 0.70
        (80.0, dt.date(2030, 12, 31), "acceleration-needed", 0.70),
        # 3653 of 3744 days (0.97569): expected 66.67 + 8.83 x 0.97569 = 75.29; 8.33 of 8.62
        (75.5, dt.date(2029, 12, 31), "on-track", 0.97),
        # expected 66.67 + 9.33 x 0.97569 = 75.77: 8.33 of 9.10 -> 0.92 < 0.95
        (76.0, dt.date(2029, 12, 31), "acceleration-needed", 0.92),
        (75.0, dt.date(2028, 12, 31), "on-track", None),  # reached
        (60.0, dt.date(2030, 12, 31), "on-track", None),  # reached (already at baseline)
    ],
)
def test_milestones_set_the_target(
    series: Series, target: float, date: dt.date, status: str, ratio: float | None
) -> None:
    milestone = Milestone(
        plan="draft-2020", indicator="A.1(a)", target_value=target, target_date=date
    )
    result = assess_progress(load_plan("draft-2020"), series, [milestone]).indicator("A.1(a)")
    assert (result.status, result.target_source) == (status, "milestone")
    if ratio is not None:
        assert result.pace_ratio == ratio


def test_a_decline_is_regression(series: Series) -> None:
    # A.1(a) over cycles 4 and 5 only: 66.67 -> 50, a decline.
    from cpbmonitor.core.indicators import load_methodology

    short = evaluate_series(
        load_plan("draft-2020"),
        load_methodology("draft-2020"),
        [C4, C5],
        PARTIES,
        reports(),
        Settings(min_denominator=1),
    )
    result = assess_progress(load_plan("draft-2020"), short).indicator("A.1(a)")
    assert result.status == "regression"
    assert result.reasons[0].startswith("change -16.67 since the baseline")


def test_few_data_is_insufficient(series: Series) -> None:
    from cpbmonitor.core.indicators import load_methodology

    strict = evaluate_series(
        load_plan("draft-2020"),
        load_methodology("draft-2020"),
        [C4, C5, C6],
        PARTIES,
        reports(),
    )
    result = assess_progress(load_plan("draft-2020"), strict).indicator("A.1(a)")
    assert result.status == "insufficient-data"
    assert "fewer than 10" in result.reasons[0]


def _p(code: str, status: str) -> IndicatorProgress:
    return IndicatorProgress(code, "global", status, (f"{status} because",))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("statuses", "expected", "reason"),
    [
        (["on-track"] * 3 + ["acceleration-needed"], "on-track", "(3 of 4)"),
        (["regression", "regression", "on-track", "acceleration-needed"], "regression", "(2 of 4)"),
        (
            ["on-track", "acceleration-needed", "acceleration-needed", "insufficient-data"],
            "acceleration-needed",
            "(1 of 3)",
        ),
        (["insufficient-data", "insufficient-data", "on-track"], "insufficient-data", "(1 of 3)"),
        ([], "insufficient-data", "no indicator measures it"),
    ],
)
def test_aggregation_rules(statuses: list[str], expected: str, reason: str) -> None:
    members = [_p(f"A.1({chr(97 + i)})", s) for i, s in enumerate(statuses)]
    result = aggregate("goal", "A.1", "title", members, shipped_progress_rules())
    assert result.status == expected
    assert reason in result.reasons[0]
    assert len(result.reasons) == 1 + len(members) or not members


def test_every_objective_and_goal_of_both_plan_versions_has_a_status(series: Series) -> None:
    from cpbmonitor.core.indicators import load_methodology

    for version in ("draft-2020", "draft-2019"):
        plan = load_plan(version)
        version_series = evaluate_series(
            plan, load_methodology(version), [C4, C5, C6], PARTIES, reports()
        )
        progress = assess_progress(plan, version_series)
        assert [g.code for g in progress.goals] == [g.code for g in plan.goals()]
        assert [o.code for o in progress.objectives] == [o.code for o in plan.objectives()]
        for item in (*progress.goals, *progress.objectives):
            assert item.status in (
                "on-track",
                "acceleration-needed",
                "regression",
                "insufficient-data",
            )
            assert item.reasons and all(item.reasons), item.code


def test_rules_file_with_problems(tmp_path) -> None:
    bad = tmp_path / "progress-rules-with-problems.yaml"
    bad.write_text(
        "indicator: {default_target_percent: 100, default_target_date: 2030-12-31,\n"
        "  on_track_ratio: 0.95, progress_threshold: 1}\n"
        "aggregation:\n"
        "- status: on-track\n"
        "  reason: always\n"
        "- status: regression\n"
        "  when: {share_at_least: {regression: 0.5}}\n"
        "  reason: ({nonsense})\n"
    )
    with pytest.raises(DataFileError) as error:
        load_progress_rules(bad)
    assert "only the last rule may have no condition" in str(error.value)
    assert isinstance(shipped_progress_rules(), ProgressRules)


def test_party_tallies_compare_like_with_like(series: Series) -> None:
    tallies = series.party_tallies("ng")
    # ng is measured on 25, 33 and 32 binary indicators in cycles 4, 5 and 6 (rules and
    # populations differ). Of the 25 measured in all three, ten have a change that is not
    # comparable: the stand-ins A.1(c), A.8(d), A.9(c), B.1(d), B.2(a), B.3(b), B.4(d),
    # A.6(a) and B.2(d) (options changed between the fourth and fifth formats) and B.2(c)
    # (an option added in the sixth): 15 remain, the same set in every cycle.
    assert [(t.cycle, t.measured, t.comparable) for t in tallies] == [
        (4, 25, 15),
        (5, 33, 15),
        (6, 32, 15),
    ]
    assert [t.comparable_met for t in tallies] == [1, 1, 2]
    assert all(t.comparable_met <= t.met for t in tallies)
    # sl joined in 2020: measured on nothing in cycle 4, so on no like-for-like set
    assert [(t.measured, t.comparable) for t in series.party_tallies("sl")] == [
        (0, 0),
        (33, 0),
        (32, 0),
    ]
    assert PartyTally.share(2, 15) == 13.33 and PartyTally.share(0, 0) is None
