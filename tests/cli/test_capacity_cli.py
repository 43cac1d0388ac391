"""`cpb capacity`: needs, assessment, coverage, gaps and matching, on the tiny world of
``tests/core/capacity/world.py`` and, for paragraph 37, on the demonstration data."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.plan import load_plan
from tests.core.capacity import world

runner = CliRunner()
pytestmark = pytest.mark.django_db
REGIONS = ("AFR", "ASP", "CEE", "GRULAC", "WEOG")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def tiny(db):
    world.store_in_database()


def test_needs_of_the_fourth_demonstration_reports_are_paragraph_37() -> None:
    assert run("demo", "load").exit_code == 0
    rows = json.loads(ok("capacity", "needs", "--cycle", "4", "--format", "json"))
    survey = load_plan("draft-2020").needs
    assert [row["global"] for row in rows] == [area.parties for area in survey.areas]
    assert rows[0]["global"] == 66 and rows[11]["global"] == 41  # (a) and (l)
    assert rows[8]["global"] == rows[12]["global"] == 70  # (i) and (m)
    assert all(list(row) == ["term", "area", "global", *REGIONS] for row in rows)
    assert all(sum(row[r] for r in REGIONS) <= row["global"] for row in rows)
    assert rows[11]["term"] == "3E7615C5-7DFC-4E04-9D26-6C80B4B1DED8"
    gaps = json.loads(ok("capacity", "gaps", "--cycle", "4", "--format", "json"))
    assert [row["code"] for row in gaps["not_in_plan"]] == ["(h)", "(l)", "(m)", "(q)"]
    assert [row["parties"] for row in gaps["not_in_plan"]] == [57, 41, 70, 9]
    result = run("capacity", "needs", "--cycle", "4")
    assert "Demonstration data" in result.stderr and "99 reporting Parties" in result.stdout


def test_needs_json_and_comparison(tiny) -> None:
    rows = json.loads(ok("capacity", "needs", "-f", "json"))
    assert rows[0] == world.NEEDS_ROW_A
    compared = json.loads(ok("capacity", "needs", "--compare", "-f", "json"))
    assert compared[2]["global"] == 3 and compared[2]["previous"]["global"] == 1
    table = ok("capacity", "needs", "--compare")
    assert "6 reporting Parties" in table and "previous" in table
    csv_lines = ok("capacity", "needs", "-f", "csv").splitlines()
    assert csv_lines[0] == "code,term,area,global,AFR,ASP,CEE,GRULAC,WEOG"
    assert csv_lines[3].startswith(f"(c),{world.TERMS['(c)']},Risk assessment")
    assert csv_lines[3].endswith(",3,0,0,0,2,0")


def test_assessment(tiny) -> None:
    rows = json.loads(ok("capacity", "assessment", "-f", "json"))
    assert rows[0] == {
        "group": "global",
        "reporting": 6,
        "assessed": 4,
        "prioritised": 2,
        "with_needs": 4,
    }
    parties = json.loads(ok("capacity", "assessment", "--parties", "-f", "json"))
    assert parties[-1] == {
        "government": "ng",
        "region": "AFR",
        "assessed": True,
        "prioritised": True,
        "has_needs": True,
        "areas": "(a) (i) (m)",
    }


def test_coverage_and_gaps(tiny) -> None:
    lines = ok("capacity", "coverage", "-f", "csv").splitlines()
    assert lines[0] == "code,area,group,reporting,in_need,activities,funding,uncovered,score"
    assert "(a),Institutions and human resources,AFR,2,1,0,0.0,1,0.5" in lines
    assert "(c),Risk assessment and technical expertise,global,6,3,1,500000.0,0,0.0" in lines
    later = ok("capacity", "coverage", "--from", "2027-01-01", "--to", "2027-12-31", "-f", "csv")
    assert "(a),Institutions and human resources,AFR,2,1,1,0.0,0,0.0" in later.splitlines()
    gaps = json.loads(ok("capacity", "gaps", "-f", "json"))
    assert list(gaps) == ["not_in_plan", "nothing_planned", "without_activity", "unreached_parties"]
    assert [(r["code"], r["region"]) for r in gaps["without_activity"]] == [
        ("(a)", "AFR"),
        ("(m)", "AFR"),
    ]
    assert [r["government"] for r in gaps["unreached_parties"]] == ["ng"]
    flat = ok("capacity", "gaps", "-f", "csv").splitlines()
    assert flat[0] == "kind,subject,detail" and flat[1].startswith("not_in_plan,(h),")
    table = ok("capacity", "gaps")
    assert "Needs areas that no key area of the Action Plan covers: 4" in table
    assert "Parties with needs that no activity reaches: 1" in table


def test_match_a_party_and_a_provider(tiny) -> None:
    rows = json.loads(ok("capacity", "match", "--party", "BR", "--on", "2026-01-15", "-f", "json"))
    assert [(r["kind"], r["identifier"]) for r in rows] == [
        ("activity", "a1"),  # national, (a)
        ("activity", "a5"),  # regional, (i)
        ("activity", "a3"),  # global, (c)
        ("resource", "r2"),
        ("resource", "r1"),
        ("resource", "r5"),
    ]
    assert rows[0]["status"] == "past" and rows[1]["status"] == "current"
    table = ok("capacity", "match", "--provider", "fao", "--on", "2026-01-15")
    assert "FAO: 3 current or planned activities, needs areas (a) (i)" in table
    targets = json.loads(
        ok("capacity", "match", "--provider", "FAO", "--on", "2026-01-15", "-f", "json")
    )
    assert [(t["kind"], t["target"], t["unmet"]) for t in targets] == [  # ties by name
        ("region", "AFR", 2),
        ("region", "GRULAC", 2),
        ("party", "br", 2),
        ("party", "ng", 2),
    ]


def test_files(tiny, tmp_path) -> None:
    workbook = tmp_path / "gaps.xlsx"
    ok("capacity", "gaps", "-f", "xlsx", "-o", str(workbook))
    book = load_workbook(BytesIO(workbook.read_bytes()))
    assert book.sheetnames == [
        "not_in_plan",
        "nothing_planned",
        "without_activity",
        "unreached_parties",
    ]
    assert book["unreached_parties"]["A2"].value == "ng"
    needs = tmp_path / "needs.json"
    ok("capacity", "needs", "-f", "json", "-o", str(needs))
    assert json.loads(needs.read_text())[0]["global"] == 2
    text = tmp_path / "coverage.txt"
    ok("capacity", "coverage", "-o", str(text))
    assert "Coverage of cycle 5 needs by draft-2020 and 5 activities" in text.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("needs", "--cycle", "9"), "unknown reporting cycle '9'"),
        (("coverage", "--plan", "draft-2019"), "plan draft-2019 has no Capacity-Building"),
        (("coverage", "--plan", "draft-2099"), "no plan version 'draft-2099'"),
        (("coverage", "--from", "2025-01-01", "--to", "2024-01-01"), "ends (2024-01-01) before"),
        (("match",), "give either --party or --provider"),
        (("match", "--party", "zz"), "unknown government code 'zz'"),
        (("match", "--party", "ar"), "ar is not a Party with a report for cycle 5"),
        (("match", "--provider", "Nobody"), "no capacity-building activity names the provider"),
        (("needs", "-f", "xlsx"), "XLSX is binary: give a file with -o"),
    ],
)
def test_errors_are_one_message_and_exit_1(tiny, args, message) -> None:
    result = run("capacity", *args)
    assert result.exit_code == 1, result.output
    assert message in result.output.replace("\n", " ")
    assert "Traceback" not in result.output
