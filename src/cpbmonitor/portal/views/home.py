from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.portal.figures import status_chart
from cpbmonitor.services import results
from cpbmonitor.services import status as reporting


def home(request: HttpRequest) -> HttpResponse:
    plan = results.current_plan()
    evaluation = results.evaluation(plan)
    goals = [
        (goal, [(ind, evaluation.indicator(ind.code)) for ind in goal.indicators])
        for goal in plan.goals()
    ]
    cycle = reporting.current_cycle()
    groups = reporting.by_group(reporting.status(cycle)) if cycle else []
    context = {
        "plan": plan,
        "evaluation": evaluation,
        "goals": goals,
        "groups": results.GROUPS,
        "cycle": cycle,
        "status_groups": groups,
        "status_chart": status_chart(groups, str(cycle.label)) if cycle else None,
    }
    return render(request, "portal/home.html", context)
