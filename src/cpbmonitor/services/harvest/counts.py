"""The BCH records no Party must publish (virtual library resources, experts,
organizations), counted per government: what indicator A.2(b) measures.

The sync lists the current documents of each counted schema in the index (identifiers,
governments and first publication only; nothing is fetched) and replaces what it kept of
that kind. ``record_counts`` is the service the indicator reads: the number per
government, as on a date when one is given (records first published by then);
``with_listed_publications`` adds the listed records, as core ``bch-publication`` records,
to the records the indicator engine reads (a stored record of that type with the same
identifier wins).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from django.db import router, transaction
from django.db.models import Count, Max

from cpbmonitor.bch.models import CountedRecord, SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.core.bch.mapping import CountedSchema
from cpbmonitor.core.records import NonMandatoryRecord, RecordSet
from cpbmonitor.core.records.model import GOVERNMENT_PATTERN


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


_LISTED: dict[str, tuple[tuple[Any, ...], tuple[NonMandatoryRecord, ...]]] = {}
"""Database alias -> the state of the listed records and those records as core models."""
_GOVERNMENT = re.compile(GOVERNMENT_PATTERN)


def listed_publications() -> tuple[NonMandatoryRecord, ...]:
    """Every listed record of a government, as a core record first published on its
    ``first_published`` date; read again only when the table changed (a sync replaces
    rows, so their number and newest identifier tell)."""
    alias = router.db_for_read(CountedRecord)
    rows = CountedRecord.objects.using(alias).exclude(government="")
    state = tuple(rows.aggregate(n=Count("id"), top=Max("id")).values())
    held = _LISTED.get(alias)
    if held is not None and held[0] == state:
        return held[1]
    records = tuple(
        NonMandatoryRecord(
            identifier=identifier,
            government=government,
            kind=kind,
            valid_from=published.astimezone(dt.UTC).date(),
        )
        for identifier, government, kind, published in rows.order_by("id").values_list(
            "identifier", "government", "kind", "first_published"
        )
        if _GOVERNMENT.match(government)
    )
    _LISTED[alias] = (state, records)
    return records


def with_listed_publications(records: RecordSet) -> RecordSet:
    """``records`` with the listed non-mandatory BCH records added."""
    listed = listed_publications()
    if not listed:
        return records
    name = "bch-publication"
    stored = records.by_type.get(name, ())
    known = {record.identifier for record in stored}
    extra = tuple(record for record in listed if record.identifier not in known)
    return RecordSet({**records.by_type, name: stored + extra})
