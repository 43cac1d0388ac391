"""Evaluation runs: published runs are read by anyone, drafts by the Secretariat and the
Liaison Group's reviewers (``Act.REVIEW_EVALUATIONS``). Every answer cites the run (name,
date of the data, data fingerprint); figures come from the run's frozen inputs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema

from cpbmonitor.api.auth import OptionalToken, user_of
from cpbmonitor.api.schemas import ErrorOut
from cpbmonitor.evaluations.models import EvaluationRun
from cpbmonitor.reporting.policy import Act, allowed
from cpbmonitor.services import evaluation_runs as runs
from cpbmonitor.services import run_documents

router = Router(tags=["evaluations"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class CitationOut(Schema):
    name: str
    as_of: str
    data_fingerprint: str
    published: bool


class RunOut(Schema):
    name: str
    slug: str
    plan: str
    cycle: int
    baseline: int | None
    as_of: str
    status: str
    data_fingerprint: str
    methodology_fingerprint: str
    created_at: str
    created_by: str | None
    published_at: str | None


class FigureOut(Schema):
    indicator: str
    group: str
    numerator: int | None
    denominator: int | None
    value: float | None
    change: float | None
    status: str | None


class RunFiguresOut(Schema):
    run: RunOut
    citation: CitationOut
    figures: list[FigureOut]


class ReportChangeOut(Schema):
    change: str
    government: str
    cycle: int
    identifier: str
    previous: str | None


class FigureChangeOut(Schema):
    indicator: str
    group: str
    figure: str
    before: float | int | str | None
    after: float | int | str | None
    why: str


class ComparisonOut(Schema):
    before: CitationOut
    after: CitationOut
    reports: list[ReportChangeOut]
    records: list[str]
    parties: list[str]
    methodology: list[str]
    figures: list[FigureChangeOut]


def _readable(request: HttpRequest, slug: str) -> EvaluationRun:
    """The run ``slug`` when the user may read it (a draft needs the reviewer's right)."""
    reviewer = allowed(user_of(request), Act.REVIEW_EVALUATIONS)
    run = EvaluationRun.objects.filter(slug=slug).first()
    if run is None:
        raise Http404(f"no evaluation run {slug!r}")
    if not run.published and not reviewer:
        raise PermissionDenied("draft evaluation runs are read by the Secretariat and reviewers")
    return run


@router.get("", response={200: list[RunOut], **ERRORS}, auth=OptionalToken())
def list_runs(request: HttpRequest) -> list[dict[str, Any]]:
    """The evaluation runs, newest first: the published ones, and the drafts for the
    Secretariat and reviewers."""
    reviewer = allowed(user_of(request), Act.REVIEW_EVALUATIONS)
    return [runs.run_row(r) for r in runs.runs() if reviewer or r.published]


@router.get("/{slug}", response={200: RunFiguresOut, **ERRORS}, auth=OptionalToken())
def run_figures(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Every figure of the run (indicator x group), from its frozen inputs."""
    run = _readable(request, slug)
    return {
        "run": runs.run_row(run),
        "citation": runs.citation(run).as_dict(),
        "figures": runs.figure_rows(runs.evaluate_run(run)),
    }


@router.get(
    "/{before}/compare/{after}", response={200: ComparisonOut, **ERRORS}, auth=OptionalToken()
)
def compare_runs(request: HttpRequest, before: str, after: str) -> dict[str, Any]:
    """Which figures changed from run ``before`` to run ``after``, and why."""
    old, new = _readable(request, before), _readable(request, after)
    return {
        "before": runs.citation(old).as_dict(),
        "after": runs.citation(new).as_dict(),
        **runs.comparison_data(runs.compare(old, new)),
    }


DOCUMENT_RESPONSE = {
    "responses": {
        "200": {
            "description": "The run's evaluation document (Word or HTML), every section from "
            "its frozen inputs; it cites the run",
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in (
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "text/html; charset=utf-8",
                )
            },
        }
    }
}


@router.get(
    "/{slug}/document/{fmt}",
    response=ERRORS,
    auth=OptionalToken(),
    openapi_extra=DOCUMENT_RESPONSE,
)
def run_document(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The run's evaluation document as ``docx`` or ``html``, from its frozen inputs only
    (reports imported or milestones edited since do not change it)."""
    run = _readable(request, slug)
    if fmt not in run_documents.DOWNLOADS:
        raise Http404(f"no document format {fmt!r}: use docx or html")
    file = run_documents.run_document_file(run, fmt)
    response = HttpResponse(file.content, content_type=file.media_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    return response
