"""The engine adapter: raw rows become typed results, cached under the data version."""

from __future__ import annotations

import pytest

from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services import results
from tests.national_reports.factories import make_report
from tests.portal.fakes import FakeSource

pytestmark = pytest.mark.django_db


def test_before_any_report_nothing_is_computed(db):
    evaluation = results.evaluation()
    assert not evaluation.computed
    assert evaluation.indicator("A.1(a)").world.status == "not-computed"
    assert results.scorecard("br") is None
    assert "fully or partially in place" in results.methodology("A.1(a)").text


def test_engine_results_on_the_tiny_registry(world):
    result = results.evaluation().indicator("A.1(a)")
    assert result.world == results.GroupValue("global", 3, 3, 100, 100, 0, "no change")
    assert result.group("WEOG").value is None  # France did not report in cycle 5
    scores = {(row.cycle, row.indicator): row for row in results.scorecard("br")}
    assert scores[("5", "A.1(a)")].party is True
    assert scores[("4", "A.1(a)")].world_value == 100


def test_rows_become_results(world, engine):
    result = results.evaluation().indicator("A.1(a)")
    assert result.computed and result.unit == "percent"
    assert result.world == results.GroupValue("global", 3, 4, 75, 50, 25, "improved")
    assert [v.group for v in result.in_order()] == list(results.GROUPS)
    assert result.group("CEE").value is None
    assert results.methodology("A.1(a)").questions[0].key == "Q007"
    assert results.scorecard("br")[0].party is True


def test_results_are_cached_until_the_data_change(world, engine):
    results.evaluation()
    calls = FakeSource.calls
    results.evaluation()
    assert FakeSource.calls == calls
    version = results.data_version()
    cycle5 = world["cycles"][1]
    make_report(world["parties"]["fr"], cycle5, submitted="2025-08-01")
    assert results.data_version() != version
    results.evaluation()
    assert FakeSource.calls == calls + 1
    assert NationalReport.objects.count() == 8
