"""Typed model of a national report format (a questionnaire).

A questionnaire is a list of sections; a section holds questions; a ``sub-section``
question holds further questions. Conditions are the rules a controlling question's
answer sets on other (dependent) questions: they live on the controlling question,
as in the BCH format, and the questionnaire indexes them by dependent key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

QuestionType = Literal["option", "term", "lstring", "lstringRte", "int", "sub-section", "legend"]
QUESTION_TYPES: frozenset[str] = frozenset(
    {"option", "term", "lstring", "lstringRte", "int", "sub-section", "legend"}
)
CHOICE_TYPES: frozenset[str] = frozenset({"option", "term"})
TEXT_TYPES: frozenset[str] = frozenset({"lstring", "lstringRte"})
CONTAINER_TYPES: frozenset[str] = frozenset({"sub-section", "legend"})

Trigger = Literal["enable", "visible"]
TRIGGERS: frozenset[str] = frozenset({"enable", "visible"})
VALUE_KINDS: frozenset[str] = frozenset({"@hasValues", "@hasValuesExcept", "@hasAdditionalValues"})
"""Condition kinds evaluated on the controlling question's answer; kinds starting with
``&`` are named rules evaluated over the whole document (see ``conditions.REGISTRY``)."""


@dataclass(frozen=True)
class Option:
    value: str
    title: str = ""
    exclusive: bool = False
    takes_text: bool = False
    """The option carries an additional (multilingual) text."""
    takes_number: bool = False
    """The option carries an additional integer."""


@dataclass(frozen=True)
class Condition:
    controller: str
    dependent: str
    kind: str
    values: tuple[str, ...] | None = None
    """``None``: any answer of the controller satisfies ``@hasValues``."""
    trigger: Trigger = "enable"
    base_question: str | None = None
    """The sub-section holding the dependent, where the format names it."""

    @property
    def is_named(self) -> bool:
        return self.kind.startswith("&")


@dataclass(frozen=True)
class Question:
    key: str
    number: str
    section: str
    title: str
    type: QuestionType
    multiple: bool = False
    mandatory: bool = False
    options: tuple[Option, ...] = ()
    questions: tuple[Question, ...] = ()
    validations: tuple[Condition, ...] = ()
    """Rules this question's answer sets on other questions."""
    parent: str | None = None
    """Key of the enclosing sub-section, for a sub-question."""
    _options: dict[str, Option] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_options", {o.value: o for o in self.options})

    def option(self, value: str) -> Option | None:
        return self._options.get(value)

    @property
    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def walk(self) -> Iterator[Question]:
        """This question, then its sub-questions, depth first."""
        yield self
        for sub in self.questions:
            yield from sub.walk()


@dataclass(frozen=True)
class FormatSection:
    key: str
    title: str
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    schema: str
    sections: tuple[FormatSection, ...]
    _by_key: dict[str, Question] = field(init=False, repr=False, compare=False, hash=False)
    _by_dependent: dict[str, tuple[Condition, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _by_trigger: dict[tuple[str, str], tuple[Condition, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        by_key = {q.key: q for q in self._walk()}
        by_dependent: dict[str, list[Condition]] = {}
        for question in by_key.values():
            for condition in question.validations:
                by_dependent.setdefault(condition.dependent, []).append(condition)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_by_dependent", {k: tuple(v) for k, v in by_dependent.items()})
        by_trigger: dict[tuple[str, str], list[Condition]] = {}
        for key, rules in by_dependent.items():
            for rule in rules:
                by_trigger.setdefault((key, rule.trigger), []).append(rule)
        object.__setattr__(self, "_by_trigger", {k: tuple(v) for k, v in by_trigger.items()})

    def _walk(self) -> Iterator[Question]:
        for section in self.sections:
            for question in section.questions:
                yield from question.walk()

    def question(self, key: str) -> Question | None:
        """The question (or sub-question) with this key, or ``None``."""
        return self._by_key.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def all_questions(self) -> tuple[Question, ...]:
        """Every question and sub-question, in document order."""
        return tuple(self._by_key.values())

    def conditions(self) -> tuple[Condition, ...]:
        return tuple(c for q in self._by_key.values() for c in q.validations)

    def conditions_on(self, dependent_key: str) -> tuple[Condition, ...]:
        """The conditions that enable or show the question ``dependent_key``."""
        return self._by_dependent.get(dependent_key, ())

    def conditions_of(self, dependent_key: str, trigger: str) -> tuple[Condition, ...]:
        """The conditions with ``trigger`` (``enable`` or ``visible``) on a question."""
        return self._by_trigger.get((dependent_key, trigger), ())
