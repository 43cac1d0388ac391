"""The question analyzer: how Parties answered one question of one cycle, by region,
beside the previous cycle's answers to the same question (through the format crosswalk).

Counts come straight from the registry (current reports of Parties); they move to the
engine's question analyzer when it lands, behind the same functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from cpbmonitor.core.formats import SHIPPED_SCHEMAS, FormatError, Questionnaire, shipped_format
from cpbmonitor.core.formats import crosswalk as format_crosswalk
from cpbmonitor.core.formats.model import CHOICE_TYPES, Question
from cpbmonitor.portal.results import GROUPS, cached
from cpbmonitor.registry.models import Answer, NationalReport, ReportingCycle


@dataclass(frozen=True)
class OptionCount:
    value: str
    label: str
    counts: dict[str, int]
    """Group -> number of reports choosing the option."""
    answered: dict[str, int]

    def share(self, group: str) -> float | None:
        total = self.answered.get(group, 0)
        return 100 * self.counts.get(group, 0) / total if total else None


@dataclass(frozen=True)
class CycleAnswers:
    cycle: str
    schema: str
    key: str
    reports: dict[str, int]
    """Group -> current reports by Parties in the cycle."""
    answered: dict[str, int]
    """Group -> those reports that answer the question."""
    options: list[OptionCount] = field(default_factory=list)

    def option(self, value: str) -> OptionCount | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Analysis:
    question: Question
    current: CycleAnswers
    previous: CycleAnswers | None


def questionnaire(cycle: ReportingCycle) -> Questionnaire | None:
    """The questions the portal can analyse for ``cycle`` (the shipped definitions)."""
    if cycle.schema not in SHIPPED_SCHEMAS:
        return None
    return shipped_format(cycle.schema)


def analysable(questions: Questionnaire) -> list[Question]:
    return [q for q in questions.all_questions() if q.type in CHOICE_TYPES]


def cycles_with_questions() -> list[ReportingCycle]:
    return list(ReportingCycle.objects.filter(schema__in=SHIPPED_SCHEMAS).order_by("-year"))


def previous_cycle(cycle: ReportingCycle) -> ReportingCycle | None:
    return ReportingCycle.objects.filter(year__lt=cycle.year).order_by("-year").first()


def analyse(cycle: ReportingCycle, question: Question) -> Analysis:
    return cached(  # type: ignore[no-any-return]
        "question", lambda: _analyse(cycle, question), cycle.pk, question.key
    )


def _analyse(cycle: ReportingCycle, question: Question) -> Analysis:
    current = count_answers(cycle, question.key, question)
    previous = None
    before = previous_cycle(cycle)
    if before is not None:
        previous = _previous_answers(cycle, before, question)
    return Analysis(question, current, previous)


def _previous_answers(
    cycle: ReportingCycle, before: ReportingCycle, question: Question
) -> CycleAnswers | None:
    """The previous cycle's answers, with keys and values mapped to ``cycle``'s format."""
    if before.schema == cycle.schema:
        return count_answers(before, question.key, question)
    try:
        backward = format_crosswalk(cycle.schema, before.schema)
        forward = format_crosswalk(before.schema, cycle.schema)
    except (FormatError, KeyError, ValueError):
        return None
    old_key = backward.map_question(question.key)
    if old_key is None:
        return None

    def to_current(value: str) -> str:
        return forward.map_value(old_key, value)

    return count_answers(before, old_key, question, map_value=to_current)


def count_answers(
    cycle: ReportingCycle,
    key: str,
    question: Question,
    map_value: Callable[[str], str] = str,
) -> CycleAnswers:
    """Reports of ``cycle`` answering question ``key``, by option and group; answer values
    pass through ``map_value`` (to read a previous format's values in ``question``'s)."""
    reports = NationalReport.objects.current().by_parties().for_cycle(cycle)
    answers = Answer.objects.filter(report__in=reports, question=key).exclude(value="")
    region = "report__government__region"
    by_group = _per_group(
        reports.values("government__region").annotate(n=Count("id")), "government__region"
    )
    answered = _per_group(answers.values(region).annotate(n=Count("report", distinct=True)), region)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in answers.values(region, "value").annotate(n=Count("report", distinct=True)):
        value = map_value(row["value"])
        counts[value]["global"] += row["n"]
        if row[region]:
            counts[value][row[region]] += row["n"]
    labels = {o.value: o.title or o.value for o in question.options}
    values = list(labels) + sorted(v for v in counts if v not in labels)
    options = [OptionCount(v, labels.get(v, v), dict(counts.get(v, {})), answered) for v in values]
    return CycleAnswers(str(cycle.label), cycle.schema, key, by_group, answered, options)


def _per_group(rows: Iterable[dict[str, Any]], region_field: str) -> dict[str, int]:
    totals = dict.fromkeys(GROUPS, 0)
    for row in rows:
        totals["global"] += row["n"]
        if row[region_field]:
            totals[row[region_field]] = totals.get(row[region_field], 0) + row["n"]
    return totals


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
