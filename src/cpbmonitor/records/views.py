"""Pages of the records: public lists and details; registering, changing and ending a
record under the roles of ``access`` (checked on every request that writes or offers to)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cpbmonitor.core.records import RECORD_TYPES, RecordModel, RecordType
from cpbmonitor.core.records.errors import RecordInputError
from cpbmonitor.national_reports.models import Party
from cpbmonitor.national_reports.models.parties import Region
from cpbmonitor.records import access, display, labels
from cpbmonitor.records.convert import to_model
from cpbmonitor.records.forms import EndForm, FilterForm, RecordForm
from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services
from cpbmonitor.web import downloads

PAGE_SIZE = 50


def _kind(type_name: str) -> RecordType:
    try:
        return RECORD_TYPES[type_name]
    except KeyError:
        raise Http404(f"no record type {type_name}") from None


def _row(kind: RecordType, pk: int) -> Record:
    rows = Record.objects.select_related("government")
    return get_object_or_404(rows, pk=pk, record_type=kind.name)


def _governments(codes: frozenset[str] | None = None) -> list[tuple[str, str]]:
    parties = Party.objects.order_by("name")
    if codes is not None:
        parties = parties.filter(iso2__in=codes)
    return list(parties.values_list("iso2", "name"))


def _type_context(kind: RecordType) -> dict[str, Any]:
    return {
        "kind": kind,
        "label": labels.type_label(kind.name),
        "plural": labels.type_plural(kind.name),
        "source": labels.SOURCE_LABELS.get(kind.source, kind.source),
    }


def index(request: HttpRequest) -> HttpResponse:
    counts = Record.objects.counts_by_type()
    demo = Record.objects.demonstration().counts_by_type()
    types = [
        {
            "kind": kind,
            "plural": labels.type_plural(name),
            "count": counts[name],
            "demo": demo[name],
        }
        for name, kind in RECORD_TYPES.items()
    ]
    return render(request, "records/index.html", {"types": types})


def record_list(request: HttpRequest, type_name: str) -> HttpResponse:
    kind = _kind(type_name)
    regions = [(code, str(name)) for code, name in Region.choices]
    form = FilterForm(request.GET or None, governments=_governments(), regions=regions)
    filters = form.cleaned_data if form.is_valid() else {}
    government = Party.objects.filter(iso2=filters.get("government") or "").first()
    rows = services.find_records(
        kind.name,
        government=government,
        region=filters.get("region") or None,
        on=filters.get("on"),
        text=filters.get("q") or "",
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        **_type_context(kind),
        "types": [(name, labels.type_plural(name)) for name in RECORD_TYPES],
        "form": form,
        "page": page,
        "has_demo": any(row.demonstration for row in page),
        "can_create": kind in access.creatable_types(request.user),
        "formats": downloads.FORMATS,
    }
    return render(request, "records/list.html", context)


def download(request: HttpRequest, type_name: str, fmt: str) -> HttpResponse:
    """Every stored record of the type, as ``cpb records export`` writes them."""
    kind = _kind(type_name)
    return downloads.table_response("records", {"type": kind.name}, fmt, f"cpb-{kind.name}")


def detail(request: HttpRequest, type_name: str, pk: int) -> HttpResponse:
    kind = _kind(type_name)
    row = _row(kind, pk)
    record = to_model(row)
    context = {
        **_type_context(kind),
        "row": row,
        "record": record,
        "fields": display.rows(kind, record),
        "can_edit": access.may(request.user, access.EDIT, access.held_by(record)),
    }
    return render(request, "records/detail.html", context)


def find(request: HttpRequest, type_name: str, identifier: str) -> HttpResponse:
    """The page of a record named by its identifier (links between records)."""
    kind = _kind(type_name)
    row = get_object_or_404(Record, record_type=kind.name, identifier=identifier)
    return redirect("records:detail", type_name=kind.name, pk=row.pk)


def _form(
    request: HttpRequest, kind: RecordType, act: Any, record: RecordModel | None = None
) -> RecordForm:
    choices = _governments(access.own_codes(request.user, act))
    data = request.POST if request.method == "POST" else None
    return RecordForm(kind, data, government_choices=choices, record=record)


def _save(request: HttpRequest, form: RecordForm, act: Any, creating: bool) -> Record | None:
    """Store the form's record when it is valid and the user may; else errors on the form."""
    if not form.is_valid() or form.record is None:
        return None
    record = form.record
    if not access.may(request.user, act, access.held_by(record)):
        field = "government" if form.kind.by_government else "governments"
        form.add_error(
            field if field in form.fields else None,
            _("You may register records of your own government only."),
        )
        return None
    try:
        return services.save_record(record, user=request.user, creating=creating)
    except RecordInputError as error:
        form.add_problems(error.problems)
        return None


def _render_form(
    request: HttpRequest, kind: RecordType, form: Any, row: Record | None, template: str
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {**_type_context(kind), "form": form, "row": row}
    return render(request, template, context, status=status)


def _editable(
    request: HttpRequest, type_name: str, pk: int
) -> tuple[RecordType, Record, RecordModel]:
    """The record ``pk`` of the type, once the user is found to be allowed to change it."""
    kind = _kind(type_name)
    row = _row(kind, pk)
    record = to_model(row)
    access.require(request.user, access.EDIT, access.held_by(record))
    return kind, row, record


def _record_form_page(
    request: HttpRequest, kind: RecordType, row: Record | None, record: RecordModel | None
) -> HttpResponse:
    """The form registering a record (``row`` None) or changing ``row``; saved on a valid POST."""
    creating = row is None
    act = access.CREATE if creating else access.EDIT
    form = _form(request, kind, act, record)
    if request.method == "POST":
        saved = _save(request, form, act, creating=creating)
        if saved is not None:
            done = _("The record was registered.") if creating else _("The record was saved.")
            messages.success(request, done)
            return redirect("records:detail", type_name=kind.name, pk=saved.pk)
    return _render_form(request, kind, form, row, "records/form.html")


@login_required
def create(request: HttpRequest, type_name: str) -> HttpResponse:
    kind = _kind(type_name)
    if kind not in access.creatable_types(request.user):
        raise PermissionDenied("not allowed to register records of this type")
    return _record_form_page(request, kind, None, None)


@login_required
def edit(request: HttpRequest, type_name: str, pk: int) -> HttpResponse:
    kind, row, record = _editable(request, type_name, pk)
    return _record_form_page(request, kind, row, record)


@login_required
def end(request: HttpRequest, type_name: str, pk: int) -> HttpResponse:
    kind, row, _record = _editable(request, type_name, pk)
    if request.method != "POST":
        form = EndForm(initial={"valid_to": row.valid_to or dt.date.today()})
        return _render_form(request, kind, form, row, "records/end.html")
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end_record(row, form.cleaned_data["valid_to"], user=request.user)
        except RecordInputError as error:
            for problem in error.problems:
                form.add_error("valid_to", problem.message)
        else:
            messages.success(request, _("The record's end date was saved."))
            return redirect("records:detail", type_name=kind.name, pk=row.pk)
    return _render_form(request, kind, form, row, "records/end.html")
