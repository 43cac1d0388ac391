"""BCH, Compliance Committee and capacity-building records.

Anyone reads them. With a bearer token, records are registered, replaced and ended under
the rules of the record pages (``records.access``: a national focal point for records
that concern its own government only, the Secretariat and administrators for all).
Bodies are read by the core (``read_records_data``) and stored by the import service
(``records.services.store_records``): government and link checks, all or nothing.
Records are ended (``valid_to``), never deleted.

An item is the record as in a JSON file of its type: ``identifier``, ``government``
(for types published by one government), the type's fields, ``valid_from``, ``valid_to``
and ``demonstration`` (true for generated demonstration records).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from ninja import Body, Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from cpbmonitor.api.auth import OptionalToken, TokenFor, user_of
from cpbmonitor.api.schemas import ErrorOut
from cpbmonitor.core.records import RECORD_TYPES, RecordModel, RecordType, type_of
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem
from cpbmonitor.core.records.model import Region
from cpbmonitor.core.records.readers import (
    field_kinds,
    read_records_data,
    records_columns,
    required_fields,
)
from cpbmonitor.national_reports.models import Party
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.records import access
from cpbmonitor.records.convert import to_model
from cpbmonitor.records.models import Record
from cpbmonitor.reporting.policy import Act, allowed
from cpbmonitor.services import records as services

router = Router(tags=["records"])
SOURCE = "api"
"""What stored rows name as their source."""
BODY = "request body"
"""What problems name as their file."""
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000
"""Paging parameters are bounded (a larger one is refused with 422, never sent to the
database)."""
MAX_LIMIT = 500

Item = dict[str, Any]


# -- schemas ---------------------------------------------------------------------------------


def _type_schema(kind: RecordType) -> dict[str, Any]:
    schema = kind.model.model_json_schema(mode="serialization")
    return schema | {"title": f"{kind.name} record"}


ITEM_SCHEMA: dict[str, Any] = {"oneOf": [_type_schema(kind) for kind in RECORD_TYPES.values()]}
"""The JSON Schema of one record, whatever its type (for the OpenAPI description)."""


def _json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


ONE_RECORD_BODY = {"requestBody": _json_body(ITEM_SCHEMA)}
RECORDS_BODY = {
    "requestBody": _json_body({"oneOf": [ITEM_SCHEMA, {"type": "array", "items": ITEM_SCHEMA}]})
}
ONE_RECORD_RESPONSE = {"responses": {"200": _json_body(ITEM_SCHEMA)}}


class FieldOut(Schema):
    name: str
    kind: str = Field(description="list, bool, date, int, float or text")
    required: bool


class RecordTypeOut(Schema):
    name: str = Field(description="The type's name in addresses, e.g. decision, cb-activity.")
    label: str
    plural: str
    source: str = Field(description="bch, compliance-committee, usage or gef.")
    by_government: bool = Field(description="Each record is published by one government.")
    fields: list[FieldOut] = Field(description="The fields of an item, in order.")
    count: int = Field(description="Stored records of the type.")
    demonstration: int = Field(description="How many of them are demonstration records.")


class RecordPageOut(Schema):
    type: str
    count: int = Field(description="Records matching the filters (all pages).")
    limit: int
    offset: int
    demonstration: bool = Field(description="Some matching records are demonstration data.")
    items: list[Item] = Field(json_schema_extra={"items": ITEM_SCHEMA})


class ProblemOut(Schema):
    record: str = Field(description="e.g. 'record 2 (DEC-BR-7)': the body's second record.")
    field: str | None
    value: Any = Field(None, description="The offending value as given (null: none).")
    message: str


class ProblemsOut(Schema):
    detail: str
    problems: list[ProblemOut] = []


class WrittenOut(Schema):
    type: str
    created: int
    items: list[Item] = Field(json_schema_extra={"items": ITEM_SCHEMA})


class EndIn(Schema):
    valid_to: dt.date = Field(description="The first day on which the record no longer holds.")


READ_ERRORS = {401: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ProblemsOut}


# -- helpers ---------------------------------------------------------------------------------


def _kind(type_name: str) -> RecordType:
    try:
        return RECORD_TYPES[type_name]
    except KeyError:
        known = ", ".join(RECORD_TYPES)
        raise HttpError(404, f"no record type {type_name!r} (known: {known})") from None


def _row(kind: RecordType, identifier: str) -> Record:
    row = (
        Record.objects.select_related("government")
        .filter(record_type=kind.name, identifier=identifier)
        .first()
    )
    if row is None:
        raise HttpError(404, f"no {kind.name} record {identifier!r}")
    return row


def _government(code: str) -> Party:
    try:
        return Party.objects.resolve(code)
    except UnknownGovernment as error:
        raise HttpError(404, str(error.args[0]) if error.args else "no such government") from None


def item_of(record: RecordModel) -> Item:
    """The record as in a JSON file of its type, fields in the type's column order."""
    values = record.model_dump(mode="json")
    return {name: values[name] for name in records_columns(type_of(record).name)}


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _problem_out(problem: RecordProblem) -> dict[str, Any]:
    return {
        "record": problem.record,
        "field": problem.field,
        "value": _json_value(problem.value),
        "message": problem.message,
    }


def _problems(error: RecordInputError, detail: str = "invalid records") -> Status:
    return Status(422, {"detail": detail, "problems": [_problem_out(p) for p in error.problems]})


def _name(record: RecordModel) -> str:
    return f"{type_of(record).name} {record.identifier}"


def _require(user: Any, act: Act, records: Sequence[RecordModel]) -> None:
    """``PermissionDenied`` (403) naming the first record ``user`` may not ``act`` on."""
    for record in records:
        if not access.may(user, act, access.held_by(record)):
            reason = _refusal(record) if allowed(user, act) else ""
            raise PermissionDenied(f"not allowed to write {_name(record)}{reason}")


def _refusal(record: RecordModel) -> str:
    if type_of(record).secretariat_only:
        return ": the Secretariat alone keeps this type"
    return ": it concerns governments other than your own"


def _taken(records: Sequence[RecordModel]) -> list[RecordProblem]:
    """A problem for every record whose identifier is already stored (use PUT for those)."""
    if not records:
        return []
    kind = type_of(records[0])
    stored = set(
        Record.objects.filter(
            record_type=kind.name, identifier__in=[r.identifier for r in records]
        ).values_list("identifier", flat=True)
    )
    return [
        RecordProblem(
            BODY,
            _name(record),
            "identifier",
            record.identifier,
            "already stored: change it with PUT, or choose a new identifier",
        )
        for record in records
        if record.identifier in stored
    ]


def _items(body: Any) -> list[Any]:
    """The records of a body: one object, or a list of them."""
    items = body if isinstance(body, list) else [body]
    if not items or not isinstance(body, list | dict):
        message = "must be a record (an object of fields) or a non-empty list of records"
        raise RecordInputError.single(BODY, message)
    return items


def _may_edit_stored(user: Any, type_name: str = "", identifier: str = "", **_: Any) -> None:
    """The stored record in the path, when there is one, must be the user's to change
    (checked with the token, before the body is read)."""
    kind = RECORD_TYPES.get(type_name)
    row = Record.objects.filter(record_type=type_name, identifier=identifier).first()
    if kind is not None and row is not None:
        _require(user, access.EDIT, [to_model(row)])


CREATOR = TokenFor(access.CREATE)
EDITOR = TokenFor(access.EDIT, _may_edit_stored)


# -- reading ---------------------------------------------------------------------------------


@router.get("/types", response={200: list[RecordTypeOut], **READ_ERRORS}, auth=OptionalToken())
def record_types(request: HttpRequest) -> list[dict[str, Any]]:
    """Every record type, its fields, and how many records of it are stored."""
    counts = Record.objects.counts_by_type()
    demo = Record.objects.demonstration().counts_by_type()
    return [
        {
            "name": name,
            "label": kind.label,
            "plural": kind.plural,
            "source": kind.source,
            "by_government": kind.by_government,
            "fields": [
                {"name": field, "kind": field_kind, "required": field in required_fields(name)}
                for field, field_kind in field_kinds(name).items()
            ],
            "count": counts[name],
            "demonstration": demo[name],
        }
        for name, kind in RECORD_TYPES.items()
    ]


@router.get(
    "/{type_name}",
    response={200: RecordPageOut, **READ_ERRORS, 422: ErrorOut},
    auth=OptionalToken(),
)
def list_records(
    request: HttpRequest,
    type_name: str,
    government: str | None = Query(None, description="ISO code: records of or covering it."),
    region: Region | None = Query(None, description="Records concerning a regional group."),
    on: dt.date | None = Query(None, description="Records holding on this day."),
    search: str = Query("", description="Text in the identifier, title or any field."),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, Any]:
    """The stored records of one type, filtered, newest first, one page at a time."""
    kind = _kind(type_name)
    rows = services.find_records(
        kind.name,
        government=_government(government) if government else None,
        region=region,
        on=on,
        text=search,
    )
    page = rows[offset : offset + limit]
    return {
        "type": kind.name,
        "count": rows.count(),
        "limit": limit,
        "offset": offset,
        "demonstration": rows.filter(demonstration=True).exists(),
        "items": [item_of(to_model(row)) for row in page],
    }


@router.get(
    "/{type_name}/{identifier}",
    response={200: Item, **READ_ERRORS},
    auth=OptionalToken(),
    openapi_extra=ONE_RECORD_RESPONSE,
)
def get_record(request: HttpRequest, type_name: str, identifier: str) -> Item:
    """One record, named by its type and identifier."""
    return item_of(to_model(_row(_kind(type_name), identifier)))


# -- writing ---------------------------------------------------------------------------------


@router.post(
    "/{type_name}",
    response={201: WrittenOut, **WRITE_ERRORS},
    auth=CREATOR,
    openapi_extra=RECORDS_BODY,
)
def create_records(request: HttpRequest, type_name: str, body: Any = Body(...)) -> Status:
    """Register one record (an object) or several (a list) of one type, all or nothing.
    Every problem is returned at once (422): unreadable fields, unknown governments,
    links to records that do not exist, identifiers already stored or given twice."""
    kind = _kind(type_name)
    user = user_of(request)
    if kind not in access.creatable_types(user):
        raise PermissionDenied(f"not allowed to register {kind.plural.lower()}")
    try:
        records = read_records_data(_items(body), kind.name, source=BODY)
    except RecordInputError as error:
        return _problems(error)
    _require(user, access.CREATE, records)
    try:
        with transaction.atomic():
            taken = _taken(records)
            if taken:
                raise RecordInputError(taken)
            summary = services.store_records(records, source=SOURCE, user=user)
    except RecordInputError as error:
        return _problems(error)
    return Status(
        201,
        {"type": kind.name, "created": summary.created, "items": [item_of(r) for r in records]},
    )


def _identified(body: Any, identifier: str) -> Item:
    """``body`` with the address's identifier first; a problem when it is no object or
    names another identifier."""
    if not isinstance(body, dict):
        raise RecordInputError.single(BODY, "must be an object of fields", record="record 1")
    given = body.get("identifier")
    if given not in (None, "") and str(given).strip() != identifier:
        raise RecordInputError.single(
            BODY,
            f"does not match the address ({identifier})",
            record="record 1",
            field="identifier",
            value=given,
        )
    return {"identifier": identifier} | {k: v for k, v in body.items() if k != "identifier"}


@router.put(
    "/{type_name}/{identifier}",
    response={200: Item, **WRITE_ERRORS},
    auth=EDITOR,
    openapi_extra={**ONE_RECORD_BODY, **ONE_RECORD_RESPONSE},
)
def replace_record(
    request: HttpRequest, type_name: str, identifier: str, body: Any = Body(...)
) -> Status:
    """Replace a stored record by the body (absent fields take their defaults). The user
    must be allowed to change the record as stored and as given."""
    kind = _kind(type_name)
    row = _row(kind, identifier)
    user = user_of(request)
    _require(user, access.EDIT, [to_model(row)])
    try:
        record = read_records_data([_identified(body, identifier)], kind.name, source=BODY)[0]
    except RecordInputError as error:
        return _problems(error, "invalid record")
    _require(user, access.EDIT, [record])
    try:
        services.store_records([record], source=SOURCE, user=user)
    except RecordInputError as error:
        return _problems(error, "invalid record")
    return Status(200, item_of(record))


@router.post(
    "/{type_name}/{identifier}/end",
    response={200: Item, **WRITE_ERRORS},
    auth=EDITOR,
    openapi_extra=ONE_RECORD_RESPONSE,
)
def end_record(request: HttpRequest, type_name: str, identifier: str, body: EndIn) -> Status:
    """Set the day from which a record no longer holds (``valid_to``); records are ended,
    not deleted, so that indicators can still be computed as on earlier dates."""
    kind = _kind(type_name)
    row = _row(kind, identifier)
    user = user_of(request)
    _require(user, access.EDIT, [to_model(row)])
    try:
        saved = services.end_record(row, body.valid_to, user=user)
    except RecordInputError as error:
        return _problems(error, "invalid end date")
    return Status(200, item_of(to_model(saved)))
