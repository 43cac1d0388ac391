"""The question analyzer's pages: how Parties answered one question of one cycle, by
region, beside the previous cycle's answers to the same question (through the format
crosswalk).

The counting is the engine's (``core.indicators.questions``, called through
``services.evaluation.analyze_stored_question``), so the pages, the API and
``cpb analyze question`` give the same numbers. This module only chooses the cycles and
questions a page may show and turns the engine's analysis into rows keyed by the current
cycle's option values (the previous cycle's options mapped onto them), cached under the
data version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Q

from cpbmonitor.core.formats import SHIPPED_SCHEMAS, FormatError, Questionnaire
from cpbmonitor.core.formats.model import CHOICE_TYPES, TEXT_TYPES, Question
from cpbmonitor.core.indicators import CycleAnswers as EngineAnswers
from cpbmonitor.core.indicators import OptionCount as EngineOption
from cpbmonitor.core.indicators import QuestionAnalysis
from cpbmonitor.national_reports.models import ReportingCycle, ReportingFormat
from cpbmonitor.services.evaluation import analyze_stored_question
from cpbmonitor.services.formats import UnknownSchema, questionnaire_for
from cpbmonitor.services.results import GROUPS, cached


@dataclass(frozen=True)
class OptionCount:
    """One option: reports choosing it and their share (percent) of the reports that
    answer the question, per group."""

    value: str
    label: str
    counts: Mapping[str, int]
    percents: Mapping[str, float | None]

    def share(self, group: str) -> float | None:
        return self.percents.get(group)


@dataclass(frozen=True)
class CycleAnswers:
    cycle: str
    schema: str
    key: str
    """The question's key in this cycle's format."""
    reports: Mapping[str, int]
    """Group -> Parties with a report for the cycle."""
    answered: Mapping[str, int]
    """Group -> those reports that answer the question."""
    options: tuple[OptionCount, ...]

    def option(self, value: str) -> OptionCount | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Analysis:
    question: Question
    current: CycleAnswers
    previous: CycleAnswers | None
    """Options listed under the current cycle's option values."""
    unmatched: tuple[OptionCount, ...] = ()
    """Options of the previous cycle that no current option maps to."""


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


def analyse(cycle: ReportingCycle, question: Question) -> Analysis:
    return cached(  # type: ignore[no-any-return]
        "question", lambda: _analyse(cycle, question), cycle.pk, question.key
    )


def _analyse(cycle: ReportingCycle, question: Question) -> Analysis:
    if cycle.number is None:
        raise ValueError(f"cycle {cycle.name} has no number to analyse")  # see questionnaire()
    before = ReportingCycle.objects.filter(number=cycle.number - 1).first()
    result = _engine_analysis(question.key, cycle.number, compare=before is not None)
    current = _cycle_answers(result.current, cycle, result.current.options)
    if result.previous is None or before is None:
        return Analysis(question, current, None)
    previous = _cycle_answers(result.previous, before, result.current.options)
    unmatched = tuple(_option(o.value, o.title or o.value, o) for o in result.previous_unmatched)
    return Analysis(question, current, previous, unmatched)


def _engine_analysis(key: str, number: int, compare: bool) -> QuestionAnalysis:
    """The engine's analysis, beside the previous cycle when its format and a crosswalk
    to it exist (without the comparison otherwise)."""
    if compare:
        try:
            return analyze_stored_question(key, number, compare=True)
        except (UnknownSchema, FormatError, KeyError):
            pass
    return analyze_stored_question(key, number, compare=False)


def _cycle_answers(
    answers: EngineAnswers, cycle: ReportingCycle, current: Sequence[EngineOption]
) -> CycleAnswers:
    """``answers`` with each option under the value and title of the current cycle's
    option at the same place (the engine aligns the previous cycle's options so)."""
    options = tuple(
        _option(now.value, now.title or now.value, counted)
        for now, counted in zip(current, answers.options, strict=True)
    )
    return CycleAnswers(
        cycle=str(cycle.label),
        schema=cycle.schema,
        key=answers.key,
        reports=dict(answers.reporting),
        answered=dict(answers.respondents),
        options=options,
    )


def _option(value: str, label: str, counted: EngineOption) -> OptionCount:
    return OptionCount(value, label, dict(counted.counts), dict(counted.percents))


@dataclass(frozen=True)
class Cell:
    group: str
    count: int
    share: float | None
    previous_share: float | None

    @property
    def change(self) -> float | None:
        if self.share is None or self.previous_share is None:
            return None
        return self.share - self.previous_share


def table(analysis: Analysis) -> list[tuple[OptionCount, list[Cell]]]:
    """One row per option of the current cycle: a cell per group, with the previous
    cycle's share beside this cycle's."""
    rows = []
    for option in analysis.current.options:
        before = analysis.previous.option(option.value) if analysis.previous else None
        cells = [
            Cell(
                group,
                option.counts.get(group, 0),
                option.share(group),
                before.share(group) if before else None,
            )
            for group in GROUPS
        ]
        rows.append((option, cells))
    return rows
