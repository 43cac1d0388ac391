"""The question analyzer: how Parties answered one question of one cycle, by region,
beside the previous cycle's answers to the same question (through the format crosswalk).

The counting is the engine's (``core.indicators.questions``, called through
``services.evaluation.analyze_stored_question``), so the pages, the API and
``cpb analyze question`` give the same numbers and read the same types
(``QuestionAnalysis``, its ``rows()``). This module chooses the cycles and questions a
page may show and caches analyses under the data version.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from cpbmonitor.core.formats import SHIPPED_SCHEMAS, FormatError, Questionnaire
from cpbmonitor.core.formats.model import CHOICE_TYPES, TEXT_TYPES, Question
from cpbmonitor.core.indicators import IndicatorMethod, QuestionAnalysis, rules
from cpbmonitor.national_reports.models import ReportingCycle, ReportingFormat
from cpbmonitor.services.cache import cached
from cpbmonitor.services.evaluation import analyze_stored_question
from cpbmonitor.services.formats import UnknownSchema, questionnaire_for


def questionnaire(cycle: ReportingCycle) -> Questionnaire | None:
    """The questions of ``cycle``'s format (an imported BCH format wins over the shipped
    definition), as the engine reads them; ``None`` when the cycle has no format or no
    number (the engine analyses numbered cycles)."""
    if cycle.number is None:
        return None
    try:
        return questionnaire_for(cycle.schema)
    except (UnknownSchema, FormatError):
        return None


def analysable(questions: Questionnaire) -> list[Question]:
    """Questions with options to count, or free text to read."""
    return [q for q in questions.all_questions() if q.type in CHOICE_TYPES | TEXT_TYPES]


def takes_text(question: Question) -> bool:
    """Parties write text for the question: a free-text question, or an option that
    carries additional information."""
    return question.type in TEXT_TYPES or any(o.takes_text for o in question.options)


def cycles_with_questions() -> list[ReportingCycle]:
    """Numbered cycles whose format is shipped or imported, the latest first."""
    imported = ReportingFormat.objects.imported().values_list("schema", flat=True)
    has_format = Q(schema__in=SHIPPED_SCHEMAS) | Q(schema__in=list(imported))
    return list(ReportingCycle.objects.filter(has_format, number__isnull=False).order_by("-year"))


def analysable_question(cycle: ReportingCycle, key: str) -> Question | None:
    """Question ``key`` of ``cycle`` when the analyzer can count its answers or read its
    texts."""
    questions = questionnaire(cycle)
    found = questions.question(key) if questions else None
    if found is None or found.type not in CHOICE_TYPES | TEXT_TYPES:
        return None
    return found


@dataclass(frozen=True)
class QuestionLink:
    """A question an indicator's rule reads, and whether the analyzer has its page."""

    cycle: int
    key: str
    has_page: bool


def methodology_links(method: IndicatorMethod | None) -> list[QuestionLink]:
    """The questions ``method``'s rules read, the latest cycle first, sub-section patterns
    (``Q102_*``) expanded to the sub-questions of the cycle's format, each marked with
    whether its analyzer page exists (a choice question of a loaded, numbered cycle)."""
    if method is None:
        return []
    cycles = {c.number: c for c in ReportingCycle.objects.filter(number__in=list(method.rules))}
    links = []
    for number, rule in sorted(method.rules.items(), reverse=True):
        cycle = cycles.get(number)
        questions = questionnaire(cycle) if cycle is not None else None
        for key in sorted(rules.keys_of(rules.parse(rule), questions)):
            found = questions.question(key) if questions else None
            links.append(
                QuestionLink(number, key, found is not None and found.type in CHOICE_TYPES)
            )
    return links


def analyse(cycle: ReportingCycle, question: Question) -> QuestionAnalysis:
    return cached("question", lambda: _analyse(cycle, question), cycle.pk, question.key)


def _analyse(cycle: ReportingCycle, question: Question) -> QuestionAnalysis:
    if cycle.number is None:
        raise ValueError(f"cycle {cycle.name} has no number to analyse")  # see questionnaire()
    before = ReportingCycle.objects.filter(number=cycle.number - 1).exists()
    return _engine_analysis(question.key, cycle.number, compare=before)


def _engine_analysis(key: str, number: int, compare: bool) -> QuestionAnalysis:
    """The engine's analysis, beside the previous cycle when its format and a crosswalk
    to it exist (without the comparison otherwise)."""
    if compare:
        try:
            return analyze_stored_question(key, number, compare=True)
        except (UnknownSchema, FormatError, KeyError):
            pass
    return analyze_stored_question(key, number, compare=False)
