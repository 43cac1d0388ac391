"""Parties: the list with each one's report for the current cycle, and a Party's page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.services import results
from cpbmonitor.services import status as reporting


def parties(request: HttpRequest) -> HttpResponse:
    cycle = reporting.current_cycle()
    state = reporting.status(cycle) if cycle else None
    by_region: dict[str, list[object]] = {region: [] for region in results.REGIONS}
    others = []
    for row in state.parties if state else []:
        by_region.get(row.region or "", others).append(row)
    context = {
        "cycle": cycle,
        "regions": [(region, rows) for region, rows in by_region.items()],
        "others": others,
        "has_parties": Party.objects.exists(),
    }
    return render(request, "portal/parties.html", context)


def party(request: HttpRequest, code: str) -> HttpResponse:
    try:
        government = Party.objects.resolve(code)
    except UnknownGovernment:
        raise Http404(f"no government {code}") from None
    reports = (
        NationalReport.objects.filter(government=government)
        .select_related("cycle")
        .order_by("-cycle__year", "-submitted_on")
    )
    plan = results.current_plan()
    scorecard = results.scorecard(government.iso2)
    context = {
        "party": government,
        "reports": reports,
        "scorecard": _by_cycle(scorecard, plan) if scorecard is not None else None,
    }
    return render(request, "portal/party.html", context)


def _by_cycle(rows: list[results.ScorecardRow], plan) -> list[tuple[str, list[object]]]:
    cycles: dict[str, list[object]] = {}
    for row in rows:
        try:
            text = plan.indicator(row.indicator).text
        except KeyError:
            text = ""
        cycles.setdefault(row.cycle, []).append((row, text))
    return list(cycles.items())
