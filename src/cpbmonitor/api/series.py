"""Reads: every indicator over several cycles (``?cycles=4,5,6``) with the comparability
of every change, and the progress of goals, objectives and indicators towards 2030."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.errors import HttpError

from cpbmonitor.api.auth import OptionalToken
from cpbmonitor.core.plan import available_versions

router = Router(auth=OptionalToken(), tags=["public"])


def _cycles(plan_id: str, cycles: str | None) -> list[int] | None:
    from cpbmonitor.services.evaluation import parse_cycles

    if plan_id not in available_versions():
        raise Http404(f"no plan version {plan_id!r}")
    try:
        return parse_cycles(cycles) if cycles else None
    except ValueError as error:
        raise HttpError(400, str(error)) from None


def _guarded(call: Any) -> Any:
    from cpbmonitor.national_reports.models import ReportingCycle

    try:
        return call()
    except (LookupError, ReportingCycle.DoesNotExist) as error:
        raise HttpError(400, str(error)) from None


@router.get("/plans/{plan_id}/series", response=dict)
def series(request: HttpRequest, plan_id: str, cycles: str | None = None) -> dict:
    """Every indicator in each cycle (``cycles=4,5,6``; default: every cycle with rules),
    world and regions, each change with its comparability and status."""
    from cpbmonitor.core.indicators.series import series_document
    from cpbmonitor.services.progress import stored_series

    numbers = _cycles(plan_id, cycles)
    return series_document(_guarded(lambda: stored_series(plan_id, numbers)))


@router.get("/plans/{plan_id}/progress", response=dict)
def progress(request: HttpRequest, plan_id: str, cycles: str | None = None) -> dict:
    """Each goal, objective and indicator (world and regions): its progress class
    (on-track, acceleration-needed, regression, insufficient-data) and reasons."""
    from cpbmonitor.services.progress import progress_document, stored_progress

    numbers = _cycles(plan_id, cycles)
    return progress_document(_guarded(lambda: stored_progress(plan_id, numbers)))
