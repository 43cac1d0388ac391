"""The operations on drafts that the pages and the API call: start, save, submit, return,
publish, reopen. Each checks the policy, then the draft's state, then writes in one
transaction with an optimistic lock (the draft's ``version``), recording a
:class:`DraftVersion`. Publishing writes the report through the national reports import
service, so it becomes the government's current report for the cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cpbmonitor.core.formats import Question, Questionnaire
from cpbmonitor.core.reports import (
    Answer,
    ReportDocument,
    ReportInputError,
    missing_mandatory,
    validate,
)
from cpbmonitor.national_reports.models import (
    NationalReport,
    Party,
    ReportingCycle,
    ReportingFormat,
)
from cpbmonitor.reporting import editing
from cpbmonitor.reporting.models import Action, DraftStatus, DraftVersion, ReportDraft
from cpbmonitor.reporting.policy import Act, require
from cpbmonitor.services.formats import questionnaire_for
from cpbmonitor.services.reports import (
    SHIPPED_SUBSET_TOLERATES,
    ImportPlan,
    ReadyDocument,
    write_import,
)


class WorkflowError(Exception):
    """The draft's state does not permit the operation (HTTP 409)."""


class StaleDraft(WorkflowError):
    """Someone else changed the draft since the user loaded it; nothing was written."""

    def __init__(self, draft: ReportDraft) -> None:
        self.draft = draft
        who = draft.updated_by or _("someone else")
        when = timezone.localtime(draft.updated_at).strftime("%Y-%m-%d %H:%M")
        super().__init__(
            _(
                "This report was changed by %(who)s at %(when)s (now version %(version)s) "
                "after you opened it. Your changes were not saved: review the current "
                "answers and make your changes again."
            )
            % {"who": who, "when": when, "version": draft.version}
        )


class InvalidAnswers(WorkflowError):
    def __init__(self, problems: list[editing.EditProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.question}: {p.message}" for p in problems))


class Incomplete(WorkflowError):
    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            _("Mandatory questions without an answer: %(questions)s.")
            % {"questions": ", ".join(missing)}
        )


# ---------------------------------------------------------------- reading


def questionnaire_of(draft: ReportDraft) -> Questionnaire:
    return questionnaire_for(draft.cycle.schema)


def answers_of(draft: ReportDraft) -> dict[str, Answer]:
    return editing.answers_from_json(draft.cycle.schema, draft.answers)


def document_of(draft: ReportDraft, published_on: Any = None) -> ReportDocument:
    return ReportDocument(
        schema=draft.cycle.schema,
        identifier=draft.identifier,
        government=draft.government.iso2,
        submitted_on=draft.submitted_at,
        published_on=published_on,
        answers=answers_of(draft),
        languages=(draft.language,),
    )


def missing(draft: ReportDraft) -> list[Question]:
    """Enabled mandatory questions left unanswered, in format order."""
    questionnaire = questionnaire_of(draft)
    keys = missing_mandatory(document_of(draft), questionnaire)
    return [q for k in keys if (q := questionnaire.question(k)) is not None]


def _stored_answers(government: Party, cycle: ReportingCycle, q: Questionnaire) -> dict:
    """The answers of the government's current stored report for ``cycle`` (kept to the
    questions of the format), so a new draft starts from what was last reported."""
    report = NationalReport.objects.current().filter(government=government, cycle=cycle).first()
    if report is None or not report.body:
        return {}
    try:
        answers = editing.answers_from_json(
            cycle.schema,
            {k: v for k, v in report.body.items() if k not in ("header", "government")},
        )
    except ReportInputError:
        return {}
    return editing.answers_to_json(
        editing.apply(q, {}, {k: a for k, a in answers.items() if k in q}).answers
    )


# ---------------------------------------------------------------- writing


def _record(
    draft: ReportDraft, user: Any, action: str, changes: list | None = None, comment: str = ""
) -> None:
    DraftVersion.objects.create(
        draft=draft,
        number=draft.version,
        action=action,
        status=draft.status,
        author=user,
        changes=changes or [],
        answers=draft.answers,
        comment=comment,
    )


def _update(draft: ReportDraft, user: Any, expected: int | None, **fields: Any) -> None:
    """Write ``fields`` if the draft is still at version ``expected``; else StaleDraft."""
    expected = draft.version if expected is None else expected
    now = timezone.now()
    updated = ReportDraft.objects.filter(pk=draft.pk, version=expected).update(
        version=F("version") + 1, updated_by=user, updated_at=now, **fields
    )
    if not updated:
        raise StaleDraft(ReportDraft.objects.select_related("updated_by").get(pk=draft.pk))
    draft.refresh_from_db()


def _expect(draft: ReportDraft, status: str) -> None:
    if draft.status != status:
        labels = dict(DraftStatus.choices)
        raise WorkflowError(
            _("The report is %(status)s; this can be done only when it is %(needed)s.")
            % {"status": labels[draft.status], "needed": labels[status]}
        )


@transaction.atomic
def start(user: Any, government: Party, cycle: ReportingCycle) -> ReportDraft:
    """The government's open draft for ``cycle``, created if there is none."""
    require(user, Act.CREATE, government)
    existing = ReportDraft.objects.open().filter(government=government, cycle=cycle).first()
    if existing is not None:
        return existing
    questionnaire = questionnaire_for(cycle.schema)
    draft = ReportDraft.objects.create(
        government=government,
        cycle=cycle,
        created_by=user,
        updated_by=user,
        answers=_stored_answers(government, cycle, questionnaire),
    )
    _record(draft, user, Action.CREATE)
    return draft


@transaction.atomic
def save(
    user: Any, draft: ReportDraft, changes: Mapping[str, Answer | None], expected: int | None
) -> editing.EditResult:
    """Apply ``changes``; refused answers raise ``InvalidAnswers``, a stale ``expected``
    version raises ``StaleDraft`` (nothing written either way)."""
    require(user, Act.EDIT, draft.government)
    _expect(draft, DraftStatus.DRAFT)
    questionnaire = questionnaire_of(draft)
    before = answers_of(draft)
    result = editing.apply(questionnaire, before, changes)
    if not result.ok:
        raise InvalidAnswers(result.problems)
    diff = editing.changes(questionnaire, before, result.answers)
    if expected is not None and expected != draft.version:
        raise StaleDraft(ReportDraft.objects.select_related("updated_by").get(pk=draft.pk))
    if diff:
        _update(draft, user, expected, answers=editing.answers_to_json(result.answers))
        _record(draft, user, Action.SAVE, diff)
    return result


@transaction.atomic
def submit(user: Any, draft: ReportDraft, expected: int | None = None) -> None:
    require(user, Act.SUBMIT, draft.government)
    _expect(draft, DraftStatus.DRAFT)
    lacking = missing(draft)
    if lacking:
        raise Incomplete([q.key for q in lacking])
    _update(
        draft,
        user,
        expected,
        status=DraftStatus.SUBMITTED,
        submitted_at=timezone.now(),
        return_comment="",
    )
    _record(draft, user, Action.SUBMIT)


@transaction.atomic
def return_to_draft(
    user: Any, draft: ReportDraft, comment: str, expected: int | None = None
) -> None:
    require(user, Act.RETURN, draft.government)
    _expect(draft, DraftStatus.SUBMITTED)
    comment = editing.clean_text(comment or "")
    if not comment:
        raise WorkflowError(_("Say why the report is returned: a comment is required."))
    _update(draft, user, expected, status=DraftStatus.DRAFT, return_comment=comment)
    _record(draft, user, Action.RETURN, comment=comment)


@transaction.atomic
def publish(user: Any, draft: ReportDraft, expected: int | None = None) -> NationalReport:
    """Validate the submitted report and store it as the government's
    current report for the cycle (all or nothing)."""
    require(user, Act.PUBLISH, draft.government)
    _expect(draft, DraftStatus.SUBMITTED)
    now = timezone.now()
    document = document_of(draft, published_on=now)
    questionnaire = questionnaire_of(draft)
    problems = validate(document, questionnaire)
    if not ReportingFormat.objects.imported().filter(schema=draft.cycle.schema).exists():
        problems = [p for p in problems if p.code not in SHIPPED_SUBSET_TOLERATES]
    if problems:
        raise InvalidAnswers(
            [editing.EditProblem(p.question or "", p.message, p.code) for p in problems]
        )
    ready = ReadyDocument(
        document,
        f"online:{draft.pk}",
        draft.government,
        draft.cycle,
        missing_mandatory(document, questionnaire),
    )
    write_import(ImportPlan(files=[ready.file], ready=[ready]))
    report = NationalReport.objects.get(
        identifier=document.identifier, submitted_on=document.submitted_on
    )
    _update(
        draft,
        user,
        expected,
        status=DraftStatus.PUBLISHED,
        published_at=now,
        published_report=report,
    )
    _record(draft, user, Action.PUBLISH)
    return report


@transaction.atomic
def reopen(user: Any, draft: ReportDraft, comment: str = "", expected: int | None = None) -> None:
    """Make a published report a draft again (it stays the current stored report
    until the next publication supersedes it)."""
    require(user, Act.REOPEN, draft.government)
    _expect(draft, DraftStatus.PUBLISHED)
    if ReportDraft.objects.open().filter(government=draft.government, cycle=draft.cycle).exists():
        raise WorkflowError(_("This government already has an open draft for the cycle."))
    comment = editing.clean_text(comment or "")
    _update(draft, user, expected, status=DraftStatus.DRAFT, return_comment=comment)
    _record(draft, user, Action.REOPEN, comment=comment)
