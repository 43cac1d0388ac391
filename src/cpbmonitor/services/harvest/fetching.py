"""Listing a schema in the index, planning what to fetch, and fetching it in batches.

Shared by the reports and the records: both list the index from the schema's
watermark, skip what is stored unchanged, and fetch the rest ``settings.batch`` at a
time; each batch is stored in one transaction before more is asked for (an interrupted
sync loses at most one batch, which the next one fetches again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cpbmonitor.bch.models import SyncRun, SyncState
from cpbmonitor.core.bch import planning
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.errors import BchAnswerError, BchError
from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.services.harvest.progress import Progress
from cpbmonitor.services.harvest.state import Counts, known, quarantine, state_of


@dataclass(frozen=True)
class Fetched:
    entry: IndexEntry
    change: planning.Change
    document: dict[str, Any]


@dataclass
class Listing:
    state: SyncState
    entries: list[IndexEntry]
    plan: planning.FetchPlan

    @property
    def watermark(self) -> dt.datetime | None:
        return planning.watermark(self.entries, self.state.watermark)


def listing(client: BchClient, schema: str, retry_quarantined: bool) -> Listing:
    """The index entries of ``schema`` changed since its last successful sync, planned."""
    state = state_of(schema)
    since = None if retry_quarantined else state.watermark
    entries = [e for page in client.index_pages(schema, since) for e in page.entries]
    plan = planning.plan(entries, known(schema), retry_quarantined)
    return Listing(state, entries, plan)


def batches(
    client: BchClient,
    plan: planning.FetchPlan,
    run: SyncRun,
    counts: Counts,
    progress: Progress,
) -> Iterator[list[Fetched]]:
    """The planned documents, ``settings.batch`` at a time (the next batch is fetched
    while one is stored). A document that cannot be fetched becomes an error of the run
    (it is fetched again by the next sync); one the BCH answers unreadably (not JSON,
    nested too deeply, not an object) is quarantined with what it answered."""
    size = client.settings.batch
    planned = {entry.identifier: (entry, change) for entry, change in plan.fetch}
    fetched: list[Fetched] = []
    for identifier, answer in client.documents(planned, ahead=size):
        entry, change = planned[identifier]
        if isinstance(answer, BchAnswerError):
            unreadable = {"unreadable answer": answer.raw}
            quarantine(entry, unreadable, f"BCH {entry.schema} {identifier}: {answer}", run)
            counts.refused += 1
            progress.advance()
        elif isinstance(answer, BchError):
            counts.errors.append(f"{entry.schema} {identifier}: {answer}")
            progress.advance()
        else:
            counts.fetched += 1
            fetched.append(Fetched(entry, change, answer))
        if len(fetched) == size:
            yield fetched
            fetched = []
    if fetched:
        yield fetched
