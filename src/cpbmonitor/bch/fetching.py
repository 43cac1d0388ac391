"""Listing a schema in the index, planning what to fetch, and fetching it in batches.

Shared by the reports and the records: both list the index from the schema's
watermark, skip what is stored unchanged, and fetch the rest ``BATCH`` at a time so that
what was fetched is stored before more is asked for (an interrupted sync loses at most
one batch, which the next one fetches again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cpbmonitor.bch.models import SyncState
from cpbmonitor.bch.progress import Progress
from cpbmonitor.bch.state import Counts, known, state_of
from cpbmonitor.core.bch import planning
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.errors import BchError
from cpbmonitor.core.bch.index import IndexEntry

BATCH = 50


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
    client: BchClient, plan: planning.FetchPlan, counts: Counts, progress: Progress
) -> Iterator[list[Fetched]]:
    """The planned documents, fetched ``BATCH`` at a time; a document that cannot be
    fetched becomes an error of the run (it is fetched again by the next sync)."""
    for first in range(0, len(plan.fetch), BATCH):
        batch = dict(
            (entry.identifier, (entry, change))
            for entry, change in plan.fetch[first : first + BATCH]
        )
        fetched: list[Fetched] = []
        for identifier, answer in client.documents(batch):
            entry, change = batch[identifier]
            if isinstance(answer, BchError):
                counts.errors.append(f"{entry.schema} {identifier}: {answer}")
                progress.advance()
            else:
                counts.fetched += 1
                fetched.append(Fetched(entry, change, answer))
        yield fetched
