"""Capacity-building needs and their coverage: the needs table, the heat-map of uncovered
need (needs areas × regions), the needs areas the Action Plan does not cover, and which
Parties assessed and prioritised their needs. Computed by ``services.capacity``
and cached under the data version and the records' fingerprint."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _

from cpbmonitor.conf import plan_version
from cpbmonitor.core.capacity import Coverage, NeedsAnalysis
from cpbmonitor.core.indicators import GROUPS
from cpbmonitor.core.plan import load_plan
from cpbmonitor.portal import labels
from cpbmonitor.portal.contribution import contribution_context
from cpbmonitor.portal.heatmap import INK, HeatCell, HeatRow, ScoreClass, heatmap
from cpbmonitor.portal.page_cache import one_data_version
from cpbmonitor.services import capacity as service
from cpbmonitor.web import downloads

WHITE = "#ffffff"


def score_classes() -> list[ScoreClass]:
    """The heat-map's colour classes: share of the group's reporting Parties with a need
    that no activity reaches."""
    return [
        ScoreClass(0.0, "#eef3f5", INK, _("none (0 %)")),
        ScoreClass(1e-9, "#fef0d9", INK, _("under 10 %")),
        ScoreClass(0.10, "#fdcc8a", INK, _("10 to 25 %")),
        ScoreClass(0.25, "#fc8d59", INK, _("25 to 50 %")),
        ScoreClass(0.50, "#c8321f", WHITE, _("50 to 75 %")),
        ScoreClass(0.75, "#7f0000", WHITE, _("75 % or more")),
    ]


def _chosen_cycle(request: HttpRequest, cycles: list[int]) -> int | None:
    asked = request.GET.get("cycle")
    if asked is None:
        return cycles[-1] if cycles else None
    if not asked.isdigit() or int(asked) not in cycles:
        raise Http404(f"no needs analysis for cycle {asked}")
    return int(asked)


@one_data_version
def capacity(request: HttpRequest) -> HttpResponse:
    cycles = service.cycles_with_needs()
    cycle = _chosen_cycle(request, cycles)
    context: dict[str, Any] = {
        "cycles": cycles,
        "cycle": cycle,
        "groups": GROUPS,
        "formats": downloads.FORMATS,
    }
    if cycle is not None:
        try:
            data = service.capacity_data(cycle, plan_version())
        except LookupError as error:  # e.g. an imported format without the needs question
            context["problem"] = str(error)
            return render(request, "portal/capacity.html", context)
        context |= _needs_context(data)
        if data.coverage is not None:
            context |= _coverage_context(data.coverage)
    return render(request, "portal/capacity.html", context)


def _needs_context(data: service.CapacityData) -> dict[str, Any]:
    return {
        "data": data,
        "needs_rows": _needs_rows(data.needs),
        "reporting": [data.needs.reporting.get(group, 0) for group in GROUPS],
        "assessment": list(data.needs.assessment().items()),
        **contribution_context(load_plan(plan_version())),
    }


def _coverage_context(coverage: Coverage) -> dict[str, Any]:
    return {
        "coverage": coverage,
        "heatmap": _heatmap(coverage),
        "classes": score_classes(),
        "unreached": [
            {
                "government": party.government,
                "region": party.region,
                "codes": " ".join(sorted(party.unreached)),
                "reaching": party.reaching,
            }
            for party in coverage.unreached
        ],
    }


def _needs_rows(needs: NeedsAnalysis) -> list[dict[str, Any]]:
    return [
        {
            "area": item.area,
            "counts": [item.counts.get(group, 0) for group in GROUPS],
            "previous": item.previous.get("global", 0) if item.previous is not None else None,
            "change": item.change(),
        }
        for item in needs.areas
    ]


def _money(amount: float) -> str:
    return formats.number_format(round(amount), 0, use_l10n=True, force_grouping=True)


def _heatmap(coverage: Coverage) -> Any:
    rows = []
    for item in coverage.areas:
        cells = []
        for group in GROUPS:
            cell = item.cell(group)
            words = _(
                "%(area)s, %(group)s: %(uncovered)s of %(in_need)s Parties in need reached "
                "by no activity (%(reporting)s reporting); %(activities)s activities, "
                "USD %(funding)s"
            ) % {
                "area": f"{item.area.code} {item.area.label}",
                "group": labels.GROUP_LABELS[group],
                "uncovered": cell.uncovered,
                "in_need": cell.in_need,
                "reporting": cell.reporting,
                "activities": cell.activities,
                "funding": _money(cell.funding),
            }
            detail = _("of %(in_need)s · %(activities)s act.") % {
                "in_need": cell.in_need,
                "activities": cell.activities,
            }
            cells.append(
                HeatCell(
                    main=str(cell.uncovered),
                    detail=detail,
                    score=cell.score,
                    title=words,
                    attributes=(("area", item.area.code), ("group", group)),
                )
            )
        rows.append(HeatRow(f"{item.area.code} {item.area.label}", cells))
    return heatmap(
        chart_id="coverage-heatmap",
        title=_("Uncovered capacity-building need, by needs area and region"),
        description=_(
            "Each cell: the Parties in need that no capacity-building activity reaches, "
            "out of the Parties in need, and the number of activities; the colour is the "
            "share of the group's reporting Parties with such an unmet need. The same "
            "numbers are in the coverage table below."
        ),
        columns=[str(labels.GROUP_SHORT[group]) for group in GROUPS],
        rows=rows,
        classes=score_classes(),
        missing=ScoreClass(-1.0, WHITE, "#51616c", _("no reporting Party")),
        legend_title=_("Share of the group’s reporting Parties:"),
    )


def download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Reporting Parties per needs area (``?cycle=``), as ``cpb capacity needs`` gives them."""
    params = {"cycle": request.GET.get("cycle", "")}
    return downloads.table_response("capacity-needs", params, fmt, "cpb-capacity-needs")
