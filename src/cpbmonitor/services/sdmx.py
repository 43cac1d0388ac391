"""Indicator results as SDMX-CSV for the pages and the API (``core.outputs.sdmx``), with
each cycle's ``TIME_PERIOD`` taken from the stored reporting cycles."""

from __future__ import annotations

from collections.abc import Iterable

from cpbmonitor.core.indicators import IndicatorResult
from cpbmonitor.core.outputs.sdmx import observations, to_sdmx_csv
from cpbmonitor.national_reports.models import ReportingCycle

CONTENT_TYPE = "text/csv; charset=utf-8"


def cycle_periods() -> dict[int, str]:
    """Cycle number -> the year of its reporting deadline (``TIME_PERIOD``)."""
    cycles = ReportingCycle.objects.filter(number__isnull=False)
    return {cycle.number: str(cycle.deadline.year) for cycle in cycles}


def sdmx_csv(results: Iterable[IndicatorResult], notice: str | None = None) -> bytes:
    periods = cycle_periods()
    return to_sdmx_csv(
        (item for result in results for item in observations(result, periods)), notice
    )


def indicators_sdmx(codes: list[str] | None = None, plan_id: str | None = None) -> bytes:
    """The current results of the indicators ``codes`` (all of them by default) of the
    plan version ``plan_id`` (the configured one by default) as SDMX-CSV, with the
    demonstration notice when the data are demonstration data."""
    from cpbmonitor.core.plan import load_plan
    from cpbmonitor.services.evaluation import current_evaluation, current_plan
    from cpbmonitor.services.tables import demo_notice

    plan = load_plan(plan_id) if plan_id else current_plan()
    evaluation = current_evaluation(plan)
    results = list(evaluation.indicators) if evaluation else []
    if codes is not None:
        results = [result for result in results if result.code in codes]
    return sdmx_csv(results, demo_notice())
