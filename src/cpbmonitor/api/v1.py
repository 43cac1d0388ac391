"""Version 1 of the API: the ``NinjaAPI`` object, its error handlers and routers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from cpbmonitor.api import capacity as capacity_api
from cpbmonitor.api import drafts, openapi, public
from cpbmonitor.api import evaluation_runs as evaluation_runs_api
from cpbmonitor.api import milestones as milestones_api
from cpbmonitor.api import records as records_api
from cpbmonitor.api import sdmx as sdmx_api
from cpbmonitor.api import series as series_api
from cpbmonitor.api import texts as texts_api
from cpbmonitor.services.drafts import (
    Incomplete,
    InvalidAnswers,
    StaleDraft,
    WorkflowError,
)


class DescribedAPI(NinjaAPI):
    """The API whose OpenAPI description says how it answers (``api.openapi``)."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return openapi.describe(super().get_openapi_schema(**kwargs))


api = DescribedAPI(
    title="CPB Monitor API",
    version="1",
    description="The Implementation Plan, Parties, reporting cycles, published national "
    "reports, indicator results (for a chosen cycle and baseline), Party scorecards, "
    "question analyses, records, capacity-building and milestones: public reads, no token "
    "needed. Writes (national report drafts, records, milestones) need an API token under "
    "the roles of the pages: sign in to national reporting, open **API tokens** "
    "(`/reporting/tokens/`), create a token with a name and an expiry (its key is shown "
    "once), and send it as `Authorization: Bearer <key>`. Revoke it on the same page. "
    "`/api/v1/` lists every endpoint.",
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.get("/", response=openapi.IndexOut, auth=None, url_name="index", tags=["index"])
def index(request: HttpRequest) -> dict[str, Any]:
    """Where to start: the interactive docs, the OpenAPI description, the token page and
    every endpoint."""
    return openapi.index(api)


api.add_router("", public.router)
api.add_router("", sdmx_api.router)
api.add_router("", texts_api.router)
api.add_router("", series_api.router)
api.add_router("/drafts", drafts.router)
api.add_router("/milestones", milestones_api.router)
api.add_router("/evaluations", evaluation_runs_api.router)
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


def _where(location: tuple[object, ...] | list[object]) -> str:
    """``query.offset``, ``body.answers``: the request part and the parameter's path
    (the parameters' holder ninja adds in between left out)."""
    parts = [str(part) for part in location]
    if len(parts) > 2 and parts[0] in ("query", "path", "header", "cookie", "form"):
        parts = [parts[0], *parts[2:]]
    return ".".join(parts)


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 in the shape every other refusal has (``ErrorOut``): one sentence in
    ``detail``, then one problem per parameter."""
    problems = [
        {
            "field": _where(error.get("loc", ())),
            "message": str(error.get("msg", "invalid")),
            "code": str(error.get("type", "invalid")),
        }
        for error in exc.errors
    ]
    detail = "invalid request: " + "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return api.create_response(request, {"detail": detail, "problems": problems}, status=422)
