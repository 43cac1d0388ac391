"""`cpb demo load`: an empty database filled through the import service, once."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.demo import generate_demo, read_parties
from cpbmonitor.national_reports.models import NationalReport, Party

runner = CliRunner()
pytestmark = pytest.mark.django_db


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_demo_load_fills_an_empty_database_then_refuses() -> None:
    expected = generate_demo(read_parties(), seed=5).documents
    result = run("demo", "load", "--seed", "5")
    assert result.exit_code == 0, result.output
    assert f"Loaded {len(expected)} national reports" in result.output
    assert "Demonstration data: generated, not real national reports" in result.output
    assert Party.objects.count() == 197
    reports = NationalReport.objects
    assert reports.count() == len(expected) == 242
    assert all(
        r.identifier.startswith("demo-") and "cpbMonitorDemo" in r.body for r in reports.all()
    )
    assert set(reports.values_list("source_file", flat=True)) == {"demonstration data (seed 5)"}
    assert sorted(reports.by_non_parties().values_list("government__iso2", "cycle__name")) == [
        ("ar", "4"),
        ("ar", "5"),
    ]
    assert reports.superseded().count() == 1
    four = reports.for_cycle(4).current().by_parties()
    assert four.count() == 99
    assert four.filter(on_time=False).count() == 21
    assert four.filter(complete=False).count() == 6
    five = reports.for_cycle(5).current().by_parties()
    assert five.count() == 140
    assert five.filter(on_time=False).count() == 14

    again = run("demo", "load")
    assert again.exit_code == 1
    assert "already holds 242 national report(s)" in again.output
    assert reports.count() == 242
