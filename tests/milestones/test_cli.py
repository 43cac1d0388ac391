"""`cpb milestones`: check, import (all or nothing), list, export and status, on the tiny
registry of ``conftest`` (A.1(a) 40 % -> 60 %)."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.services.milestones import load_demo_milestones
from tests.milestones.conftest import FILES

runner = CliRunner()
pytestmark = pytest.mark.django_db
TINY = str(FILES / "milestones-tiny.csv")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "250"})


def test_check_reads_without_storing() -> None:
    result = run("milestones", "check", TINY)
    assert result.exit_code == 0, result.output
    assert "3 milestone(s), no problem found" in result.output
    assert Milestone.objects.count() == 0


def test_import_then_list() -> None:
    result = run("milestones", "import", TINY)
    assert result.exit_code == 0, result.output
    assert f"Imported 3 milestone(s) from {TINY}: 3 new, 0 replaced." in result.output
    listed = run("milestones", "list", "--plan", "draft-2020", "-f", "json")
    rows = json.loads(listed.stdout)
    assert [(r["group"], r["target_value"], r["target_date"]) for r in rows] == [
        ("GRULAC", 100.0, "2030-12-31"),
        ("global", 65.0, "2028-12-31"),
        ("global", 80.0, "2030-12-31"),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("unknown-indicator-with-problems.yaml", "field indicator: value 'A.1(z)'"),
        ("missing-column-with-problems.csv", "header: field target_date: is a required column"),
    ],
)
def test_a_bad_file_is_one_message_exit_1_and_nothing_stored(name: str, expected: str) -> None:
    for command in ("check", "import"):
        result = run("milestones", command, str(FILES / name))
        assert result.exit_code == 1
        assert f"error: {FILES / name}: " in result.output and expected in result.output
        assert "Traceback" not in result.output
    assert Milestone.objects.count() == 0


def test_export_writes_a_file_that_imports_back(tmp_path: Path) -> None:
    run("milestones", "import", TINY)
    target = tmp_path / "out.yaml"
    result = run("milestones", "export", "-f", "yaml", "-o", str(target))
    assert result.exit_code == 0, result.output
    Milestone.objects.all().delete()
    assert run("milestones", "import", str(target)).exit_code == 0
    assert Milestone.objects.count() == 3
    assert run("milestones", "export", "-f", "xml").exit_code == 1


@pytest.mark.usefixtures("reports")
def test_status_json_csv_and_xlsx(tmp_path: Path) -> None:
    run("milestones", "import", TINY)
    result = run("milestones", "status", "--plan", "draft-2020", "-c", "5", "-b", "4", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = {(r["group"], r["target_date"]): r for r in json.loads(result.stdout)["rows"]}
    world = rows[("global", "2030-12-31")]
    assert (world["latest_value"], world["needed"], world["projected_value"]) == (60.0, 20.0, 75.09)
    assert world["status"] == "off track" and world["baseline_date"] == "2019-10-01"
    assert rows[("global", "2028-12-31")]["status"] == "on track"
    assert rows[("GRULAC", "2030-12-31")]["status"] == "reached"
    csv = run("milestones", "status", "-f", "csv").stdout.splitlines()
    assert "draft-2020,A.1(a),global,80.0,2030-12-31,60.0,20.0,75.09,off track" in csv[3]
    book = tmp_path / "status.xlsx"
    assert run("milestones", "status", "-f", "xlsx", "-o", str(book)).exit_code == 0
    sheet = load_workbook(BytesIO(book.read_bytes())).active
    assert [c.value for c in sheet[4]][:9] == [
        "draft-2020",
        "A.1(a)",
        "global",
        80,
        "2030-12-31",
        60,
        20,
        75.09,
        "off track",
    ]
    table = run("milestones", "status")
    assert "off track" in table.output and "75.09" in table.output


@pytest.mark.usefixtures("reports")
def test_status_errors() -> None:
    assert "XLSX is binary" in run("milestones", "status", "-f", "xlsx").output
    assert "unknown format 'pdf'" in run("milestones", "status", "-f", "pdf").output
    bad = run("milestones", "status", "-c", "9")
    assert bad.exit_code == 1 and "unknown reporting cycle '9'" in bad.output


@pytest.mark.usefixtures("reports")
def test_demonstration_milestones_are_flagged() -> None:
    load_demo_milestones()
    result = run("milestones", "status", "-f", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert all(row["demonstration"] for row in document["rows"])
    assert document["notices"][0].startswith("Demonstration milestone")
    assert "Demonstration milestone, not set by the meeting of the Parties" in result.stderr
