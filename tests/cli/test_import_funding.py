"""`cpb import funding`: the table of GEF funding for national reports that indicator
A.3(b) reads, strictly validated, run as a user would."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.records.models import Record
from cpbmonitor.services.evaluation import evaluate_stored
from tests.paths import FIXTURES

runner = CliRunner()
FUNDING = FIXTURES / "records" / "gef-funding.csv"
WITH_PROBLEMS = FIXTURES / "records" / "gef-funding-with-problems.csv"


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.mark.usefixtures("world")
def test_funding_feeds_indicator_a3b() -> None:
    result = run("import", "funding", str(FUNDING))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Imported 3 gef-funding record(s) from {FUNDING}: 3 new, 0 updated, 0 unchanged.\n"
    )
    # Cycle 5 (deadline 2026-02-28, in time up to 2025-02-28): GEF-eligible Parties br,
    # ng, sl (eu is not eligible, ar no Party): br in time, ng late, sl none -> 1/3.
    # Cycle 4 (2019-10-01, in time up to 2018-10-01): br, ng (sl joined in 2020): ng -> 1/2.
    a3b = evaluate_stored("draft-2020", 5, 4).result("A.3(b)").overall
    assert (a3b.numerator, a3b.denominator, a3b.value) == (1, 3, 33.33)
    assert (a3b.baseline_numerator, a3b.baseline_denominator, a3b.baseline_value) == (1, 2, 50.0)
    assert a3b.note and "1 eligible Parties accessed it later" in a3b.note


@pytest.mark.usefixtures("world")
def test_a_table_with_problems_is_refused_whole_naming_row_field_and_value() -> None:
    result = run("import", "funding", str(WITH_PROBLEMS))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"error: 5 problem(s) in {WITH_PROBLEMS}: nothing imported"
    where = f"rejected: {WITH_PROBLEMS}:"
    assert lines[:-1] == [
        f"{where} row 5 (GEF-NG-5): field valid_from: value '2025-13-01': "
        "is not a day of the calendar",
        f"{where} row 6 (GEF-SL-5): field amount: value '-5': must be 0 or more",
        f"{where} gef-funding GEF-XX-5: field government: value 'xx': "
        "unknown government (not a loaded Party)",
        f"{where} gef-funding GEF-BR-9: field cycle: value 9: "
        "is not a reporting cycle (known: 1, 2, 3, 4, 5)",
        f"{where} gef-funding GEF-BR-5B: field cycle: value 5: br already has GEF funding "
        "for cycle 5 (record GEF-BR-5): give one row per government and cycle",
    ]
    assert Record.objects.count() == 0
