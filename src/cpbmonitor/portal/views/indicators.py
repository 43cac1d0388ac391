"""An indicator's page and its downloads."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from cpbmonitor.core.plan import Indicator
from cpbmonitor.milestones.portal import milestone_table
from cpbmonitor.portal import series_panels
from cpbmonitor.portal.contribution import contribution_context
from cpbmonitor.portal.figures import indicator_chart
from cpbmonitor.portal.page_cache import cached_page
from cpbmonitor.services import sdmx
from cpbmonitor.services.evaluation import current_evaluation, current_plan, indicator_method
from cpbmonitor.services.questions import methodology_links
from cpbmonitor.web import downloads


def indicator_or_404(code: str) -> Indicator:
    try:
        return current_plan().indicator(code)
    except KeyError:
        raise Http404(f"no indicator {code}") from None


def indicator(request: HttpRequest, code: str) -> HttpResponse:
    item = indicator_or_404(code)
    map_cycle = _map_cycle(request)
    page = {"indicator": item}
    content = partial(_content, item, map_cycle)
    return cached_page(request, "portal/indicator.html", content, page, {"map_cycle": map_cycle})


def _content(item: Indicator, map_cycle: int | None) -> dict[str, Any]:
    code = item.code
    plan = current_plan()
    evaluation = current_evaluation(plan)
    result = evaluation.indicator(code) if evaluation else None
    goal = plan.goal_of(code)
    return {
        "plan": plan,
        "indicator": item,
        "goal": goal,
        "objectives": [o for o in goal.objectives if o.code in item.objectives],
        "result": result,
        "chart": indicator_chart(result, "indicator-chart"),
        "methodology": (method := indicator_method(code, plan)),
        "questions": methodology_links(method),
        "formats": (*downloads.FORMATS, sdmx.FORMAT),
        "series_formats": downloads.FORMATS,
        "milestones": milestone_table(plan, [code]),  # milestones app
        "series": series_panels.indicator_series(plan, code),
        "world_map": series_panels.indicator_map(plan, code, map_cycle),
        **contribution_context(plan, code),
    }


def _map_cycle(request: HttpRequest) -> int | None:
    text = request.GET.get("map_cycle", "")
    return int(text) if text.isdigit() else None


def download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator_or_404(code)
    name = f"cpb-indicator-{code.replace('(', '-').rstrip(')')}"
    if fmt == sdmx.FORMAT:  # SDMX-CSV (docs/sdmx.md), beside the table formats
        response = HttpResponse(sdmx.sdmx_csv(indicator=code), content_type=sdmx.MEDIA_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}.sdmx.csv"'
        return response
    return downloads.table_response("indicator-results", {"indicator": code}, fmt, name)


def series_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The indicator in every cycle (``?cycles=4,5,6``; default every cycle with rules),
    each change with its comparability, as CSV, JSON or XLSX."""
    indicator_or_404(code)
    name = f"cpb-indicator-{code.replace('(', '-').rstrip(')')}-series"
    params = {"indicator": code, "cycles": request.GET.get("cycles", "")}
    return downloads.table_response("indicator-series", params, fmt, name)
