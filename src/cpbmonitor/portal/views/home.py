from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from cpbmonitor.core.indicators import GROUPS
from cpbmonitor.portal.figures import status_chart
from cpbmonitor.portal.page_cache import cached_page
from cpbmonitor.services import status
from cpbmonitor.services.evaluation import current_evaluation, current_plan


def home(request: HttpRequest) -> HttpResponse:
    return cached_page(request, "portal/home.html", _content)


def _content() -> dict[str, Any]:
    plan = current_plan()
    evaluation = current_evaluation(plan)
    goals = [
        (goal, [(i, evaluation and evaluation.indicator(i.code)) for i in goal.indicators])
        for goal in plan.goals()
    ]
    cycle = status.current_cycle()
    groups = status.by_group(status.status(cycle)) if cycle else []
    return {
        "plan": plan,
        "evaluation": evaluation,
        "goals": goals,
        "groups": GROUPS,
        "cycle": cycle,
        "status_groups": groups,
        "status_chart": status_chart(groups, str(cycle.label)) if cycle else None,
    }
