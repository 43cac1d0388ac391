"""The BCH records no Party must publish (virtual library resources, experts,
organizations), counted per government: what indicator A.2(b) measures.

The sync lists the current documents of each counted schema in the index (identifiers,
governments and first publication only; nothing is fetched) and replaces what it kept of
that kind. ``record_counts`` is the service the indicator reads: the number per
government, as on a date when one is given (records first published by then).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.db import transaction
from django.db.models import Count

from cpbmonitor.bch.models import CountedRecord, SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.core.bch.mapping import CountedSchema


def listed(client: BchClient, counted: CountedSchema) -> list[IndexEntry]:
    """The current documents of ``counted`` in the index, each once."""
    entries: dict[str, IndexEntry] = {}
    for page in client.index_pages(counted.bch_schema):
        for entry in page.entries:
            entries.setdefault(entry.identifier, entry)
    return list(entries.values())


def store_counted(counted: CountedSchema, entries: list[IndexEntry], run: SyncRun) -> int:
    """Replace the kept records of ``counted.kind`` by ``entries``; returns how many."""
    rows = [
        CountedRecord(
            identifier=entry.identifier,
            kind=counted.kind,
            schema=counted.bch_schema,
            government=entry.government,
            first_published=entry.created,
            run=run,
        )
        for entry in entries
    ]
    with transaction.atomic():
        CountedRecord.objects.filter(kind=counted.kind).delete()
        CountedRecord.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def record_counts(
    kinds: Collection[str] | None = None, on: dt.date | None = None
) -> dict[str, dict[str, int]]:
    """Government -> kind -> number of current BCH records of that kind (first published
    on or before ``on`` when given), as listed by the last sync; only ``kinds`` when
    given. Records of no government are left out. For indicator A.2(b)."""
    rows = CountedRecord.objects.exclude(government="")
    if kinds is not None:
        rows = rows.filter(kind__in=list(kinds))
    if on is not None:
        rows = rows.filter(first_published__date__lte=on)
    result: dict[str, dict[str, int]] = {}
    grouped = rows.values("government", "kind").annotate(n=Count("id")).order_by()
    for row in grouped:
        result.setdefault(row["government"], {})[row["kind"]] = row["n"]
    return result
