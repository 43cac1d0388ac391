"""Evaluation runs: frozen inputs reproduce the same figures after new reports and
corrections; two runs compared name the reports that changed a figure."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.runs import fingerprint, parse, serialise
from cpbmonitor.core.runs.frozen import FrozenInputsError
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services.evaluation import evaluate_stored
from tests.evaluations.conftest import correct_report, import_new_report

PLAN = "draft-2020"


def a1a(evaluation, group="global"):
    row = evaluation.result("A.1(a)").groups[group]
    return row.numerator, row.denominator, row.value


def test_a_run_gives_the_same_figures_after_a_new_report_and_a_correction(registry):
    run = runs.create_run("Mid-term evaluation 2026", PLAN, 5, 4)
    assert a1a(runs.evaluate_run(run)) == (3, 5, 60.0)
    before = runs.figure_rows(runs.evaluate_run(run))
    new = import_new_report()
    correct_report()
    again = runs.get_run("mid-term-evaluation-2026")
    assert runs.figure_rows(runs.evaluate_run(again)) == before
    live = evaluate_stored(PLAN, 5, 4)
    assert a1a(live) == (5, 6, pytest.approx(83.333, abs=0.01))
    later = runs.create_run("Final evaluation 2030", PLAN, 5, 4)
    assert later.data_fingerprint != run.data_fingerprint
    comparison = runs.compare(run, later)
    kinds = {(r.kind, r.government, r.identifier) for r in comparison.reports}
    assert kinds == {("added", "mx", new.identifier), ("corrected", "jp", "jp-5-corrected")}
    changes = {(f.indicator, f.group, f.figure): f for f in comparison.figures}
    world = changes[("A.1(a)", "global", "value")]
    assert (world.before, round(world.after, 2)) == (60.0, 83.33)
    assert any(new.identifier in reason and "mx" in reason for reason in world.reasons)
    assert any("jp-5-corrected" in reason for reason in world.reasons)
    africa = changes[("A.1(a)", "AFR", "numerator")]
    assert (africa.before, africa.after) == (1, 2)
    assert africa.reasons == (f"report {new.identifier} of mx (cycle 5) added",)
    asia = changes[("A.1(a)", "ASP", "value")]
    assert (asia.before, asia.after) == (0.0, 100.0)
    assert len(asia.reasons) == 1 and "corrected" in asia.reasons[0]
    assert ("A.1(a)", "WEOG", "value") not in changes


def test_the_run_date_leaves_out_later_reports(registry):
    import_new_report()
    run = runs.create_run("As on 2026-01-01", PLAN, 5, 4, as_of=dt.date(2026, 1, 1))
    assert a1a(runs.evaluate_run(run)) == (3, 5, 60.0)


def test_frozen_inputs_are_serialised_deterministically_and_checked(registry):
    inputs = runs.live_inputs(PLAN, 5, 4, dt.date(2026, 1, 1))
    data = serialise(inputs)
    assert serialise(runs.live_inputs(PLAN, 5, 4, dt.date(2026, 1, 1))) == data
    assert serialise(parse(data, expected=fingerprint(data))) == data
    assert [r.facts.government for r in parse(data).reports if r.facts.cycle == 5] == [
        "br",
        "fr",
        "jp",
        "ng",
        "pl",
    ]
    with pytest.raises(FrozenInputsError, match="do not match"):
        parse(
            data.replace(b"implementation.none", b"implementation.fullInPlace"), fingerprint(data)
        )


def test_same_inputs_are_stored_once_and_names_are_unique(registry):
    first = runs.create_run("One", PLAN, 5, 4, as_of=dt.date(2026, 1, 1))
    second = runs.create_run("Two", PLAN, 5, 4, as_of=dt.date(2026, 1, 1))
    assert first.data_id == second.data_id
    with pytest.raises(runs.RunError, match="already exists"):
        runs.create_run("One", PLAN, 5, 4)
    with pytest.raises(runs.RunError, match="no evaluation run called 'Three'"):
        runs.get_run("Three")


def test_an_unchanged_comparison_lists_nothing(registry):
    first = runs.create_run("One", PLAN, 5, 4, as_of=dt.date(2026, 1, 1))
    second = runs.create_run("Two", PLAN, 5, 4, as_of=dt.date(2026, 1, 1))
    comparison = runs.compare(first, second)
    assert comparison.unchanged and comparison.figures == ()


def test_publishing_is_once(registry):
    run = runs.create_run("One", PLAN, 5, 4)
    runs.publish(run)
    assert runs.latest_published(PLAN) == run
    with pytest.raises(runs.RunError, match="already published"):
        runs.publish(run)


def test_a_run_keeps_the_engine_settings_it_was_made_with(registry, settings):
    settings.CPB_MIN_DENOMINATOR = 1
    run = runs.create_run("With a threshold of one", PLAN, 5, 4)
    settings.CPB_MIN_DENOMINATOR = 10
    frozen = runs.evaluate_run(runs.get_run(run.slug)).result("A.1(a)").groups["global"]
    assert (frozen.denominator, frozen.few_data, frozen.status) == (5, False, "improved")
    live = evaluate_stored(PLAN, 5, 4, runs.configured_settings()).result("A.1(a)")
    assert (live.groups["global"].few_data, live.groups["global"].status) == (
        True,
        "insufficient data",
    )
    assert runs.frozen_inputs(run).settings is not None
    assert runs.frozen_inputs(run).settings.min_denominator == 1


def test_the_data_cannot_be_taken_as_on_a_day_to_come(registry):
    from django.utils import timezone

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(runs.RunError, match=f"as on {tomorrow}, after today"):
        runs.create_run("Tomorrow", PLAN, 5, 4, as_of=tomorrow)
