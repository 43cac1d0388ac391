"""Compiled answers in the database: written by every path that stores reports, read by
evaluations instead of the answer rows, rebuilt when stale; results identical to those
read from the answer rows (tiny fixtures, online publication, the demonstration data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.core.indicators import evaluate, load_methodology
from cpbmonitor.core.plan import load_plan
from cpbmonitor.national_reports.models import Answer, CompiledAnswers, NationalReport, Party
from cpbmonitor.services import evaluation as stored
from cpbmonitor.services.compiled import (
    compiled_report_facts,
    layout_for,
    stale_reports,
)
from cpbmonitor.services.reports import import_reports
from tests.national_reports.documents import SCHEMA, document, write

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def same_evaluations() -> None:
    """Every plan version, cycle 5 against 4 and 4 alone: identical from either source."""
    parties, records = stored.party_facts(), stored.stored_records()
    compiled = compiled_report_facts([4, 5])
    rows = stored.answer_report_facts([4, 5])
    assert len(compiled) == len(rows)
    assert {
        (r.government, r.cycle): (r.submitted_on, r.complete, dict(r.answers)) for r in compiled
    } == {(r.government, r.cycle): (r.submitted_on, r.complete, dict(r.answers)) for r in rows}
    for plan_id in ("draft-2019", "draft-2020"):
        plan, methodology = load_plan(plan_id), load_methodology(plan_id)
        c5, c4 = stored.cycle_info(5), stored.cycle_info(4)
        for cycle, baseline in ((c5, c4), (c4, None)):
            fast = evaluate(plan, methodology, cycle, baseline, parties, compiled, records=records)
            slow = evaluate(plan, methodology, cycle, baseline, parties, rows, records=records)
            assert fast == slow, (plan_id, cycle.number)


@pytest.fixture
def imported(world: None, tmp_path: Path) -> list[NationalReport]:
    files = [
        write(tmp_path / "br.json", document("br")),
        write(
            tmp_path / "ng.json", document("ng", answers={"Q007": {"value": "implementation.none"}})
        ),
        write(tmp_path / "ar.json", document("ar", drop=("Q008",))),
    ]
    import_reports(files)
    return list(NationalReport.objects.all())


def test_import_compiles_each_report_with_its_layout(imported: list[NationalReport]) -> None:
    layout = layout_for(SCHEMA)
    assert CompiledAnswers.objects.count() == 3
    assert set(CompiledAnswers.objects.values_list("layout", flat=True)) == {layout.fingerprint}
    assert stale_reports() == []
    br = next(r for r in compiled_report_facts([5]) if r.government == "br")
    assert br.answers["Q007"] == frozenset({"implementation.partiallyInPlace"})
    assert br.answers["Q008"] == frozenset(
        {"instrument.nationalBiosafetyLaws", "instrument.nationalBiosafetyRegulations"}
    )
    assert br.answers["Q008_a"] == frozenset({""})  # text rows, as the answer rows read
    same_evaluations()


def test_reimport_replaces_the_compiled_answers(
    imported: list[NationalReport], tmp_path: Path
) -> None:
    again = document("br", answers={"Q007": {"value": "implementation.fullInPlace"}})
    import_reports([write(tmp_path / "br-again.json", again)])
    assert CompiledAnswers.objects.count() == 3
    br = next(r for r in compiled_report_facts([5]) if r.government == "br")
    assert br.answers["Q007"] == frozenset({"implementation.fullInPlace"})
    same_evaluations()


def test_stale_or_missing_compiled_answers_are_rebuilt_when_read(
    imported: list[NationalReport],
) -> None:
    br, ng = (r for r in imported if r.government.iso2 in ("br", "ng"))
    CompiledAnswers.objects.filter(report=br).update(layout="v0-older", codes=b"")
    CompiledAnswers.objects.filter(report=ng).delete()
    Answer.objects.filter(report=ng, question="Q007").update(value="implementation.fullInPlace")
    assert sorted(stale_reports()) == sorted([br.pk, ng.pk])
    by_government = {r.government: r for r in compiled_report_facts([5])}
    assert by_government["ng"].answers["Q007"] == frozenset({"implementation.fullInPlace"})
    assert stale_reports() == []
    same_evaluations()


def test_db_recompile_rebuilds_stale_or_all(imported: list[NationalReport]) -> None:
    CompiledAnswers.objects.update(layout="v0-older")
    result = run("db", "recompile")
    assert result.exit_code == 0, result.output
    assert "Compiled the answers of 3 report(s)" in result.output
    assert run("db", "recompile").output.startswith("Compiled the answers of 0 report(s)")
    assert "of 3 report(s)" in run("db", "recompile", "--all").output
    assert stale_reports() == []


@pytest.mark.django_db
def test_demonstration_data_evaluate_identically_from_compiled_answers() -> None:
    assert run("demo", "load").exit_code == 0
    assert CompiledAnswers.objects.count() == NationalReport.objects.count() == 242
    assert stale_reports() == []
    same_evaluations()


@pytest.mark.django_db
def test_scaled_demonstration_data_clone_reports_under_synthetic_governments() -> None:
    result = run("demo", "load", "--scale", "3")
    assert result.exit_code == 0, result.output
    assert "Scale 3: added 484 copies" in result.output
    reports = NationalReport.objects
    assert reports.count() == 242 * 3 and reports.superseded().count() == 3
    answers_once = Answer.objects.exclude(report__government__name__contains="synthetic")
    assert Answer.objects.count() == 3 * answers_once.count()  # the demo data, three times
    assert CompiledAnswers.objects.count() == 242 * 3 and stale_reports() == []
    assert all(r.identifier.startswith("demo-") for r in reports.all())
    clone = Party.objects.get(iso2="br0002")
    assert clone.region == "GRULAC" and "synthetic" in clone.name
    assert reports.filter(government=clone).current().count() == 2
    evaluation = stored.evaluate_stored("draft-2020", 5, 4)
    world = next(r for r in evaluation.indicators if r.code == "A.1(a)").overall
    assert world.denominator is not None and world.denominator % 3 == 0
    flags = next(s for s in evaluation.scorecards if s.indicator == "A.1(a)").current
    assert flags["br0001"] == flags["br0002"] == flags["br"]
    same_evaluations()
