"""Scaled demonstration data: the demonstration reports cloned under synthetic
governments, so that the platform can be measured at 10 or 100 times the real size.

Copy ``k`` (1 to ``scale - 1``) of each government that has demonstration reports is a
synthetic government in the same region, with the same treaty dates, named
``"<name> (synthetic k)"`` and coded ``<iso2><k:04d>`` (ISO codes are two letters, so
a synthetic code is never a real one). Its reports are the original's, under
identifiers ``<identifier>-s<k:04d>`` (still ``demo-...``) and bodies whose header
names the synthetic government and carries the demonstration mark. Answers and
compiled answers are copied by the database itself (``INSERT ... SELECT``), so 100
copies (24,100 reports, 3.7 million answer values) take a few minutes at most.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from cpbmonitor.core.demo import DEMO_MARK
from cpbmonitor.national_reports.models import Answer, CompiledAnswers, NationalReport, Party
from cpbmonitor.services.compiled import recompile

SYNTHETIC_NOTE = "Synthetic government of scaled demonstration data (not a real government)."
MAX_SCALE = 1000
MAP_TABLE = "cpb_scaled_demo_map"


@dataclass(frozen=True)
class ScaledDemo:
    governments: int
    reports: int
    answers: int


def synthetic_code(code: str, copy_number: int) -> str:
    return f"{code}{copy_number:04d}"


def _clone_party(party: Party, number: int) -> Party:
    return Party(
        iso2=synthetic_code(party.iso2, number),
        iso3=synthetic_code(party.iso3, number),
        name=f"{party.name} (synthetic {number})",
        region=party.region,
        cp_party=party.cp_party,
        cp_party_since=party.cp_party_since,
        sp_party=party.sp_party,
        sp_party_since=party.sp_party_since,
        gef_eligible=party.gef_eligible,
        notes=SYNTHETIC_NOTE,
    )


def _clone_body(body: Any, code: str, identifier: str, number: int) -> Any:
    clone = copy.copy(body)
    if isinstance(body, dict):
        clone["header"] = {**body.get("header", {}), "identifier": identifier}
        clone["government"] = {"identifier": code}
        clone[DEMO_MARK] = {**body.get(DEMO_MARK, {}), "synthetic_copy": number}
    return clone


def scale_demo(scale: int) -> ScaledDemo:
    """Add ``scale - 1`` synthetic copies of every demonstration report (all or nothing)."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"--scale must be between 1 and {MAX_SCALE}, not {scale}")
    recompile()  # the originals' compiled answers are copied: make sure they are current
    originals = list(NationalReport.objects.demonstration().select_related("government"))
    governments = {r.government.pk: r.government for r in originals}
    with transaction.atomic():
        clones: dict[tuple[int, int], Party] = {}
        for number in range(1, scale):
            for pk, party in governments.items():
                clones[(pk, number)] = _clone_party(party, number)
        Party.objects.bulk_create(clones.values(), batch_size=1000)
        created = {p.iso2: p for p in Party.objects.filter(notes=SYNTHETIC_NOTE)}
        pairs: list[tuple[NationalReport, NationalReport]] = []
        for number in range(1, scale):
            for report in originals:
                party = created[synthetic_code(report.government.iso2, number)]
                identifier = f"{report.identifier}-s{number:04d}"
                clone = NationalReport(
                    government=party,
                    cycle_id=report.cycle_id,
                    identifier=identifier,
                    submitted_on=report.submitted_on,
                    published_on=report.published_on,
                    body=_clone_body(report.body, party.iso2, identifier, number),
                    status=report.status,
                    is_current=report.is_current,
                    by_party=report.by_party,
                    complete=report.complete,
                    on_time=report.on_time,
                    missing_questions=report.missing_questions,
                    source_file=f"{report.source_file} (synthetic copy {number})",
                )
                pairs.append((report, clone))
        NationalReport.objects.bulk_create([c for _, c in pairs], batch_size=1000)
        _link_history(pairs)
        answers = _copy_rows(pairs)
    return ScaledDemo(len(clones), len(pairs), answers)


def _link_history(pairs: list[tuple[NationalReport, NationalReport]]) -> None:
    """A clone of a superseded report is superseded by the clone of its successor."""
    clone_of = {(o.pk, c.government_id): c for o, c in pairs}
    linked = []
    for original, clone in pairs:
        if original.superseded_by_id is not None:
            clone.superseded_by = clone_of[(original.superseded_by_id, clone.government_id)]
            linked.append(clone)
    NationalReport.objects.bulk_update(linked, ["superseded_by"], batch_size=1000)


def _copy_rows(pairs: list[tuple[NationalReport, NationalReport]]) -> int:
    """Copy the originals' answers and compiled answers to their clones, in the database."""
    answers, compiled = Answer._meta.db_table, CompiledAnswers._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {MAP_TABLE} (old_id integer, new_id integer)")
        try:
            cursor.executemany(
                f"INSERT INTO {MAP_TABLE} (old_id, new_id) VALUES (%s, %s)",
                [(o.pk, c.pk) for o, c in pairs],
            )
            cursor.execute(
                f"INSERT INTO {answers} (report_id, question, value, text, language) "
                f"SELECT m.new_id, a.question, a.value, a.text, a.language "
                f"FROM {answers} a JOIN {MAP_TABLE} m ON a.report_id = m.old_id"
            )
            copied = int(cursor.rowcount)
            cursor.execute(
                f"INSERT INTO {compiled} (report_id, layout, codes, texts, extras) "
                f"SELECT m.new_id, c.layout, c.codes, c.texts, c.extras "
                f"FROM {compiled} c JOIN {MAP_TABLE} m ON c.report_id = m.old_id"
            )
        finally:
            cursor.execute(f"DROP TABLE {MAP_TABLE}")
    return copied
