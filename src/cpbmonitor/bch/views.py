"""The Secretariat's pages of the BCH sync: the runs, the quarantine, one quarantined
document. The role is checked first, before anything is read."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cpbmonitor.bch.models import QuarantinedDocument, SyncState
from cpbmonitor.reporting import policy
from cpbmonitor.reporting.policy import Act
from cpbmonitor.services import bch

RUNS_SHOWN = 50


@login_required
def runs(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, Act.VIEW_BCH_SYNC)
    context = {
        "runs": bch.runs(RUNS_SHOWN),
        "states": SyncState.objects.select_related("last_success"),
        "open_quarantine": QuarantinedDocument.objects.open().count(),
    }
    return render(request, "bch/runs.html", context)


@login_required
def quarantine(request: HttpRequest) -> HttpResponse:
    policy.require(request.user, Act.VIEW_BCH_SYNC)
    everything = request.GET.get("all") == "1"
    rows = bch.quarantined(include_resolved=everything)
    return render(request, "bch/quarantine.html", {"rows": rows, "everything": everything})


@login_required
def document(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(request.user, Act.VIEW_BCH_SYNC)
    row = get_object_or_404(QuarantinedDocument.objects.select_related("run"), pk=pk)
    text = json.dumps(row.document, indent=2, ensure_ascii=False)
    return render(request, "bch/document.html", {"row": row, "text": text})
