"""Reporting cycles: the database copy of core's list (``core.formats.cycles``)."""

from __future__ import annotations

from django.db import transaction

from cpbmonitor.core.formats.cycles import cycles
from cpbmonitor.national_reports.models import ReportingCycle


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


def cycle_for_schema(schema: str) -> ReportingCycle | None:
    """The cycle whose reports use ``schema`` (syncing the list first if it is missing)."""
    cycle = ReportingCycle.objects.filter(schema=schema).first()
    if cycle is None and not ReportingCycle.objects.exists():
        sync_cycles()
        cycle = ReportingCycle.objects.filter(schema=schema).first()
    return cycle


def cycle(name: int | str) -> ReportingCycle:
    """The cycle of a name or number; ``UnknownCycle`` otherwise."""
    return ReportingCycle.objects.resolve(name)
