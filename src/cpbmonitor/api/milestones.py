"""Milestones: anyone reads them with their status; the Secretariat and administrators
(``reporting.policy``, ``Act.MANAGE_MILESTONES``) add, change and delete them with a
bearer token. Bodies are checked by the core (``core.milestones``), as files are."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from cpbmonitor import conf
from cpbmonitor.api.auth import OptionalToken, TokenAuth, user_of
from cpbmonitor.api.schemas import ErrorOut
from cpbmonitor.core.milestones import Milestone as CoreMilestone
from cpbmonitor.core.milestones import MilestoneInputError
from cpbmonitor.core.plan import available_versions, load_plan
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.reporting.policy import Act, allowed
from cpbmonitor.services.milestones import StoredAssessment, checked, published_assessments

router = Router(tags=["milestones"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class MilestoneIn(Schema):
    plan: str = conf.default("CPB_PLAN_VERSION")
    indicator: str
    group: str = "global"
    target_value: float
    target_date: dt.date
    label: str | None = None
    decision: str | None = None
    demonstration: bool = False


class MilestoneOut(Schema):
    id: int
    plan: str
    indicator: str
    group: str
    target_value: float
    target_date: dt.date
    label: str | None
    decision: str | None
    demonstration: bool
    latest_value: float | None
    latest_date: dt.date | None
    baseline_value: float | None
    baseline_date: dt.date | None
    needed: float | None
    projected_value: float | None
    status: str
    note: str


def _out(found: StoredAssessment) -> dict[str, Any]:
    return {"id": found.id, **found.assessment.as_row()}


def _assessed(plan_id: str) -> list[StoredAssessment]:
    return published_assessments(load_plan(plan_id))


def _one(row: Milestone) -> dict[str, Any]:
    for found in _assessed(row.plan):
        if found.id == row.pk:
            return _out(found)
    raise Http404(f"no milestone {row.pk}")


def _require_manager(request: HttpRequest) -> None:
    if not allowed(user_of(request), Act.MANAGE_MILESTONES):
        raise PermissionDenied("only the Secretariat and administrators may change milestones")


def _core(body: MilestoneIn) -> CoreMilestone:
    return checked(body.dict(), source="request body")


def _problems(error: MilestoneInputError) -> Status:
    problems = [
        {
            "field": p.field or "",
            "value": "" if p.value is None else str(p.value),
            "message": p.message,
        }
        for p in error.problems
    ]
    return Status(422, {"detail": "invalid milestone", "problems": problems})


def _conflict(milestone: CoreMilestone) -> Status:
    return Status(
        409, {"detail": f"a milestone of {milestone.plan} for {milestone.describe()} exists"}
    )


@router.get("", response=list[MilestoneOut], auth=OptionalToken())
def list_milestones(request: HttpRequest, plan: str | None = None) -> list[dict[str, Any]]:
    """Every stored milestone (or those of one plan version) with its status against the
    results the pages show: latest value, value needed, projected value by the date."""
    if plan is not None and plan not in available_versions():
        raise Http404(f"no plan version {plan!r}")
    plans = [plan] if plan else list(Milestone.objects.plans())
    return [_out(found) for plan_id in sorted(plans) for found in _assessed(plan_id)]


def _store(row: Milestone, milestone: CoreMilestone, status: int) -> Status:
    """Save ``milestone`` into ``row``; a clash with a stored milestone's key is a 409."""
    row.copy_from(milestone)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return _conflict(milestone)
    return Status(status, _one(row))


@router.post("", response={201: MilestoneOut, **ERRORS}, auth=TokenAuth())
def create_milestone(request: HttpRequest, body: MilestoneIn) -> Status:
    _require_manager(request)
    try:
        milestone = _core(body)
    except MilestoneInputError as error:
        return _problems(error)
    return _store(Milestone(), milestone, 201)


@router.put("/{milestone_id}", response={200: MilestoneOut, **ERRORS}, auth=TokenAuth())
def replace_milestone(request: HttpRequest, milestone_id: int, body: MilestoneIn) -> Status:
    _require_manager(request)
    row = get_object_or_404(Milestone, pk=milestone_id)
    try:
        milestone = _core(body)
    except MilestoneInputError as error:
        return _problems(error)
    if Milestone.objects.with_key(milestone.key).exclude(pk=row.pk).exists():
        return _conflict(milestone)
    return _store(row, milestone, 200)


@router.delete("/{milestone_id}", response={204: None, **ERRORS}, auth=TokenAuth())
def delete_milestone(request: HttpRequest, milestone_id: int) -> Status:
    _require_manager(request)
    get_object_or_404(Milestone, pk=milestone_id).delete()
    return Status(204, None)
