"""Capacity-building needs, their coverage by the Action Plan and the registered
activities, and the gaps: the same rows as ``cpb capacity needs|coverage|gaps --format
json`` (``core.outputs.capacity``), computed by ``services.capacity``.

When the figures come from demonstration reports or records, every response carries the
header ``X-Demonstration-Data: true``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from cpbmonitor import conf
from cpbmonitor.api.auth import OptionalToken
from cpbmonitor.api.schemas import ErrorOut
from cpbmonitor.core.capacity import Coverage
from cpbmonitor.core.outputs import capacity as rows_of
from cpbmonitor.core.plan import available_versions
from cpbmonitor.services import capacity as service

router = Router(auth=OptionalToken(), tags=["capacity-building"])
ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DEMONSTRATION_HEADER = "X-Demonstration-Data"
T = TypeVar("T")

CYCLE = Query(5, description="The reporting cycle whose needs are read.")
PLAN = Query(
    conf.default("CPB_PLAN_VERSION"), description="The plan version whose Action Plan is used."
)
START = Query(None, alias="from", description="Period start (default: the cycle's).")
END = Query(None, alias="to", description="Period end (default: the cycle's deadline).")


class NeedsRowOut(Schema):
    term: str = Field(description="The format's term identifier of the needs area.")
    area: str
    global_: int = Field(alias="global", description="Reporting Parties in need, world.")
    AFR: int
    ASP: int
    CEE: int
    GRULAC: int
    WEOG: int
    previous: dict[str, int] | None = Field(
        None, description="With compare=true: the previous cycle's counts (null: no mapping)."
    )


class CoverageRowOut(Schema):
    code: str
    term: str
    area: str
    group: str = Field(description="global or a regional group.")
    reporting: int
    in_need: int
    activities: int = Field(description="Activities addressing the area there in the period.")
    funding: float = Field(description="USD, split evenly across the regions an activity reaches.")
    uncovered: int = Field(description="Parties in need that no activity reaches.")
    score: float | None = Field(description="uncovered / reporting (null: nobody reporting).")


class AreaGapOut(Schema):
    code: str
    term: str
    area: str
    parties: int = Field(description="Parties in need, world.")
    note: str | None


class RegionGapOut(Schema):
    code: str
    area: str
    region: str
    parties: int


class PartyGapOut(Schema):
    government: str
    region: str | None
    needs: str
    unreached: str
    reaching_activities: int


class GapsOut(Schema):
    not_in_plan: list[AreaGapOut] = Field(description="Needs areas no key area covers.")
    nothing_planned: list[AreaGapOut] = Field(
        description="Needs areas with key areas but no activity of the Action Plan."
    )
    without_activity: list[RegionGapOut] = Field(
        description="Regions with Parties in need and no registered activity."
    )
    unreached_parties: list[PartyGapOut] = Field(
        description="Parties with needs that no activity reaches."
    )


def _call(compute: Callable[[], T]) -> T:
    """A service call; an unknown cycle or plan (or one without what is asked) is 404."""
    try:
        return compute()
    except LookupError as error:
        raise HttpError(404, str(error.args[0]) if error.args else "not found") from None


def _label(response: HttpResponse) -> None:
    if service.is_demonstration():
        response[DEMONSTRATION_HEADER] = "true"


def _coverage(cycle: int, plan: str, start: dt.date | None, end: dt.date | None) -> Coverage:
    if plan not in available_versions():
        raise HttpError(404, f"no plan version {plan!r}")
    return _call(lambda: service.stored_coverage(cycle, plan, start, end))


def _invalid(error: ValueError) -> Status:
    return Status(422, {"detail": str(error)})


@router.get(
    "/needs", response={200: list[NeedsRowOut], **ERRORS}, by_alias=True, exclude_unset=True
)
def needs(
    request: HttpRequest,
    response: HttpResponse,
    cycle: int = CYCLE,
    compare: bool = Query(False, description="Add the previous cycle's counts to each row."),
) -> list[dict[str, Any]]:
    """Reporting Parties per needs area, world and regions: one row per needs area, as
    ``cpb capacity needs --format json``."""
    analysis = _call(lambda: service.stored_needs(cycle, compare))
    rows = rows_of.needs_rows(analysis)
    if compare:
        rows = [
            row | {"previous": dict(item.previous) if item.previous is not None else None}
            for row, item in zip(rows, analysis.areas, strict=True)
        ]
    _label(response)
    return rows


@router.get("/coverage", response={200: list[CoverageRowOut], **ERRORS})
def coverage(
    request: HttpRequest,
    response: HttpResponse,
    cycle: int = CYCLE,
    plan: str = PLAN,
    start: dt.date | None = START,
    end: dt.date | None = END,
) -> Any:
    """For every needs area and group: Parties in need, activities addressing the area
    there in the period and their funding, and Parties whose need no activity reaches,
    as ``cpb capacity coverage --format json``."""
    try:
        found = _coverage(cycle, plan, start, end)
    except ValueError as error:
        return _invalid(error)
    _label(response)
    return rows_of.coverage_rows(found)


@router.get("/gaps", response={200: GapsOut, **ERRORS})
def gaps(
    request: HttpRequest,
    response: HttpResponse,
    cycle: int = CYCLE,
    plan: str = PLAN,
    start: dt.date | None = START,
    end: dt.date | None = END,
) -> Any:
    """Needs areas the Action Plan does not cover, areas with nothing planned, regions
    with needs and no activity, Parties with needs no activity reaches; as ``cpb capacity
    gaps --format json``."""
    try:
        found = _coverage(cycle, plan, start, end)
    except ValueError as error:
        return _invalid(error)
    _label(response)
    return rows_of.gaps_data(found)
