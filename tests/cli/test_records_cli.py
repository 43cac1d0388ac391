"""`cpb import records`, `cpb records types|list|export`, and the demonstration records of
`cpb demo load`, run as a user would."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services
from tests.records.factories import decision, lmo

runner = CliRunner()

LMOS = (
    "identifier,name,organism,traits,valid_from,valid_to\n"
    "LMO-1,Maize one,maize,insect resistance; drought tolerance,2019-01-01,\n"
    "LMO-2,Soy two,soybean,,2020-01-01,2021-01-01\n"
)
DECISIONS = (
    "identifier,government,title,decision_type,lmos,valid_from\n"
    "DEC-BR-1,br,Brazil on maize,transit,LMO-1,2019-06-01\n"
    "DEC-NG-1,ng,Nigeria on soy,transit,LMO-2,2020-06-01\n"
)


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def write(path: Path, text: str) -> str:
    path.write_text(text)
    return str(path)


@pytest.fixture
def loaded(world, tmp_path: Path) -> None:
    assert run("import", "records", "--type", "lmo", write(tmp_path / "l.csv", LMOS)).exit_code == 0
    result = run("import", "records", "-t", "decision", write(tmp_path / "d.csv", DECISIONS))
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("world")
def test_import_prints_counts_then_updates(tmp_path: Path) -> None:
    file = write(tmp_path / "lmos.csv", LMOS)
    result = run("import", "records", "--type", "lmo", file)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Imported 2 lmo record(s) from {file}: 2 new, 0 updated, 0 unchanged.\n"
    )
    changed = write(tmp_path / "lmos2.csv", LMOS.replace("Soy two", "Soy 2"))
    again = run("import", "records", "--type", "lmo", changed, "--replace")
    assert again.stdout == (
        f"Imported 2 lmo record(s) from {changed}: 0 new, 1 updated, 1 unchanged, 0 removed.\n"
    )


@pytest.mark.usefixtures("loaded")
def test_a_bad_file_gives_one_line_per_problem_and_exit_1(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "decisions-with-problems.csv",
        "identifier,government,title,decision_type,lmos,valid_from\n"
        "DEC-BR-1,br,Changed,transit,LMO-1,2019-06-01\n"
        "DEC-XX-1,xx,Unknown government,transit,LMO-1,2019-06-01\n"
        "DEC-BR-2,br,Unknown LMO,transit,LMO-9,2019-06-01\n",
    )
    result = run("import", "records", "--type", "decision", bad)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.splitlines() == [
        f"rejected: {bad}: decision DEC-XX-1: field government: value 'xx': "
        "unknown government (not a loaded Party)",
        f"rejected: {bad}: decision DEC-BR-2: field lmos: value 'LMO-9': names no lmo record",
        f"error: 2 problem(s) in {bad}: nothing imported",
    ]
    assert Record.objects.get(identifier="DEC-BR-1").title == "Brazil on maize"
    assert Record.objects.count() == 4


@pytest.mark.usefixtures("world")
def test_unknown_type_and_missing_file(tmp_path: Path) -> None:
    unknown = run("import", "records", "--type", "decisions", write(tmp_path / "d.csv", ""))
    assert unknown.exit_code == 1
    assert "unknown record type 'decisions' (known: contact, decision," in unknown.output
    missing = run("import", "records", "--type", "decision", str(tmp_path / "none.csv"))
    assert missing.exit_code == 1 and "no such file" in missing.output


@pytest.mark.usefixtures("loaded")
def test_list_formats_and_filters(tmp_path: Path) -> None:
    table = run("records", "list", "--type", "decision")
    assert table.exit_code == 0
    assert "Decisions on LMOs: 2" in table.stdout and "Brazil on maize" in table.stdout
    rows = list(
        csv.DictReader(io.StringIO(run("records", "list", "-t", "lmo", "-f", "csv").stdout))
    )
    assert [(r["identifier"], r["traits"], r["valid_to"]) for r in rows] == [
        ("LMO-2", "", "2021-01-01"),
        ("LMO-1", "insect resistance; drought tolerance", ""),
    ]
    data = json.loads(run("records", "list", "-t", "decision", "-g", "ng", "-f", "json").stdout)
    assert data["type"] == "decision"
    assert [r["identifier"] for r in data["records"]] == ["DEC-NG-1"]
    on = json.loads(
        run("records", "list", "-t", "decision", "--on", "2019-12-31", "-f", "json").stdout
    )
    assert [r["identifier"] for r in on["records"]] == ["DEC-BR-1"]
    xlsx = run("records", "list", "-t", "decision", "-f", "xlsx")
    assert xlsx.exit_code == 1 and "give a file with -o" in xlsx.output
    bad_day = run("records", "list", "-t", "decision", "--on", "31/12/2019")
    assert bad_day.exit_code == 1 and "--on: '31/12/2019' is not a date" in bad_day.output
    bad_gov = run("records", "list", "-t", "decision", "-g", "qq")
    assert bad_gov.exit_code == 1 and "unknown government code 'qq'" in bad_gov.output


@pytest.mark.usefixtures("loaded")
@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_export_reads_back_unchanged(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"decisions.{suffix}"
    result = run("records", "export", "--type", "decision", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == f"Wrote 2 decision record(s) to {out}.\n"
    again = run("import", "records", "--type", "decision", str(out))
    assert "0 new, 0 updated, 2 unchanged" in again.stdout


@pytest.mark.usefixtures("world")
def test_types_counts() -> None:
    services.store_records(
        [lmo("LMO-1"), lmo("LMO-D", demonstration=True), decision("DEC-BR-1")], source="x"
    )
    rows = {r["type"]: r for r in json.loads(run("records", "types", "-f", "json").stdout)}
    assert len(rows) == 14
    assert (rows["lmo"]["records"], rows["lmo"]["demonstration"]) == (2, 1)
    assert rows["decision"] == {
        "type": "decision",
        "label": "Decisions on LMOs",
        "source": "bch",
        "by_government": True,
        "records": 1,
        "demonstration": 0,
    }
    assert rows["contact"]["records"] == 0


@pytest.mark.django_db
def test_demo_load_loads_the_demonstration_records() -> None:
    from cpbmonitor.core.demo import read_parties
    from cpbmonitor.core.demo.records import generate_demo_records

    expected = generate_demo_records(read_parties(), seed=5)
    result = run("demo", "load", "--seed", "5")
    assert result.exit_code == 0, result.output
    assert f"Loaded {len(expected)} demonstration records" in result.output
    assert Record.objects.count() == Record.objects.demonstration().count() == len(expected)
    listed = run("records", "list", "-t", "contact", "-f", "csv")
    assert "Demonstration records among them: generated, not real." in listed.stderr
