"""Indicator results as SDMX-CSV (``core.outputs.sdmx``) for the pages and the API: the
current evaluation, with the demonstration notice when the data are demonstration data."""

from __future__ import annotations

from cpbmonitor.core.outputs import render
from cpbmonitor.core.outputs.sdmx import FORMAT, MEDIA_TYPE
from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.services.evaluation import current_evaluation
from cpbmonitor.services.tables import demo_notice

__all__ = ["FORMAT", "MEDIA_TYPE", "sdmx_csv"]


def sdmx_csv(plan: PlanVersion | None = None, indicator: str | None = None) -> bytes:
    """Every indicator of ``plan`` (the current one by default), or only ``indicator``."""
    evaluation = current_evaluation(plan)
    if indicator is None:
        return render("evaluation", FORMAT, evaluation, notice=demo_notice())
    return render(
        "indicator-results", FORMAT, evaluation, indicator=indicator, notice=demo_notice()
    )
