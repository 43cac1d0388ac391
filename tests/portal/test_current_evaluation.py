"""The current evaluation the pages and the API read: the core's own result types, from
the results source, cached under the data version."""

from __future__ import annotations

import pytest

from cpbmonitor.core.indicators import GROUPS
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.cache import data_version
from cpbmonitor.services.evaluation import current_evaluation, indicator_method
from cpbmonitor.services.scorecards import party_scorecard
from tests.national_reports.factories import make_report
from tests.portal.fakes import FakeSource

pytestmark = pytest.mark.django_db


def test_before_any_report_nothing_is_computed(db):
    assert current_evaluation() is None
    assert party_scorecard("br") is None
    method = indicator_method("A.1(a)")
    assert "fully or partially in place" in method.text
    assert [(q.cycle, q.key) for q in method.questions] == [(5, "Q007"), (4, "Q014")]


def test_engine_results_on_the_tiny_registry(world):
    # A.1(a): cycle 5 full, partial, full -> 3 of 3; cycle 4 (baseline) 4 of 4.
    result = current_evaluation().indicator("A.1(a)")
    world_value = result.world
    assert (world_value.numerator, world_value.denominator) == (3, 3)
    assert (world_value.value, world_value.baseline_value, world_value.change) == (100, 100, 0)
    # 3 of 3 against 4 of 4: under the few-data threshold (10), so not "no change"
    assert world_value.state == "insufficient data" and result.scale == "percent"
    assert result.group("WEOG").value is None  # France did not report in cycle 5
    assert result.group("WEOG").state == "no-data"
    scores = {(row.cycle, row.indicator): row for row in party_scorecard("br")}
    assert scores[(5, "A.1(a)")].met is True
    assert scores[(4, "A.1(a)")].world_value == 100


def test_the_fake_source_gives_the_core_types(world, engine):
    result = current_evaluation().indicator("A.1(a)")
    assert result.computed and result.scale == "percent"
    assert (result.world.value, result.world.baseline_value, result.world.change) == (75, 50, 25)
    assert [v.group for v in result.in_order()] == list(GROUPS)
    assert result.group("CEE").state == "no-data"
    assert current_evaluation().indicator("A.1(b)").notes == [
        "pending: BCH records import (national focal point records)"
    ]
    assert party_scorecard("br")[0].met is True
    assert party_scorecard("br")[0].region_value == 100.0


def test_results_are_cached_until_the_data_change(world, engine):
    current_evaluation()
    calls = FakeSource.calls
    current_evaluation()
    assert FakeSource.calls == calls
    version = data_version()
    cycle5 = world["cycles"][1]
    make_report(world["parties"]["fr"], cycle5, submitted="2025-08-01")
    assert data_version() != version
    current_evaluation()
    assert FakeSource.calls == calls + 1
    assert NationalReport.objects.count() == 8


def test_a_new_or_changed_record_changes_the_data_version(world, engine):
    import datetime as dt

    from cpbmonitor.core.records import ReportFunding
    from cpbmonitor.services.records import store_records

    version = data_version()
    funding = ReportFunding(
        identifier="gef-br-5", government="br", cycle=5, valid_from=dt.date(2025, 1, 1)
    )
    store_records([funding], source="test")
    changed = data_version()
    assert changed != version
    store_records([funding.model_copy(update={"valid_from": dt.date(2024, 1, 1)})], source="t")
    assert data_version() not in (version, changed)
