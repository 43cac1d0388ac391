"""The pages of evaluation runs. The role is checked first, before anything is read:
the Secretariat (``MANAGE_EVALUATIONS``) creates, writes, resolves and publishes;
reviewers of the Liaison Group (``REVIEW_EVALUATIONS``) read and comment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cpbmonitor.conf import plan_version
from cpbmonitor.evaluations.models import EvaluationRun
from cpbmonitor.reporting import policy
from cpbmonitor.reporting.policy import Act
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services import run_texts


def _run(slug: str) -> EvaluationRun:
    try:
        return runs.get_run(slug)
    except runs.RunError:
        raise Http404(slug) from None


def _back(run: EvaluationRun, anchor: str = "") -> HttpResponse:
    from django.urls import reverse

    return redirect(
        reverse("evaluations:detail", args=[run.slug]) + (f"#{anchor}" if anchor else "")
    )


@login_required
def run_list(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, Act.REVIEW_EVALUATIONS)
    manager = policy.allowed(request.user, Act.MANAGE_EVALUATIONS)
    if request.method == "POST":
        policy.require(request.user, Act.MANAGE_EVALUATIONS)
        form = request.POST
        try:
            as_of = dt.date.fromisoformat(form["as_of"]) if form.get("as_of") else None
            baseline = int(form["baseline"]) if form.get("baseline") else None
            run = runs.create_run(
                form.get("name", ""),
                form.get("plan") or plan_version(),
                int(form.get("cycle", "")),
                baseline,
                as_of,
                request.user,
            )
        except (ValueError, KeyError) as error:
            messages.error(request, str(error))
        else:
            return _back(run)
    context = {"runs": runs.runs(), "manager": manager, "plan": plan_version()}
    return render(request, "evaluations/list.html", context)


@login_required
def run_detail(request: HttpRequest, slug: str) -> HttpResponse:
    policy.require(request.user, Act.REVIEW_EVALUATIONS)
    run = _run(slug)
    texts = run_texts.latest_texts(run)
    notes = run_texts.comments(run)
    sections = [
        {
            "section": s,
            "text": texts.get(s.key),
            "comments": [c for c in notes if c.section == s.key],
            "versions": len(run_texts.history(run, s.key)) if s.key in texts else 0,
        }
        for s in run_texts.sections(run)
    ]
    figures = [row for row in runs.figure_rows(runs.evaluate_run(run)) if row["group"] == "global"]
    context = {
        "run": run,
        "citation": runs.citation(run).text(),
        "sections": sections,
        "figures": figures,
        "manager": policy.allowed(request.user, Act.MANAGE_EVALUATIONS),
        "others": [r for r in runs.runs() if r.pk != run.pk],
        "written_label": run_texts.WRITTEN_LABEL,
    }
    return render(request, "evaluations/detail.html", context)


@login_required
@require_POST
def write(request: HttpRequest, slug: str, section: str) -> HttpResponse:
    return _post_text(request, slug, section, Act.MANAGE_EVALUATIONS, run_texts.write)


@login_required
@require_POST
def comment(request: HttpRequest, slug: str, section: str) -> HttpResponse:
    return _post_text(request, slug, section, Act.REVIEW_EVALUATIONS, run_texts.comment)


def _post_text(
    request: HttpRequest,
    slug: str,
    section: str,
    act: Act,
    store: Callable[[EvaluationRun, str, str, Any], object],
) -> HttpResponse:
    """A section's text or a comment on it, posted by a user allowed ``act``; a refusal
    of the service is shown as a message on the section."""
    policy.require(request.user, act)
    run = _run(slug)
    try:
        store(run, section, request.POST.get("text", ""), request.user)
    except runs.RunError as error:
        messages.error(request, str(error))
    return _back(run, section)


@login_required
@require_POST
def resolve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    policy.require(request.user, Act.MANAGE_EVALUATIONS)
    run = _run(slug)
    try:
        found = run_texts.resolve(run, pk, request.user, request.POST.get("resolution", ""))
    except runs.RunError as error:
        messages.error(request, str(error))
        return _back(run)
    return _back(run, found.section)


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    policy.require(request.user, Act.MANAGE_EVALUATIONS)
    run = _run(slug)
    try:
        runs.publish(run, request.user)
    except runs.RunError as error:
        messages.error(request, str(error))
    return _back(run)


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, Act.REVIEW_EVALUATIONS)
    before, after = _run(request.GET.get("before", "")), _run(request.GET.get("after", ""))
    comparison = runs.compare(before, after)
    context = {
        "before": before,
        "after": after,
        "comparison": comparison,
        "rows": runs.change_rows(comparison),
    }
    return render(request, "evaluations/compare.html", context)


@login_required
def document(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    policy.require(request.user, Act.REVIEW_EVALUATIONS)
    from cpbmonitor.services.run_documents import DOWNLOADS, run_document_file

    if fmt not in DOWNLOADS:
        raise Http404(fmt)
    file = run_document_file(_run(slug), fmt)
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response
