"""Which questions are enabled and visible, given a questionnaire and the answers.

A question with no rule is always enabled and visible. A question named by one or
more ``enable`` rules is enabled while any of them holds (likewise ``visible``). A
rule reads the controlling question's answer only while that question is itself
active (the BCH clears the answer of a disabled question), and a sub-question is
active only while its sub-section is. Named rules (``&...``) are functions in
``REGISTRY``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from cpbmonitor.core.formats.model import Condition, Questionnaire


class AnswerLike(Protocol):
    """What the rules read from an answer (``reports.Answer`` fits)."""

    @property
    def values(self) -> tuple[str, ...]: ...

    @property
    def additional(self) -> Mapping[str, Mapping[str, str]]: ...


Lookup = Callable[[str], AnswerLike | None]
"""The answer to a question key, or ``None`` when absent or cleared."""
NamedRule = Callable[[Lookup], bool]
KindCheck = Callable[[Condition, AnswerLike], bool]


class UnknownRuleError(KeyError):
    """A condition names a rule that is not in the registry."""


def _chosen_any(answer: AnswerLike, wanted: tuple[str, ...]) -> bool:
    return any(v in wanted for v in answer.values)


def _has_values(condition: Condition, answer: AnswerLike) -> bool:
    if condition.values is None:
        return True
    return _chosen_any(answer, condition.values)


def _has_values_except(condition: Condition, answer: AnswerLike) -> bool:
    return not _chosen_any(answer, condition.values or ())


def _has_additional_values(condition: Condition, answer: AnswerLike) -> bool:
    wanted = condition.values or answer.values
    return any(v in wanted and any(answer.additional.get(v, {}).values()) for v in answer.values)


KIND_CHECKS: dict[str, KindCheck] = {
    "@hasValues": _has_values,
    "@hasValuesExcept": _has_values_except,
    "@hasAdditionalValues": _has_additional_values,
}


def any_of(keys: tuple[str, ...], values: tuple[str, ...] = ("true",)) -> NamedRule:
    """A named rule: any of ``keys`` has one of ``values`` chosen."""

    def rule(lookup: Lookup) -> bool:
        answers = (lookup(k) for k in keys)
        return any(a is not None and _chosen_any(a, values) for a in answers)

    return rule


REGISTRY: dict[str, NamedRule] = {
    # fourth report
    "&is71aOr71b": any_of(("Q071_a", "Q071_b")),
    "&is173aOr173b": any_of(("Q173_a", "Q173_b")),
    "&is154Or155": any_of(("Q154", "Q155")),
    "&is91Or92Or93": any_of(("Q091", "Q092", "Q093"), ("true", "true.some")),
    # fifth report
    "&is66_aOr66_b": any_of(("Q066_a", "Q066_b")),
    "&is141Or142": any_of(("Q141", "Q142")),
    "&is162_aOr162_b": any_of(("Q162_a", "Q162_b")),
    "&is79Or80Or81": any_of(("Q079", "Q080", "Q081"), ("true", "true.some")),
}


NAMED_RULE_WORDS: dict[str, str] = {
    "&is71aOr71b": "Q071_a or Q071_b is true",
    "&is173aOr173b": "Q173_a or Q173_b is true",
    "&is154Or155": "Q154 or Q155 is true",
    "&is91Or92Or93": "Q091, Q092 or Q093 is true or true.some",
    "&is66_aOr66_b": "Q066_a or Q066_b is true",
    "&is141Or142": "Q141 or Q142 is true",
    "&is162_aOr162_b": "Q162_a or Q162_b is true",
    "&is79Or80Or81": "Q079, Q080 or Q081 is true or true.some",
}
"""What each named rule of ``REGISTRY`` asks, in words."""


def _values(condition: Condition) -> str:
    return " or ".join(repr(v) for v in condition.values or ())


KIND_WORDS: dict[str, Callable[[Condition], str]] = {
    "@hasValues": lambda c: (
        f"{c.controller} is {_values(c)}" if c.values else f"{c.controller} is answered"
    ),
    "@hasValuesExcept": lambda c: f"{c.controller} is answered and is not {_values(c)}",
    "@hasAdditionalValues": lambda c: (
        f"{c.controller} gives a text for {_values(c)}"
        if c.values
        else f"{c.controller} gives a text with its answer"
    ),
}


def describe_condition(condition: Condition) -> str:
    """The condition in words, e.g. ``Q010 is 'true'`` (``&`` rules: what they ask)."""
    if condition.is_named:
        words = NAMED_RULE_WORDS.get(condition.kind, "its rule holds")
        return f"{words} (rule {condition.kind})"
    return KIND_WORDS[condition.kind](condition)


def condition_holds(condition: Condition, lookup: Lookup) -> bool:
    """Whether one rule holds, reading answers through ``lookup``."""
    if condition.is_named:
        rule = REGISTRY.get(condition.kind)
        if rule is None:
            raise UnknownRuleError(condition.kind)
        return rule(lookup)
    answer = lookup(condition.controller)
    if answer is None:
        return False
    return KIND_CHECKS[condition.kind](condition, answer)


class QuestionStates:
    """Enabled/visible state of every question of ``questionnaire`` for ``answers``."""

    def __init__(self, questionnaire: Questionnaire, answers: Mapping[str, AnswerLike]) -> None:
        self.questionnaire = questionnaire
        self.answers = answers
        self._active: dict[str, bool] = {}

    def _live(self, key: str) -> AnswerLike | None:
        return self.answers.get(key) if self.is_active(key) else None

    def _gate(self, key: str, trigger: str) -> bool:
        rules = self.questionnaire.conditions_of(key, trigger)
        return not rules or any(condition_holds(c, self._live) for c in rules)

    def is_enabled(self, key: str) -> bool:
        return self._gate(key, "enable")

    def is_visible(self, key: str) -> bool:
        return self._gate(key, "visible")

    def is_active(self, key: str) -> bool:
        """Enabled, visible, and inside an active sub-section (if any)."""
        known = self._active.get(key)
        if known is not None:
            return known
        if key not in self._active:
            self._active[key] = False  # guards against cyclic rules
            question = self.questionnaire.question(key)
            parent_ok = (
                question is None or question.parent is None or self.is_active(question.parent)
            )
            self._active[key] = parent_ok and self.is_enabled(key) and self.is_visible(key)
        return self._active[key]

    def why_inactive(self, key: str) -> str | None:
        """Why question ``key`` takes no answer now, in words (``None`` while it is active)."""
        if self.is_active(key):
            return None
        question = self.questionnaire.question(key)
        if question is not None and question.parent and not self.is_active(question.parent):
            return f"its sub-section {question.parent} takes no answer"
        for trigger, verb in (("enable", "enabled"), ("visible", "shown")):
            rules = self.questionnaire.conditions_of(key, trigger)
            if rules and not self._gate(key, trigger):
                words = " or ".join(dict.fromkeys(describe_condition(c) for c in rules))
                return f"{key} is {verb} only when {words}"
        return None

    def active_keys(self) -> tuple[str, ...]:
        return tuple(q.key for q in self.questionnaire.all_questions() if self.is_active(q.key))


def question_states(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerLike]
) -> QuestionStates:
    return QuestionStates(questionnaire, answers)


def is_active(questionnaire: Questionnaire, key: str, answers: Mapping[str, AnswerLike]) -> bool:
    """Whether question ``key`` may be answered, given ``answers``."""
    return QuestionStates(questionnaire, answers).is_active(key)
