"""Counts of the BCH records no Party must publish (virtual library resources, experts,
organizations), per government: what indicator A.2(b) measures.

The sync lists the current documents of each counted schema in the index (identifiers
and governments only; nothing is fetched) and replaces the stored counts.
``record_counts`` is the service the indicator reads.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.utils import timezone

from cpbmonitor.bch.models import RecordCount, SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.mapping import CountedSchema

COUNT_FIELDS = "identifier_s,government_s,schema_s,createdDate_dt,updatedDate_dt"


def count_schema(client: BchClient, counted: CountedSchema) -> Counter[str]:
    """Current documents of ``counted`` per government (``""``: no government)."""
    per_government: Counter[str] = Counter()
    seen: set[str] = set()
    for page in client.index_pages(counted.bch_schema, fields=COUNT_FIELDS):
        for entry in page.entries:
            if entry.identifier not in seen:
                seen.add(entry.identifier)
                per_government[entry.government] += 1
    return per_government


def store_counts(counted: CountedSchema, counts: Counter[str], run: SyncRun) -> int:
    """Replace the stored counts of ``counted.kind``; returns the governments counted."""
    now = timezone.now()
    rows = [
        RecordCount(
            government=government,
            kind=counted.kind,
            schema=counted.bch_schema,
            count=count,
            counted_at=now,
            run=run,
        )
        for government, count in sorted(counts.items())
        if government
    ]
    with transaction.atomic():
        RecordCount.objects.filter(kind=counted.kind).delete()
        RecordCount.objects.bulk_create(rows)
    return len(rows)


def record_counts(kinds: frozenset[str] | None = None) -> dict[str, dict[str, int]]:
    """Government -> kind -> number of current BCH records, as last counted (only the
    ``kinds`` asked for, every kind by default). For indicator A.2(b)."""
    rows = RecordCount.objects.all()
    if kinds is not None:
        rows = rows.filter(kind__in=kinds)
    result: dict[str, dict[str, int]] = {}
    for government, kind, count in rows.values_list("government", "kind", "count"):
        result.setdefault(government, {})[kind] = count
    return result
