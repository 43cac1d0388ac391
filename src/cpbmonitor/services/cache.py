"""One cache for every edge: results computed once, kept under the data version.

The key of a cached value holds the results source, a fingerprint of the stored data
(:func:`data_version`) and the caller's parts, so new data show on the next request and
nothing needs to be invalidated by hand.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache as django_cache
from django.db import connection
from django.db.models import Model

from cpbmonitor.bch.models import CountedRecord
from cpbmonitor.conf import setting
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.records.models import Record

T = TypeVar("T")

# What the versions read, per model: its number of rows and figures that change whenever
# a row is added, changed or deleted ({name} is the column of the model's field ``name``).
DATA_FIGURES: tuple[tuple[type[Model], tuple[str, ...]], ...] = (
    (NationalReport, ("MAX({imported_at})",)),  # indexed
    (Party, ("SUM(CASE WHEN {cp_party} THEN 1 ELSE 0 END)",)),
    (Record, ("MAX({updated_at})",)),
    (CountedRecord, ("MAX({id})",)),  # the non-mandatory BCH records the last sync listed
)
PAGE_FIGURES: tuple[tuple[type[Model], tuple[str, ...]], ...] = (
    (Milestone, ("MAX({id})", "MAX({updated_at})")),
)

_pinned: ContextVar[tuple[str, str] | None] = ContextVar("cpb_pinned_versions", default=None)


def _figures(tables: tuple[tuple[type[Model], tuple[str, ...]], ...]) -> list[object]:
    """The figures of ``tables`` (row counts and their expressions), read in one query."""
    quote = connection.ops.quote_name
    selects = []
    for model, expressions in tables:
        table = quote(model._meta.db_table)
        columns = {f.name: quote(str(f.column)) for f in model._meta.concrete_fields}
        selects.append(f"(SELECT COUNT(*) FROM {table})")
        selects += [f"(SELECT {e.format(**columns)} FROM {table})" for e in expressions]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects))
        return list(cursor.fetchone())


def _fingerprint(figures: list[object]) -> str:
    return hashlib.sha1("|".join(map(str, figures)).encode()).hexdigest()[:12]


def _read_versions() -> tuple[str, str]:
    """The data version and the page version (below), from one query."""
    figures = _figures(DATA_FIGURES + PAGE_FIGURES)
    data = sum(1 + len(expressions) for _, expressions in DATA_FIGURES)
    return _fingerprint(figures[:data]), _fingerprint(figures)


def data_version() -> str:
    """A short fingerprint of the stored reports, Parties, records and the BCH records the
    last sync listed: changes whenever any of them is loaded or changed, so cached results
    are never stale (the evaluation reads records too). Inside :func:`pinned_version`, read once."""
    pinned = _pinned.get()
    return pinned[0] if pinned is not None else _fingerprint(_figures(DATA_FIGURES))


def page_version() -> str:
    """The data version's figures and the milestones': everything stored that a public
    page shows (published evaluation runs clear the whole cache, :func:`invalidate`)."""
    pinned = _pinned.get()
    return pinned[1] if pinned is not None else _read_versions()[1]


@contextmanager
def pinned_version() -> Iterator[str]:
    """Read the data and page versions once for the block (one page request: a page asks
    the cache for several results, and each ask would otherwise read the version again).
    Only for blocks that do not change the data."""
    versions = _pinned.get() or _read_versions()
    token = _pinned.set(versions)
    try:
        yield versions[0]
    finally:
        _pinned.reset(token)


def cached(name: str, compute: Callable[[], T], *parts: object) -> T:
    """``compute()``, cached under ``name``, the results source, the data version and
    ``parts``."""
    key = ":".join(
        ["portal", name, setting("CPB_RESULTS_SOURCE"), data_version(), *map(str, parts)]
    )
    value: T | None = django_cache.get(key)
    if value is None:
        value = compute()
        django_cache.set(key, value, setting("PORTAL_CACHE_SECONDS"))
    return value


def invalidate() -> None:
    """Forget every cached result (the data version already does this on new data)."""
    django_cache.clear()


def cached_fragment(name: str, render: Callable[[], str], *parts: object) -> str:
    """A rendered page fragment, ``render()``, cached under ``name``, the results source,
    the plan version, :func:`page_version` and ``parts`` (the language and whatever the
    page reads from the query string). Never pass a fragment that depends on the user."""
    text = "|".join(
        [
            setting("CPB_RESULTS_SOURCE"),
            setting("CPB_PLAN_VERSION"),
            page_version(),
            *map(repr, parts),
        ]
    )
    key = f"page:{name}:{hashlib.sha1(text.encode()).hexdigest()}"
    value: str | None = django_cache.get(key)
    if value is None:
        value = render()
        django_cache.set(key, value, setting("PORTAL_CACHE_SECONDS"))
    return value
