"""SDMX-CSV of indicator results (item 21 of the hardening issue), checked with pysdmx
against the data structure of ``docs/sdmx.md``."""

from __future__ import annotations

from cpbmonitor.core.indicators import GroupResult, IndicatorResult
from cpbmonitor.core.outputs.sdmx import indicator_id, observations, to_sdmx_csv
from tests.core.outputs.sdmx_structure import read_checked


def _group(group, value, baseline, numerator=None, denominator=None):
    return GroupResult(
        indicator="A.1(a)",
        cycle=5,
        group=group,
        numerator=numerator,
        denominator=denominator,
        value=value,
        reports_used=0,
        baseline_cycle=4,
        baseline_numerator=None,
        baseline_denominator=None,
        baseline_value=baseline,
        change=None,
        status=None,
        note=None,
    )


def _result(unit="percent-of-parties"):
    groups = {
        "global": _group("global", 66.67, 50.0, 2, 3),
        "AFR": _group("AFR", 0.0, None, 0, 1),
        "GRULAC": _group("GRULAC", 100.0, 100.0, 1, 1),
        "CEE": _group("CEE", None, None),
    }
    return IndicatorResult(
        code="A.1(a)",
        goal="A.1",
        text="",
        unit=unit,
        source="national-reports",
        population="reporting-parties",
        method="",
        groups=groups,
    )


def test_observations_world_and_regions_in_every_cycle():
    rows = read_checked(to_sdmx_csv(observations(_result(), {4: "2019", 5: "2026"})))
    shown = [(r["INDICATOR"], r["REF_AREA"], r["TIME_PERIOD"], r["OBS_VALUE"]) for r in rows]
    assert shown == [
        ("A_1_a", "WLD", "2019", "50"),
        ("A_1_a", "WLD", "2026", "66.67"),
        ("A_1_a", "AFR", "2026", "0"),
        ("A_1_a", "GRULAC", "2019", "100"),
        ("A_1_a", "GRULAC", "2026", "100"),
    ]
    assert {(r["UNIT_MEASURE"], r["COMMENT_DSET"]) for r in rows} == {("PT", "")}
    assert [r["REPORTING_CYCLE"] for r in rows[:2]] == ["4", "5"]


def test_counts_a_notice_and_a_cycle_without_period():
    content = to_sdmx_csv(observations(_result("count"), {5: "2026"}), "Demonstration data.")
    rows = read_checked(content)
    assert [r["REF_AREA"] for r in rows] == ["WLD", "AFR", "GRULAC"]  # no 2019 period given
    assert {(r["UNIT_MEASURE"], r["COMMENT_DSET"]) for r in rows} == {
        ("NUMBER", "Demonstration data.")
    }


def test_indicator_identifiers():
    assert indicator_id("A.1(a)") == "A_1_a" and indicator_id("B.4(d)") == "B_4_d"
