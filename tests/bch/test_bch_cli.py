"""`cpb bch sync`, `cpb bch runs` and `cpb bch quarantine`, run as a user would; the sync
fills the database with the same reports and figures as importing the same documents
from files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.national_reports.models import NationalReport
from tests.bch.conftest import publish
from tests.bch.fake import FakeBch, install, publish_files
from tests.national_reports.documents import write
from tests.paths import FIXTURES

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("world")
FAST = {"COLUMNS": "200", "CPB_BCH_BACKOFF": "0.01", "CPB_BCH_PAGE_SIZE": "2"}
STATE = {
    "br": "implementation.partiallyInPlace",
    "ng": "implementation.none",
    "eu": "implementation.fullInPlace",
    "sl": "implementation.partiallyInPlace",
    "ar": "implementation.fullInPlace",
}


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={**FAST, **(env or {})})


def evaluation() -> dict[str, Any]:
    result = run(
        "evaluate", "--plan", "draft-2020", "--cycle", "5", "--baseline", "4", "-f", "json"
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def stored_reports() -> list[tuple[Any, ...]]:
    return [
        (
            r.identifier,
            r.government.iso2,
            r.submitted_on,
            r.published_on,
            r.is_current,
            r.by_party,
            r.complete,
            r.on_time,
            sorted(r.answers.values_list("question", "value", "text", "language")),
        )
        for r in NationalReport.objects.select_related("government").order_by("identifier")
    ]


@pytest.fixture
def varied(fake: FakeBch) -> FakeBch:
    """The fake's reports, each answering Q007 its own way."""
    for government, state in STATE.items():
        entry = fake.entries[f"NR5-{government.upper()}"]
        publish(fake, government, entry["createdDate_dt"], answers={"Q007": {"value": state}})
    return fake


def test_sync_gives_the_same_reports_and_figures_as_a_file_import(
    varied: FakeBch, tmp_path: Path
) -> None:
    result = run("bch", "sync", "--url", varied.url)  # type: ignore[attr-defined]
    assert result.exit_code == 0, result.output
    assert "fetched 5, new 5, revised 0, unchanged 0, refused 0" in result.output
    synced, figures = stored_reports(), evaluation()
    rows = figures["rows"]
    world = next(r for r in rows if (r["indicator"], r["group"]) == ("A.1(a)", "global"))
    # Parties that reported: br, eu, ng, sl; with measures partly or fully in place: br, eu, sl.
    assert (world["numerator"], world["denominator"], world["value"]) == (3, 4, 75.0)

    NationalReport.objects.all().delete()
    files = [
        write(tmp_path / f"{identifier}.json", data)
        for identifier, data in varied.documents.items()
    ]
    imported = run("import", "reports", *map(str, files))
    assert imported.exit_code == 0, imported.output
    assert stored_reports() == synced
    assert evaluation() == figures


def test_quarantine_and_runs_are_listed(fake: FakeBch) -> None:
    publish(fake, "sl", "2026-02-01T09:00:00Z", answers={"Q007": {"value": "maybe"}})
    result = run("bch", "sync", "--url", fake.url, "--cycle", "5")  # type: ignore[attr-defined]
    assert result.exit_code == 0, result.output
    assert "refused 1 (see `cpb bch quarantine`)" in result.output
    listed = run("bch", "quarantine", "--format", "json")
    assert listed.exit_code == 0, listed.output
    [held] = json.loads(listed.output)
    assert (held["identifier"], held["schema"], held["government"]) == (
        "NR5-SL",
        "cpbNationalReport5",
        "sl",
    )
    assert "Q007" in held["error"] and "'maybe'" in held["error"]
    assert held["document"]["body"]["Q007"] == {"value": "maybe"}
    runs = json.loads(run("bch", "runs", "--format", "json").output)
    assert [(r["status"], r["fetched"], r["new"], r["refused"]) for r in runs] == [
        ("succeeded", 5, 4, 1)
    ]
    table = run("bch", "quarantine")
    assert "NR5-SL" in table.output and "'maybe'" in table.output
    csv_lines = run("bch", "quarantine", "--format", "csv").output.splitlines()
    assert csv_lines[0] == "identifier,schema,government,updated,run_id,error"
    assert csv_lines[1].startswith("NR5-SL,cpbNationalReport5,sl,2026-02-01")
    runs_csv = run("bch", "runs", "--format", "csv").output.splitlines()
    assert runs_csv[0].startswith("id,started_at,finished_at,status,url,fetched,new")
    assert ",succeeded," in runs_csv[1] and runs_csv[1].endswith(",5,4,0,0,1,0")


def test_unreachable_bch_is_a_recorded_failed_run() -> None:
    result = run("bch", "sync", "--url", "http://127.0.0.1:9", env={"CPB_BCH_RETRIES": "1"})
    assert result.exit_code == 1
    assert (
        "cpbNationalReport" in result.output and "ConnectError after 2 attempt(s)" in result.output
    )
    runs = json.loads(run("bch", "runs", "--format", "json").output)
    assert runs[0]["status"] == "failed"


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--cycle", "9"], {}, "unknown reporting cycle '9'"),
        (["--schema", "cpbNationalReport9"], {}, "no format installed for schema"),
        (["--cycle", "5", "--schema", "x"], {}, "give --cycle or --schema, not both"),
        ([], {"CPB_BCH_CONCURRENCY": "many"}, "CPB_BCH_CONCURRENCY"),
    ],
)
def test_bad_options_are_one_clear_error(
    args: list[str], env: dict[str, str], message: str
) -> None:
    result = run("bch", "sync", "--url", "http://127.0.0.1:9", *args, env=env)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_quarantine_table_shows_the_first_problem_and_how_many_more(httpserver) -> None:  # type: ignore[no-untyped-def]
    fake = FakeBch()
    bad = FIXTURES / "reports" / "br-cpbNationalReport5-with-problems.json"
    assert publish_files(fake, [str(bad)]) == 2  # a fifth report with problems, a fourth
    url = install(httpserver, fake)
    assert run("bch", "sync", "--url", url).exit_code == 0
    [held] = json.loads(run("bch", "quarantine", "--format", "json").output)
    problems = held["error"].splitlines()
    assert held["identifier"] == "NR5-BR-0002" and len(problems) >= 5
    table = run("bch", "quarantine", env={"COLUMNS": "400"}).output
    [line] = [row for row in table.splitlines() if "NR5-BR-0002" in row]
    assert problems[0].split(": ")[-1] in line
    assert f"(+{len(problems) - 1} more)" in line
