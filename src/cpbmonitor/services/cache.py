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
from django.db.models import Count, Max, Q

from cpbmonitor.bch.models import CountedRecord
from cpbmonitor.conf import setting
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.records.models import Record

T = TypeVar("T")


def data_version() -> str:
    """A short fingerprint of the stored reports, Parties, records and the BCH records the
    last sync listed: changes whenever any of them is loaded, changed or removed, so
    cached results are never stale."""
    reports = NationalReport.objects.aggregate(n=Count("id"), last=Max("imported_at"))
    parties = Party.objects.aggregate(n=Count("id"), cp=Count("id", filter=Q(cp_party=True)))
    records = Record.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    listed = CountedRecord.objects.aggregate(n=Count("id"), top=Max("id"))
    text = (
        f"{reports['n']}|{reports['last']}|{parties['n']}|{parties['cp']}|"
        f"{records['n']}|{records['last']}|{listed['n']}|{listed['top']}"
    )
    return hashlib.sha1(text.encode()).hexdigest()[:12]


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
