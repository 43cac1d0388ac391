"""The admin of records: filters by type, government and demonstration flag; the type's
own fields are edited as JSON and validated through the core model, each error shown
on its field. Records are ended (``valid_to``), not deleted, so that indicators can still
be measured on earlier dates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from cpbmonitor.core.records import RECORD_TYPES, RecordModel
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem, show_value
from cpbmonitor.core.records.readers import read_records_data
from cpbmonitor.records.forms import field_named_in
from cpbmonitor.records.models import Record
from cpbmonitor.services import records as services

ADMIN_SOURCE = "admin"
COLUMN_FIELDS = ("identifier", "valid_from", "valid_to", "demonstration", "government")


class RecordAdminForm(forms.ModelForm):
    class Meta:
        model = Record
        fields = (
            "record_type",
            "identifier",
            "government",
            "valid_from",
            "valid_to",
            "demonstration",
            "data",
        )

    record: RecordModel | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = RECORD_TYPES.get(cleaned.get("record_type") or self.instance.record_type or "")
        if kind is None or self.errors:
            return cleaned
        data = cleaned.get("data")
        if not isinstance(data, dict):
            self.add_error("data", "The fields must be a JSON object.")
            return cleaned
        government = cleaned.get("government")
        if government is not None and not kind.by_government:
            self.add_error("government", f"A {kind.label.lower()} has no publishing government.")
            return cleaned
        values = {name: value for name, value in data.items() if name not in COLUMN_FIELDS}
        values.update({name: cleaned.get(name) for name in COLUMN_FIELDS[:4]})
        values["identifier"] = cleaned.get("identifier") or self.instance.identifier
        if kind.by_government:
            values["government"] = government.iso2 if government else None
        try:
            self.record = read_records_data([values], kind.name, source=ADMIN_SOURCE)[0]
        except RecordInputError as error:
            self._add(error.problems)
            return cleaned
        self._add(services.check_record(self.record, ADMIN_SOURCE))
        return cleaned

    def _add(self, problems: list[RecordProblem]) -> None:
        """Each problem on its form field; problems of the type's own fields on ``data``."""
        for problem in problems:
            text = problem.message
            if problem.value is not None:
                text = f"{text} ({show_value(problem.value)})"
            field = problem.field or field_named_in(problem.message, self.fields)
            if field in self.fields and field != "data":
                self.add_error(field, text)
            else:
                self.add_error("data", f"{problem.field}: {text}" if problem.field else text)


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    form = RecordAdminForm
    list_display = (
        "identifier",
        "record_type",
        "title",
        "government",
        "valid_from",
        "valid_to",
        "demonstration",
    )
    list_filter = (
        "record_type",
        ("government", admin.RelatedOnlyFieldListFilter),
        "demonstration",
    )
    search_fields = ("identifier", "title", "government__name", "government__iso2")
    date_hierarchy = "valid_from"
    list_select_related = ("government",)
    readonly_fields = ("title", "regions", "source", "created_at", "updated_at", "updated_by")

    def get_readonly_fields(self, request: Any, obj: Record | None = None) -> tuple[str, ...]:
        fixed = ("record_type", "identifier") if obj is not None else ()
        return (*fixed, *self.readonly_fields)

    def save_model(self, request: Any, obj: Record, form: Any, change: bool) -> None:
        """Store through the services (derived columns, governments, checks)."""
        row = services.save_record(
            form.record, user=request.user, creating=not change, source=ADMIN_SOURCE
        )
        obj.pk = row.pk
        obj.refresh_from_db()

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        """``governments`` is derived from the record when it is saved."""

    def has_delete_permission(self, request: Any, obj: Record | None = None) -> bool:
        return False
