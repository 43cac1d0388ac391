"""The evaluation report for download: the page lists every valid choice of plan version,
cycle measured and baseline (``services.evaluation_documents``), with a link per format;
the download serves the document built on demand and kept until the data change."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from cpbmonitor.core.evaluation import RendererError
from cpbmonitor.core.plan import load_plan
from cpbmonitor.services import evaluation_documents as documents
from cpbmonitor.services.demonstration import demo_data
from cpbmonitor.services.evaluation_documents import NO_BASELINE, Choice

logger = logging.getLogger(__name__)

FORMAT_LABELS = {
    "docx": gettext_lazy("Word (DOCX)"),
    "html": gettext_lazy("Web page (HTML)"),
    "xlsx": gettext_lazy("Spreadsheet (XLSX)"),
    "pdf": gettext_lazy("PDF"),
}


def url(choice: Choice, fmt: str) -> str:
    query = {"plan": choice.plan, "cycle": choice.cycle, "baseline": choice.baseline_text}
    return f"{reverse('portal:evaluation-download')}?{urlencode(query | {'format': fmt})}"


# -- the views -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    choice: Choice
    plan_title: str
    links: list[tuple[str, str]]
    """(label, URL) per format."""


@require_safe
def evaluation(request: HttpRequest) -> HttpResponse:
    offered = documents.available_renderers()
    rows = [
        Row(
            choice,
            load_plan(choice.plan).title,
            [(str(FORMAT_LABELS[r.name]), url(choice, r.name)) for r in offered],
        )
        for choice in documents.choices()
    ]
    context = {"rows": rows, "pdf": any(r.name == "pdf" for r in offered)}
    return render(request, "portal/evaluation.html", context)


def _number(text: str | None, name: str) -> int:
    if text is None or not text.isdigit():
        raise ValueError(f"{name} must be a cycle number, not {text!r}")
    return int(text)


def _asked(request: HttpRequest) -> tuple[Choice, str]:
    """The choice and format of the query; ``ValueError`` for malformed parameters."""
    plan, fmt = request.GET.get("plan", ""), request.GET.get("format", "")
    cycle = _number(request.GET.get("cycle"), "cycle")
    baseline_text = request.GET.get("baseline", NO_BASELINE)
    baseline = None if baseline_text == NO_BASELINE else _number(baseline_text, "baseline")
    return Choice(plan, cycle, baseline), fmt


@require_safe
def download(request: HttpRequest) -> HttpResponse:
    try:
        choice, fmt = _asked(request)
    except ValueError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    offered = {r.name: r for r in documents.available_renderers()}
    if fmt not in offered:
        raise Http404(f"no evaluation report format {fmt!r} on this server")
    if choice not in documents.choices():
        raise Http404("no evaluation report for this plan version, cycle and baseline")
    renderer = offered[fmt]
    try:
        content = documents.document_bytes(choice, fmt)
    except RendererError as error:  # e.g. LibreOffice failed to convert
        logger.error("evaluation report %s as %s: %s", choice, fmt, error)
        return HttpResponse(
            "The document could not be generated in this format; try another.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content, content_type=renderer.media_type)
    name = choice.file_name(renderer.suffix, demo_data())
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    return response
