"""National reports harvested from the BCH: each fetched document is validated by the
report import exactly as a file is (it is written to a file and read back by
``prepare_import``), then stored atomically, or quarantined with its problems.

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

from cpbmonitor.bch.fetching import Fetched, batches, listing
from cpbmonitor.bch.models import HarvestedDocument, SyncRun
from cpbmonitor.bch.progress import Progress
from cpbmonitor.bch.state import Counts, quarantine, remember, succeeded
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.documents import mismatch, wrapped
from cpbmonitor.core.reports import is_on_time
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.reports import (
    ImportPlan,
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
    for fetched in batches(client, found.plan, counts, progress):
        _store_batch(fetched, run, counts, progress)
    if len(counts.errors) == errors:
        succeeded(found.state, run, found.watermark)


def _store_batch(batch: list[Fetched], run: SyncRun, counts: Counts, progress: Progress) -> None:
    with tempfile.TemporaryDirectory(prefix="cpb-bch-") as tmp:
        by_file: dict[str, Fetched] = {}
        for fetched in batch:
            problem = mismatch(fetched.document, fetched.entry)
            if problem:
                _refuse(fetched, f"{source_of(fetched)}: {problem}", run, counts, progress)
                continue
            path = Path(tmp) / f"{UNSAFE.sub('_', fetched.entry.identifier)}.json"
            data = wrapped(fetched.document, fetched.entry)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            by_file[str(path)] = fetched
        plan = prepare_import([Path(p) for p in by_file])
        for ready in plan.ready:
            _store(ready, by_file[ready.file], run, counts)
            progress.advance()
        for file in plan.rejected_files:
            fetched = by_file[file]
            problems = [p for r in plan.rejected if r.file == file for p in r.problems]
            error = "\n".join(p.replace(file, source_of(fetched)) for p in problems)
            _refuse(fetched, error, run, counts, progress)


def _refuse(fetched: Fetched, error: str, run: SyncRun, counts: Counts, progress: Progress) -> None:
    quarantine(fetched.entry, fetched.document, error, run)
    counts.refused += 1
    progress.advance()


def _store(ready: ReadyDocument, fetched: Fetched, run: SyncRun, counts: Counts) -> None:
    """Store one report (superseding the stored one) and what the sync knows of it, in
    one transaction; judge its timeliness on the first publication."""
    with transaction.atomic():
        write_import(ImportPlan(files=[ready.file], ready=[ready]))
        remember(fetched.entry, run, stored=True)
        first = HarvestedDocument.objects.get(identifier=fetched.entry.identifier).first_published
        NationalReport.objects.filter(
            identifier=ready.document.identifier, submitted_on=ready.document.submitted_on
        ).update(on_time=is_on_time(first, ready.cycle.deadline), source_file=source_of(fetched))
    counts.stored(fetched.change)
