"""Pages of online reporting: thin views over ``workflow``, ``forms`` and ``policy``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cpbmonitor.core.formats import question_states
from cpbmonitor.national_reports.models import Party, ReportingCycle
from cpbmonitor.reporting import editing, forms, policy
from cpbmonitor.reporting.models import DraftStatus, ReportDraft
from cpbmonitor.reporting.policy import Act
from cpbmonitor.services import drafts as workflow
from cpbmonitor.services.previous_answers import previous_answers


def _draft(request: HttpRequest, pk: int, action: Act = Act.VIEW) -> ReportDraft:
    draft = get_object_or_404(ReportDraft.objects.select_related("government", "cycle"), pk=pk)
    policy.require(request.user, action, draft.government)
    return draft


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _capabilities(user: Any, draft: ReportDraft) -> dict[str, bool]:
    state = draft.status
    can = {act.value: policy.allowed(user, act, draft.government) for act in Act}
    return {
        "edit": can["edit"] and state == DraftStatus.DRAFT,
        "submit": can["submit"] and state == DraftStatus.DRAFT,
        "return": can["return"] and state == DraftStatus.SUBMITTED,
        "publish": can["publish"] and state == DraftStatus.SUBMITTED,
        "reopen": can["reopen"] and state == DraftStatus.PUBLISHED,
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    visible = policy.governments(user, Act.VIEW)
    drafts = ReportDraft.objects.select_related("government", "cycle", "updated_by")
    if visible is not None:
        drafts = drafts.of_governments(visible)
    creatable = policy.governments(user, Act.CREATE)
    own = Party.objects.all() if creatable is None else Party.objects.filter(pk__in=creatable)
    context = {
        "drafts": drafts,
        "governments": own,
        "cycles": ReportingCycle.objects.filter(schema__in=_editable_schemas()).order_by("-year"),
        "can_create": policy.allowed(user, Act.CREATE),
    }
    return render(request, "reporting/dashboard.html", context)


def _editable_schemas() -> list[str]:
    from cpbmonitor.core.formats import SHIPPED_SCHEMAS
    from cpbmonitor.national_reports.models import ReportingFormat

    return [*SHIPPED_SCHEMAS, *ReportingFormat.objects.imported().values_list("schema", flat=True)]


@login_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    government = get_object_or_404(Party, pk=request.POST.get("government") or 0)
    cycle = get_object_or_404(ReportingCycle, pk=request.POST.get("cycle") or 0)
    draft = workflow.start(request.user, government, cycle)
    return redirect("reporting:section", pk=draft.pk, step=1)


@login_required
def section(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    draft = _draft(request, pk)
    questionnaire = workflow.questionnaire_of(draft)
    sections = questionnaire.sections
    if not 1 <= step <= len(sections):
        raise Http404("no such step")
    current = sections[step - 1]
    answers = workflow.answers_of(draft)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        policy.require(request.user, Act.EDIT, draft.government)
        changes, errors = forms.read_post(current, request.POST, answers, draft.language)
        if not errors:
            try:
                result = workflow.save(request.user, draft, changes, _version(request))
            except workflow.StaleDraft as stale:
                messages.error(request, str(stale))
                return _render_section(request, stale.draft, step, {}, 409)
            except workflow.InvalidAnswers as invalid:
                for problem in invalid.problems:
                    errors.setdefault(problem.question, []).append(problem.message)
            except workflow.WorkflowError as error:
                messages.error(request, str(error))
                return redirect("reporting:review", pk=draft.pk)
            else:
                _saved_message(request, questionnaire, result)
                return redirect(_next_url(request, draft, step, len(sections)))
        answers = _shown(answers, changes)
        status = 400
    return _render_section(request, draft, step, errors, status, answers)


def _shown(answers: dict, changes: dict) -> dict:
    shown = dict(answers)
    for key, answer in changes.items():
        if editing.is_empty(answer):
            shown.pop(key, None)
        else:
            shown[key] = answer
    return shown


def _saved_message(request: HttpRequest, questionnaire: Any, result: Any) -> None:
    text = _("Saved.")
    if result.cleared:
        names = ", ".join(
            (q.number or q.key) if (q := questionnaire.question(k)) else k for k in result.cleared
        )
        cleared = _("Answers no longer asked for were cleared: %(questions)s.")
        text += " " + cleared % {"questions": names}
    messages.success(request, text)


def _next_url(request: HttpRequest, draft: ReportDraft, step: int, last: int) -> str:
    go = request.POST.get("go", "")
    if go == "next" and step < last:
        return reverse("reporting:section", args=[draft.pk, step + 1])
    if go == "previous" and step > 1:
        return reverse("reporting:section", args=[draft.pk, step - 1])
    if go == "review":
        return reverse("reporting:review", args=[draft.pk])
    return reverse("reporting:section", args=[draft.pk, step])


def _render_section(
    request: HttpRequest,
    draft: ReportDraft,
    step: int,
    errors: dict,
    status: int,
    answers: dict | None = None,
) -> HttpResponse:
    questionnaire = workflow.questionnaire_of(draft)
    answers = workflow.answers_of(draft) if answers is None else answers
    states = question_states(questionnaire, answers)
    missing = {q.key for q in workflow.missing(draft)}
    previous = previous_answers(draft.government, draft.cycle, questionnaire)
    current = questionnaire.sections[step - 1]
    context = {
        "draft": draft,
        "step": step,
        "steps": [(i, s, i == step) for i, s in enumerate(questionnaire.sections, start=1)],
        "section": current,
        "rows": forms.rows(
            questionnaire, current, answers, states, previous, missing, errors, draft.language
        ),
        "previous_step": step - 1 if step > 1 else None,
        "next_step": step + 1 if step < len(questionnaire.sections) else None,
        "can": _capabilities(request.user, draft),
        "has_errors": bool(errors),
    }
    return render(request, "reporting/section.html", context, status=status)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    questionnaire = workflow.questionnaire_of(draft)
    step_of = {
        q.key: i
        for i, s in enumerate(questionnaire.sections, 1)
        for q in forms.section_questions(s)
    }
    lacking = [(q, step_of.get(q.key, 1)) for q in workflow.missing(draft)]
    context = {
        "draft": draft,
        "missing": lacking,
        "can": _capabilities(request.user, draft),
        "steps": [(i, s, False) for i, s in enumerate(questionnaire.sections, 1)],
    }
    return render(request, "reporting/review.html", context)


def _transition(done: str | Promise, act: Act):  # type: ignore[no-untyped-def]
    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        draft = _draft(request, pk, act)
        comment = request.POST.get("comment", "")
        try:
            if act == Act.SUBMIT:
                workflow.submit(request.user, draft, _version(request))
            elif act == Act.RETURN:
                workflow.return_to_draft(request.user, draft, comment, _version(request))
            elif act == Act.PUBLISH:
                workflow.publish(request.user, draft, _version(request))
            else:
                workflow.reopen(request.user, draft, comment, _version(request))
        except workflow.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(done))
        return redirect("reporting:review", pk=draft.pk)

    view.__name__ = act.value
    return view


submit = _transition(gettext_lazy("The report was submitted."), Act.SUBMIT)
return_draft = _transition(gettext_lazy("The report was returned to the government."), Act.RETURN)
publish = _transition(gettext_lazy("The report was published."), Act.PUBLISH)
reopen = _transition(gettext_lazy("The report was reopened."), Act.REOPEN)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    versions = draft.versions.select_related("author")
    return render(request, "reporting/history.html", {"draft": draft, "versions": versions})


@login_required
def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    draft = _draft(request, pk)
    item = get_object_or_404(draft.versions.select_related("author"), number=number)
    questionnaire = workflow.questionnaire_of(draft)
    answers = editing.answers_from_json(draft.cycle.schema, item.answers)
    sections = [
        (s, [(q, editing.display(q, answers.get(q.key))) for q in forms.section_questions(s)])
        for s in questionnaire.sections
    ]
    context = {"draft": draft, "item": item, "sections": sections}
    return render(request, "reporting/version.html", context)
