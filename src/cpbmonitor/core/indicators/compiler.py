"""Compile rules into closures over one report's answers.

Answers are ``Mapping[str, frozenset[str]]`` (question key -> chosen values). With a
questionnaire, a question's answer is read only while the question is active under the
format's conditions (``formats.conditions`` semantics): an answer left behind in a
disabled question (say Q124 "prioritized?" when Q122 "still has needs?" is ``false``)
does not count, as the BCH clears such answers. ``@hasAdditionalValues`` needs the
additional text, which the engine's inputs do not carry; it is read as ``@hasValues``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cpbmonitor.core.formats.conditions import REGISTRY
from cpbmonitor.core.formats.model import Condition, Questionnaire
from cpbmonitor.core.indicators import rules
from cpbmonitor.core.indicators.rules import Answered, Choice, Count, Node, Not, Subject

Answers = Mapping[str, frozenset[str]]
Accessor = Callable[[Answers], frozenset[str]]
Gate = Callable[[Answers], bool]
Predicate = Callable[[Answers], bool]

EMPTY: frozenset[str] = frozenset()
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


@dataclass(frozen=True)
class _Looked:
    """What ``formats.conditions`` named rules read from an answer."""

    values: tuple[str, ...]
    additional: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


class Accessors:
    """Answer readers for one questionnaire, honouring its conditions; memoised."""

    def __init__(self, questionnaire: Questionnaire | None, apply_conditions: bool = True) -> None:
        self.questionnaire = questionnaire
        self.apply_conditions = apply_conditions and questionnaire is not None
        self._readers: dict[str, Accessor] = {}
        self._gates: dict[str, Gate | None] = {}
        self._building: set[str] = set()

    def reader(self, key: str) -> Accessor:
        if key not in self._readers:
            self._readers[key] = self._make_reader(key)
        return self._readers[key]

    def _make_reader(self, key: str) -> Accessor:
        gate = self.gate(key)
        if gate is None:
            return lambda answers: answers.get(key, EMPTY)

        def read(answers: Answers) -> frozenset[str]:
            value = answers.get(key)
            if not value or not gate(answers):
                return EMPTY
            return value

        return read

    def gate(self, key: str) -> Gate | None:
        """``None`` when ``key`` is always active; else a test of whether it is active."""
        if not self.apply_conditions or self.questionnaire is None:
            return None
        if key in self._gates:
            return self._gates[key]
        if key in self._building:  # a cycle in the format's rules: read the raw answer
            return None
        self._building.add(key)
        try:
            gate = self._make_gate(key, self.questionnaire)
        finally:
            self._building.discard(key)
        self._gates[key] = gate
        return gate

    def _make_gate(self, key: str, questionnaire: Questionnaire) -> Gate | None:
        parts: list[Gate] = []
        question = questionnaire.question(key)
        if question is not None and question.parent is not None:
            parent = self.gate(question.parent)
            if parent is not None:
                parts.append(parent)
        for trigger in ("enable", "visible"):
            conditions = [c for c in questionnaire.conditions_on(key) if c.trigger == trigger]
            if conditions:
                parts.append(_any([self._condition(c) for c in conditions]))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else _all(parts)

    def _condition(self, condition: Condition) -> Gate:
        if condition.is_named:
            named = REGISTRY.get(condition.kind)
            if named is None:
                raise KeyError(f"unknown named rule {condition.kind!r} in the format")

            def holds(answers: Answers) -> bool:
                def lookup(k: str) -> _Looked | None:
                    value = self.reader(k)(answers)
                    return _Looked(tuple(value)) if value else None

                return named(lookup)

            return holds
        read = self.reader(condition.controller)
        wanted = frozenset(condition.values or ())
        if condition.kind == "@hasValuesExcept":
            return lambda answers: (v := read(answers)) != EMPTY and v.isdisjoint(wanted)
        if condition.values is None:
            return lambda answers: bool(read(answers))
        return lambda answers: not read(answers).isdisjoint(wanted)


def _any(gates: list[Gate]) -> Gate:
    if len(gates) == 1:
        return gates[0]
    return lambda answers: any(g(answers) for g in gates)


def _all(gates: list[Gate]) -> Gate:
    return lambda answers: all(g(answers) for g in gates)


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to test reports: ``rule.test(answers) -> bool``."""

    text: str
    node: Node
    keys: frozenset[str]
    """The question keys the rule reads (for "did this report answer it?")."""
    test: Predicate

    def answered_by(self, answers: Answers) -> bool:
        """Whether the report answered any question this rule reads."""
        return any(answers.get(k) for k in self.keys)


def compile_rule(
    rule: str | Node,
    questionnaire: Questionnaire | None = None,
    *,
    accessors: Accessors | None = None,
    text: str | None = None,
) -> CompiledRule:
    """Parse (when given text), validate (with a questionnaire) and compile ``rule``."""
    if isinstance(rule, str):
        text = rule
        node = rules.parse(rule)
    else:
        node = rule
        text = text or ""
    if questionnaire is not None:
        rules.validate(node, questionnaire, text)
    accessors = accessors or Accessors(questionnaire)
    keys = rules.keys_of(node, questionnaire)
    return CompiledRule(text, node, keys, _compile(node, accessors))


def _compile(node: Node, acc: Accessors) -> Predicate:
    if isinstance(node, rules.And):
        parts = [_compile(item, acc) for item in node.items]
        return lambda answers: all(p(answers) for p in parts)
    if isinstance(node, rules.Or):
        parts = [_compile(item, acc) for item in node.items]
        return lambda answers: any(p(answers) for p in parts)
    if isinstance(node, Not):
        inner = _compile(node.item, acc)
        return lambda answers: not inner(answers)
    if isinstance(node, Answered):
        read = subject_reader(node.subject, acc)
        return lambda answers: bool(read(answers))
    if isinstance(node, Count):
        return _count(node, acc)
    return _choice(node, acc)


def subject_reader(subject: Subject, acc: Accessors) -> Accessor:
    """The chosen values of a subject (a ``KEY_*`` subject: the union over its questions)."""
    if not subject.pattern:
        return acc.reader(subject.key)
    if acc.questionnaire is None:
        raise rules.RuleValidationError(
            f"{subject} needs a questionnaire to expand", str(subject), subject.pos
        )
    readers = [acc.reader(q.key) for q in rules.expand(subject, acc.questionnaire)]

    def read(answers: Answers) -> frozenset[str]:
        return frozenset().union(*(r(answers) for r in readers))

    return read


def _choice(node: Choice, acc: Accessors) -> Predicate:
    read = subject_reader(node.subject, acc)
    wanted = frozenset(node.values.items)
    if node.mode == "all":
        return lambda answers: wanted <= read(answers)
    if node.mode == "none":
        return lambda answers: read(answers).isdisjoint(wanted)
    return lambda answers: not read(answers).isdisjoint(wanted)


def _count(node: Count, acc: Accessors) -> Predicate:
    wanted = frozenset(node.values.items)
    compare = _COMPARE[node.op]
    number = node.number
    if node.subject.pattern and acc.questionnaire is not None:
        readers = [acc.reader(q.key) for q in rules.expand(node.subject, acc.questionnaire)]
    else:
        readers = [subject_reader(node.subject, acc)]
    return lambda answers: compare(sum(len(r(answers) & wanted) for r in readers), number)
