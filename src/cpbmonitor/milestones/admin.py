"""The admin: milestones, checked by the core on save; only the roles that the policy
table allows to manage milestones (Secretariat, administrators) may change them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from cpbmonitor.core.milestones import FIELDS, parse_milestone
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.reporting import policy
from cpbmonitor.reporting.policy import Act


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = list(FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        values = {name: data.get(name) for name in self.Meta.fields}
        _, problems = parse_milestone({k: v for k, v in values.items() if v not in ("", None)})
        for field, value, message in problems:
            shown = "" if value is None else f"{value!r}: "
            self.add_error(field if field in self.fields else None, f"{shown}{message}")
        return data


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    form = MilestoneForm
    list_display = (
        "plan",
        "indicator",
        "group",
        "target_value",
        "target_date",
        "decision",
        "demonstration",
        "updated_at",
    )
    list_filter = ("plan", "group", "demonstration")
    search_fields = ("indicator", "label", "decision")

    def _manages(self, request: HttpRequest) -> bool:
        return policy.allowed(request.user, Act.MANAGE_MILESTONES)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_staff)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_staff)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._manages(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._manages(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._manages(request)
