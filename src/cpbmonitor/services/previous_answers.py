"""The government's answers in the previous cycle, shown beside each question: from its
current stored report of the previous cycle, through the format crosswalk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cpbmonitor.core.formats import FormatError, Questionnaire, crosswalk
from cpbmonitor.national_reports.models import Answer, NationalReport, Party, ReportingCycle
from cpbmonitor.services.formats import UnknownSchema, questionnaire_for


@dataclass(frozen=True)
class PreviousAnswer:
    cycle: str
    key: str
    """The question's key in the previous cycle's format."""
    text: str


def previous_cycle(cycle: ReportingCycle) -> ReportingCycle | None:
    return ReportingCycle.objects.filter(year__lt=cycle.year).order_by("-year").first()


def previous_answers(
    government: Party, cycle: ReportingCycle, questionnaire: Questionnaire
) -> dict[str, PreviousAnswer]:
    """Question key of ``cycle`` -> the government's previous-cycle answer to its
    counterpart, with values mapped to this cycle's options where the crosswalk says."""
    before = previous_cycle(cycle)
    if before is None:
        return {}
    report = NationalReport.objects.current().filter(government=government, cycle=before).first()
    if report is None:
        return {}
    try:
        backward = crosswalk(cycle.schema, before.schema)
        forward = crosswalk(before.schema, cycle.schema)
    except KeyError:
        return {}
    try:
        old_questions: Questionnaire | None = questionnaire_for(before.schema)
    except (UnknownSchema, FormatError):
        old_questions = None
    rows: dict[str, list[Answer]] = defaultdict(list)
    for row in Answer.objects.filter(report=report):
        rows[row.question].append(row)
    found = {}
    for question in questionnaire.all_questions():
        old_key = backward.map_question(question.key)
        if old_key is None or old_key not in rows:
            continue
        old_question = old_questions.question(old_key) if old_questions else None
        parts = []
        for row in rows[old_key]:
            if not row.value:
                parts.append(row.text)
                continue
            value = forward.map_value(old_key, row.value)
            option = question.option(value) or (
                old_question.option(row.value) if old_question else None
            )
            label = option.title if option and option.title else row.value
            parts.append(f"{label}: {row.text}" if row.text else label)
        found[question.key] = PreviousAnswer(str(before.label), old_key, "; ".join(parts))
    return found
