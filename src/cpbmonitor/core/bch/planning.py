"""What a sync fetches: the index entries new or changed since what is stored.

A document is fetched when nothing is stored about it, or when the index says it changed
after the version stored (or quarantined). A quarantined document is fetched again when
it changes, or when a full sync asks for it (``retry_quarantined``). The watermark of a
schema is the latest change seen by its last successful sync: the next sync asks the
index only for entries changed from then on (that instant included, so nothing is lost
to equal timestamps; those are found unchanged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from cpbmonitor.core.bch.index import IndexEntry


class Change(StrEnum):
    NEW = "new"
    REVISED = "revised"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Known:
    """What is stored about one BCH document."""

    updated: dt.datetime
    """The version last fetched (stored or quarantined)."""
    stored: bool
    """A version of it is stored (as a report or a record)."""
    quarantined: bool = False
    """Its last fetched version was refused."""


@dataclass
class FetchPlan:
    fetch: list[tuple[IndexEntry, Change]] = field(default_factory=list)
    unchanged: list[IndexEntry] = field(default_factory=list)


def change(entry: IndexEntry, known: Known | None, retry_quarantined: bool = False) -> Change:
    if known is None:
        return Change.NEW
    fresh = entry.updated > known.updated or (retry_quarantined and known.quarantined)
    if not fresh:
        return Change.UNCHANGED
    return Change.REVISED if known.stored else Change.NEW


def plan(
    entries: Iterable[IndexEntry], known: Mapping[str, Known], retry_quarantined: bool = False
) -> FetchPlan:
    """Split index entries into those to fetch (with their kind of change) and the rest."""
    result = FetchPlan()
    seen: set[str] = set()
    for entry in entries:
        if entry.identifier in seen:  # an entry repeated across pages while the index moved
            continue
        seen.add(entry.identifier)
        kind = change(entry, known.get(entry.identifier), retry_quarantined)
        if kind is Change.UNCHANGED:
            result.unchanged.append(entry)
        else:
            result.fetch.append((entry, kind))
    return result


def watermark(entries: Iterable[IndexEntry], previous: dt.datetime | None) -> dt.datetime | None:
    """The latest change among ``entries`` and ``previous``."""
    latest = previous
    for entry in entries:
        if latest is None or entry.updated > latest:
            latest = entry.updated
    return latest
