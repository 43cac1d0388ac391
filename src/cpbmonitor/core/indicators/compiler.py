"""Compile rules into programs over many reports' answers at once.

A compiled rule takes a ``Sheet`` (the answers of many reports as bit columns, read
through a questionnaire's conditions: see ``sheet`` and ``columns``) and returns the set
of rows that meet it, with a few integer operations per option value it names.
``CompiledRule.test`` tests one report the same way (a sheet of one row).

Parsing, validating and compiling a rule text is done once per questionnaire and
process: the compiled form holds no data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators import rules
from cpbmonitor.core.indicators.columns import Answers, Rows, count_rows
from cpbmonitor.core.indicators.rules import Answered, Choice, Count, Node, Not, Subject
from cpbmonitor.core.indicators.sheet import Accessors, Sheet

__all__ = ["Accessors", "CompiledRule", "Program", "Sheet", "compile_rule", "subject_keys"]

Program = Callable[[Sheet], Rows]
"""A compiled rule: the rows of a sheet that meet it."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule ready to test reports: ``rule.rows(sheet)`` or ``rule.test(answers)``."""

    text: str
    node: Node
    keys: frozenset[str]
    """The question keys the rule reads (for "did this report answer it?")."""
    program: Program
    accessors: Accessors

    def rows(self, sheet: Sheet) -> Rows:
        """The rows of ``sheet`` that meet the rule."""
        return self.program(sheet)

    def answered_rows(self, sheet: Sheet) -> Rows:
        """The rows that answered any question this rule reads (conditions aside)."""
        found = 0
        for key in self.keys:
            found |= sheet.columns.filled(key)
        return found

    def test(self, answers: Answers) -> bool:
        """Whether one report meets the rule."""
        return self.rows(self.accessors.sheet([answers])) == 1

    def answered_by(self, answers: Answers) -> bool:
        """Whether one report answered any question this rule reads (conditions aside)."""
        return any(answers.get(key) for key in self.keys)


_COMPILED: dict[tuple[str, int], tuple[Questionnaire | None, Node, frozenset[str], Program]] = {}
"""Rule text and questionnaire (by identity, kept alive here) -> its compiled parts."""
_CACHE_SIZE = 2048


def compile_rule(
    rule: str | Node,
    questionnaire: Questionnaire | None = None,
    *,
    accessors: Accessors | None = None,
    text: str | None = None,
) -> CompiledRule:
    """Parse (when given text), validate (with a questionnaire) and compile ``rule``."""
    accessors = accessors or Accessors(questionnaire)
    if not isinstance(rule, str):
        keys, program = _compile_node(rule, questionnaire, text or "")
        return CompiledRule(text or "", rule, keys, program, accessors)
    cached = _COMPILED.get((rule, id(questionnaire)))
    if cached is None or cached[0] is not questionnaire:
        node = rules.parse(rule)
        cached = (questionnaire, node, *_compile_node(node, questionnaire, rule))
        if len(_COMPILED) >= _CACHE_SIZE:
            _COMPILED.clear()
        _COMPILED[(rule, id(questionnaire))] = cached
    _, node, keys, program = cached
    return CompiledRule(rule, node, keys, program, accessors)


def _compile_node(
    node: Node, questionnaire: Questionnaire | None, text: str
) -> tuple[frozenset[str], Program]:
    if questionnaire is not None:
        rules.validate(node, questionnaire, text)
    return rules.keys_of(node, questionnaire), _compile(node, questionnaire)


def _compile(node: Node, form: Questionnaire | None) -> Program:
    if isinstance(node, rules.And):
        return _all_of([_compile(item, form) for item in node.items])
    if isinstance(node, rules.Or):
        return _any_of([_compile(item, form) for item in node.items])
    if isinstance(node, Not):
        inner = _compile(node.item, form)
        return lambda sheet: sheet.everyone ^ inner(sheet)
    if isinstance(node, Answered):
        return _answered(subject_keys(node.subject, form))
    if isinstance(node, Count):
        return _count(node, form)
    return _choice(node, form)


def _all_of(parts: list[Program]) -> Program:
    def run(sheet: Sheet) -> Rows:
        found = sheet.everyone
        for part in parts:
            found &= part(sheet)
            if not found:
                break
        return found

    return run


def _any_of(parts: list[Program]) -> Program:
    def run(sheet: Sheet) -> Rows:
        found = 0
        for part in parts:
            found |= part(sheet)
        return found

    return run


def subject_keys(subject: Subject, form: Questionnaire | None) -> tuple[str, ...]:
    """The questions a subject reads (a ``KEY_*`` subject: every question inside KEY)."""
    if not subject.pattern:
        return (subject.key,)
    if form is None:
        raise rules.RuleValidationError(
            f"{subject} needs a questionnaire to expand", str(subject), subject.pos
        )
    return tuple(q.key for q in rules.expand(subject, form))


def _answered(keys: tuple[str, ...]) -> Program:
    def run(sheet: Sheet) -> Rows:
        found = 0
        for key in keys:
            found |= sheet.answered(key)
        return found

    return run


def _chosen_any(keys: tuple[str, ...], values: tuple[str, ...]) -> Program:
    """Rows where any of ``values`` is chosen in any of ``keys`` (a ``KEY_*`` union)."""

    def run(sheet: Sheet) -> Rows:
        found = 0
        for key in keys:
            for value in values:
                found |= sheet.chosen(key, value)
        return found

    return run


def _choice(node: Choice, form: Questionnaire | None) -> Program:
    keys = subject_keys(node.subject, form)
    values = tuple(dict.fromkeys(node.values.items))
    if node.mode == "all":
        each = [_chosen_any(keys, (value,)) for value in values]
        return _all_of(each)
    some = _chosen_any(keys, values)
    if node.mode == "none":
        return lambda sheet: sheet.everyone ^ some(sheet)
    return some


def _count(node: Count, form: Questionnaire | None) -> Program:
    """Rows where the listed values chosen, summed over the subject's questions, compare."""
    keys = subject_keys(node.subject, form)
    values = tuple(dict.fromkeys(node.values.items))
    op, number = node.op, node.number

    def run(sheet: Sheet) -> Rows:
        columns = [sheet.chosen(key, value) for key in keys for value in values]
        return count_rows(columns, op, number, sheet.everyone)

    return run
