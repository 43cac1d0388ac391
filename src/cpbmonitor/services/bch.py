"""Harvesting from the BCH, as the CLI and the pages call it: which schemas to
synchronise, the sync itself (every run recorded, whatever happens), the runs, the
quarantine, and the counts of records no Party must publish (``record_counts``, for
indicator A.2(b)). The work is done by the ``cpbmonitor.bch`` app.

A sync lists each schema in the BCH's index from its last successful sync on, fetches
what is new or changed, and stores it through the import services; a national report
or record that the import refuses is quarantined. A run that could not fetch some
documents ends ``failed`` and leaves its schemas' watermarks where they were, so the
next run fetches them again; an interrupted run ends ``interrupted``, and what it stored
is not fetched again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

import httpx

from cpbmonitor.bch.models import QuarantinedDocument, RunStatus, SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.errors import BchError
from cpbmonitor.core.bch.mapping import CountedSchema, shipped_mapping
from cpbmonitor.core.bch.settings import BchSettings
from cpbmonitor.core.formats import SHIPPED_SCHEMAS
from cpbmonitor.national_reports.models import Party, ReportingCycle, ReportingFormat
from cpbmonitor.national_reports.models.cycles import UnknownCycle
from cpbmonitor.services.cycles import cycle as cycle_named
from cpbmonitor.services.cycles import sync_cycles
from cpbmonitor.services.harvest.counts import listed, record_counts, store_counted
from cpbmonitor.services.harvest.progress import Progress, Silent
from cpbmonitor.services.harvest.records import harvest_records
from cpbmonitor.services.harvest.reports import harvest_reports
from cpbmonitor.services.harvest.state import Counts, finish_run, save_counts, start_run

__all__ = [
    "SyncRefused",
    "installed_schemas",
    "quarantined",
    "record_counts",
    "runs",
    "schemas_to_sync",
    "sync",
]


class SyncRefused(Exception):
    """The sync cannot start (no governments, an unknown cycle or schema...)."""


def installed_schemas() -> list[str]:
    """The report schemas of every cycle whose format is installed (shipped or imported)."""
    if not ReportingCycle.objects.exists():
        sync_cycles()
    imported = set(ReportingFormat.objects.imported().values_list("schema", flat=True))
    return [
        c.schema
        for c in ReportingCycle.objects.order_by("year")
        if c.schema in SHIPPED_SCHEMAS or c.schema in imported
    ]


def schemas_to_sync(cycle: str | None = None, schema: str | None = None) -> list[str]:
    """The report schemas a sync covers: one cycle's, one schema, or all installed."""
    installed = installed_schemas()
    if cycle is not None:
        try:
            schema = cycle_named(cycle).schema
        except UnknownCycle as error:
            raise SyncRefused(str(error)) from None
    if schema is None:
        return installed
    if schema not in installed:
        raise SyncRefused(
            f"no format installed for schema {schema!r} (installed: {', '.join(installed)})"
        )
    return [schema]


def sync(
    settings: BchSettings,
    schemas: list[str],
    *,
    records: bool = False,
    retry_quarantined: bool = False,
    progress: Progress | None = None,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SyncRun:
    """Harvest the national reports of ``schemas`` (and with ``records`` the mapped
    records and the counted ones); returns the run, recorded whatever happened."""
    if not Party.objects.exists():
        raise SyncRefused("no governments loaded: run `cpb parties load` first")
    progress = progress or Silent()
    mapping = shipped_mapping()
    everything = [*schemas, *([m.bch_schema for m in mapping.records] if records else [])]
    run = start_run(settings.base_url, everything)
    counts = Counts()
    with BchClient(settings, transport=transport, sleep=sleep) as client:
        try:
            for schema in schemas:
                step = partial(harvest_reports, client, schema, run, counts, progress)
                _guarded(schema, counts, partial(step, retry_quarantined))
                save_counts(run, counts, client.retried)
            if records:
                for item in mapping.records:
                    step = partial(harvest_records, client, item, run, counts, progress)
                    _guarded(item.bch_schema, counts, partial(step, retry_quarantined))
                    save_counts(run, counts, client.retried)
                for counted in mapping.counted:
                    _guarded(counted.bch_schema, counts, partial(_count, client, counted, run))
        except KeyboardInterrupt:
            counts.errors.append("interrupted")
            finish_run(run, counts, client.retried, RunStatus.INTERRUPTED)
            raise
        except Exception as error:
            counts.errors.append(f"stopped by an unexpected error: {error!r}")
            finish_run(run, counts, client.retried, RunStatus.FAILED)
            raise
        status = RunStatus.FAILED if counts.errors else RunStatus.SUCCEEDED
        return finish_run(run, counts, client.retried, status)


def _count(client: BchClient, counted: CountedSchema, run: SyncRun) -> None:
    store_counted(counted, listed(client, counted), run)


def _guarded(schema: str, counts: Counts, step: Callable[[], object]) -> None:
    """Run one schema's step; a BCH error (the index unreachable...) is the run's error
    and the next schema is tried."""
    try:
        step()
    except BchError as error:
        counts.errors.append(f"{schema}: {error}")


def runs(limit: int = 50) -> list[SyncRun]:
    return list(SyncRun.objects.all()[:limit])


def quarantined(include_resolved: bool = False) -> list[QuarantinedDocument]:
    rows = QuarantinedDocument.objects.select_related("run")
    if not include_resolved:
        rows = rows.open()
    return list(rows)
