"""The question analyzer: cycles, a cycle's questions, one question's answers."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpbmonitor.core.formats.model import Question
from cpbmonitor.core.indicators import GROUPS
from cpbmonitor.national_reports.models import ReportingCycle
from cpbmonitor.national_reports.models.cycles import UnknownCycle
from cpbmonitor.portal.figures import question_chart
from cpbmonitor.portal.page_cache import cached_page
from cpbmonitor.services import questions as analyzer
from cpbmonitor.services.cycles import cycle as resolve_cycle
from cpbmonitor.services.texts import published_analysis


def cycle_or_404(name: str) -> ReportingCycle:
    try:
        return resolve_cycle(name)
    except UnknownCycle:
        raise Http404(f"no cycle {name}") from None


def index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/questions.html", {"cycles": analyzer.cycles_with_questions()})


def cycle_questions(request: HttpRequest, cycle: str) -> HttpResponse:
    item = cycle_or_404(cycle)
    questionnaire = analyzer.questionnaire(item)
    if questionnaire is None:
        raise Http404(f"no questions for cycle {cycle}")
    sections = [
        (section, [q for q in analyzer.analysable(questionnaire) if q.section == section.key])
        for section in questionnaire.sections
    ]
    context = {"cycle": item, "sections": [(s, qs) for s, qs in sections if qs]}
    return render(request, "portal/question_list.html", context)


def question(request: HttpRequest, cycle: str, key: str) -> HttpResponse:
    item = cycle_or_404(cycle)
    found = analyzer.analysable_question(item, key)
    if found is None:
        raise Http404(f"no question {key} in cycle {cycle}")
    search = request.GET.get("q", "").strip()[:100]
    content = partial(_question_content, item, found, search)
    page = {"cycle": item, "question": found}
    if search:  # a search is rendered each time (free text would fill the cache)
        return render(request, "portal/question.html", {**content(), **page})
    return cached_page(request, "portal/question.html", content, page)


def _question_content(item: ReportingCycle, found: Question, search: str) -> dict[str, Any]:
    key = found.key
    analysis = analyzer.analyse(item, found)
    written = published_analysis(key, item.number or 0) if analyzer.takes_text(found) else None
    return {
        "cycle": item,
        "question": found,
        "analysis": analysis,
        "groups": GROUPS,
        "answered": [analysis.current.respondents.get(group, 0) for group in GROUPS],
        "chart": question_chart(found, analysis) if analysis.current.options else None,
        "written": written,
        "search": search,
        "texts": (written.search(search) if search else written.answers) if written else (),
    }
