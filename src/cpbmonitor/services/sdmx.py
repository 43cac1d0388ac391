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
