"""Is a report complete (every enabled mandatory question answered) and on time?"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.formats import Question, Questionnaire, QuestionStates, question_states
from cpbmonitor.core.reports.document import Answer, ReportDocument


def _has_content(answer: Answer | None) -> bool:
    if answer is None:
        return False
    if answer.number is not None:
        return True
    if answer.text is not None:
        return any(t.strip() for t in answer.text.values())
    return bool(answer.values)


def _answered(question: Question, document: ReportDocument) -> bool:
    if question.type == "sub-section":  # answered through any of its sub-questions
        return any(_answered(sub, document) for sub in question.questions)
    return _has_content(document.answers.get(question.key))


def _needs_answer(question: Question, states: QuestionStates) -> bool:
    """An active mandatory question needs an answer; a sub-section only while at least one
    of its sub-questions is active (the BCH clears answers of disabled sub-questions)."""
    if not states.is_active(question.key):
        return False
    if question.type == "sub-section":
        return any(states.is_active(sub.key) for sub in question.questions)
    return True


def missing_mandatory(
    document: ReportDocument,
    questionnaire: Questionnaire,
    states: QuestionStates | None = None,
) -> list[str]:
    """Keys of mandatory questions that are enabled but unanswered, in format order.

    A mandatory question disabled by its conditions needs no answer.
    """
    states = states or question_states(questionnaire, document.answers)
    return [
        q.key
        for q in questionnaire.all_questions()
        if q.mandatory
        and q.type != "legend"
        and _needs_answer(q, states)
        and not _answered(q, document)
    ]


def is_complete(document: ReportDocument, questionnaire: Questionnaire) -> bool:
    return not missing_mandatory(document, questionnaire)


def is_on_time(submitted_on: dt.datetime | None, deadline: dt.date) -> bool:
    """Submitted on or before the deadline date, comparing dates in UTC.

    A naive ``submitted_on`` is taken to be UTC; no submission is not on time.
    """
    if submitted_on is None:
        return False
    if submitted_on.tzinfo is None:
        submitted_on = submitted_on.replace(tzinfo=dt.UTC)
    return submitted_on.astimezone(dt.UTC).date() <= deadline
