"""Parties: the list with each one's report for the current cycle, and a Party's page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.core.indicators import REGIONS, PartyCycleScore
from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.services import parties as service
from cpbmonitor.services import status
from cpbmonitor.services.evaluation import current_plan
from cpbmonitor.services.scorecards import party_scorecard


def parties(request: HttpRequest) -> HttpResponse:
    cycle = status.current_cycle()
    state = status.status(cycle) if cycle else None
    by_region: dict[str, list[object]] = {region: [] for region in REGIONS}
    others: list[object] = []
    for row in state.parties if state else []:
        by_region.get(row.region or "", others).append(row)
    context = {
        "cycle": cycle,
        "regions": [(region, rows) for region, rows in by_region.items()],
        "others": others,
        "has_parties": service.any_party(),
    }
    return render(request, "portal/parties.html", context)


def party(request: HttpRequest, code: str) -> HttpResponse:
    try:
        government = service.government(code)
    except UnknownGovernment:
        raise Http404(f"no government {code}") from None
    plan = current_plan()
    scorecard = party_scorecard(government.iso2)
    context = {
        "party": government,
        "reports": service.reports_of(government),
        "scorecard": _by_cycle(scorecard, plan) if scorecard is not None else None,
    }
    return render(request, "portal/party.html", context)


def _by_cycle(rows: list[PartyCycleScore], plan: PlanVersion) -> list[tuple[int, list[object]]]:
    cycles: dict[int, list[object]] = {}
    for row in rows:
        try:
            text = plan.indicator(row.indicator).text
        except KeyError:
            text = ""
        cycles.setdefault(row.cycle, []).append((row, text))
    return list(cycles.items())
