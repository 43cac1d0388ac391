"""The admin of the BCH sync: runs, schema states, quarantine and counts, read-only
(they are written by `cpb bch sync` only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from cpbmonitor.bch.models import (
    CountedRecord,
    HarvestedDocument,
    QuarantinedDocument,
    SyncRun,
    SyncState,
)


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnly):
    list_display = ("started_at", "finished_at", "status", "fetched", "new", "revised",
                    "unchanged", "refused", "retried")  # fmt: skip
    list_filter = ("status",)


@admin.register(SyncState)
class SyncStateAdmin(ReadOnly):
    list_display = ("schema", "last_success_at", "watermark")


@admin.register(HarvestedDocument)
class HarvestedDocumentAdmin(ReadOnly):
    list_display = ("identifier", "schema", "government", "first_published", "updated",
                    "stored", "quarantined")  # fmt: skip
    list_filter = ("schema", "stored", "quarantined")
    search_fields = ("identifier", "government")


@admin.register(QuarantinedDocument)
class QuarantinedDocumentAdmin(ReadOnly):
    list_display = ("identifier", "schema", "government", "updated", "quarantined_at",
                    "resolved_at")  # fmt: skip
    list_filter = ("schema",)
    search_fields = ("identifier", "government", "error")


@admin.register(CountedRecord)
class CountedRecordAdmin(ReadOnly):
    list_display = ("identifier", "kind", "government", "first_published")
    list_filter = ("kind",)
    search_fields = ("identifier", "government")
