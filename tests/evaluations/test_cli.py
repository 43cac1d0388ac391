"""`cpb evaluations`: create, list, show, compare, publish on the tiny registry."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.evaluations.models import EvaluationRun
from tests.evaluations.conftest import import_new_report

runner = CliRunner()


def cpb(*args: str):
    return runner.invoke(app, ["evaluations", *args], env={"COLUMNS": "250"})


def test_create_show_compare_publish(registry, users):
    created = cpb("create", "Mid-term evaluation 2026", "--by", "secretariat")
    assert created.exit_code == 0, created.output
    run = EvaluationRun.objects.get()
    assert f"fingerprint {run.data_fingerprint}" in created.output
    assert run.created_by == users["secretariat"]
    shown = json.loads(cpb("show", run.slug, "-f", "json").stdout)
    world = next(
        r for r in shown["figures"] if (r["indicator"], r["group"]) == ("A.1(a)", "global")
    )
    assert (world["numerator"], world["denominator"], world["value"]) == (3, 5, 60.0)
    assert shown["citation"].startswith("Mid-term evaluation 2026 (draft; data as on")
    new = import_new_report()
    assert cpb("create", "Final evaluation 2030").exit_code == 0
    compared = json.loads(cpb("compare", run.slug, "final-evaluation-2030", "-f", "json").stdout)
    assert compared["reports"] == [
        {
            "change": "added",
            "government": "mx",
            "cycle": 5,
            "identifier": new.identifier,
            "previous": None,
        }
    ]
    africa = next(
        f
        for f in compared["figures"]
        if (f["indicator"], f["group"], f["figure"]) == ("A.1(a)", "AFR", "numerator")
    )
    assert (africa["before"], africa["after"]) == (1, 2)
    assert africa["why"] == f"report {new.identifier} of mx (cycle 5) added"
    listed = json.loads(cpb("list", "-f", "json").stdout)
    assert [r["name"] for r in listed] == ["Final evaluation 2030", "Mid-term evaluation 2026"]
    assert cpb("publish", run.slug, "--by", "secretariat").exit_code == 0
    again = cpb("publish", run.slug)
    assert again.exit_code == 1 and "already published" in again.output


def test_errors_are_one_message(registry, users):
    refused = cpb("create", "X", "--by", "reviewer")
    assert refused.exit_code == 1 and "may manage evaluation runs" in refused.output
    missing = cpb("show", "nothing")
    assert missing.exit_code == 1 and "no evaluation run called 'nothing'" in missing.output
    bad_cycle = cpb("create", "X", "--cycle", "9")
    assert bad_cycle.exit_code == 1 and "Traceback" not in bad_cycle.output
    assert not EvaluationRun.objects.exists()


def test_a_runs_document_is_written_from_its_frozen_inputs(registry, tmp_path):
    assert cpb("create", "Mid-term evaluation 2026").exit_code == 0
    first, later = tmp_path / "run.html", tmp_path / "later.html"
    written = cpb("document", "mid-term-evaluation-2026", "-o", str(first))
    assert written.exit_code == 0, written.output
    text = first.read_text()
    assert "Produced from the evaluation run Mid-term evaluation 2026 (draft" in text
    import_new_report()
    assert cpb("document", "Mid-term evaluation 2026", "-o", str(later)).exit_code == 0
    assert later.read_bytes() == first.read_bytes()
    missing = cpb("document", "no-such-run", "-o", str(tmp_path / "x.html"))
    assert missing.exit_code == 1 and "no evaluation run called 'no-such-run'" in missing.output
    assert not (tmp_path / "x.html").exists()
