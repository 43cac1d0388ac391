"""Stored reports' answers compiled into the engine's compact form, and read back.

``compile_reports`` (re)builds the ``CompiledAnswers`` of some reports from their
``Answer`` rows; the import (``reports.write_import``, which online publication and
corrections and the demonstration data go through as well) writes them directly from
the documents it stores. ``compiled_report_facts`` is how evaluations read reports:
one blob per report, never the ``Answer`` rows; a report whose blob is missing or was
made for another layout (``stale``) is compiled first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from django.db import connections, transaction
from django.db.models import QuerySet

from cpbmonitor.core.formats import SHIPPED_SCHEMAS, shipped_format
from cpbmonitor.core.indicators import ReportFacts
from cpbmonitor.core.indicators.compact import CompactAnswers, Layout, encode
from cpbmonitor.national_reports.models import Answer, CompiledAnswers, NationalReport
from cpbmonitor.services.timeliness import first_submissions

BATCH = 500


@cache
def layout_for(schema: str) -> Layout:
    """The slots of a cycle's reports: the questions of the shipped definition of its
    format (a format without one gives no slots: every answer is kept in the extras)."""
    if schema not in SHIPPED_SCHEMAS:
        return Layout(())
    return Layout(tuple(q.key for q in shipped_format(schema).all_questions()))


def compiled_row(
    report_id: int, schema: str, answers: Mapping[str, Iterable[str]]
) -> CompiledAnswers:
    layout = layout_for(schema)
    compiled = encode(answers, layout)
    return CompiledAnswers(
        report_id=report_id,
        layout=layout.fingerprint,
        codes=compiled.codes,
        texts=compiled.texts,
        extras=compiled.extras,
    )


def answers_by_report(report_ids: Iterable[int]) -> dict[int, dict[str, set[str]]]:
    """Question -> values of each report, read from its ``Answer`` rows."""
    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    ids = list(report_ids)
    for start in range(0, len(ids), BATCH):
        rows = (
            Answer.objects.filter(report_id__in=ids[start : start + BATCH])
            .order_by()
            .values_list("report_id", "question", "value")
        )
        for report_id, question, value in rows.iterator(chunk_size=5000):
            found[report_id][question].add(value)
    return found


def save_compiled(rows: list[CompiledAnswers]) -> None:
    """Store ``rows``, replacing the reports' earlier compiled answers."""
    with transaction.atomic():
        ids = [row.report_id for row in rows]
        for start in range(0, len(ids), BATCH):
            CompiledAnswers.objects.filter(report_id__in=ids[start : start + BATCH]).delete()
        CompiledAnswers.objects.bulk_create(rows, batch_size=BATCH)


def compile_reports(reports: Iterable[NationalReport | int]) -> int:
    """(Re)build the compiled answers of ``reports`` from their answer rows."""
    ids = [r if isinstance(r, int) else r.pk for r in reports]
    schemas = (
        dict(
            NationalReport.objects.filter(pk__in=ids).order_by().values_list("id", "cycle__schema")
        )
        if len(ids) <= BATCH
        else dict(NationalReport.objects.order_by().values_list("id", "cycle__schema"))
    )
    answers = answers_by_report(ids)
    rows = [compiled_row(i, schemas[i], answers.get(i, {})) for i in ids if i in schemas]
    save_compiled(rows)
    return len(rows)


def stale_reports() -> list[int]:
    """Reports whose compiled answers are missing or of another layout."""
    stale = []
    rows = NationalReport.objects.order_by().values_list("id", "cycle__schema", "compiled__layout")
    for report_id, schema, layout in rows.iterator(chunk_size=5000):
        if layout != layout_for(schema).fingerprint:
            stale.append(report_id)
    return stale


def recompile(everything: bool = False) -> int:
    """Rebuild the stale compiled answers (all of them with ``everything``)."""
    ids = (
        list(NationalReport.objects.order_by().values_list("id", flat=True))
        if everything
        else stale_reports()
    )
    done = 0
    for start in range(0, len(ids), BATCH * 4):
        done += compile_reports(ids[start : start + BATCH * 4])
    return done


FIELDS = (
    "id",
    "government__iso2",
    "cycle__number",
    "cycle__schema",
    "submitted_on",
    "complete",
    "government_id",
    "cycle_id",
)
COMPILED = ("compiled__layout", "compiled__codes")


def raw_rows(query: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` query as the database driver gives them (no
    per-value conversion: see ``day`` and ``truth``)."""
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def day(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The UTC date of a stored date or moment (SQLite gives text, in UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):  # naive: as SQLite keeps it, in UTC
        return (value.astimezone(dt.UTC) if value.tzinfo else value).date()
    return value


def compiled_report_facts(cycles: Iterable[int]) -> list[ReportFacts]:
    """The current report of every government in ``cycles``, with its compiled answers
    (compiling first those that are stale)."""
    current = NationalReport.objects.current().filter(cycle__number__in=list(cycles)).order_by()
    rows = raw_rows(current.values_list(*FIELDS, *COMPILED))
    stale = [row[0] for row in rows if row[8] != layout_for(row[3]).fingerprint]
    if stale:
        for start in range(0, len(stale), BATCH * 4):
            compile_reports(stale[start : start + BATCH * 4])
        rows = raw_rows(current.values_list(*FIELDS, *COMPILED))
    first = first_submissions({row[7] for row in rows})
    return [
        ReportFacts(
            government=government,
            cycle=number,
            submitted_on=day(submitted_on),
            complete=bool(complete),
            answers=CompactAnswers(codes, layout_for(schema), fetch_texts, report_id),
            first_submitted_on=day(first.get((government_id, cycle_id), submitted_on)),
        )
        for (
            report_id,
            government,
            number,
            schema,
            submitted_on,
            complete,
            government_id,
            cycle_id,
            _,
            codes,
        ) in rows
    ]


def fetch_texts(report_ids: Sequence[int]) -> dict[int, tuple[bytes, bytes]]:
    """The texts and extras of the compiled answers of ``report_ids``."""
    found: dict[int, tuple[bytes, bytes]] = {}
    for start in range(0, len(report_ids), BATCH):
        rows = CompiledAnswers.objects.filter(report_id__in=report_ids[start : start + BATCH])
        found.update(
            (report_id, (bytes(texts), bytes(extras)))
            for report_id, texts, extras in rows.values_list("report_id", "texts", "extras")
        )
    return found
