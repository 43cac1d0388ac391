"""Version 1 of the API: the ``NinjaAPI`` object, its error handlers and routers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from cpbmonitor.api import capacity as capacity_api
from cpbmonitor.api import drafts, public
from cpbmonitor.api import milestones as milestones_api
from cpbmonitor.api import records as records_api
from cpbmonitor.api import series as series_api
from cpbmonitor.api import texts as texts_api
from cpbmonitor.services.drafts import (
    Incomplete,
    InvalidAnswers,
    StaleDraft,
    WorkflowError,
)

api = NinjaAPI(
    title="CPB Monitor API",
    version="1",
    description="The Implementation Plan, Parties, reporting cycles, published national "
    "reports, indicator results and question analyses; national report drafts with a "
    "bearer token (`Authorization: Bearer <key>`).",
    urls_namespace="api-v1",
    docs_url="/docs",
)
api.add_router("", public.router)
api.add_router("", texts_api.router)
api.add_router("", series_api.router)
api.add_router("/drafts", drafts.router)
api.add_router("/milestones", milestones_api.router)
api.add_router("/records", records_api.router)
api.add_router("/capacity", capacity_api.router)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "forbidden"}, status=403)


@api.exception_handler(WorkflowError)
def conflict(request: HttpRequest, exc: WorkflowError) -> HttpResponse:
    body: dict = {"detail": str(exc)}
    status = 409
    if isinstance(exc, StaleDraft):
        body["version"] = exc.draft.version
    elif isinstance(exc, InvalidAnswers):
        status = 422
        body["problems"] = [
            {"question": p.question, "message": p.message, "code": p.code} for p in exc.problems
        ]
    elif isinstance(exc, Incomplete):
        body["missing"] = exc.missing
    return api.create_response(request, body, status=status)
