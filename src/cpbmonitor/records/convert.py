"""Rows to core models and back: the one place that knows how a record is stored.

``to_model(row)`` validates the stored fields through the type's core model;
``from_model(record, parties)`` fills a row (new or existing, unsaved) and its derived
columns; ``governments_of`` gives the rows for its ``governments`` relation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cpbmonitor.core.records import RECORD_TYPES, RecordModel, type_of
from cpbmonitor.national_reports.models import Party
from cpbmonitor.records.models import Record

COMMON_FIELDS = frozenset({"identifier", "valid_from", "valid_to", "demonstration"})
"""Fields stored in columns of every row; ``government`` is a column too, where a type has it."""
TITLE_FIELDS = ("title", "name", "subject")
"""The field that names a record, first found (usage statistics have none)."""
TITLE_LENGTH = 300

Parties = Mapping[str, Party]
"""Governments by lower-case ISO alpha-2 code."""


def column_fields(type_name: str) -> frozenset[str]:
    """The core fields of a type stored in columns rather than in ``data``."""
    if RECORD_TYPES[type_name].by_government:
        return COMMON_FIELDS | {"government"}
    return COMMON_FIELDS


def data_of(record: RecordModel) -> dict[str, Any]:
    """The type's own fields, as JSON (what ``Record.data`` holds)."""
    return record.model_dump(mode="json", exclude=set(column_fields(type_of(record).name)))


def title_of(record: RecordModel) -> str:
    for name in TITLE_FIELDS:
        value = getattr(record, name, None)
        if value:
            return str(value)[:TITLE_LENGTH]
    return ""


def regions_of(record: RecordModel, parties: Parties) -> str:
    """The regional groups the record concerns: its own ``regions`` and its governments'."""
    found = set(getattr(record, "regions", ()))
    for code in record.governments_concerned:
        party = parties.get(code)
        if party is not None and party.region:
            found.add(party.region)
    return " ".join(sorted(found))


def governments_of(record: RecordModel, parties: Parties) -> list[Party]:
    return [parties[code] for code in dict.fromkeys(record.governments_concerned)]


def from_model(record: RecordModel, parties: Parties, row: Record | None = None) -> Record:
    """``row`` (or a new row) holding ``record``; not saved, ``governments`` not set.
    Every government of ``record`` must be in ``parties`` (``services`` checks first)."""
    kind = type_of(record)
    row = row if row is not None else Record(record_type=kind.name)
    row.record_type = kind.name
    row.identifier = record.identifier
    row.title = title_of(record)
    row.government = parties[record.government] if kind.by_government else None  # type: ignore[attr-defined]
    row.regions = regions_of(record, parties)
    row.valid_from = record.valid_from
    row.valid_to = record.valid_to
    row.data = data_of(record)
    row.demonstration = record.demonstration
    return row


def to_model(row: Record) -> RecordModel:
    """The core model of a stored row (validated; the row's ``government`` is read, so
    select it with the row when converting many)."""
    kind = RECORD_TYPES[row.record_type]
    values: dict[str, Any] = dict(row.data)
    values.update(
        identifier=row.identifier,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        demonstration=row.demonstration,
    )
    if kind.by_government:
        values["government"] = row.government.iso2 if row.government else None
    return kind.model.model_validate(values)


def same_content(row: Record, record: RecordModel) -> bool:
    """Whether storing ``record`` over ``row`` would change nothing."""
    try:
        stored = to_model(row)
    except ValueError:
        return False
    return stored.model_dump() == record.model_dump()
