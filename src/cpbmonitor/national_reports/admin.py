"""The admin: browse everything; edit a Party's GEF eligibility; reports are read-only."""

from django.contrib import admin
from django.http import HttpRequest

from .models import Answer, NationalReport, Party, ReportingCycle, ReportingFormat


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "iso2",
        "iso3",
        "region",
        "cp_party",
        "cp_party_since",
        "sp_party",
        "gef_eligible",
    )
    list_filter = ("region", "cp_party", "sp_party", "gef_eligible")
    list_editable = ("gef_eligible",)
    search_fields = ("name", "iso2", "iso3")


@admin.register(ReportingCycle)
class ReportingCycleAdmin(admin.ModelAdmin):
    list_display = ("number", "schema", "year", "deadline")


@admin.register(ReportingFormat)
class ReportingFormatAdmin(admin.ModelAdmin):
    list_display = ("schema", "source", "imported_from", "imported_at")
    readonly_fields = ("schema", "source", "imported_from", "imported_at")
    exclude = ("questionnaire",)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    readonly_fields = ("question", "value", "text", "language")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(NationalReport)
class NationalReportAdmin(admin.ModelAdmin):
    list_display = (
        "identifier",
        "government",
        "cycle",
        "submitted_on",
        "is_current",
        "by_party",
        "complete",
        "on_time",
    )
    list_filter = ("cycle", "is_current", "by_party", "complete", "on_time", "government__region")
    search_fields = ("identifier", "government__name", "government__iso2")
    list_select_related = ("government", "cycle")
    readonly_fields = [f.name for f in NationalReport._meta.fields]
    inlines = [AnswerInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
