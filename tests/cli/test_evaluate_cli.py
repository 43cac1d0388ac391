"""`cpb evaluate`, `cpb analyze question` and `cpb scorecard` on a tiny stored dataset.

The world: br (GRULAC) and ng, sl (AFR) are Parties, the EU a Party in no region, ar a
non-Party. Fifth reports answer Q007 (national measures): br partially in place, ng none,
eu fully in place, ar fully in place. A.1(a) counts fully or partially in place among the
Parties that reported: br and eu of br, ng, eu = 2/3 worldwide; GRULAC 1/1; AFR 0/1 (sl
did not report); ar is excluded as a non-Party.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from tests.national_reports.documents import document, write

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("world")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def stored(world: None, tmp_path: Path) -> None:
    answers = {
        "br": "implementation.partiallyInPlace",
        "ng": "implementation.none",
        "eu": "implementation.fullInPlace",
        "ar": "implementation.fullInPlace",
    }
    files = [
        write(tmp_path / f"{gov}.json", document(gov, answers={"Q007": {"value": value}}))
        for gov, value in answers.items()
    ]
    result = run("import", "reports", *map(str, files))
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("stored")
def test_evaluate_json_counts_parties_that_reported() -> None:
    result = run(
        "evaluate", "--plan", "draft-2020", "--cycle", "5", "--baseline", "4", "-f", "json"
    )
    assert result.exit_code == 0, result.output
    rows = {(r["indicator"], r["group"]): r for r in json.loads(result.output)["rows"]}
    world = rows[("A.1(a)", "global")]
    assert (world["numerator"], world["denominator"], world["value"]) == (2, 3, 66.67)
    assert world["baseline_value"] is None and world["status"] is None
    assert (rows[("A.1(a)", "GRULAC")]["numerator"], rows[("A.1(a)", "GRULAC")]["denominator"]) == (
        1,
        1,
    )
    assert (rows[("A.1(a)", "AFR")]["numerator"], rows[("A.1(a)", "AFR")]["denominator"]) == (0, 1)
    assert rows[("A.1(b)", "global")]["value"] is None
    assert rows[("A.1(b)", "global")]["note"] == "no national contacts loaded"
    indicators = {r["indicator"] for r in rows.values()}
    assert len(indicators) == 48


@pytest.mark.usefixtures("stored")
def test_analyze_question_counts_options_by_region() -> None:
    result = run("analyze", "question", "Q007", "--cycle", "5", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = {r["option"]: r for r in json.loads(result.output)}
    assert rows["implementation.fullInPlace"]["global"] == 1  # the EU; ar is not a Party
    assert rows["implementation.partiallyInPlace"]["GRULAC"] == 1
    assert rows["implementation.none"]["AFR"] == 1


@pytest.mark.usefixtures("stored")
def test_scorecard_of_one_party() -> None:
    result = run("scorecard", "--party", "BR", "-f", "json")
    assert result.exit_code == 0, result.output
    a1a = next(r for r in json.loads(result.output) if r["indicator"] == "A.1(a)")
    assert a1a == {
        "indicator": "A.1(a)",
        "current": "meets",
        "baseline": "not in population",
        "region_value": 100.0,
        "global_value": 66.67,
    }


def test_unknown_party_is_one_clear_error() -> None:
    result = run("scorecard", "--party", "zz")
    assert result.exit_code == 1
    assert "zz" in result.output and "Traceback" not in result.output


def test_demonstration_data_are_announced(world: None, tmp_path: Path) -> None:
    file = write(tmp_path / "br.json", document("br", identifier="demo-nr5-br"))
    assert run("import", "reports", str(file)).exit_code == 0
    result = run("evaluate", "-f", "csv")
    assert result.exit_code == 0
    assert "Demonstration data: generated, not real national reports." in result.output
