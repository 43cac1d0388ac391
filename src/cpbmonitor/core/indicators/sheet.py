"""Many reports' answers read through a questionnaire's conditions, as bit columns.

With a questionnaire, a question's answer counts only in the reports where the question
is active under the format's conditions (``formats.conditions`` semantics): an answer
left behind in a disabled question (say Q124 "prioritized?" when Q122 "still has
needs?" is ``false``) does not count, as the BCH clears such answers.
``@hasAdditionalValues`` needs the additional text, which the engine's inputs do not
carry; it is read as ``@hasValues``. Sets of rows are those of ``columns``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cpbmonitor.core.formats.conditions import REGISTRY
from cpbmonitor.core.formats.model import Condition, Questionnaire
from cpbmonitor.core.indicators.columns import EMPTY, Answers, Columns, Rows, marks, rows_of

Accessor = Callable[[Answers], frozenset[str]]


class Accessors:
    """How one questionnaire's conditions gate its answers (``apply_conditions``)."""

    def __init__(self, questionnaire: Questionnaire | None, apply_conditions: bool = True) -> None:
        self.questionnaire = questionnaire
        self.apply_conditions = apply_conditions and questionnaire is not None

    def sheet(self, rows: Sequence[Answers]) -> Sheet:
        """The answers of ``rows`` (one report each), read through these conditions."""
        return Sheet(self, Columns(rows))

    def reader(self, key: str) -> Accessor:
        """The values of ``key`` that count in one report (none while it is disabled)."""
        return lambda answers: self.sheet([answers]).values(key, 0)


@dataclass(frozen=True)
class _Looked:
    """What ``formats.conditions`` named rules read from an answer."""

    values: tuple[str, ...]
    additional: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


class Sheet:
    """Many reports' answers as bit columns, read through a questionnaire's conditions."""

    def __init__(self, accessors: Accessors, columns: Columns) -> None:
        self.accessors = accessors
        self.columns = columns
        self.size = columns.size
        self.everyone = columns.everyone
        self._active: dict[str, Rows] = {}
        self._marks: dict[str, str] = {}
        self._building: set[str] = set()

    def read(self, keys: Iterable[str]) -> None:
        """Read ``keys``, and every question their conditions read, in one pass over the
        reports (named rules of the format aside: what they read is read on first use)."""
        self.columns.read(self._with_controllers(keys))

    def _with_controllers(self, keys: Iterable[str]) -> list[str]:
        questionnaire = self.accessors.questionnaire
        if not self.accessors.apply_conditions or questionnaire is None:
            return list(keys)
        needed: dict[str, None] = {}
        seen: set[str] = set()
        todo = list(keys)
        needed.update(dict.fromkeys(todo))
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            question = questionnaire.question(key)
            if question is not None and question.parent is not None:
                todo.append(question.parent)
            for condition in questionnaire.conditions_on(key):
                if not condition.is_named:
                    needed[condition.controller] = None
                    todo.append(condition.controller)
        return list(needed)

    def answered(self, key: str) -> Rows:
        """The rows whose answer to ``key`` counts (given, and ``key`` active)."""
        return self.columns.filled(key) & self.active(key)

    def chosen(self, key: str, value: str) -> Rows:
        """The rows where ``value`` is chosen for ``key`` and ``key`` is active."""
        return self.columns.chosen(key, value) & self.active(key)

    def values(self, key: str, row: int) -> frozenset[str]:
        """The values of ``key`` that count in one row."""
        live = self._marks.get(key)
        if live is None:
            live = self._marks[key] = marks(self.active(key), self.size)
        return self.columns.value(key, row) if live[row] == "1" else EMPTY

    def active(self, key: str) -> Rows:
        """The rows where ``key`` is enabled, visible and inside an active sub-section."""
        questionnaire = self.accessors.questionnaire
        if not self.accessors.apply_conditions or questionnaire is None:
            return self.everyone
        rows = self._active.get(key)
        if rows is not None:
            return rows
        if key in self._building:  # a cycle in the format's rules: read the raw answer
            return self.everyone
        self._building.add(key)
        try:
            rows = self._gate(key, questionnaire)
        finally:
            self._building.discard(key)
        self._active[key] = rows
        return rows

    def _gate(self, key: str, questionnaire: Questionnaire) -> Rows:
        rows = self.everyone
        question = questionnaire.question(key)
        if question is not None and question.parent is not None:
            rows &= self.active(question.parent)
        for trigger in ("enable", "visible"):
            conditions = [c for c in questionnaire.conditions_on(key) if c.trigger == trigger]
            if conditions and rows:
                held = 0
                for condition in conditions:
                    held |= self._holds(condition)
                rows &= held
        return rows

    def _holds(self, condition: Condition) -> Rows:
        if condition.is_named:
            return self._named(condition.kind)
        controller = condition.controller
        if condition.values is None:
            return self.answered(controller)
        some = 0
        for value in condition.values:
            some |= self.chosen(controller, value)
        if condition.kind == "@hasValuesExcept":
            return self.answered(controller) & ~some
        return some

    def _named(self, kind: str) -> Rows:
        """A named rule of the format, tested row by row (it may read any question)."""
        named = REGISTRY.get(kind)
        if named is None:
            raise KeyError(f"unknown named rule {kind!r} in the format")

        def holds(row: int) -> bool:
            def lookup(key: str) -> _Looked | None:
                value = self.values(key, row)
                return _Looked(tuple(value)) if value else None

            return named(lookup)

        return rows_of(bytes(map(holds, range(self.size))))
