"""Import national reports: read files, validate every document, then write all or nothing.

``prepare_import`` reads and validates (no writes) and returns an ``ImportPlan``:
the documents ready to store and the rejected ones with their problems.
``write_import`` stores the ready documents in one transaction: a report per
submission, one ``Answer`` row per value, supersession settled per government and
cycle. ``import_reports`` does both, refusing to write anything when a document is
invalid unless ``skip_invalid``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.reports import (
    Problem,
    ReportDocument,
    ReportInputError,
    describe,
    is_on_time,
    missing_mandatory,
    read_documents,
    read_long_table,
    validate,
)
from cpbmonitor.national_reports.models import (
    Answer,
    NationalReport,
    Party,
    ReportingCycle,
    ReportingFormat,
)
from cpbmonitor.national_reports.models.parties import UnknownGovernment
from cpbmonitor.national_reports.models.reports import ReportStatus
from cpbmonitor.services.cycles import sync_cycles
from cpbmonitor.services.formats import QuestionnaireCache, UnknownSchema

TABLE_SUFFIXES = frozenset({".csv", ".xlsx"})
SHIPPED_SUBSET_TOLERATES = frozenset({"unknown-question"})
"""Problem codes that are not errors against a shipped definition, which defines only
the questions the project uses (a full BCH format must be imported to check them)."""

Tick = Callable[[], None]


@dataclass(frozen=True)
class ReadyDocument:
    """A valid document with everything needed to store it."""

    document: ReportDocument
    file: str
    government: Party
    cycle: ReportingCycle
    missing: list[str]


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


def read_file(path: Path, questionnaires: dict[str, Questionnaire]) -> list[ReportDocument]:
    """The documents of one file: BCH JSON, or a long CSV/XLSX table."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        return read_long_table(path, questionnaires)
    return read_documents(path)


class _Checker:
    """Validates documents against the format of their cycle, and resolves references."""

    def __init__(self) -> None:
        self.formats = QuestionnaireCache()
        self.cycles = {c.schema: c for c in ReportingCycle.objects.all()}
        self.parties: dict[str, Party] = {}
        self.imported = set(ReportingFormat.objects.imported().values_list("schema", flat=True))

    def party(self, code: str) -> Party:
        if code not in self.parties:
            self.parties[code] = Party.objects.resolve(code)
        return self.parties[code]

    def check(self, document: ReportDocument, file: str) -> ReadyDocument | list[str]:
        """A ``ReadyDocument``, or the problems (one line each) that prevent storing it."""
        where = f"{file}: {document.government}/{document.identifier}"
        cycle = self.cycles.get(document.schema)
        if cycle is None:
            return [f"{where}: schema {document.schema!r} is not a known reporting cycle"]
        try:
            questionnaire = self.formats.get(document.schema)
        except UnknownSchema as error:
            return [f"{where}: {error}"]
        problems = self._problems(document, questionnaire, file)
        try:
            government = self.party(document.government)
        except UnknownGovernment as error:
            problems.insert(0, f"{where}: {error} (not in the list of governments)")
        if problems:
            return problems
        missing = missing_mandatory(document, questionnaire)
        return ReadyDocument(document, file, government, cycle, missing)

    def _problems(
        self, document: ReportDocument, questionnaire: Questionnaire, file: str
    ) -> list[str]:
        found: Sequence[Problem] = validate(document, questionnaire)
        if document.schema not in self.imported:
            found = [p for p in found if p.code not in SHIPPED_SUBSET_TOLERATES]
        return [describe(p, file) for p in found]


def prepare_import(paths: Iterable[Path], tick: Tick | None = None) -> ImportPlan:
    """Read and validate every document of ``paths``; writes nothing."""
    paths = list(paths)
    if not ReportingCycle.objects.exists():
        sync_cycles()
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
    file = str(path)
    try:
        documents = read_file(path, questionnaires)
    except ReportInputError as error:
        plan.rejected.append(RejectedDocument(file, "(file)", [str(error)]))
        return
    for document in documents:
        outcome = checker.check(document, file)
        if isinstance(outcome, ReadyDocument):
            plan.ready.append(outcome)
        else:
            name = f"{document.government}/{document.identifier}"
            plan.rejected.append(RejectedDocument(file, name, outcome))


# ---------------------------------------------------------------- writing


def answer_rows(document: ReportDocument) -> list[Answer]:
    """One unsaved ``Answer`` per value of each answer of ``document``."""
    rows: list[Answer] = []
    for key, answer in document.answers.items():
        if answer.number is not None:
            rows.append(Answer(question=key, value=str(answer.number)))
        elif answer.text is not None:
            rows += [Answer(question=key, text=t, language=lang) for lang, t in answer.text.items()]
        for value in answer.values:
            language, text = _preferred(answer.additional.get(value, {}))
            rows.append(Answer(question=key, value=value, text=text, language=language))
    return rows


def _preferred(texts: dict[str, str]) -> tuple[str, str]:
    """The English text if there is one, else the first (``("", "")`` when none)."""
    if not texts:
        return "", ""
    language = "en" if "en" in texts else next(iter(texts))
    return language, texts[language]


def _store(ready: ReadyDocument) -> tuple[NationalReport, bool]:
    document = ready.document
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
    report = NationalReport.objects.filter(
        identifier=document.identifier, submitted_on=document.submitted_on
    ).first()
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
    with transaction.atomic():
        touched: dict[tuple[int, int], tuple[Party, ReportingCycle]] = {}
        for ready in plan.ready:
            report, is_new = _store(ready)
            created += is_new
            updated += not is_new
            rows = answer_rows(ready.document)
            for row in rows:
                row.report = report
            Answer.objects.bulk_create(rows, batch_size=500)
            answers += len(rows)
            if not report.by_party:
                non_party.append(f"{ready.government.iso2}/{report.identifier}")
            touched[(ready.government.pk, ready.cycle.pk)] = (ready.government, ready.cycle)
            if tick:
                tick()
        for government, cycle in touched.values():
            NationalReport.objects.settle_history(government, cycle)
    return ImportResult(created, updated, answers, non_party)


def import_reports(paths: Sequence[Path], *, skip_invalid: bool = False) -> ImportResult:
    """Read, validate and store reports; raise ``ImportRejected`` (writing nothing) when a
    document is invalid, unless ``skip_invalid`` (then the valid ones are stored)."""
    plan = prepare_import(paths)
    if plan.rejected and not skip_invalid:
        raise ImportRejected(plan)
    return write_import(plan)
