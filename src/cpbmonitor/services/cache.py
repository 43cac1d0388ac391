"""One cache for every edge: results computed once, kept under the data version.

The key of a cached value holds the results source, a fingerprint of the stored data
(:func:`data_version`) and the caller's parts, so new data show on the next request and
nothing needs to be invalidated by hand.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache as django_cache
from django.db import connections, router

from cpbmonitor.bch.models import CountedRecord
from cpbmonitor.conf import setting
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.records.models import Record

T = TypeVar("T")


def data_version() -> str:
    """A short fingerprint of the stored reports, Parties, records and the BCH records the
    last sync listed: changes whenever any of them is loaded, changed or removed, so
    cached results are never stale. One query, whatever the database."""
    with connections[router.db_for_read(NationalReport)].cursor() as cursor:
        cursor.execute(_version_sql(cursor.db.ops.quote_name), [True])
        row = cursor.fetchone()
    text = "|".join(map(str, row))
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _version_sql(quote: Callable[[str], str]) -> str:
    """Counts and latest changes of each table the results read, in one statement."""
    parts = [
        (NationalReport, "COUNT(*)", ""),
        (NationalReport, "MAX({imported_at})", ""),
        (Party, "COUNT(*)", ""),
        (Party, "COUNT(*)", " WHERE {cp_party} = %s"),
        (Record, "COUNT(*)", ""),
        (Record, "MAX({updated_at})", ""),
        (CountedRecord, "COUNT(*)", ""),
        (CountedRecord, "MAX({id})", ""),
    ]
    columns = {name: quote(name) for name in ("imported_at", "cp_party", "updated_at", "id")}
    selects = [
        f"(SELECT {what.format(**columns)} FROM {quote(model._meta.db_table)}"
        f"{where.format(**columns)})"
        for model, what, where in parts
    ]
    return "SELECT " + ", ".join(selects)


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
