"""Import national reports: read files, validate every document, then write all or nothing.

``prepare_import`` reads and validates (no writes) and returns an ``ImportPlan``:
the documents ready to store and the rejected ones with their problems.
``write_import`` stores the ready documents in one transaction: a report per
submission, one ``Answer`` row per value, supersession settled per government and
cycle. ``import_reports`` does both, refusing to write anything when a document is
invalid unless ``skip_invalid``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction

from cpbmonitor.conf import setting
from cpbmonitor.core.formats import Questionnaire, question_states
from cpbmonitor.core.reports import (
    Duplicates,
    ReportDocument,
    ReportInputError,
    describe,
    is_on_time,
    iter_raw_documents,
    missing_mandatory,
    parse_document,
    read_long_table,
    validate,
)
from cpbmonitor.national_reports.models import (
    Answer,
    CompiledAnswers,
    NationalReport,
    Party,
    ReportingCycle,
    ReportingFormat,
)
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.national_reports.models.reports import ReportStatus
from cpbmonitor.services.compiled import compiled_row, save_compiled
from cpbmonitor.services.cycles import sync_new_cycles
from cpbmonitor.services.formats import QuestionnaireCache, UnknownSchema
from cpbmonitor.services.timeliness import settle_timeliness_of

TABLE_SUFFIXES = frozenset({".csv", ".xlsx"})

Tick = Callable[[], None]


@dataclass(frozen=True)
class ReadyDocument:
    """A valid document with everything needed to store it. A document read from a JSON
    file is kept as its compact JSON and parsed again when stored, so that a large import
    does not hold every parsed document in memory."""

    parsed: ReportDocument | bytes
    file: str
    government: Party
    cycle: ReportingCycle
    missing: list[str]

    @property
    def document(self) -> ReportDocument:
        if isinstance(self.parsed, ReportDocument):
            return self.parsed
        return parse_document(json.loads(self.parsed), self.file)


@dataclass(frozen=True)
class RejectedDocument:
    file: str
    document: str
    """``government/identifier``, or ``(file)`` when the file could not be read."""
    problems: list[str]


@dataclass
class ImportPlan:
    files: list[str]
    ready: list[ReadyDocument] = field(default_factory=list)
    rejected: list[RejectedDocument] = field(default_factory=list)

    @property
    def rejected_files(self) -> list[str]:
        return sorted({r.file for r in self.rejected})


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    answers: int
    non_party: list[str]
    """``government/identifier`` of reports stored from non-Parties to the Protocol."""


class ImportRejected(Exception):
    """Some documents are invalid and ``skip_invalid`` was not given; nothing was written."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(rejection_message(plan))


MAX_LISTED_PROBLEMS = 20


def rejection_message(plan: ImportPlan) -> str:
    lines = [f"{len(plan.rejected_files)} file(s) rejected, nothing imported:"]
    problems = [p for r in plan.rejected for p in r.problems]
    lines += [f"  {p}" for p in problems[:MAX_LISTED_PROBLEMS]]
    if len(problems) > MAX_LISTED_PROBLEMS:
        lines.append(f"  ... and {len(problems) - MAX_LISTED_PROBLEMS} more problem(s)")
    return "\n".join(lines)


# ---------------------------------------------------------------- reading


def _imported_questionnaires(cache: QuestionnaireCache) -> dict[str, Questionnaire]:
    schemas = ReportingFormat.objects.imported().values_list("schema", flat=True)
    return {schema: cache.get(schema) for schema in schemas}


def max_import_bytes() -> int:
    """The size limit of an import file (setting ``CPB_IMPORT_MAX_BYTES``)."""
    return int(setting("CPB_IMPORT_MAX_BYTES"))


Read = tuple[str, ReportDocument, bytes | None]
"""(place in the file, document, its compact JSON when read from JSON)."""


def read_file(path: Path, questionnaires: dict[str, Questionnaire]) -> Iterator[Read]:
    """The documents of one file: BCH JSON (read as a stream), or a long CSV/XLSX table."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        for document in read_long_table(path, questionnaires, max_import_bytes()):
            yield f"{path}", document, None
        return
    for position, raw, document in iter_raw_documents(path, max_import_bytes()):
        packed = json.dumps(raw, ensure_ascii=False, separators=(",", ":")).encode()
        yield f"{path}: document #{position}", document, packed


class _Checker:
    """Validates documents against the format of their cycle, and resolves references."""

    def __init__(self) -> None:
        self.formats = QuestionnaireCache()
        self.cycles = {c.schema: c for c in ReportingCycle.objects.all()}
        self.parties: dict[str, Party] = {}
        self.duplicates = Duplicates()

    def party(self, code: str) -> Party:
        if code not in self.parties:
            self.parties[code] = Party.objects.resolve(code)
        return self.parties[code]

    def check(
        self,
        document: ReportDocument,
        file: str,
        place: str | None = None,
        packed: bytes | None = None,
    ) -> ReadyDocument | list[str]:
        """A ``ReadyDocument``, or the problems (one line each) that prevent storing it.
        ``place``: where in the file (``file: document #3``); ``packed``: the document's
        compact JSON, kept instead of the parsed document."""
        where = f"{file}: {document.government}/{document.identifier}"
        cycle = self.cycles.get(document.schema)
        if cycle is None:
            return [f"{where}: schema {document.schema!r} is not a known reporting cycle"]
        try:
            questionnaire = self.formats.get(document.schema)
        except UnknownSchema as error:
            return [f"{where}: {error}"]
        states = question_states(questionnaire, document.answers)
        problems = [describe(p, file) for p in validate(document, questionnaire, states)]
        earlier = self.duplicates.check(document, place or file)
        if earlier is not None:
            here, there = (p.removeprefix(f"{file}: ") for p in (place or file, earlier))
            problems.append(f"{where}: {here} is the same submission as {there}")
        try:
            government = self.party(document.government)
        except UnknownGovernment as error:
            problems.insert(0, f"{where}: {error} (not in the list of governments)")
        if problems:
            return problems
        missing = missing_mandatory(document, questionnaire, states)
        return ReadyDocument(packed or document, file, government, cycle, missing)


def prepare_import(paths: Iterable[Path], tick: Tick | None = None) -> ImportPlan:
    """Read and validate every document of ``paths``; writes nothing."""
    paths = list(paths)
    sync_new_cycles()
    checker = _Checker()
    questionnaires = _imported_questionnaires(checker.formats)
    plan = ImportPlan(files=[str(p) for p in paths])
    for path in paths:
        _prepare_file(path, checker, questionnaires, plan)
        if tick:
            tick()
    return plan


def _prepare_file(
    path: Path, checker: _Checker, questionnaires: dict[str, Questionnaire], plan: ImportPlan
) -> None:
    """Check every document of one file; a file that cannot be read to its end is
    rejected whole."""
    file = str(path)
    ready: list[ReadyDocument] = []
    rejected: list[RejectedDocument] = []
    try:
        for place, document, packed in read_file(path, questionnaires):
            outcome = checker.check(document, file, place, packed)
            if isinstance(outcome, ReadyDocument):
                ready.append(outcome)
            else:
                name = f"{document.government}/{document.identifier}"
                rejected.append(RejectedDocument(file, name, outcome))
    except ReportInputError as error:
        plan.rejected.append(RejectedDocument(file, "(file)", [str(error)]))
        return
    plan.ready += ready
    plan.rejected += rejected


# ---------------------------------------------------------------- writing


AnswerRow = tuple[str, str, str, str]
"""``(question, value, text, language)`` of one stored answer value."""


def answer_rows(document: ReportDocument) -> list[AnswerRow]:
    """One row per value of each answer of ``document``."""
    rows: list[AnswerRow] = []
    for key, answer in document.answers.items():
        if answer.number is not None:
            rows.append((key, str(answer.number), "", ""))
        elif answer.text is not None:
            rows += [(key, "", t, lang) for lang, t in answer.text.items()]
        for value in answer.values:
            language, text = _preferred(answer.additional.get(value, {}))
            rows.append((key, value, text, language))
    return rows


def answer_sets(rows: Iterable[AnswerRow]) -> dict[str, set[str]]:
    """Question -> values of ``rows``, as evaluations read them (``compiled``)."""
    found: dict[str, set[str]] = {}
    for question, value, *_ in rows:
        found.setdefault(question, set()).add(value)
    return found


def _preferred(texts: dict[str, str]) -> tuple[str, str]:
    """The English text if there is one, else the first (``("", "")`` when none)."""
    if not texts:
        return "", ""
    language = "en" if "en" in texts else next(iter(texts))
    return language, texts[language]


def _insert_answers(rows: list[tuple[int, str, str, str, str]]) -> None:
    """Insert answer rows in one statement per batch (the ORM's per-object work is the
    largest cost of an import otherwise)."""
    meta = Answer._meta
    names = ("report", "question", "value", "text", "language")
    columns = ", ".join(
        connection.ops.quote_name(str(meta.get_field(n).column))  # type: ignore[union-attr]
        for n in names
    )
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(names))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ANSWER_BATCH):
            cursor.executemany(sql, rows[start : start + ANSWER_BATCH])


ANSWER_BATCH = 5000
Submission = tuple[str, object]


def _existing() -> dict[Submission, int]:
    """Every stored submission (identifier and date) and its report's id."""
    stored = NationalReport.objects.values_list("identifier", "submitted_on", "pk")
    return {(identifier, submitted): pk for identifier, submitted, pk in stored}


def _store(
    ready: ReadyDocument, document: ReportDocument, existing: dict[Submission, int]
) -> tuple[NationalReport, bool]:
    fields = {
        "government": ready.government,
        "cycle": ready.cycle,
        "published_on": document.published_on,
        "body": document.to_bch(),
        "status": ReportStatus.PUBLISHED if document.published_on else ReportStatus.SUBMITTED,
        "complete": not ready.missing,
        "on_time": is_on_time(document.submitted_on, ready.cycle.deadline),
        "missing_questions": ready.missing,
        "source_file": ready.file,
    }
    pk = existing.get((document.identifier, document.submitted_on))
    report = None if pk is None else NationalReport.objects.get(pk=pk)
    created = report is None
    if report is None:
        report = NationalReport(
            identifier=document.identifier, submitted_on=document.submitted_on, is_current=False
        )
    else:
        report.answers.all().delete()
    for name, value in fields.items():
        setattr(report, name, value)
    report.by_party = report.compute_by_party()
    report.save()
    return report, created


def write_import(plan: ImportPlan, tick: Tick | None = None) -> ImportResult:
    """Store the ready documents of ``plan`` in one transaction (all or nothing)."""
    created = updated = answers = 0
    non_party: list[str] = []
    rows: list[tuple[int, str, str, str, str]] = []
    compiled: list[CompiledAnswers] = []
    with transaction.atomic():
        existing = _existing()
        touched: set[tuple[int, int]] = set()
        for ready in plan.ready:
            document = ready.document
            report, is_new = _store(ready, document, existing)
            created += is_new
            updated += not is_new
            document_rows = answer_rows(document)
            compiled.append(compiled_row(report.pk, ready.cycle.schema, answer_sets(document_rows)))
            rows += [(report.pk, *row) for row in document_rows]
            if len(rows) >= ANSWER_BATCH:
                answers += len(rows)
                _insert_answers(rows)
                rows = []
            if not report.by_party:
                non_party.append(f"{ready.government.iso2}/{report.identifier}")
            touched.add((ready.government.pk, ready.cycle.pk))
            if tick:
                tick()
        answers += len(rows)
        _insert_answers(rows)
        save_compiled(compiled)
        NationalReport.objects.settle_histories(touched)
        settle_timeliness_of(touched)
    return ImportResult(created, updated, answers, non_party)


def import_reports(paths: Sequence[Path], *, skip_invalid: bool = False) -> ImportResult:
    """Read, validate and store reports; raise ``ImportRejected`` (writing nothing) when a
    document is invalid, unless ``skip_invalid`` (then the valid ones are stored)."""
    plan = prepare_import(paths)
    if plan.rejected and not skip_invalid:
        raise ImportRejected(plan)
    return write_import(plan)
