"""Reporting cycles: the database copy of core's list (``core.formats.cycles``)."""

from __future__ import annotations

from django.db import transaction

from cpbmonitor.core.formats.cycles import cycles
from cpbmonitor.national_reports.models import ReportingCycle
from cpbmonitor.national_reports.models.cycles import UnknownCycle


def sync_cycles() -> int:
    """Upsert every cycle core knows (by schema); returns how many there are."""
    known = cycles()
    with transaction.atomic():
        for cycle in known:
            ReportingCycle.objects.update_or_create(
                schema=cycle.schema,
                defaults={
                    "number": cycle.number,
                    "name": cycle.name,
                    "year": cycle.year,
                    "deadline": cycle.deadline,
                },
            )
    return len(known)


def sync_new_cycles() -> None:
    """Sync the list when core knows a cycle the database lacks (a cycle added as data
    through ``CPB_FORMATS_DIR``); one query otherwise."""
    stored = set(ReportingCycle.objects.values_list("schema", flat=True))
    if any(known.schema not in stored for known in cycles()):
        sync_cycles()


def cycle_for_schema(schema: str) -> ReportingCycle | None:
    """The cycle whose reports use ``schema`` (a cycle added as data is synced first)."""
    cycle = ReportingCycle.objects.filter(schema=schema).first()
    if cycle is None:
        sync_new_cycles()
        cycle = ReportingCycle.objects.filter(schema=schema).first()
    return cycle


def cycle(name: int | str) -> ReportingCycle:
    """The cycle of a name, number or schema (a cycle added as data is synced first);
    ``UnknownCycle`` otherwise."""
    try:
        return ReportingCycle.objects.resolve(name)
    except UnknownCycle:
        sync_new_cycles()
    return ReportingCycle.objects.resolve(name)
