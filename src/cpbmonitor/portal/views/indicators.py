"""An indicator's page and its downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.core.plan import Indicator
from cpbmonitor.milestones.portal import milestone_table
from cpbmonitor.portal.figures import indicator_chart
from cpbmonitor.services.evaluation import current_evaluation, current_plan, indicator_method
from cpbmonitor.web import downloads


def indicator_or_404(code: str) -> Indicator:
    try:
        return current_plan().indicator(code)
    except KeyError:
        raise Http404(f"no indicator {code}") from None


def indicator(request: HttpRequest, code: str) -> HttpResponse:
    item = indicator_or_404(code)
    plan = current_plan()
    evaluation = current_evaluation(plan)
    result = evaluation.indicator(code) if evaluation else None
    goal = plan.goal_of(code)
    context = {
        "plan": plan,
        "indicator": item,
        "goal": goal,
        "objectives": [o for o in goal.objectives if o.code in item.objectives],
        "result": result,
        "chart": indicator_chart(result, "indicator-chart"),
        "methodology": indicator_method(code, plan),
        "formats": downloads.FORMATS,
        "milestones": milestone_table(plan, [code]),  # milestones app
    }
    return render(request, "portal/indicator.html", context)


def download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    indicator_or_404(code)
    name = f"cpb-indicator-{code.replace('(', '-').rstrip(')')}"
    return downloads.table_response("indicator-results", {"indicator": code}, fmt, name)
