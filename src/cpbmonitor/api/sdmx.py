"""Indicator results as SDMX-CSV 1.0 (``docs/sdmx.md``): public reading."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router

from cpbmonitor.core.plan import available_versions, load_plan
from cpbmonitor.services import sdmx

router = Router(tags=["public"])

SDMX_RESPONSE = {
    "responses": {
        "200": {
            "description": "SDMX-CSV 1.0: one observation per indicator, area and cycle",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    }
}


@router.get("/plans/{plan_id}/indicators/sdmx", openapi_extra=SDMX_RESPONSE)
def indicators_sdmx(request: HttpRequest, plan_id: str) -> HttpResponse:
    """Every indicator's values, for the world and each regional group, in the current
    and the baseline cycle, as SDMX-CSV (only the header before reports are stored)."""
    if plan_id not in available_versions():
        raise Http404(f"no plan version {plan_id!r}")
    return HttpResponse(sdmx.sdmx_csv(load_plan(plan_id)), content_type=sdmx.MEDIA_TYPE)
