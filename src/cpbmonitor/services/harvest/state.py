"""The sync's bookkeeping: the run being recorded, what is known of each document, and
quarantining a refused document (each in its own small transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from cpbmonitor.bch.models import (
    HarvestedDocument,
    QuarantinedDocument,
    RunStatus,
    SyncRun,
    SyncState,
)
from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.core.bch.planning import Change, Known


@dataclass
class Counts:
    fetched: int = 0
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    refused: int = 0
    errors: list[str] = field(default_factory=list)

    def stored(self, change: Change) -> None:
        if change is Change.REVISED:
            self.revised += 1
        else:
            self.new += 1


def start_run(url: str, schemas: list[str]) -> SyncRun:
    return SyncRun.objects.create(started_at=timezone.now(), url=url, schemas=schemas)


def save_counts(run: SyncRun, counts: Counts, retried: int) -> None:
    run.fetched, run.new, run.revised = counts.fetched, counts.new, counts.revised
    run.unchanged, run.refused = counts.unchanged, counts.refused
    run.errors, run.retried = list(counts.errors), retried
    run.save()


def finish_run(run: SyncRun, counts: Counts, retried: int, status: RunStatus) -> SyncRun:
    run.status = status
    run.finished_at = timezone.now()
    save_counts(run, counts, retried)
    return run


def known(schema: str) -> dict[str, Known]:
    rows = HarvestedDocument.objects.of_schema(schema).values_list(
        "identifier", "updated", "stored", "quarantined"
    )
    return {i: Known(updated, stored, quarantined) for i, updated, stored, quarantined in rows}


def state_of(schema: str) -> SyncState:
    state, _ = SyncState.objects.get_or_create(schema=schema)
    return state


def succeeded(state: SyncState, run: SyncRun, watermark: dt.datetime | None) -> None:
    state.last_success, state.last_success_at, state.watermark = run, timezone.now(), watermark
    state.save()


REMEMBERED = ("schema", "government", "updated", "run", "first_published", "stored", "quarantined")


def remember(
    entries: Sequence[IndexEntry], run: SyncRun, *, stored: bool
) -> dict[str, HarvestedDocument]:
    """Record that the versions of ``entries`` were stored (or refused, ``stored=False``);
    returns what is now known of each, by identifier."""
    identifiers = [entry.identifier for entry in entries]
    rows = {r.identifier: r for r in HarvestedDocument.objects.filter(identifier__in=identifiers)}
    new: list[HarvestedDocument] = []
    for entry in entries:
        row = rows.get(entry.identifier)
        if row is None:
            row = HarvestedDocument(identifier=entry.identifier, first_published=entry.created)
            rows[entry.identifier] = row
            new.append(row)
        row.schema, row.government, row.updated, row.run = (
            entry.schema,
            entry.government,
            entry.updated,
            run,
        )
        row.first_published = min(row.first_published, entry.created)
        row.stored = row.stored or stored
        row.quarantined = not stored
    HarvestedDocument.objects.bulk_create(new)
    known_before = [row for row in rows.values() if row not in new]
    HarvestedDocument.objects.bulk_update(known_before, REMEMBERED)
    if stored:
        QuarantinedDocument.objects.open().filter(identifier__in=identifiers).update(
            resolved_at=timezone.now()
        )
    return rows


def quarantine(entry: IndexEntry, document: dict[str, Any], error: str, run: SyncRun) -> None:
    """Keep the refused ``document`` whole with its error; never drop it."""
    with transaction.atomic():
        QuarantinedDocument.objects.create(
            identifier=entry.identifier,
            schema=entry.schema,
            government=entry.government,
            updated=entry.updated,
            document=document,
            error=error,
            run=run,
        )
        remember([entry], run, stored=False)
