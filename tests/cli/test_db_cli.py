"""`cpb db`, `cpb parties` and `cpb formats`, run as a user would (on the test database)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.national_reports.models import Party, ReportingCycle
from tests.national_reports.documents import TINY_FORMAT
from tests.paths import FIXTURES

runner = CliRunner()
pytestmark = pytest.mark.django_db


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_migrate_is_safe_to_repeat_and_loads_cycles() -> None:
    for _ in range(2):
        result = run("db", "migrate")
        assert result.exit_code == 0, result.output
    assert "Database up to date" in result.output
    assert ReportingCycle.objects.get(number=5).deadline.isoformat() == "2026-02-28"
    assert ReportingCycle.objects.get(name="interim").number is None


def test_db_info() -> None:
    result = run("db", "info")
    assert result.exit_code == 0
    assert "pending migrations: 0" in result.output


def test_parties_load_twice_then_list() -> None:
    assert "197 added" in run("parties", "load").output
    assert "197 unchanged" in run("parties", "load").output
    assert Party.objects.count() == 197
    result = run("parties", "list", "--region", "grulac", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 33 and {r["region"] for r in rows} == {"GRULAC"}
    brazil = next(r for r in rows if r["iso2"] == "br")
    assert brazil["iso3"] == "BRA" and brazil["cp_party_since"] == "2004-02-22"


def test_parties_list_csv_and_table() -> None:
    run("parties", "load", str(FIXTURES / "national_reports" / "parties-tiny.csv"))
    rows = list(csv.DictReader(io.StringIO(run("parties", "list", "-f", "csv").stdout)))
    assert [r["iso2"] for r in rows] == ["ar", "br", "eu", "ng", "sl"]
    assert rows[2]["region"] == ""
    table = run("parties", "list", "--protocol").output
    assert "Brazil" in table and "Argentina" not in table


def test_parties_errors() -> None:
    result = run("parties", "list")
    assert result.exit_code == 1 and "run `cpb parties load`" in result.output
    result = run("parties", "list", "--region", "EUROPE")
    assert result.exit_code == 1 and "unknown region 'EUROPE'" in result.output
    bad = FIXTURES / "national_reports" / "parties-tiny-with-problems-region.csv"
    result = run("parties", "load", str(bad))
    assert result.exit_code == 1 and "line 2 (ARG): region" in result.output
    assert "Traceback" not in result.output
    assert not Party.objects.exists()


def test_gef_flags_survive_reload_unless_reset() -> None:
    tiny = str(FIXTURES / "national_reports" / "parties-tiny.csv")
    run("parties", "load", tiny)
    Party.objects.filter(iso2="ng").update(gef_eligible=False)
    run("parties", "load", tiny)
    assert not Party.objects.get(iso2="ng").gef_eligible
    run("parties", "load", tiny, "--reset")
    assert Party.objects.get(iso2="ng").gef_eligible


def test_formats_import_shows_full_titles() -> None:
    run("db", "migrate")
    shipped = run("formats", "show", "cpbNationalReport5", "-f", "json")
    assert shipped.exit_code == 0
    q007 = next(q for q in json.loads(shipped.stdout) if q["key"] == "Q007")
    assert not q007["title"].startswith("Full title")
    result = run("formats", "import", str(TINY_FORMAT), "--schema", "cpbNationalReport5")
    assert result.exit_code == 0, result.output
    imported = json.loads(run("formats", "show", "cpbNationalReport5", "-f", "json").stdout)
    assert imported[0]["title"].startswith("Full title: are national measures")
    listing = json.loads(run("formats", "list", "-f", "json").stdout)
    assert {r["schema"]: r["source"] for r in listing} == {
        "cpbNationalReport4": "shipped",
        "cpbNationalReport5": "imported",
    }
    assert run("formats", "reset", "cpbNationalReport5").exit_code == 0


def test_formats_import_errors() -> None:
    bad = FIXTURES / "national_reports" / "format-tiny-with-problems-bad-type.json"
    result = run("formats", "import", str(bad), "--schema", "cpbNationalReport5")
    assert result.exit_code == 1
    assert "question Q007: type: unknown question type 'dropdown'" in result.output
    result = run("formats", "import", str(TINY_FORMAT), "--schema", "nope")
    assert result.exit_code == 1 and "unknown schema 'nope'" in result.output
    result = run("formats", "import", "missing.json", "--schema", "cpbNationalReport5")
    assert result.exit_code == 1 and "no such file" in result.output
