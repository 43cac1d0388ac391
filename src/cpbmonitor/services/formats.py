"""Report formats: the shipped definitions (core) or a full BCH format imported by a user.

An imported format is stored as the BCH JSON it came from, and wins over the shipped
definition of the same schema: its full question texts replace the short labels, and
reports are validated against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from cpbmonitor.core.formats import (
    FormatError,
    Questionnaire,
    cycles,
    has_shipped_format,
    parse_bch_format,
    read_bch_json,
    shipped_format,
)
from cpbmonitor.national_reports.models import ReportingFormat
from cpbmonitor.national_reports.models.cycles import FormatSource


class UnknownSchema(LookupError):
    """No cycle, shipped definition or imported format has this schema."""


def known_schemas() -> list[str]:
    return [cycle.schema for cycle in cycles()]


def import_format(path: Path, schema: str) -> ReportingFormat:
    """Validate the BCH format file ``path`` and store it for ``schema`` (replacing an
    earlier import). Raises ``FormatError`` (naming file, item and field) or
    ``UnknownSchema``."""
    if schema not in known_schemas():
        raise UnknownSchema(f"unknown schema {schema!r} (known: {', '.join(known_schemas())})")
    data = read_bch_json(path)
    parse_bch_format(data, schema, source=str(path))  # errors name file, item and field
    with transaction.atomic():
        stored, _ = ReportingFormat.objects.update_or_create(
            schema=schema,
            defaults={
                "source": FormatSource.IMPORTED,
                "questionnaire": data,
                "imported_from": str(Path(path).resolve()),
                "imported_at": timezone.now(),
            },
        )
    return stored


def reset_format(schema: str) -> bool:
    """Forget the imported format of ``schema``; returns whether there was one."""
    deleted, _ = ReportingFormat.objects.filter(schema=schema).delete()
    return bool(deleted)


def questionnaire_for(schema: str) -> Questionnaire:
    """The questionnaire reports of ``schema`` are read with: the imported full format
    when there is one, else the shipped definition."""
    stored = ReportingFormat.objects.filter(schema=schema).first()
    if stored is not None and stored.source == FormatSource.IMPORTED:
        return parse_bch_format(stored.questionnaire, schema, source=f"imported {schema}")
    if has_shipped_format(schema):
        return shipped_format(schema)
    raise UnknownSchema(
        f"no format for schema {schema!r}: import one with "
        f"`cpb formats import FILE --schema {schema}`"
    )


class QuestionnaireCache:
    """``questionnaire_for`` memoised for the length of one import."""

    def __init__(self) -> None:
        self._cache: dict[str, Questionnaire] = {}

    def get(self, schema: str) -> Questionnaire:
        if schema not in self._cache:
            self._cache[schema] = questionnaire_for(schema)
        return self._cache[schema]


@dataclass(frozen=True)
class FormatInfo:
    schema: str
    source: str
    questions: int
    imported_from: str
    imported_at: str


def list_formats() -> list[FormatInfo]:
    """Every schema that has a format, with where it comes from."""
    stored = {f.schema: f for f in ReportingFormat.objects.all()}
    result = []
    for schema in known_schemas():
        if schema not in stored and not has_shipped_format(schema):
            continue
        row = stored.get(schema)
        try:
            count = len(questionnaire_for(schema).all_questions())
        except FormatError:
            count = 0
        result.append(
            FormatInfo(
                schema=schema,
                source=row.source if row else FormatSource.SHIPPED.value,
                questions=count,
                imported_from=row.imported_from if row else "",
                imported_at=row.imported_at.isoformat(timespec="seconds")
                if row and row.imported_at
                else "",
            )
        )
    return result
