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
from django.db.models import Count, Max, Q

from cpbmonitor.conf import setting
from cpbmonitor.milestones.models import Milestone
from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.records.models import Record

T = TypeVar("T")

_pinned: ContextVar[str | None] = ContextVar("cpb_pinned_data_version", default=None)


def data_version() -> str:
    """A short fingerprint of the stored reports, Parties and records: changes whenever
    reports, Parties or records are loaded or changed, so cached results are never stale
    (the evaluation reads records too). Inside :func:`pinned_version`, computed once."""
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    reports = NationalReport.objects.aggregate(n=Count("id"), last=Max("imported_at"))
    parties = Party.objects.aggregate(n=Count("id"), cp=Count("id", filter=Q(cp_party=True)))
    records = Record.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    text = (
        f"{reports['n']}|{reports['last']}|{parties['n']}|{parties['cp']}"
        f"|{records['n']}|{records['last']}"
    )
    return hashlib.sha1(text.encode()).hexdigest()[:12]


@contextmanager
def pinned_version() -> Iterator[str]:
    """Read the data version once for the block (one page request: a page asks the cache
    for several results, and each ask would otherwise read the version again). Only for
    blocks that do not change the data."""
    version = data_version()
    token = _pinned.set(version)
    try:
        yield version
    finally:
        _pinned.reset(token)


def page_version() -> str:
    """The data version and the milestones' version: everything stored that a public
    page shows (published evaluation runs clear the whole cache, :func:`invalidate`)."""
    return f"{data_version()}-{Milestone.objects.version()}"


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
