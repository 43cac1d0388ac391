"""BCH records harvested into the project's record types, through the record import
service (``store_records``: the same checks of governments and links as a file import),
with the field mapping of ``core/bch/data/records.yaml``. A record that does not map to a
valid record, or that the import refuses, is quarantined with its problems; the others
of its batch are stored."""

from __future__ import annotations

from django.db import transaction

from cpbmonitor.bch.models import SyncRun
from cpbmonitor.core.bch.client import BchClient
from cpbmonitor.core.bch.mapping import RecordMapping, map_record
from cpbmonitor.core.records import RecordModel
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem
from cpbmonitor.services.harvest.fetching import Fetched, batches, listing
from cpbmonitor.services.harvest.progress import Progress
from cpbmonitor.services.harvest.state import Counts, quarantine, remember, succeeded
from cpbmonitor.services.records import store_records

MAX_ROUNDS = 5
"""Store attempts per batch, each without the records the previous one refused."""


def harvest_records(
    client: BchClient,
    mapping: RecordMapping,
    run: SyncRun,
    counts: Counts,
    progress: Progress,
    retry_quarantined: bool = False,
) -> None:
    found = listing(client, mapping.bch_schema, retry_quarantined)
    counts.unchanged += len(found.plan.unchanged)
    progress.planned(mapping.bch_schema, len(found.plan.fetch))
    errors = len(counts.errors)
    for fetched in batches(client, found.plan, run, counts, progress):
        _store_batch(mapping, fetched, run, counts, progress)
    if len(counts.errors) == errors:
        succeeded(found.state, run, found.watermark)


def _source(mapping: RecordMapping) -> str:
    return f"BCH {mapping.bch_schema}"


def _store_batch(
    mapping: RecordMapping, batch: list[Fetched], run: SyncRun, counts: Counts, progress: Progress
) -> None:
    source = _source(mapping)
    valid: dict[str, tuple[Fetched, RecordModel]] = {}
    for fetched in batch:
        outcome = map_record(mapping, fetched.document, fetched.entry, source)
        if isinstance(outcome, RecordModel):
            valid[outcome.identifier] = (fetched, outcome)
        else:
            _refuse(fetched, outcome, run, counts, progress)
    for _ in range(MAX_ROUNDS):
        if not valid:
            return
        try:
            with transaction.atomic():
                store_records([record for _, record in valid.values()], source=source)
                remember([fetched.entry for fetched, _ in valid.values()], run, stored=True)
        except RecordInputError as error:
            for identifier, problems in _by_record(error.problems, valid).items():
                fetched, _record = valid.pop(identifier)
                _refuse(fetched, problems, run, counts, progress)
            continue
        for fetched, _record in valid.values():
            counts.stored(fetched.change)
            progress.advance()
        return
    for fetched, _record in valid.values():
        _refuse(fetched, [], run, counts, progress, "refused by the record import")


def _by_record(
    problems: list[RecordProblem], valid: dict[str, tuple[Fetched, RecordModel]]
) -> dict[str, list[RecordProblem]]:
    """The refused records (by identifier) and their problems; a problem naming no
    record of the batch refuses the whole batch."""
    found: dict[str, list[RecordProblem]] = {}
    for problem in problems:
        identifier = problem.record.rsplit(" ", 1)[-1]
        if identifier in valid:
            found.setdefault(identifier, []).append(problem)
        else:
            for key in valid:
                found.setdefault(key, []).append(problem)
    return found


def _refuse(
    fetched: Fetched,
    problems: list[RecordProblem],
    run: SyncRun,
    counts: Counts,
    progress: Progress,
    fallback: str = "",
) -> None:
    error = "\n".join(p.describe() for p in problems) or fallback
    quarantine(fetched.entry, fetched.document, error, run)
    counts.refused += 1
    progress.advance()
