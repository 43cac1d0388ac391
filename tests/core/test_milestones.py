"""Milestones in the core: reading files (and their problems), the trend, the status.

The worked example of the trend: baseline 40 % on 2019-10-01 (fourth-report deadline),
latest 55 % on 2026-02-28 (fifth-report deadline): 2342 days apart, so +15 points per
2342 days. From 2026-02-28 to 2030-12-31 is 1767 days: projected
55 + 15 * 1767 / 2342 = 55 + 11.317 = 66.32 %.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cpbmonitor.core.indicators import CycleInfo, Evaluation, GroupResult, IndicatorResult, Settings
from cpbmonitor.core.milestones import (
    Milestone,
    MilestoneInputError,
    Observation,
    assess,
    assess_milestones,
    check_milestone,
    demo_milestones,
    dump_milestones,
    read_milestones,
    trend_value,
)
from cpbmonitor.core.outputs import render as export
from tests.paths import FIXTURES

FILES = FIXTURES / "milestones"
BASELINE = dt.date(2019, 10, 1)
LATEST = dt.date(2026, 2, 28)
END = dt.date(2030, 12, 31)


def milestone(target: float, date: dt.date = END, **fields) -> Milestone:
    return Milestone(
        plan="draft-2020", indicator="A.1(a)", target_value=target, target_date=date, **fields
    )


SEEN = Observation(55.0, LATEST, 40.0, BASELINE)


# -- the trend and the status ------------------------------------------------------------


def test_trend_of_the_worked_example() -> None:
    assert (LATEST - BASELINE).days == 2342 and (END - LATEST).days == 1767
    assert trend_value((BASELINE, 40.0), (LATEST, 55.0), END) == pytest.approx(66.3173, abs=1e-4)


def test_off_track_when_the_trend_falls_short() -> None:
    result = assess(milestone(80), SEEN)
    assert (result.status, result.latest_value, result.needed) == ("off track", 55.0, 25.0)
    assert result.projected_value == 66.32
    assert (result.baseline_value, result.baseline_date, result.latest_date) == (
        40.0,
        BASELINE,
        LATEST,
    )


def test_on_track_when_the_trend_reaches_the_target_by_the_date() -> None:
    result = assess(milestone(66), SEEN)
    assert (result.status, result.needed, result.projected_value) == ("on track", 11.0, 66.32)
    # Same target two years earlier: 55 + 15 * 1037 / 2342 = 61.64 < 66 -> off track.
    earlier = assess(milestone(66, dt.date(2028, 12, 31)), SEEN)
    assert (earlier.status, earlier.projected_value) == ("off track", 61.64)


def test_reached_when_the_latest_value_meets_the_target() -> None:
    for target in (55.0, 50.0):
        result = assess(milestone(target), SEEN)
        assert (result.status, result.needed, result.projected_value) == ("reached", 0.0, None)


def test_a_passed_date_without_the_target_is_off_track() -> None:
    result = assess(milestone(60, dt.date(2025, 12, 31)), SEEN)
    assert (result.status, result.needed, result.projected_value) == ("off track", 5.0, None)
    assert result.note == "the target date had passed by the latest cycle"


def test_not_assessable_without_a_latest_value_or_a_baseline() -> None:
    missing = assess(milestone(80), Observation(None, LATEST, 40.0, BASELINE, missing="pending"))
    assert (missing.status, missing.note, missing.needed) == ("not assessable", "pending", None)
    no_baseline = assess(milestone(80), Observation(55.0, LATEST))
    assert (no_baseline.status, no_baseline.needed) == ("not assessable", 25.0)
    assert no_baseline.note == "no baseline value to draw a trend from"


def test_a_projected_percentage_stays_within_100_but_a_count_does_not() -> None:
    # 90 + 40 * 1767 / 2342 = 120.18: capped at 100 for a percentage.
    rising = Observation(90.0, LATEST, 50.0, BASELINE)
    assert assess(milestone(100), rising).projected_value == 100.0
    counted = Observation(90.0, LATEST, 50.0, BASELINE, unit="count")
    assert assess(milestone(130), counted).projected_value == 120.18


def _evaluation() -> Evaluation:
    def group(name: str, value: float | None, base: float | None) -> GroupResult:
        change = None if value is None or base is None else value - base
        return GroupResult(
            "A.1(a)",
            5,
            name,
            None,
            None,
            value,
            0,
            4,
            None,
            None,
            base,
            change,
            None,
            None if value is not None else "no report from this region",
        )

    groups = {"global": group("global", 55.0, 40.0), "CEE": group("CEE", None, 20.0)}
    result = IndicatorResult(
        "A.1(a)",
        "A.1",
        "text",
        "percent-of-parties",
        "national-reports",
        "reporting-parties",
        "method",
        groups,
    )
    return Evaluation(
        "draft-2020",
        CycleInfo(5, "cpbNationalReport5", LATEST),
        CycleInfo(4, "cpbNationalReport4", BASELINE),
        Settings(),
        (result,),
    )


def test_assess_milestones_reads_the_evaluation_and_its_cycle_deadlines() -> None:
    milestones = [
        milestone(80),
        milestone(50, group="CEE"),
        milestone(80).model_copy(update={"indicator": "A.3(a)"}),
        milestone(80).model_copy(update={"plan": "draft-2019"}),
    ]
    world, cee, other, old = assess_milestones(milestones, _evaluation())
    assert (world.status, world.projected_value, world.latest_date) == ("off track", 66.32, LATEST)
    assert (cee.status, cee.note) == ("not assessable", "no report from this region")
    assert other.note == "indicator A.3(a) is not in the evaluation"
    assert old.note == "a milestone of draft-2019; the evaluation is of draft-2020"


def test_exports_of_assessments(tmp_path: Path) -> None:
    assessed = assess_milestones([milestone(80, demonstration=True)], _evaluation())
    csv = export("milestones", "csv", assessed).decode().splitlines()
    assert csv[0].startswith("# Demonstration milestone")  # the notice, first
    assert csv[1].startswith("plan,indicator,group,target_value,target_date,latest_value,needed")
    assert csv[2].startswith("draft-2020,A.1(a),global,80.0,2030-12-31,55.0,25.0,66.32,off track")
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(export("milestones", "xlsx", assessed))).active
    assert "Demonstration milestone" in sheet.cell(row=1, column=1).value
    assert sheet.cell(row=2, column=1).value == "plan"
    assert [c.value for c in sheet[3]][:9] == [
        "draft-2020",
        "A.1(a)",
        "global",
        80,
        "2030-12-31",
        55,
        25,
        66.32,
        "off track",
    ]


# -- files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["yaml", "csv", "json"])
def test_the_three_formats_read_the_same_milestones(suffix: str) -> None:
    found = read_milestones(FILES / f"milestones-tiny.{suffix}")
    assert [m.describe() for m in found] == [
        "A.1(a), global, 2030-12-31",
        "A.1(a), GRULAC, 2030-12-31",
        "A.1(a), global, 2028-12-31",
    ]
    assert (found[0].decision, found[0].target_value, found[1].label) == ("CP-11/99", 80.0, None)
    assert not any(m.demonstration for m in found)


@pytest.mark.parametrize("fmt", ["yaml", "csv", "json"])
def test_dump_reads_back(fmt: str, tmp_path: Path) -> None:
    milestones = read_milestones(FILES / "milestones-tiny.yaml") + demo_milestones()[2:3]
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(dump_milestones(milestones, fmt))
    assert read_milestones(path) == milestones


PROBLEMS = {
    "unknown-indicator-with-problems.yaml": "milestone 2 (A.1(z), global, 2030-12-31): field "
    "indicator: value 'A.1(z)': no such indicator in plan version draft-2020",
    "bad-date-with-problems.csv": "row 3 (A.3(a), global, 2030-13-01): field target_date: "
    "value '2030-13-01': is not a date (YYYY-MM-DD)",
    "over-100-with-problems.json": "milestone 1 (A.3(a), global, 2030-12-31): field "
    "target_value: value 120.0: a percentage cannot exceed 100",
    "duplicate-with-problems.yaml": "milestone 2 (A.1(a), global, 2030-12-31): field "
    "target_date: value '2030-12-31': same plan, indicator, group and date as milestone 1",
    "bad-group-with-problems.csv": "row 2 (A.1(a), EUR, 2030-12-31): field group: value "
    "'EUR': is not one of global, AFR, ASP, CEE, GRULAC, WEOG",
    "unknown-field-with-problems.yaml": "milestone 1 (A.1(a), global, 2030-12-31): field "
    "colour: value 'green': is not a milestone field",
    "missing-column-with-problems.csv": "header: field target_date: is a required column",
    "unknown-plan-with-problems.json": "milestone 1 (A.1(a), global, 2030-12-31): field plan: "
    "value 'draft-1999': no such plan version (known: draft-2019, draft-2020)",
    "not-a-number-with-problems.yaml": "milestone 1 (A.1(a), global, 2030-12-31): field "
    "target_value: value 'eighty': is not a number",
    "outside-plan-period-with-problems.yaml": "milestone 1 (A.1(a), global, 2035-12-31): field "
    "target_date: value '2035-12-31': is outside the plan period (2021-01-01 to 2030-12-31)",
}


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_each_bad_file_gives_one_clear_message(name: str) -> None:
    path = FILES / name
    with pytest.raises(MilestoneInputError) as caught:
        read_milestones(path)
    assert len(caught.value.problems) == 1
    assert str(caught.value) == f"{path}: {PROBLEMS[name]}"


def test_every_bad_fixture_is_covered() -> None:
    assert {p.name for p in FILES.glob("*-with-problems.*")} == set(PROBLEMS)


def test_unreadable_files(tmp_path: Path) -> None:
    text = tmp_path / "m.txt"
    text.write_text("x")
    with pytest.raises(MilestoneInputError, match=r"m.txt: unknown file type \(use .csv, "):
        read_milestones(text)
    broken = tmp_path / "m.yaml"
    broken.write_text("milestones: [\n")
    with pytest.raises(MilestoneInputError, match=r"m.yaml: not valid YAML \(line 2\)"):
        read_milestones(broken)
    empty = tmp_path / "e.json"
    empty.write_text('{"milestones": []}')
    with pytest.raises(MilestoneInputError, match=r"e\.json: the file holds no milestone"):
        read_milestones(empty)


def test_every_problem_of_a_file_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "two.csv"
    path.write_text(
        "plan,indicator,target_value,target_date\n"
        "draft-2020,A.1(z),80,2030-12-31\n"
        "draft-2020,A.2(c),-3,2030-12-31\n"
    )
    with pytest.raises(MilestoneInputError) as caught:
        read_milestones(path)
    assert [(p.item, p.field, p.message) for p in caught.value.problems] == [
        (
            "row 2 (A.1(z), global, 2030-12-31)",
            "indicator",
            "no such indicator in plan version draft-2020",
        ),
        ("row 3 (A.2(c), global, 2030-12-31)", "target_value", "cannot be negative"),
    ]


def test_a_count_indicator_may_exceed_100() -> None:
    users = Milestone(plan="draft-2020", indicator="A.2(c)", target_value=5000, target_date=END)
    assert check_milestone(users) == []


def test_demonstration_milestones_are_valid_and_labelled() -> None:
    found = demo_milestones()
    assert len(found) == 8
    assert all(m.demonstration and m.label and "Demonstration" in m.label for m in found)
    assert all(check_milestone(m) == [] for m in found)
    assert len({m.key for m in found}) == 8
