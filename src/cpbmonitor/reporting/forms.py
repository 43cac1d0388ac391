"""One section of the report as a page: rows to render, and the posted form read back
into answers. Inputs are named after the question keys; an option's additional text
is ``<key>__text__<option index>`` (``__number__`` for an additional integer)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from cpbmonitor.core.formats import FormatSection, Question, Questionnaire, QuestionStates
from cpbmonitor.core.formats.model import CHOICE_TYPES, TEXT_TYPES
from cpbmonitor.core.reports import Answer
from cpbmonitor.services.previous_answers import PreviousAnswer

TEXT_LIMIT = 20_000


@dataclass
class OptionRow:
    value: str
    title: str
    index: int
    checked: bool
    exclusive: bool
    extra_name: str = ""
    extra_value: str = ""
    extra_kind: str = ""
    """``text`` or ``number`` when the option carries an additional value."""


@dataclass
class QuestionRow:
    question: Question
    level: int
    active: bool
    visible: bool
    options: list[OptionRow] = field(default_factory=list)
    value: str = ""
    previous: PreviousAnswer | None = None
    missing: bool = False
    errors: list[str] = field(default_factory=list)
    conditions: str = ""
    """JSON of the simple rules that enable or show this question (for the page's script)."""

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def input_type(self) -> str:
        q = self.question
        if q.type in CHOICE_TYPES:
            return "checkbox" if q.multiple else "radio"
        return {"int": "number", "lstring": "text", "lstringRte": "rich"}.get(q.type, "none")


def _extra_name(question: Question, index: int, kind: str) -> str:
    return f"{question.key}__{kind}__{index}"


def _conditions(questionnaire: Questionnaire, key: str) -> str:
    rules = [
        {
            "controller": c.controller,
            "kind": c.kind,
            "values": list(c.values or []),
            "any": c.values is None,
            "trigger": c.trigger,
        }
        for c in questionnaire.conditions_on(key)
    ]
    return json.dumps(rules) if rules else ""


def _walk(questions: tuple[Question, ...], level: int = 0):  # type: ignore[no-untyped-def]
    for question in questions:
        yield question, level
        yield from _walk(question.questions, level + 1)


def rows(
    questionnaire: Questionnaire,
    section: FormatSection,
    answers: Mapping[str, Answer],
    states: QuestionStates,
    previous: Mapping[str, PreviousAnswer],
    missing: set[str],
    errors: Mapping[str, list[str]],
    language: str,
) -> list[QuestionRow]:
    """The rows of ``section`` to render, filled from ``answers``."""
    result = []
    for question, level in _walk(section.questions):
        answer = answers.get(question.key)
        row = QuestionRow(
            question,
            level,
            states.is_active(question.key),
            states.is_visible(question.key),
            previous=previous.get(question.key),
            missing=question.key in missing,
            errors=list(errors.get(question.key, [])),
            conditions=_conditions(questionnaire, question.key),
        )
        if answer is not None and answer.text is not None:
            row.value = answer.text.get(language, next(iter(answer.text.values()), ""))
        elif answer is not None and answer.number is not None:
            row.value = str(answer.number)
        for index, option in enumerate(question.options):
            kind = "text" if option.takes_text else "number" if option.takes_number else ""
            extra = answer.additional.get(option.value, {}) if answer else {}
            row.options.append(
                OptionRow(
                    option.value,
                    option.title or option.value,
                    index,
                    checked=bool(answer and option.value in answer.values),
                    exclusive=option.exclusive,
                    extra_name=_extra_name(question, index, kind) if kind else "",
                    extra_value=extra.get(language, extra.get("", next(iter(extra.values()), ""))),
                    extra_kind=kind,
                )
            )
        result.append(row)
    return result


def section_questions(section: FormatSection) -> list[Question]:
    return [q for q, _ in _walk(section.questions)]


def read_post(
    section: FormatSection,
    post: QueryDict,
    current: Mapping[str, Answer],
    language: str,
) -> tuple[dict[str, Answer | None], dict[str, list[str]]]:
    """The section's answers as posted (``None`` for an unanswered question), and the
    input errors (an integer that is not one, a text too long) by question key."""
    changes: dict[str, Answer | None] = {}
    errors: dict[str, list[str]] = {}
    for question in section_questions(section):
        try:
            changes[question.key] = _read(question, post, current.get(question.key), language)
        except ValueError as error:
            errors.setdefault(question.key, []).append(str(error))
    return changes, errors


def _read(question: Question, post: QueryDict, old: Answer | None, language: str) -> Any:
    key = question.key
    if question.type in CHOICE_TYPES:
        values = tuple(v for v in post.getlist(key) if v)
        additional: dict[str, dict[str, str]] = {}
        for index, option in enumerate(question.options):
            if option.value not in values or not (option.takes_text or option.takes_number):
                continue
            kind = "text" if option.takes_text else "number"
            raw = post.get(_extra_name(question, index, kind), "").strip()
            if kind == "number" and raw:
                additional[option.value] = {"": str(_integer(raw))}
            elif raw:
                kept = dict(old.additional.get(option.value, {})) if old else {}
                kept.pop("", None)
                additional[option.value] = {**kept, language: _text(raw)}
        return Answer(key, values, additional=additional, listed=question.multiple)
    if question.type == "int":
        raw = post.get(key, "").strip()
        return Answer(key, number=_integer(raw)) if raw else None
    if question.type in TEXT_TYPES:
        texts = dict(old.text or {}) if old else {}
        raw = post.get(key, "").strip()
        if raw:
            texts[language] = _text(raw)
        else:
            texts.pop(language, None)
        return Answer(key, text=texts) if texts else None
    return None


def _integer(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ValueError(_("“%(text)s” is not a whole number.") % {"text": raw[:40]}) from None


def _text(raw: str) -> str:
    if len(raw) > TEXT_LIMIT:
        raise ValueError(_("The text is longer than %(limit)s characters.") % {"limit": TEXT_LIMIT})
    return raw
