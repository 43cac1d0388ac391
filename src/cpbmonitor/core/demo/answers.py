"""Answer a questionnaire plausibly: an answer for each active question, in format order.

A report has a *level* (0-1, how far implementation has come); each question has a
*difficulty* offset, and each answer some noise. The sub-questions of one sub-section
(the categories of information of Q102, say) share one draw of noise per report, plus a
little of their own: a Party answers them alike. Options that express progress ("Yes"
over "Some" over "No", "fully in place" over "partially"..., more over fewer) are
ordered and the option nearest the noisy level is chosen; other options are chosen at
random. Exclusive or negative options ("None", "No") are never combined with others.
Conditions are respected because a question is answered only when the answers so far
make it active (the shipped formats have no rule pointing backwards).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cpbmonitor.core.formats import Option, Question, Questionnaire, is_active
from cpbmonitor.core.formats.model import CONTAINER_TYPES, TEXT_TYPES
from cpbmonitor.core.reports import Answer

if TYPE_CHECKING:
    from cpbmonitor.core.demo.texts import TextWriter

ORDINAL: Mapping[str, float] = {
    "true": 1.0,
    "true.some": 0.5,
    "false": 0.0,
    "false.other": 0.0,
    "true.availableOnBch": 1.0,  # mandatory information is meant to be on the BCH:
    "true.availablePartialyOnBch": 0.4,  # partly there, or only elsewhere, is far from it
    "true.availableNotOnBch": 0.2,
    "false.notAvailable": 0.0,
    "false.noCna": 0.0,
    "false.oneCna": 0.3,
    "implementation.fullInPlace": 1.0,
    "implementation.partiallyInPlace": 0.75,
    "implementation.temporaryMeasures": 0.5,
    "implementation.draftMeasures": 0.25,
    "implementation.none": 0.0,
    "0": 0.0,
    "none": 0.0,
    "1+": 0.3,
    "5+": 0.5,
    "10+": 0.6,
    "25+": 0.7,
    "50+": 0.8,
    "100+": 1.0,
    "USD0": 0.0,
    "USD1-4999": 0.2,
    "USD5000-49999": 0.4,
    "USD50000-99999": 0.6,
    "USD100000-499000": 0.8,
    "USD500000+": 1.0,
    "veryDifficult": 0.0,
    "difficult": 0.25,
    "average": 0.5,
    "easy": 0.75,
    "veryEasy": 1.0,
}
"""How much progress an option value expresses."""
NOT_APPLICABLE = frozenset({"false.na", "na"})
OTHER = "5B6177DD-5E5E-434E-8CB7-D63D67D5EBED"
"""The BCH term "Other" (carries a text)."""
NOISE = 0.15
SUB_QUESTION_NOISE = 0.03
"""Noise of a sub-question around its sub-section's draw (``NOISE``)."""
NOT_APPLICABLE_RATE = 0.04
OPTIONAL_SKIP_RATE = 0.08
OTHER_RATE = 0.08
TEXTS = (
    "Described in the national biosafety framework (demonstration text).",
    "Under review by the competent national authority (demonstration text).",
    "Addressed through a regional project (demonstration text).",
    "Details are available from the national focal point (demonstration text).",
)


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def is_negative(option: Option) -> bool:
    """An option that rules out the others ("None", "No", "not applicable")."""
    value = option.value
    return (
        option.exclusive
        or value.startswith("false")
        or value.endswith("none")
        or value in NOT_APPLICABLE
    )


@dataclass
class Answerer:
    """Answers questions for one report: a random source, a level, per-question offsets."""

    rng: random.Random
    level: float
    difficulty: Mapping[str, float] = field(default_factory=dict)
    shared: dict[str, float] = field(default_factory=dict)
    """Sub-section key -> its draw of noise in this report."""
    writer: TextWriter | None = None
    """Writes additional texts in the Party's language (``None``: fixed English texts)."""

    def question_level(self, question: Question) -> float:
        offset = self.difficulty.get(question.key, 0.0)
        return _clamp(self.level + offset + self.noise(question))

    def noise(self, question: Question) -> float:
        parent = question.parent
        if parent is None:
            return self.rng.gauss(0.0, NOISE)
        if parent not in self.shared:
            self.shared[parent] = self.rng.gauss(0.0, NOISE)
        return self.shared[parent] + self.rng.gauss(0.0, SUB_QUESTION_NOISE)

    def text(self, key: str = "", value: str = "") -> dict[str, str]:
        pick = self.rng.randrange(len(TEXTS))  # the same draw whoever writes the text
        if self.writer is None:
            return {"en": TEXTS[pick]}
        return self.writer.detail(key, value, pick)

    def choice(self, question: Question, values: list[str]) -> Answer:
        additional = {v: self.text(question.key, v) for v in values if _takes_text(question, v)}
        return Answer(question.key, tuple(values), additional=additional, listed=question.multiple)

    def answer(self, question: Question) -> Answer:
        if question.type in TEXT_TYPES:
            return Answer(question.key, text=self.text(question.key))
        if question.type == "int":
            return Answer(question.key, number=round(20 * self.question_level(question)))
        if question.multiple:
            return self.choice(question, self._several(question))
        return self.choice(question, [self._one(question)])

    def _one(self, question: Question) -> str:
        level = self.question_level(question)
        usable = [o for o in question.options if o.value not in NOT_APPLICABLE]
        if len(usable) < len(question.options) and self.rng.random() < NOT_APPLICABLE_RATE:
            return next(o.value for o in question.options if o.value in NOT_APPLICABLE)
        ranked = [o for o in usable if o.value in ORDINAL]
        if len(ranked) < 2 or len(ranked) < len(usable):
            return self.rng.choice(usable).value
        if len(ranked) == 2:  # yes/no: the level is the chance of the better option
            worse, better = sorted(ranked, key=lambda o: ORDINAL[o.value])
            return better.value if self.rng.random() < level else worse.value
        low = min(ORDINAL[o.value] for o in ranked)
        high = max(ORDINAL[o.value] for o in ranked)
        return min(ranked, key=lambda o: abs((ORDINAL[o.value] - low) / (high - low) - level)).value

    def _several(self, question: Question) -> list[str]:
        level = self.question_level(question)
        negative = [o for o in question.options if is_negative(o)]
        positive = [o for o in question.options if not is_negative(o)]
        if not positive or (negative and self.rng.random() < 0.3 * (1 - level)):
            return [self.rng.choice(negative or list(question.options)).value]
        chosen = [
            o.value
            for o in positive
            if self.rng.random() < (OTHER_RATE if o.value == OTHER else 0.2 + 0.5 * level)
        ]
        return chosen or [
            self.rng.choice([o for o in positive if o.value != OTHER] or positive).value
        ]


def _takes_text(question: Question, value: str) -> bool:
    option = question.option(value)
    return option is not None and option.takes_text


def answer_questionnaire(
    questionnaire: Questionnaire,
    answerer: Answerer,
    fixed: Mapping[str, Answer] | None = None,
) -> dict[str, Answer]:
    """An answer for every active question, in format order; ``fixed`` answers are used
    as given (when their question is active). Optional top-level questions are sometimes
    left out; mandatory ones never are. Free-text questions are left to the caller (the
    demonstration texts have their own random source); a ``fixed`` text is used."""
    fixed = fixed or {}
    answers: dict[str, Answer] = {}
    for question in questionnaire.all_questions():
        if question.type in CONTAINER_TYPES or not is_active(questionnaire, question.key, answers):
            continue
        if question.key in fixed:
            answers[question.key] = fixed[question.key]
            continue
        if question.type in TEXT_TYPES:
            continue
        optional = not question.mandatory and question.parent is None
        if optional and answerer.rng.random() < OPTIONAL_SKIP_RATE:
            continue
        answers[question.key] = answerer.answer(question)
    return answers


def droppable(
    questionnaire: Questionnaire,
    answers: Mapping[str, Answer],
    protected: frozenset[str] = frozenset(),
) -> list[str]:
    """Answered mandatory questions whose removal disables nothing else: leaving them out
    makes a report incomplete without breaking its conditions."""
    result = []
    for key in answers:
        question = questionnaire.question(key)
        if (
            question is not None
            and question.mandatory
            and not question.validations
            and key not in protected
        ):
            result.append(key)
    return result
