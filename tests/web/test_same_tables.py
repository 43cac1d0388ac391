"""One subject, one table: the CLI, the pages' downloads and the API give the same
columns (and the same rows) for indicator results, records and capacity-building needs,
and every CSV download is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.outputs.writers import FORMULA_STARTS
from tests.core.capacity import world as capacity_world
from tests.national_reports.documents import document, write
from tests.records.factories import lmo

runner = CliRunner()
API = "/api/v1/tables"


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(text: str) -> list[list[str]]:
    """The header and rows of a CSV text, its notice lines (``# ...``) left out."""
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.reader(io.StringIO("\n".join(lines))))


def assert_formula_safe(text: str) -> None:
    for row in csv_rows(text):
        for cell in row:
            if cell.startswith(FORMULA_STARTS):
                float(cell)  # only a number may begin with + or - (ValueError otherwise)


@pytest.fixture
def reports(world: None, tmp_path: Path) -> None:
    """Fifth reports: Q007 br partially in place, ng none, eu fully in place (see
    ``tests/cli/test_evaluate_cli.py``): A.1(a) world 2 of 3."""
    answers = {
        "br": "implementation.partiallyInPlace",
        "ng": "implementation.none",
        "eu": "implementation.fullInPlace",
    }
    files = [
        write(tmp_path / f"{gov}.json", document(gov, answers={"Q007": {"value": value}}))
        for gov, value in answers.items()
    ]
    cli("import", "reports", *map(str, files))


def test_indicator_results_are_one_table(client, reports) -> None:
    by_cli = csv_rows(cli("evaluate", "--cycle", "5", "--baseline", "4", "-f", "csv"))
    by_page = csv_rows(client.get("/indicators/A.1(a)/data.csv").content.decode())
    by_api = json.loads(client.get(f"{API}/indicator-results?indicator=A.1(a)").content)
    assert len(by_cli[0]) == 14
    assert by_page[0] == by_cli[0] == list(by_api["rows"][0])
    a1a = [row for row in by_cli[1:] if row[0] == "A.1(a)"]
    assert by_page[1:] == a1a  # the same figures too
    assert a1a[0][:6] == ["A.1(a)", "5", "global", "2", "3", "66.67"]
    api_csv = client.get(f"{API}/indicator-results?indicator=A.1(a)&format=csv").content
    assert csv_rows(api_csv.decode()) == by_page


@pytest.fixture
def capacity(db) -> None:
    capacity_world.store_in_database()
    from cpbmonitor.services.records import store_records

    risky = lmo("LMO-=1", name='=HYPERLINK("http://example.org")', traits=["@SUM(A1)", "-2+3"])
    store_records([risky], source="formula test")


def test_records_are_one_table(client, capacity) -> None:
    by_cli = csv_rows(cli("records", "list", "-t", "cb-activity", "-f", "csv"))
    by_page = csv_rows(client.get("/records/cb-activity/data.csv").content.decode())
    by_api = json.loads(client.get(f"{API}/records?type=cb-activity").content)
    assert by_cli[0][:2] == ["identifier", "title"]
    assert by_page == by_cli
    assert list(by_api["rows"][0]) == by_cli[0]
    assert len(by_api["rows"]) == len(by_cli) - 1 == len(capacity_world.ACTIVITIES)


def test_capacity_needs_are_one_table(client, capacity) -> None:
    by_cli = csv_rows(cli("capacity", "needs", "--cycle", "5", "-f", "csv"))
    by_page = csv_rows(client.get("/capacity/data.csv?cycle=5").content.decode())
    by_api = json.loads(client.get(f"{API}/capacity-needs?cycle=5").content)
    assert by_cli[0][:4] == ["code", "term", "area", "global"]
    assert by_page == by_cli
    assert list(by_api["rows"][0]) == by_cli[0]


def test_every_csv_download_neutralises_formulas(client, capacity) -> None:
    page = client.get("/records/lmo/data.csv").content.decode()
    rows = csv_rows(page)
    risky = next(row for row in rows if row[0] == "LMO-=1")
    assert risky[1] == '\'=HYPERLINK("http://example.org")'
    assert "'@SUM(A1); -2+3" in risky
    downloads = [
        page,
        client.get(f"{API}/records?type=lmo&format=csv").content.decode(),
        cli("records", "list", "-t", "lmo", "-f", "csv"),
        client.get("/capacity/data.csv?cycle=5").content.decode(),
        client.get("/records/cb-activity/data.csv").content.decode(),
        client.get("/indicators/A.1(a)/data.csv").content.decode(),
        cli("evaluate", "--cycle", "5", "--baseline", "4", "-f", "csv"),
    ]
    for text in downloads:
        assert_formula_safe(text)


def test_a_bad_table_request_says_why(client, db) -> None:
    assert client.get(f"{API}/nothing").status_code == 404
    assert client.get(f"{API}/records").status_code == 400  # no type
    assert client.get(f"{API}/records?type=nothing").status_code == 404
    assert client.get("/capacity/data.csv?cycle=x").status_code == 400
    assert client.get("/indicators/A.1(a)/data.pdf").status_code == 404
