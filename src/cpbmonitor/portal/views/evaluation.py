"""The evaluation report for download: the page lists every valid choice of plan version,
cycle measured and baseline, with a link per format; the download builds the document
on demand (``services.evaluation_report``) and keeps it until the data change.

Valid choices: a cycle with current national reports that the plan version's methodology
covers, against each earlier such cycle (or no baseline when there is none). Formats:
those of ``core.evaluation.renderers`` that can run here (PDF only where LibreOffice is
installed; its link is hidden otherwise).

**Cache.** Documents are kept as files under ``<CPB_DATA_DIR>/cache/evaluation/``, not in
Django's cache: the configured cache is the per-process memory cache (no ``CACHES``
setting), where a few documents of up to a few MB each would be built again by every
web worker and held in each worker's memory; files are shared by the workers and
survive restarts. A file's name starts with a fingerprint of the data (software version,
the portal's data version of the reports and Parties, the records' and the milestones'
fingerprints), so new data are never served an old document; writing a document removes
the files of older fingerprints. Files are written whole (temporary file, then rename);
when the folder cannot be written the document is served uncached.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

import cpbmonitor
from cpbmonitor.core.evaluation import Renderer, RendererError, renderers
from cpbmonitor.core.evaluation import render as render_document
from cpbmonitor.core.indicators import load_methodology
from cpbmonitor.core.plan import available_versions, load_plan
from cpbmonitor.portal import conf
from cpbmonitor.services import results

logger = logging.getLogger(__name__)

FORMATS = ("docx", "html", "xlsx", "pdf")
"""The formats offered, in the order of the links."""
FORMAT_LABELS = {
    "docx": gettext_lazy("Word (DOCX)"),
    "html": gettext_lazy("Web page (HTML)"),
    "xlsx": gettext_lazy("Spreadsheet (XLSX)"),
    "pdf": gettext_lazy("PDF"),
}
NO_BASELINE = "none"


@dataclass(frozen=True)
class Choice:
    """One valid document: a plan version, the cycle measured and the baseline."""

    plan: str
    cycle: int
    baseline: int | None

    @property
    def baseline_text(self) -> str:
        return NO_BASELINE if self.baseline is None else str(self.baseline)

    def url(self, fmt: str) -> str:
        query = {"plan": self.plan, "cycle": self.cycle, "baseline": self.baseline_text}
        return f"{reverse('portal:evaluation-download')}?{urlencode(query | {'format': fmt})}"

    def file_name(self, suffix: str, demonstration: bool) -> str:
        against = f"-baseline-{self.baseline}" if self.baseline is not None else ""
        demo = "-demonstration" if demonstration else ""
        return f"cpb-evaluation-{self.plan}-cycle-{self.cycle}{against}{demo}{suffix}"


# -- what can be downloaded ------------------------------------------------------------------


def reported_cycles() -> set[int]:
    """Numbers of the cycles with current national reports."""
    from cpbmonitor.national_reports.models import NationalReport

    numbers = (
        NationalReport.objects.current()
        .exclude(cycle__number=None)
        .values_list("cycle__number", flat=True)
        .distinct()
    )
    return set(numbers)


def choices() -> list[Choice]:
    """Every valid choice: the portal's plan version first, the latest cycle first."""
    reported = reported_cycles()
    found = []
    shown = conf.plan_version()
    for plan in sorted(available_versions(), key=lambda version: version != shown):
        usable = sorted(reported & set(load_methodology(plan).cycles), reverse=True)
        for cycle in usable:
            earlier = [number for number in usable if number < cycle]
            found += [Choice(plan, cycle, baseline) for baseline in earlier or [None]]
    return found


def available_renderers() -> list[Renderer]:
    """The renderers offered, in ``FORMATS`` order, that can run on this server."""
    known = renderers()
    return [known[name] for name in FORMATS if name in known and known[name].missing() is None]


# -- the cache -------------------------------------------------------------------------------


def data_fingerprint() -> str:
    """Changes whenever the software or any data the document reads change."""
    from cpbmonitor.milestones.models import Milestone
    from cpbmonitor.services.capacity import records_version

    parts = (
        cpbmonitor.__version__,
        results.data_version(),
        records_version(),
        Milestone.objects.version(),
    )
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_folder() -> Path:
    return Path(settings.DATA_DIR) / "cache" / "evaluation"


def build(choice: Choice, fmt: str) -> bytes:
    """The document of ``choice`` as the bytes of a ``fmt`` file (no cache)."""
    from cpbmonitor.services.evaluation_report import evaluation_document

    document = evaluation_document(choice.plan, choice.cycle, choice.baseline)
    return render_document(document, fmt)


def keep(folder: Path, path: Path, content: bytes, fingerprint: str) -> None:
    """Write ``content`` to ``path`` whole, then remove documents of other fingerprints."""
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".part-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
        temporary = None
        for old in folder.iterdir():
            if not old.name.startswith((fingerprint, ".part-")):
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("evaluation report not cached in %s: %s", folder, error)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def document_bytes(choice: Choice, fmt: str) -> bytes:
    """The cached document, built and kept when the data changed since it was."""
    fingerprint = data_fingerprint()
    folder = cache_folder()
    path = folder / f"{fingerprint}-{choice.plan}-{choice.cycle}-{choice.baseline_text}.{fmt}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    content = build(choice, fmt)
    keep(folder, path, content, fingerprint)
    return content


# -- the views -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    choice: Choice
    plan_title: str
    links: list[tuple[str, str]]
    """(label, URL) per format."""


@require_safe
def evaluation(request: HttpRequest) -> HttpResponse:
    offered = available_renderers()
    rows = [
        Row(
            choice,
            load_plan(choice.plan).title,
            [(str(FORMAT_LABELS[r.name]), choice.url(r.name)) for r in offered],
        )
        for choice in choices()
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
    offered = {r.name: r for r in available_renderers()}
    if fmt not in offered:
        raise Http404(f"no evaluation report format {fmt!r} on this server")
    if choice not in choices():
        raise Http404("no evaluation report for this plan version, cycle and baseline")
    renderer = offered[fmt]
    try:
        content = document_bytes(choice, fmt)
    except RendererError as error:  # e.g. LibreOffice failed to convert
        logger.error("evaluation report %s as %s: %s", choice, fmt, error)
        return HttpResponse(
            "The document could not be generated in this format; try another.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content, content_type=renderer.media_type)
    name = choice.file_name(renderer.suffix, conf.demo_data())
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Content-Length"] = str(len(content))
    response["X-Content-Type-Options"] = "nosniff"
    return response
