"""The BCH's search index (Solr): the query for one schema, and its pages of entries.

``GET /api/v2013/index/select`` takes the Solr parameters ``q``, ``fl``, ``rows``,
``start``, ``sort`` and ``wt=json`` and answers
``{"response": {"numFound": N, "start": S, "docs": [{...}, ...]}}``. An entry names a
document (``identifier_s``), its government (``government_s``), its schema
(``schema_s``), when it was first published (``createdDate_dt``) and last changed
(``updatedDate_dt``). ``NOT version_s:*`` keeps the current versions only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cpbmonitor.core.bch.errors import BchAnswerError

INDEX_PATH = "/api/v2013/index/select"
FIELDS = ("identifier_s", "government_s", "schema_s", "createdDate_dt", "updatedDate_dt")
ORDER = "updatedDate_dt asc, identifier_s asc"
"""Oldest change first, so that documents changed while paging come last, not skipped."""


@dataclass(frozen=True)
class IndexEntry:
    identifier: str
    government: str
    """Lower-case code (``br``, ``eu``); empty for records of no government."""
    schema: str
    created: dt.datetime
    """First publication on the BCH."""
    updated: dt.datetime
    """Last change (the current version)."""


@dataclass(frozen=True)
class IndexPage:
    found: int
    start: int
    entries: list[IndexEntry]


def solr_datetime(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def query(schema: str, since: dt.datetime | None = None) -> str:
    """The Solr query of the current documents of ``schema`` (changed from ``since`` on)."""
    text = f"realm_ss:bch AND schema_s:{schema} AND NOT version_s:*"
    if since is not None:
        text += f" AND updatedDate_dt:[{solr_datetime(since)} TO *]"
    return text


def params(schema: str, start: int, rows: int, since: dt.datetime | None = None) -> dict[str, str]:
    return {
        "q": query(schema, since),
        "fl": ",".join(FIELDS),
        "rows": str(rows),
        "start": str(start),
        "sort": ORDER,
        "wt": "json",
    }


def _datetime(raw: object, name: str, where: str) -> dt.datetime:
    if not isinstance(raw, str):
        raise BchAnswerError(f"index entry {where}: {name} missing or not a date: {raw!r}")
    try:
        parsed = dt.datetime.fromisoformat(raw.strip())
    except ValueError:
        raise BchAnswerError(f"index entry {where}: {name} is not a date: {raw!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _text(raw: object) -> str:
    if isinstance(raw, list):  # multi-valued fields come as lists
        raw = raw[0] if raw else ""
    return raw.strip() if isinstance(raw, str) else ""


def entry(raw: Mapping[str, Any]) -> IndexEntry:
    identifier = _text(raw.get("identifier_s"))
    if not identifier:
        raise BchAnswerError(f"index entry without identifier_s: {dict(raw)!r}")
    created = _datetime(raw.get("createdDate_dt"), "createdDate_dt", identifier)
    updated_raw = raw.get("updatedDate_dt")
    updated = (
        created if updated_raw is None else _datetime(updated_raw, "updatedDate_dt", identifier)
    )
    return IndexEntry(
        identifier=identifier,
        government=_text(raw.get("government_s")).lower(),
        schema=_text(raw.get("schema_s")),
        created=created,
        updated=max(updated, created),
    )


def page(data: object) -> IndexPage:
    """An ``IndexPage`` from the decoded JSON answer of the index."""
    response = data.get("response") if isinstance(data, dict) else None
    if not isinstance(response, dict):
        raise BchAnswerError("the index answer has no 'response' object")
    found, start, docs = response.get("numFound"), response.get("start", 0), response.get("docs")
    if not isinstance(found, int) or not isinstance(start, int) or not isinstance(docs, list):
        raise BchAnswerError("the index answer lacks numFound, start or docs")
    return IndexPage(found, start, [entry(d) for d in docs if isinstance(d, dict)])


def starts(found: int, rows: int, first: int = 0) -> Iterator[int]:
    """The ``start`` of every page after the one at ``first``."""
    yield from range(first + rows, found, rows)
