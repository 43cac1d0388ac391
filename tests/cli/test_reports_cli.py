"""`cpb import reports` and `cpb reports status`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.national_reports.models import Answer, NationalReport
from tests.national_reports.documents import document, write

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("world")


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def counts() -> tuple[int, int]:
    return NationalReport.objects.count(), Answer.objects.count()


def test_import_then_status_json(tmp_path: Path) -> None:
    files = [
        write(tmp_path / "br.json", document("br")),
        write(tmp_path / "ng-late.json", document("ng", submitted="2026-03-02")),
        write(tmp_path / "eu-incomplete.json", document("eu", drop=("Q007",))),
        write(tmp_path / "ar.json", document("ar")),
    ]
    result = run("import", "reports", *map(str, files))
    assert result.exit_code == 0, result.output
    assert "Imported 4 report(s) from 4 file(s)" in result.output
    assert "non-Parties: ar/" in result.output
    status = run("reports", "status", "--cycle", "5", "--format", "json")
    assert status.exit_code == 0
    data = json.loads(status.stdout)
    # Parties on 2026-02-28: br, eu, ng, sl (ar is not a Party).
    assert [p["government"] for p in data["parties"]] == ["br", "eu", "ng", "sl"]
    assert data["parties"][0] == {
        "government": "br",
        "region": "GRULAC",
        "submitted_on": "2025-06-01",
        "complete": True,
        "on_time": True,
    }
    assert data["totals"]["global"] == {
        "parties": 4,
        "submitted": 3,
        "complete": 2,
        "complete_on_time": 1,
    }
    assert data["totals"]["AFR"] == {
        "parties": 2,
        "submitted": 1,
        "complete": 1,
        "complete_on_time": 0,
    }
    assert data["totals"]["WEOG"]["parties"] == 0
    assert list(data) == ["cycle", "parties", "totals"] and data["cycle"] == 5


def test_status_table_and_csv(tmp_path: Path) -> None:
    run("import", "reports", str(write(tmp_path / "br.json", document("br"))))
    table = run("reports", "status", "--cycle", "5")
    assert table.exit_code == 0 and "Totals" in table.output and "Brazil" in table.output
    lines = run("reports", "status", "-c", "5", "-f", "csv").stdout.splitlines()
    assert lines[0] == "government,name,region,submitted_on,complete,on_time"
    assert lines[1] == "br,Brazil,GRULAC,2025-06-01,True,True"


def test_status_unknown_cycle() -> None:
    result = run("reports", "status", "--cycle", "9")
    assert result.exit_code == 1 and "unknown reporting cycle '9'" in result.output


def test_invalid_document_rejects_everything_with_a_clear_message(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", document("ng"))
    bad = write(
        tmp_path / "bad.json",
        document("br", identifier="NR5-BR", answers={"Q007": {"value": "maybe"}}),
    )
    before = counts()
    result = run("import", "reports", str(good), str(bad))
    assert result.exit_code == 1
    line = f"rejected: {bad}: br/NR5-BR: Q007: 'maybe': 'maybe' is not an option of Q007"
    assert line in result.output.splitlines()
    assert "1 file(s) rejected, nothing imported" in result.output
    assert "Traceback" not in result.output
    assert counts() == before


def test_skip_invalid_lists_the_rejected(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", document("ng"))
    bad = write(
        tmp_path / "bad.json", document("br", identifier="NR5-BR", answers={"Q999": {"value": "x"}})
    )
    result = run("import", "reports", "--skip-invalid", str(good), str(bad))
    assert result.exit_code == 0, result.output
    assert "rejected" in result.output and "br/NR5-BR" in result.output
    assert "1 rejected" in result.output
    assert counts()[0] == 1


def test_missing_file() -> None:
    result = run("import", "reports", "nowhere.json")
    assert result.exit_code == 1 and "no such file: nowhere.json" in result.output


def test_database_error_mid_import_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    from django.db import DatabaseError

    from cpbmonitor.services import reports as service

    calls = []

    def failing(doc):
        calls.append(doc)
        if len(calls) == 2:
            raise DatabaseError("connection lost")
        return original(doc)

    original = service.answer_rows
    monkeypatch.setattr(service, "answer_rows", failing)
    path = write(tmp_path / "two.json", document("br"), document("ng"))
    result = run("import", "reports", str(path))
    assert result.exit_code == 1
    assert "nothing was imported" in result.output and "connection lost" in result.output
    assert counts() == (0, 0)
