"""Pages of the plan itself: versions, one version's tree, a goal, a comparison."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.core.plan import Goal, PlanVersion, available_versions, load_plan
from cpbmonitor.core.plan.crosswalk import KINDS, crosswalk_file, load_crosswalk, texts
from cpbmonitor.milestones.portal import goal_linkages, milestone_table
from cpbmonitor.portal import series_panels
from cpbmonitor.portal.diff import word_diff_html
from cpbmonitor.portal.figures import indicator_chart
from cpbmonitor.portal.page_cache import cached_page
from cpbmonitor.services.evaluation import current_evaluation, current_plan


def plan_or_404(version: str) -> PlanVersion:
    if version not in available_versions():
        raise Http404(f"no plan version {version}")
    return load_plan(version)


def comparisons() -> list[tuple[str, str]]:
    versions = available_versions()
    return [
        (old, new)
        for old in versions
        for new in versions
        if old != new and crosswalk_file(old, new).exists()
    ]


def versions(request: HttpRequest) -> HttpResponse:
    plans = [load_plan(version) for version in available_versions()]
    context = {"plans": plans, "comparisons": comparisons(), "current": current_plan()}
    return render(request, "portal/plan_versions.html", context)


def version(request: HttpRequest, version: str) -> HttpResponse:
    plan = plan_or_404(version)
    context = {"plan": plan, "current": current_plan(), "comparisons": comparisons()}
    return render(request, "portal/plan_version.html", context)


def goal(request: HttpRequest, code: str) -> HttpResponse:
    plan = current_plan()
    try:
        item = plan.goal(code)
    except KeyError:
        raise Http404(f"no goal {code}") from None
    content = partial(_goal_content, plan, item)
    return cached_page(request, "portal/goal.html", content, {"goal": item})


def _goal_content(plan: PlanVersion, item: Goal) -> dict[str, Any]:
    evaluation = current_evaluation(plan)
    indicators = []
    for indicator in item.indicators:
        result = evaluation.indicator(indicator.code) if evaluation else None
        chart_id = "chart-" + indicator.code.replace(".", "-").replace("(", "-").rstrip(")")
        indicators.append((indicator, result, indicator_chart(result, chart_id)))
    return {
        "plan": plan,
        "goal": item,
        "indicators": indicators,
        "key_areas": plan.key_areas_of(item),
        "activities": plan.activities_of(item),
        "shared_with": _shared_with(plan, item.capacity_building_set, item.code),
        "linkages": goal_linkages(plan, item.code),  # milestones app
        "milestones": milestone_table(plan, [i.code for i in item.indicators]),
        "progress": series_panels.goal_progress(plan, item),
    }


def _shared_with(plan: PlanVersion, set_id: str | None, code: str) -> list[str]:
    if not set_id:
        return []
    return [g for g in plan.shared_set(set_id).goals if g != code]


def compare(request: HttpRequest, old: str, new: str) -> HttpResponse:
    if (old, new) not in comparisons():
        raise Http404(f"no comparison of {old} with {new}")
    old_plan, new_plan = load_plan(old), load_plan(new)
    crosswalk = load_crosswalk(old_plan, new_plan)
    sections = []
    for kind in KINDS:
        old_texts, new_texts = texts(old_plan, kind), texts(new_plan, kind)
        rows = []
        for entry in crosswalk.for_kind(kind):
            one_to_one = len(entry.old) == 1 and len(entry.new) == 1
            rows.append(
                {
                    "entry": entry,
                    "diff": word_diff_html(old_texts[entry.old[0]], new_texts[entry.new[0]])
                    if one_to_one and "reworded" in entry.change
                    else None,
                    "same_text": new_texts[entry.new[0]]
                    if one_to_one and "reworded" not in entry.change
                    else None,
                    "old": [(c, old_texts[c]) for c in entry.old],
                    "new": [(c, new_texts[c]) for c in entry.new],
                }
            )
        sections.append({"kind": kind, "rows": rows, "counts": _change_counts(rows)})
    context = {"old": old_plan, "new": new_plan, "sections": sections}
    return render(request, "portal/plan_compare.html", context)


def _change_counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        for change in row["entry"].change:
            counts[change] = counts.get(change, 0) + 1
    return counts
