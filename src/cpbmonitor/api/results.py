"""The API's adapter to indicator results and question analyses: it reuses the portal's
adapters (``portal.results``, ``portal.questions``), so the API and the pages show the
same numbers from the same cache."""

from __future__ import annotations

from typing import Any

from cpbmonitor.core.plan import load_plan
from cpbmonitor.national_reports.models import ReportingCycle


def indicator_results(plan_id: str) -> list[dict[str, Any]]:
    from cpbmonitor.services import results

    plan = load_plan(plan_id)
    evaluation = results.evaluation(plan)
    rows = []
    for indicator in plan.indicators():
        result = evaluation.indicator(indicator.code)
        rows.append(
            {
                "code": indicator.code,
                "text": indicator.text,
                "unit": result.unit,
                "computed": result.computed,
                "groups": [vars(g) for g in result.in_order()],
            }
        )
    return rows


def _cycle_answers(data: Any) -> dict[str, Any] | None:
    if data is None:
        return None
    return {
        "cycle": str(data.cycle),
        "report_schema": data.schema,
        "key": data.key,
        "reports": dict(data.reports),
        "answered": dict(data.answered),
        "options": [
            {"value": o.value, "label": o.label, "counts": dict(o.counts)} for o in data.options
        ],
    }


def question_analysis(cycle: ReportingCycle, key: str) -> dict[str, Any] | None:
    """The analysis of question ``key`` of ``cycle``; ``None`` when it cannot be analysed."""
    from cpbmonitor.services import questions

    questionnaire = questions.questionnaire(cycle)
    question = questionnaire.question(key) if questionnaire else None
    if question is None or question.type not in ("option", "term"):
        return None
    analysis = questions.analyse(cycle, question)
    return {
        "question": key,
        "title": question.title,
        "current": _cycle_answers(analysis.current),
        "previous": _cycle_answers(analysis.previous),
    }
