"""Read, import and save records: validate everything first, then write all or nothing.

``import_records`` reads a file (CSV, XLSX or JSON) of one type; ``store_records`` checks
the records against the stored ones (every government is a known Party, every linked
LMO or risk assessment exists...) and upserts them by type and identifier in one
transaction, raising ``RecordInputError`` (one problem per line) and writing nothing when
anything is wrong. ``stored_record_set`` gives the whole table to the indicator engine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from cpbmonitor.core.records import RecordModel, RecordSet, type_of
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem
from cpbmonitor.core.records.integrity import check_links
from cpbmonitor.core.records.readers import read_valid_records
from cpbmonitor.national_reports.models import Party
from cpbmonitor.records.convert import Parties, from_model, governments_of, same_content, to_model
from cpbmonitor.records.models import Record, RecordQuerySet

Key = tuple[str, str]
"""A record's type name and identifier."""
Tick = Callable[[], None]
WEB_SOURCE = "web"


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    deleted: int = 0
    """Stored records of the type that a ``replace`` import removed."""

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def key_of(record: RecordModel) -> Key:
    return type_of(record).name, record.identifier


# ---------------------------------------------------------------- reading


_READ: dict[str, tuple[tuple[Any, ...], RecordSet]] = {}
"""Database alias -> the state of its records table and the record set read in that state."""


def stored_record_set() -> RecordSet:
    """Every stored record as core models (for the indicator engine).

    Records are validated when written; they are read (and their models built) again
    only when the table changed since the last read in this process: one query on its
    size, newest row and latest update tells (every write sets ``updated_at``)."""
    from django.db import router
    from django.db.models import Count, Max, Min

    alias = router.db_for_read(Record)
    state = tuple(
        Record.objects.using(alias)
        .aggregate(n=Count("id"), top=Max("id"), new=Max("updated_at"), old=Min("updated_at"))
        .values()
    )
    held = _READ.get(alias)
    if held is not None and held[0] == state:
        return held[1]
    records = RecordSet.of(stored_records(Record.objects.using(alias)))
    _READ[alias] = (state, records)
    return records


def stored_records(rows: RecordQuerySet | None = None) -> list[RecordModel]:
    rows = Record.objects.all() if rows is None else rows
    return [to_model(row) for row in rows.select_related("government")]


def find_records(
    type_name: str,
    *,
    government: Party | None = None,
    region: str | None = None,
    on: dt.date | None = None,
    text: str = "",
) -> RecordQuerySet:
    """The stored records of one type, filtered (every filter optional)."""
    rows = Record.objects.of_type(type_name).select_related("government")
    if government is not None:
        rows = rows.concerning(government)
    if region:
        rows = rows.in_region(region)
    if on is not None:
        rows = rows.holding_on(on)
    return rows.search(text)


def parties_by_code() -> dict[str, Party]:
    return {party.iso2: party for party in Party.objects.all()}


# ---------------------------------------------------------------- checking


def _name(record: RecordModel) -> str:
    return f"{type_of(record).name} {record.identifier}"


def government_problems(
    records: Iterable[RecordModel], parties: Parties, file: str
) -> list[RecordProblem]:
    """Every government a record names must be a stored government."""
    problems = []
    for record in records:
        field = "government" if type_of(record).by_government else "governments"
        for code in record.governments_concerned:
            if code not in parties:
                problems.append(
                    RecordProblem(
                        file, _name(record), field, code, "unknown government (not a loaded Party)"
                    )
                )
    return problems


def duplicate_problems(records: Sequence[RecordModel], file: str) -> list[RecordProblem]:
    seen: set[Key] = set()
    problems = []
    for record in records:
        key = key_of(record)
        if key in seen:
            problems.append(
                RecordProblem(
                    file, _name(record), "identifier", record.identifier, "given more than once"
                )
            )
        seen.add(key)
    return problems


def _problem_key(problem: RecordProblem) -> tuple[str, str | None, str, str]:
    return problem.record, problem.field, repr(problem.value), problem.message


def link_problems(
    incoming: Sequence[RecordModel], removed: Collection[Key], file: str
) -> list[RecordProblem]:
    """Links broken by storing ``incoming`` and removing ``removed``: what ``check_links``
    finds over the stored records so changed, and did not find before."""
    stored = {key_of(record): record for record in stored_records()}
    before = {_problem_key(p) for p in check_links(list(stored.values()), source=file)}
    after = {key: record for key, record in stored.items() if key not in removed}
    after.update((key_of(record), record) for record in incoming)
    return [
        problem
        for problem in check_links(list(after.values()), source=file)
        if _problem_key(problem) not in before
    ]


# ---------------------------------------------------------------- writing


def import_records(
    path: Path | str,
    type_name: str,
    *,
    replace: bool = False,
    user: Any = None,
    tick: Tick | None = None,
) -> ImportSummary:
    """Read a file of records of ``type_name`` and store it (upsert by identifier); with
    ``replace``, stored records of the type missing from the file are removed. Raises
    ``RecordInputError`` with every problem, and then writes nothing."""
    records, problems = read_valid_records(Path(path), type_name)
    return store_records(
        records,
        source=str(path),
        # a file with unreadable records removes nothing: its problems are named first
        replace_types={type_name} if replace and not problems else frozenset(),
        user=user,
        tick=tick,
        problems=problems,
    )


def store_records(
    records: Sequence[RecordModel],
    *,
    source: str,
    replace_types: Collection[str] = frozenset(),
    user: Any = None,
    tick: Tick | None = None,
    problems: Sequence[RecordProblem] = (),
) -> ImportSummary:
    """Check ``records`` against the stored ones, then upsert them in one transaction;
    ``problems`` already found (records of the file that could not be read) are named
    with those of the checks, and then nothing is written."""
    with transaction.atomic():
        parties = parties_by_code()
        types = {type_of(record).name for record in records} | set(replace_types)
        existing = {
            (row.record_type, row.identifier): row
            for row in Record.objects.filter(record_type__in=types).select_related("government")
        }
        keys = {key_of(record) for record in records}
        removed = [k for k in existing if k[0] in replace_types and k not in keys]
        problems = [
            *problems,
            *duplicate_problems(records, source),
            *government_problems(records, parties, source),
            *link_problems(records, removed, source),
        ]
        if problems:
            raise RecordInputError(problems)
        deleted = _delete([existing.pop(k) for k in removed])
        created, updated, unchanged = _write(records, existing, parties, source, user, tick)
    return ImportSummary(created, updated, unchanged, deleted)


def _delete(rows: list[Record]) -> int:
    if not rows:
        return 0
    Record.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def _write(
    records: Sequence[RecordModel],
    existing: dict[Key, Record],
    parties: Parties,
    source: str,
    user: Any,
    tick: Tick | None,
) -> tuple[int, int, int]:
    new: list[tuple[Record, RecordModel]] = []
    changed: list[tuple[Record, RecordModel]] = []
    for record in records:
        row = existing.get(key_of(record))
        if row is not None and same_content(row, record):
            if tick:
                tick()
            continue
        row = from_model(record, parties, row)
        row.source = source
        row.updated_by = user if getattr(user, "pk", None) else None
        (changed if row.pk else new).append((row, record))
    Record.objects.bulk_create([row for row, _ in new], batch_size=500)
    _update([row for row, _ in changed])
    set_governments([*new, *changed], parties, tick)
    return len(new), len(changed), len(records) - len(new) - len(changed)


UPDATED_COLUMNS = (
    "title",
    "government",
    "regions",
    "valid_from",
    "valid_to",
    "data",
    "demonstration",
    "source",
    "updated_by",
    "updated_at",
)


def _update(rows: list[Record]) -> None:
    now = timezone.now()
    for row in rows:
        row.updated_at = now
    Record.objects.bulk_update(rows, UPDATED_COLUMNS, batch_size=500)


def set_governments(
    pairs: Sequence[tuple[Record, RecordModel]], parties: Parties, tick: Tick | None = None
) -> None:
    """Replace the ``governments`` rows of each stored row with its record's."""
    through = Record.governments.through
    through.objects.filter(record_id__in=[row.pk for row, _ in pairs]).delete()
    links = []
    for row, record in pairs:
        links += [through(record_id=row.pk, party_id=p.pk) for p in governments_of(record, parties)]
        if tick:
            tick()
    through.objects.bulk_create(links, batch_size=500)


# ---------------------------------------------------------------- one record (pages, admin)


def save_record(
    record: RecordModel, *, user: Any = None, creating: bool = False, source: str = WEB_SOURCE
) -> Record:
    """Store one record (a new one when ``creating``: its identifier must be free)."""
    kind = type_of(record)
    if (
        creating
        and Record.objects.filter(record_type=kind.name, identifier=record.identifier).exists()
    ):
        raise RecordInputError.single(
            source,
            f"a {kind.label.lower()} with this identifier already exists",
            record=_name(record),
            field="identifier",
            value=record.identifier,
        )
    store_records([record], source=source, user=user)
    return Record.objects.select_related("government").get(
        record_type=kind.name, identifier=record.identifier
    )


def check_record(record: RecordModel, source: str = WEB_SOURCE) -> list[RecordProblem]:
    """What would stop ``record`` from being stored (unknown government, broken link)."""
    return [
        *government_problems([record], parties_by_code(), source),
        *link_problems([record], (), source),
    ]


def end_record(row: Record, day: dt.date, *, user: Any = None) -> Record:
    """Set the day from which a record no longer holds (validated by its core model)."""
    record = to_model(row)
    try:
        ended = type(record).model_validate(record.model_dump() | {"valid_to": day})
    except ValidationError as error:
        message = "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())
        raise RecordInputError.single(
            WEB_SOURCE, message, record=_name(record), field="valid_to", value=day
        ) from None
    return save_record(ended, user=user)


# ---------------------------------------------------------------- demonstration records


def demo_source(seed: int) -> str:
    return f"demonstration data (seed {seed})"


def load_demo_records(seed: int | None = None) -> ImportSummary:
    """Replace the stored demonstration records by freshly generated ones, for the stored
    governments (real records are kept)."""
    from cpbmonitor.core.demo import DEFAULT_SEED, DemoParty
    from cpbmonitor.core.demo.records import generate_demo_records

    seed = DEFAULT_SEED if seed is None else seed
    parties = [
        DemoParty(p.iso2, p.name, p.region or None, p.cp_party, p.cp_party_since, p.gef_eligible)
        for p in Party.objects.order_by("iso2")
    ]
    records = generate_demo_records(parties, seed=seed)
    with transaction.atomic():
        deleted = remove_demo_records()
        summary = store_records(records, source=demo_source(seed))
    return dataclasses.replace(summary, deleted=deleted)


def remove_demo_records() -> int:
    """Delete every demonstration record; returns how many."""
    _, by_model = Record.objects.demonstration().delete()
    return by_model.get(Record._meta.label, 0)
