"""Rows of the capacity analyses: the documented needs JSON, coverage rows, gaps by kind,
matches, and the XLSX workbook."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from cpbmonitor.core.capacity import (
    analyse_needs,
    compute_coverage,
    cycle_window,
    match_party,
    match_provider,
)
from cpbmonitor.core.indicators import PreviousCycle
from cpbmonitor.core.outputs import Table
from cpbmonitor.core.outputs import capacity as output
from cpbmonitor.core.outputs.writers import to_workbook
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from tests.core.capacity import world

PLAN = load_plan("draft-2020")
MAPPING = load_needs_coverage(PLAN)


def needs(compare: bool = False):
    previous = PreviousCycle(world.Q4, world.CYCLE4) if compare else None
    return analyse_needs(
        world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5, previous
    )


def coverage():
    return compute_coverage(
        PLAN, MAPPING, needs(), world.ACTIVITIES, world.party_facts(), cycle_window(5)
    )


def test_needs_rows_are_exactly_the_documented_shape() -> None:
    rows = output.needs_rows(needs())
    assert len(rows) == 17
    assert rows[0] == world.NEEDS_ROW_A


def test_needs_table_rows_add_code_previous_and_the_plans_counts() -> None:
    rows = output.needs_table_rows(needs(compare=True))
    assert rows[2]["code"] == "(c)" and (rows[2]["previous"], rows[2]["change"]) == (1, 2)
    assert output.needs_columns(rows)[-2:] == ["previous", "change"]
    fourth = analyse_needs(world.Q4, world.report_facts(), world.party_facts(), world.CYCLE4)
    quoted = output.needs_table_rows(fourth, PLAN)
    assert (quoted[0]["global"], quoted[0]["plan"]) == (2, 66)  # paragraph 37 beside
    assert "plan" not in output.needs_table_rows(needs(), PLAN)[0]  # another cycle


def test_coverage_and_gap_rows() -> None:
    result = coverage()
    rows = output.coverage_rows(result)
    assert len(rows) == 17 * 6
    afr = next(r for r in rows if r["code"] == "(a)" and r["group"] == "AFR")
    assert afr | {"term": ""} == {
        "code": "(a)",
        "term": "",
        "area": "Institutions and human resources",
        "group": "AFR",
        "reporting": 2,
        "in_need": 1,
        "activities": 0,
        "funding": 0,
        "uncovered": 1,
        "score": 0.5,
    }
    gaps = output.gaps_data(result)
    assert [row["code"] for row in gaps["not_in_plan"]] == ["(h)", "(l)", "(m)", "(q)"]
    assert gaps["not_in_plan"][2]["parties"] == 1
    assert gaps["unreached_parties"] == [
        {
            "government": "ng",
            "region": "AFR",
            "needs": "(a) (i) (m)",
            "unreached": "(a) (m)",
            "reaching_activities": 2,
        }
    ]
    flat = output.gaps_rows(result)
    assert len(flat) == 4 + 1 + 2 + 1
    assert flat[-1] == {
        "kind": "unreached_parties",
        "subject": "ng",
        "detail": "region: AFR; needs: (a) (i) (m); unreached: (a) (m); reaching_activities: 2",
    }


def test_match_rows() -> None:
    on = dt.date(2026, 1, 15)
    records = world.record_set(extra=True)
    party = match_party("br", needs(), records, PLAN, MAPPING, world.party_facts(), on)
    rows = output.party_match_rows(party)
    assert [(r["rank"], r["kind"], r["identifier"]) for r in rows][:2] == [
        (1, "activity", "a9"),
        (2, "activity", "a10"),
    ]
    assert rows[5]["kind"] == "resource" and rows[5]["reach"] == "region"
    provider = match_provider("FAO", needs(), records, PLAN, MAPPING, world.party_facts(), on)
    targets = [(r["kind"], r["target"], r["unmet"]) for r in output.provider_match_rows(provider)]
    assert targets == [
        ("region", "AFR", 2),
        ("region", "GRULAC", 1),
        ("party", "ng", 2),
        ("party", "br", 1),
    ]


def test_xlsx_has_a_sheet_per_table_with_its_notices() -> None:
    rows = output.needs_rows(needs())
    needs_sheet = Table.of(["term", "area", "global"], rows, ["Demonstration data."], "needs")
    content = to_workbook([needs_sheet, Table.of(["x"], [{"x": 1}], title="other")])
    book = load_workbook(BytesIO(content))
    assert book.sheetnames == ["needs", "other"]
    sheet = book["needs"]
    assert sheet["A1"].value == "Demonstration data." and sheet["A1"].font.b
    assert [c.value for c in sheet[2]] == ["term", "area", "global"]
    assert [c.value for c in sheet[3]][1:] == ["Institutions and human resources", 2]
    assert [c.value for c in book["other"][1]] == ["x"]
