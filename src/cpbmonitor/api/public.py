"""Reads: plan versions, Parties, cycles, reports (published only unless authorised),
indicator results and question analyses."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Query, Router
from ninja.errors import HttpError

from cpbmonitor.api.auth import OptionalToken, user_of
from cpbmonitor.api.schemas import (
    CycleOut,
    IndicatorResultOut,
    PartyOut,
    PlanOut,
    QuestionAnalysisOut,
    ReportDetail,
    ReportOut,
    ScorecardRowOut,
)
from cpbmonitor.core.indicators import IndicatorResult, PartyCycleScore, QuestionAnalysis
from cpbmonitor.core.plan import available_versions, load_plan
from cpbmonitor.national_reports.models import NationalReport, Party, ReportingCycle
from cpbmonitor.national_reports.models.cycles import UnknownCycle
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.national_reports.models.reports import ReportStatus
from cpbmonitor.reporting.policy import Act, allowed
from cpbmonitor.services import questions
from cpbmonitor.services.chosen_results import CycleChoiceError, chosen_evaluation
from cpbmonitor.services.cycles import cycle as cycle_named
from cpbmonitor.services.scorecards import party_scorecard
from cpbmonitor.web.downloads import table_response

router = Router(auth=OptionalToken(), tags=["public"])


def _plan(plan_id: str) -> Any:
    if plan_id not in available_versions():
        raise Http404(f"no plan version {plan_id!r}")
    return load_plan(plan_id)


@router.get("/plans", response=list[PlanOut])
def plans(request: HttpRequest) -> list[dict]:
    rows = []
    for plan_id in available_versions():
        plan = load_plan(plan_id)
        rows.append(
            {
                "id": plan.id,
                "title": plan.title,
                "goals": sum(1 for _ in plan.goals()),
                "objectives": sum(1 for _ in plan.objectives()),
                "indicators": sum(1 for _ in plan.indicators()),
                "has_capacity_building": plan.has_capacity_building,
            }
        )
    return rows


@router.get("/plans/{plan_id}", response=dict)
def plan(request: HttpRequest, plan_id: str) -> dict[str, Any]:
    """The whole plan version as data (sections, goals, objectives, indicators...)."""
    found: dict[str, Any] = _plan(plan_id).model_dump(mode="json")
    return found


@router.get("/plans/{plan_id}/indicators", response=list[IndicatorResultOut])
def indicators(
    request: HttpRequest,
    plan_id: str,
    cycle: int | None = Query(
        None,
        ge=1,
        le=99,
        description="The reporting cycle measured (default: the latest "
        "cycle of the methodology with reports).",
    ),
    baseline: int | None = Query(
        None,
        ge=1,
        le=99,
        description="The earlier cycle compared against, the baseline "
        "(default: the methodology's cycle before `cycle`); needs `cycle`.",
    ),
) -> list[IndicatorResult]:
    """Every indicator's result, for the world and each regional group (none before
    reports are stored), for the cycle and baseline chosen; 422 for a cycle the
    methodology does not measure."""
    try:
        evaluation = chosen_evaluation(_plan(plan_id), cycle, baseline)
    except CycleChoiceError as error:
        raise HttpError(422, str(error)) from None
    return list(evaluation.indicators) if evaluation else []


def _party_out(party: Party) -> dict:
    return {
        "code": party.iso2,
        "iso3": party.iso3,
        "name": party.name,
        "region": party.region or None,
        "cp_party": party.cp_party,
        "cp_party_since": party.cp_party_since,
        "sp_party": party.sp_party,
        "sp_party_since": party.sp_party_since,
    }


@router.get("/parties", response=list[PartyOut])
def parties(
    request: HttpRequest, region: str | None = None, protocol_only: bool = False
) -> list[dict[str, Any]]:
    return [
        _party_out(p) for p in Party.objects.listing(region=region, protocol_only=protocol_only)
    ]


def _government(code: str) -> Party:
    try:
        return Party.objects.resolve(code)
    except UnknownGovernment as error:
        raise Http404(str(error)) from None


def _cycle(name: str) -> ReportingCycle:
    try:
        return cycle_named(name)
    except UnknownCycle as error:
        raise Http404(str(error)) from None


@router.get("/parties/{code}", response=PartyOut)
def party(request: HttpRequest, code: str) -> dict:
    return _party_out(_government(code))


@router.get("/parties/{code}/scorecard", response=list[ScorecardRowOut])
def scorecard(request: HttpRequest, code: str) -> list[PartyCycleScore]:
    """The Party's scorecard, as on its page: each binary indicator met or not in the
    current and baseline cycles, beside its region's and the world's value (empty
    before reports are stored)."""
    return party_scorecard(_government(code).iso2) or []


@router.get("/cycles", response=list[CycleOut])
def cycles(request: HttpRequest) -> list[dict]:
    return [
        {
            "name": c.name,
            "number": c.number,
            "report_schema": c.schema,
            "year": c.year,
            "deadline": c.deadline,
        }
        for c in ReportingCycle.objects.all()
    ]


@router.get("/cycles/{cycle}/questions/{key}/analysis", response=QuestionAnalysisOut)
def question_analysis(request: HttpRequest, cycle: str, key: str) -> QuestionAnalysis:
    """How Parties answered one question, by region, beside the previous cycle."""
    item = _cycle(cycle)
    found = questions.analysable_question(item, key)
    if found is None:
        raise Http404(f"question {key} of cycle {cycle} cannot be analysed")
    return questions.analyse(item, found)


def _reports(request: HttpRequest) -> Any:
    reports = NationalReport.objects.select_related("government", "cycle")
    if not allowed(user_of(request), Act.READ_UNPUBLISHED):
        reports = reports.filter(status=ReportStatus.PUBLISHED)
    return reports


def _report_out(report: NationalReport) -> dict:
    return {
        "id": report.pk,
        "identifier": report.identifier,
        "government": report.government.iso2,
        "cycle": report.cycle.name,
        "status": report.status,
        "is_current": report.is_current,
        "submitted_on": report.submitted_on,
        "published_on": report.published_on,
        "complete": report.complete,
        "on_time": report.on_time,
        "missing_questions": list(report.missing_questions or []),
    }


@router.get("/reports", response=list[ReportOut])
def reports(
    request: HttpRequest,
    cycle: str | None = None,
    government: str | None = None,
    current_only: bool = True,
) -> list[dict]:
    """National reports stored: published ones (submitted, unpublished ones too
    for the Secretariat); the current report of each government unless
    ``current_only=false``."""
    rows = _reports(request)
    if cycle:
        rows = rows.filter(cycle=_cycle(cycle))
    if government:
        rows = rows.filter(government=_government(government))
    if current_only:
        rows = rows.current()
    return [_report_out(r) for r in rows]


@router.get("/reports/{report_id}", response=ReportDetail)
def report(request: HttpRequest, report_id: int) -> dict:
    found = _reports(request).filter(pk=report_id).first()
    if found is None:
        raise Http404("no such report")
    body = found.body or {}
    answers = {k: v for k, v in body.items() if k not in ("header", "government")}
    return {**_report_out(found), "answers": answers}


@router.get("/tables/{subject}", response={200: None, 400: dict})
def table(request: HttpRequest, subject: str, format: str = "json") -> HttpResponse:
    """A table for download, with the same columns as the pages' downloads and the CLI:
    ``indicator-results`` (``?indicator=A.1(a)``), ``indicator-series``
    (``?indicator=A.1(a)&cycles=4,5,6``: every cycle, each change with its
    comparability), ``records`` (``?type=decision``,
    optional ``&government=br``), ``capacity-needs`` (optional ``?cycle=5``); as
    ``format`` ``json`` (default), ``csv`` or ``xlsx``."""
    params = {k: str(v) for k, v in request.GET.items() if k != "format"}
    return table_response(subject, params, format, f"cpb-{subject}")
