"""National reports harvested from the BCH: each fetched document is validated by the
report import exactly as a file is (it is written to a file and read back by
``prepare_import``), then stored, or quarantined with its problems.

A batch of documents is stored in one transaction (each report whole or not at all).
Timeliness is judged on the BCH's first publication of the document
(``createdDate_dt``): a revision supersedes the stored report (kept as history) and the
new current report keeps the on-time judgement of the first publication.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat

from cpbmonitor.bch.models import HarvestedDocument, SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.documents import mismatch, wrapped
from cpbmonitor.core.reports import is_on_time
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.harvest.fetching import Fetched, batches, listing
from cpbmonitor.services.harvest.progress import Progress
from cpbmonitor.services.harvest.state import Counts, quarantine, remember, succeeded
from cpbmonitor.services.reports import (
    ReadyDocument,
    prepare_import,
    write_import,
)

UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def source_of(fetched: Fetched) -> str:
    """How a harvested document is named in messages and in ``source_file``."""
    return f"BCH {fetched.entry.schema} {fetched.entry.identifier}"


def harvest_reports(
    client: BchClient,
    schema: str,
    run: SyncRun,
    counts: Counts,
    progress: Progress,
    retry_quarantined: bool = False,
) -> None:
    """Fetch, validate and store the national reports of ``schema`` new or changed since
    its last successful sync; advance its watermark when every document was fetched."""
    found = listing(client, schema, retry_quarantined)
    counts.unchanged += len(found.plan.unchanged)
    progress.planned(schema, len(found.plan.fetch))
    errors = len(counts.errors)
    for fetched in batches(client, found.plan, run, counts, progress):
        _store_batch(fetched, run, counts, progress)
    if len(counts.errors) == errors:
        succeeded(found.state, run, found.watermark)


def _store_batch(batch: list[Fetched], run: SyncRun, counts: Counts, progress: Progress) -> None:
    """Validate a batch as the file import does, then store its valid reports and
    quarantine the others in one transaction; count them once it is committed."""
    with tempfile.TemporaryDirectory(prefix="cpb-bch-") as tmp:
        refused: list[tuple[Fetched, str]] = []
        by_file: dict[str, Fetched] = {}
        for fetched in batch:
            problem = mismatch(fetched.document, fetched.entry)
            if problem:
                refused.append((fetched, f"{source_of(fetched)}: {problem}"))
                continue
            path = Path(tmp) / f"{UNSAFE.sub('_', fetched.entry.identifier)}.json"
            data = wrapped(fetched.document, fetched.entry)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            by_file[str(path)] = fetched
        plan = prepare_import([Path(p) for p in by_file])
    for file in plan.rejected_files:
        fetched = by_file[file]
        problems = [p for r in plan.rejected if r.file == file for p in r.problems]
        refused.append((fetched, "\n".join(p.replace(file, source_of(fetched)) for p in problems)))
    with transaction.atomic():
        write_import(plan)
        known = remember([by_file[ready.file].entry for ready in plan.ready], run, stored=True)
        _settle(
            plan.ready, {r.document.identifier: known[r.document.identifier] for r in plan.ready}
        )
        for fetched, error in refused:
            quarantine(fetched.entry, fetched.document, error, run)
    for ready in plan.ready:
        counts.stored(by_file[ready.file].change)
    counts.refused += len(refused)
    for _ in range(len(plan.ready) + len(refused)):
        progress.advance()


def _settle(ready: list[ReadyDocument], known: dict[str, HarvestedDocument]) -> None:
    """The stored reports' timeliness judged on their first publication, their source
    named (one query for the batch)."""
    if not ready:
        return
    submissions = Q()
    on_time: list[str] = []
    for item in ready:
        identifier = item.document.identifier
        submissions |= Q(identifier=identifier, submitted_on=item.document.submitted_on)
        if is_on_time(known[identifier].first_published, item.cycle.deadline):
            on_time.append(identifier)
    NationalReport.objects.filter(submissions).update(
        on_time=Case(When(identifier__in=on_time, then=Value(True)), default=Value(False)),
        source_file=Concat(Value(f"BCH {ready[0].document.schema} "), F("identifier")),
    )
