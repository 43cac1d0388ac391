"""Check a report document against a questionnaire; report every problem found.

Validation only describes problems: it changes nothing and writes nothing. Each
question type has a checker in ``CHECKERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cpbmonitor.core.formats import Question, Questionnaire, QuestionStates, question_states
from cpbmonitor.core.reports.document import Answer, ReportDocument


@dataclass(frozen=True)
class Problem:
    government: str
    identifier: str
    question: str | None
    value: str | None
    message: str
    code: str
    """Stable kind of problem, e.g. ``unknown-option``."""


Finding = tuple[str, str | None, str]
"""(code, value, message) found for one answer."""
Checker = Callable[[Question, Answer], Iterator[Finding]]


def shape(answer: Answer) -> tuple[str, str | None]:
    """What kind of answer this is, and the value to show in a message."""
    if answer.text is not None:
        return "text", next(iter(answer.text.values()), None)
    if answer.number is not None:
        return "an integer", str(answer.number)
    return "a choice", ", ".join(answer.values) or None


def _wrong_type(question: Question, answer: Answer, expected: str) -> Finding:
    given, shown = shape(answer)
    return "wrong-type", shown, f"{given} given where {question.type} expects {expected}"


def _check_choice(question: Question, answer: Answer) -> Iterator[Finding]:
    if answer.text is not None or answer.number is not None:
        yield _wrong_type(question, answer, "a choice among its options")
        return
    for value in answer.values:
        if question.option(value) is None:
            yield "unknown-option", value, f"{value!r} is not an option of {question.key}"
    if len(answer.values) > 1 and not question.multiple:
        yield "several-values", ", ".join(answer.values), "several values for a single choice"
    if len(answer.values) > 1:
        for value in answer.values:
            option = question.option(value)
            if option is not None and option.exclusive:
                yield "exclusive-combined", value, f"exclusive option {value!r} combined"


def _check_text(question: Question, answer: Answer) -> Iterator[Finding]:
    if answer.text is None:
        yield _wrong_type(question, answer, "text")


def _check_int(question: Question, answer: Answer) -> Iterator[Finding]:
    if answer.number is None:
        yield _wrong_type(question, answer, "an integer")


def _check_unanswerable(question: Question, answer: Answer) -> Iterator[Finding]:
    yield "not-answerable", None, f"{question.type} {question.key} takes no answer"


CHECKERS: dict[str, Checker] = {
    "option": _check_choice,
    "term": _check_choice,
    "lstring": _check_text,
    "lstringRte": _check_text,
    "int": _check_int,
    "sub-section": _check_unanswerable,
    "legend": _check_unanswerable,
}


def _findings(
    document: ReportDocument, questionnaire: Questionnaire, states: QuestionStates | None
) -> Iterator[tuple[str | None, Finding]]:
    if document.schema != questionnaire.schema:
        yield (
            None,
            (
                "schema-mismatch",
                document.schema,
                f"document schema {document.schema} is not {questionnaire.schema}",
            ),
        )
        return
    states = states or question_states(questionnaire, document.answers)
    for key, answer in document.answers.items():
        question = questionnaire.question(key)
        if question is None:
            yield key, ("unknown-question", None, f"{key} is not a question of {document.schema}")
            continue
        if not states.is_active(key):
            shown = shape(answer)[1]
            yield key, ("disabled", shown, f"{key} is answered but disabled by its conditions")
        for finding in CHECKERS[question.type](question, answer):
            yield key, finding


def validate(
    document: ReportDocument,
    questionnaire: Questionnaire,
    states: QuestionStates | None = None,
) -> list[Problem]:
    """Every problem of ``document`` against ``questionnaire`` (empty when valid);
    ``states``: the questions' states for the document's answers, when already known."""
    return [
        Problem(document.government, document.identifier, key, value, message, code)
        for key, (code, value, message) in _findings(document, questionnaire, states)
    ]


def describe(problem: Problem, file: str) -> str:
    """One line naming file, document, question and value."""
    parts = [file, f"{problem.government}/{problem.identifier}"]
    if problem.question:
        parts.append(problem.question)
    if problem.value is not None:
        parts.append(repr(problem.value))
    return ": ".join([*parts, problem.message])
