"""Applying a user's answers to a draft: sanitise, check, clear what conditions disable.

Pure functions over the core's objects (no database), called by the pages and the API
alike. Answers travel as core :class:`Answer` objects and are stored in the BCH's JSON
shape (``answers_to_json`` / ``answers_from_json``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import nh3
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cpbmonitor.core.formats import Question, Questionnaire, question_states
from cpbmonitor.core.reports import Answer, ReportDocument, parse_document, validate
from cpbmonitor.core.reports.document import answer_to_bch

RICH_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a"})
REFUSED = frozenset(
    {
        "unknown-question",
        "unknown-option",
        "several-values",
        "exclusive-combined",
        "wrong-type",
        "not-answerable",
    }
)
"""Core validation codes that refuse an edit (``disabled`` answers are cleared instead)."""
MESSAGES = {
    "unknown-question": gettext_lazy("This is not a question of the report's format."),
    "unknown-option": gettext_lazy("“%(value)s” is not an option of this question."),
    "several-values": gettext_lazy("This question takes a single answer."),
    "wrong-type": gettext_lazy("This answer is not of the kind the question asks for."),
    "not-answerable": gettext_lazy("This question takes no answer."),
}
"""The user's words for the refusing codes (the core's messages are for logs and the CLI)."""


@dataclass(frozen=True)
class EditProblem:
    question: str
    message: str
    code: str


@dataclass(frozen=True)
class EditResult:
    answers: dict[str, Answer]
    problems: list[EditProblem] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)
    """Keys whose answers were dropped because the format's conditions disable them."""

    @property
    def ok(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------- sanitising


def clean_text(text: str) -> str:
    """Plain text: every tag removed (script and style with their content), entities
    decoded; repeated until stable so decoded entities cannot smuggle a tag in."""
    for _attempt in range(5):
        cleaned = html.unescape(nh3.clean(text, tags=set())).strip()
        if cleaned == text:
            break
        text = cleaned
    return text


def clean_rich_text(text: str) -> str:
    """Rich text: a few formatting tags kept, links without scripts; the rest removed."""
    return nh3.clean(
        text,
        tags=set(RICH_TAGS),
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
    ).strip()


def _clean_map(texts: Mapping[str, str], rich: bool) -> dict[str, str]:
    clean = clean_rich_text if rich else clean_text
    return {lang: clean(t) for lang, t in texts.items() if clean(t)}


def sanitise(question: Question | None, answer: Answer) -> Answer:
    rich = question is not None and question.type == "lstringRte"
    text = _clean_map(answer.text, rich) if answer.text is not None else None
    additional = {v: _clean_map(t, False) for v, t in answer.additional.items()}
    additional = {v: t for v, t in additional.items() if t}
    listed = answer.listed or bool(question and question.multiple)
    return replace(answer, text=text, additional=additional, listed=listed)


def is_empty(answer: Answer | None) -> bool:
    return answer is None or (
        not answer.values and answer.number is None and not (answer.text or {})
    )


# ---------------------------------------------------------------- applying


def apply(
    questionnaire: Questionnaire,
    current: Mapping[str, Answer],
    changes: Mapping[str, Answer | None],
) -> EditResult:
    """``current`` with ``changes`` applied (``None`` or an empty answer removes one).

    Refused (``problems`` set, nothing applied) when a changed answer names an unknown
    question or option, combines an exclusive option, or has the wrong type. Answers of
    questions that the resulting answers disable are cleared and listed in ``cleared``.
    """
    merged = dict(current)
    for key, answer in changes.items():
        question = questionnaire.question(key)
        cleaned = None if answer is None else sanitise(question, answer)
        if cleaned is None or is_empty(cleaned):
            merged.pop(key, None)
        else:
            merged[key] = replace(cleaned, key=key)
    problems = _problems(questionnaire, merged, set(changes))
    if problems:
        return EditResult(dict(current), problems)
    states = question_states(questionnaire, merged)
    cleared = [key for key in merged if not states.is_active(key)]
    for key in cleared:
        del merged[key]
    return EditResult(merged, [], cleared)


def _problems(
    questionnaire: Questionnaire, answers: dict[str, Answer], changed: set[str]
) -> list[EditProblem]:
    document = ReportDocument(questionnaire.schema, "draft", "xx", answers=answers)
    found = []
    for problem in validate(document, questionnaire):
        if problem.code not in REFUSED or problem.question not in changed:
            continue
        found.append(EditProblem(problem.question, _message(questionnaire, problem), problem.code))
    return found


def _message(questionnaire: Questionnaire, problem: Any) -> str:
    question = questionnaire.question(problem.question)
    if problem.code == "exclusive-combined" and question is not None:
        option = question.option(problem.value)
        title = option.title if option and option.title else problem.value
        return _("“%(option)s” cannot be combined with other answers.") % {"option": title}
    if problem.code in MESSAGES:
        return str(MESSAGES[problem.code]) % {"value": problem.value or ""}
    return str(problem.message)


# ---------------------------------------------------------------- storing and showing


def answers_to_json(answers: Mapping[str, Answer]) -> dict[str, Any]:
    return {key: answer_to_bch(answer) for key, answer in answers.items()}


def answers_from_json(schema: str, data: Mapping[str, Any]) -> dict[str, Answer]:
    """Stored (BCH-shaped) answers as core answers; raises ``ReportInputError``."""
    body = {"header": {"identifier": "draft", "schema": schema}, "government": "xx", **data}
    return dict(parse_document(body).answers)


def display(question: Question | None, answer: Answer | None) -> str:
    """An answer as one line of text (option titles, text, number)."""
    if answer is None:
        return ""
    if answer.number is not None:
        return str(answer.number)
    if answer.text is not None:
        return " / ".join(t for t in answer.text.values())
    parts = []
    for value in answer.values:
        option = question.option(value) if question else None
        label = option.title if option and option.title else value
        extra = " / ".join(answer.additional.get(value, {}).values())
        parts.append(f"{label}: {extra}" if extra else label)
    return "; ".join(parts)


def changes(
    questionnaire: Questionnaire, old: Mapping[str, Answer], new: Mapping[str, Answer]
) -> list[dict[str, str]]:
    """Per question, in format order: ``{"question", "old", "new"}`` as display text."""
    rows = []
    keys = [q.key for q in questionnaire.all_questions()]
    keys += sorted((set(old) | set(new)) - set(keys))
    for key in keys:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        question = questionnaire.question(key)
        shown_old, shown_new = display(question, before), display(question, after)
        if shown_old != shown_new:
            rows.append({"question": key, "old": shown_old, "new": shown_new})
    return rows
