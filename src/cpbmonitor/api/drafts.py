"""Drafts and their workflow, with a bearer token; the same policy and operations as the
pages (``reporting.policy``, ``reporting.workflow``)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from cpbmonitor.api.auth import TokenAuth, user_of
from cpbmonitor.api.public import _cycle, _government
from cpbmonitor.api.schemas import (
    AnswersIn,
    DraftCreate,
    DraftOut,
    ErrorOut,
    TransitionIn,
    VersionOut,
)
from cpbmonitor.core.reports import ReportInputError
from cpbmonitor.reporting import editing, policy
from cpbmonitor.reporting.models import ReportDraft
from cpbmonitor.reporting.policy import Act
from cpbmonitor.services import drafts as workflow
from cpbmonitor.services.drafts import InvalidAnswers

router = Router(auth=TokenAuth(), tags=["drafts"])
ERRORS = {403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _draft(request: HttpRequest, draft_id: int, action: Act = Act.VIEW) -> ReportDraft:
    draft = get_object_or_404(
        ReportDraft.objects.select_related("government", "cycle"), pk=draft_id
    )
    policy.require(user_of(request), action, draft.government)
    return draft


def _out(draft: ReportDraft) -> dict:
    return {
        "id": draft.pk,
        "government": draft.government.iso2,
        "cycle": draft.cycle.name,
        "status": draft.status,
        "version": draft.version,
        "return_comment": draft.return_comment,
        "updated_at": draft.updated_at,
        "answers": draft.answers,
        "missing": [q.key for q in workflow.missing(draft)],
    }


@router.get("", response=list[DraftOut])
def list_drafts(request: HttpRequest) -> list[dict]:
    """The drafts the token's user may open."""
    governments = policy.governments(user_of(request), Act.VIEW)
    drafts = ReportDraft.objects.select_related("government", "cycle")
    if governments is not None:
        drafts = drafts.of_governments(governments)
    return [_out(d) for d in drafts]


@router.post("", response={201: DraftOut, **ERRORS})
def create_draft(request: HttpRequest, body: DraftCreate) -> Status:
    """Open the government's draft for a cycle (created, or the open one returned)."""
    draft = workflow.start(user_of(request), _government(body.government), _cycle(body.cycle))
    return Status(201, _out(draft))


@router.get("/{draft_id}", response={200: DraftOut, **ERRORS})
def get_draft(request: HttpRequest, draft_id: int) -> dict:
    return _out(_draft(request, draft_id))


@router.patch("/{draft_id}/answers", response={200: DraftOut, **ERRORS})
def save_answers(request: HttpRequest, draft_id: int, body: AnswersIn) -> dict:
    """Change some answers (``null`` removes one). Refused with 409 when ``version`` is
    not the draft's current version, with 422 when an answer is invalid."""
    draft = _draft(request, draft_id, Act.EDIT)
    given = {k: v for k, v in body.answers.items() if v is not None}
    try:
        parsed = editing.answers_from_json(draft.cycle.schema, given)
    except ReportInputError as error:
        raise InvalidAnswers(
            [editing.EditProblem(error.question or "", str(error), "unreadable")]
        ) from None
    changes = {key: parsed.get(key) for key in body.answers}
    unknown = [k for k in changes if k not in workflow.questionnaire_of(draft)]
    if unknown:
        raise InvalidAnswers(
            [
                editing.EditProblem(k, f"{k} is not a question of this report", "unknown-question")
                for k in unknown
            ]
        )
    workflow.save(user_of(request), draft, changes, body.version)
    draft.refresh_from_db()
    return _out(draft)


def _transition(request: HttpRequest, draft_id: int, act: Act, body: TransitionIn | None) -> dict:
    body = body or TransitionIn()
    draft = _draft(request, draft_id, act)
    user = user_of(request)
    if act == Act.SUBMIT:
        workflow.submit(user, draft, body.version)
    elif act == Act.RETURN:
        workflow.return_to_draft(user, draft, body.comment, body.version)
    elif act == Act.PUBLISH:
        workflow.publish(user, draft, body.version)
    elif act == Act.REOPEN:
        workflow.reopen(user, draft, body.comment, body.version)
    else:
        raise Http404("no such action")
    draft.refresh_from_db()
    return _out(draft)


@router.post("/{draft_id}/submit", response={200: DraftOut, **ERRORS})
def submit(request: HttpRequest, draft_id: int, body: TransitionIn | None = None) -> dict:
    return _transition(request, draft_id, Act.SUBMIT, body)


@router.post("/{draft_id}/return", response={200: DraftOut, **ERRORS})
def return_draft(request: HttpRequest, draft_id: int, body: TransitionIn | None = None) -> dict:
    return _transition(request, draft_id, Act.RETURN, body)


@router.post("/{draft_id}/publish", response={200: DraftOut, **ERRORS})
def publish(request: HttpRequest, draft_id: int, body: TransitionIn | None = None) -> dict:
    return _transition(request, draft_id, Act.PUBLISH, body)


@router.post("/{draft_id}/reopen", response={200: DraftOut, **ERRORS})
def reopen(request: HttpRequest, draft_id: int, body: TransitionIn | None = None) -> dict:
    return _transition(request, draft_id, Act.REOPEN, body)


@router.get("/{draft_id}/history", response={200: list[VersionOut], **ERRORS})
def history(request: HttpRequest, draft_id: int) -> list[dict]:
    draft = _draft(request, draft_id)
    return [
        {
            "number": v.number,
            "action": v.action,
            "status": v.status,
            "author": str(v.author) if v.author else None,
            "at": v.at,
            "comment": v.comment,
            "changes": v.changes,
        }
        for v in draft.versions.select_related("author")
    ]
