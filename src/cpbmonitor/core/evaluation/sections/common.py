"""Helpers shared by section builders: cells of numbers, indicator values, wording."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from cpbmonitor.core.analysis import GoalChallenges, challenges, shipped_topics
from cpbmonitor.core.evaluation.assessment import (
    Assessment,
    engine_assessment,
    interim_assessment,
)
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import Cell, CellKind, Number, Ref
from cpbmonitor.core.evaluation.numbers import (
    DASH,
    GROUP_LABELS,
    group_label,
    join_words,
    language,
    number,
)
from cpbmonitor.core.indicators import GroupResult, IndicatorResult
from cpbmonitor.core.milestones.model import Milestone

T = TypeVar("T")

VALUE_FIELDS = ("value", "baseline_value", "change", "numerator", "denominator")


def style_of(unit: str, field: str) -> str:
    """How a field of an indicator of ``unit`` is printed."""
    if field in ("numerator", "denominator"):
        return "count"
    if field == "change":
        return "points"
    return "count" if unit == "count" else "percent"


def indicator_number(result: IndicatorResult, group: str, field: str) -> Number | None:
    """The number of ``field`` of ``result`` in ``group``, or ``None`` when there is none."""
    value = getattr(result.groups[group], field)
    if value is None:
        return None
    return number(value, style_of(result.unit, field), Ref(result.code, group, field))


def number_cell(n: Number | None, kind: CellKind = "number") -> Cell:
    if n is None:
        return Cell(DASH)
    return Cell(n.text, kind, (n,))


def count_cell(value: int, ref: Ref) -> Cell:
    return number_cell(number(value, "count", ref))


def fraction_cell(result: IndicatorResult, group: str) -> Cell:
    n = indicator_number(result, group, "numerator")
    d = indicator_number(result, group, "denominator")
    if n is None or d is None:
        return Cell(DASH)
    return Cell(f"{n.text}/{d.text}", "fraction", (n, d))


def is_measured(result: IndicatorResult) -> bool:
    """The indicator has a value in some group, in the current or the baseline cycle."""
    return any(g.value is not None or g.baseline_value is not None for g in result.groups.values())


def percent_of(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def regions_with(result: IndicatorResult, field: str) -> list[GroupResult]:
    """The regional groups of ``result`` with a value in ``field``."""
    return [
        g for name, g in result.groups.items() if name != "global" and getattr(g, field) is not None
    ]


CELL_KINDS: dict[str, CellKind] = {"percent": "percent", "points": "points", "count": "number"}


def indicator_cell(result: IndicatorResult, group: str, field: str) -> Cell:
    """The cell showing ``field`` of ``result`` in ``group`` (a dash when empty)."""
    kind = CELL_KINDS[style_of(result.unit, field)]
    return number_cell(indicator_number(result, group, field), kind)


def labels_at(values: dict[str, float], target: float) -> str:
    """The names of the groups whose value is ``target`` (ties are all named)."""
    return join_words(group_label(g) for g, v in values.items() if v == target if g in GROUP_LABELS)


def plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"


# -- what several sections read, computed once per build ------------------------------------

_MEMO: dict[int, tuple[ReportInputs, dict[tuple[str, str], object]]] = {}


def _memo(inputs: ReportInputs, name: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per inputs, name and language (a build reads it many times);
    ``forget`` drops it after the build."""
    entry = _MEMO.get(id(inputs))
    if entry is None or entry[0] is not inputs:
        entry = (inputs, {})
        _MEMO[id(inputs)] = entry
    key = (name, language())
    if key not in entry[1]:
        entry[1][key] = compute()
    return entry[1][key]  # type: ignore[return-value]


def forget(inputs: ReportInputs) -> None:
    _MEMO.pop(id(inputs), None)


def assessment_of(inputs: ReportInputs) -> Assessment:
    """The inputs' assessment, or the interim one computed from the evaluation."""
    if inputs.assessment is not None:
        return inputs.assessment
    return _memo(inputs, "assessment", lambda: default_assessment(inputs))


def default_assessment(inputs: ReportInputs) -> Assessment:
    """The engine's progress assessment (against the inputs' milestones, or the default
    2030 targets) when the evaluation has a baseline and comparability labels; the
    interim rules otherwise."""
    evaluation = inputs.evaluation
    labelled = any(g.comparability is not None for g in evaluation.rows())
    if evaluation.baseline is None or not labelled:
        return interim_assessment(inputs.plan, inputs.methodology, evaluation)
    marks = [
        Milestone(
            plan=inputs.plan.id,
            indicator=m.indicator,
            group=m.group,
            target_value=m.target_value,
            target_date=m.target_date,
        )
        for m in inputs.milestones or ()
    ]
    return engine_assessment(inputs.plan, inputs.methodology, evaluation, marks)


@dataclass(frozen=True)
class Challenges:
    """The challenges named in the texts of the inputs: per topic and group, per goal."""

    writing: Mapping[str, int]
    topics: Mapping[str, Mapping[str, int]]
    labels: Mapping[str, str]
    goals: Mapping[str, GoalChallenges]


def challenges_of(inputs: ReportInputs) -> Challenges | None:
    if inputs.texts is None:
        return None
    return _memo(inputs, "challenges", lambda: _challenges(inputs))


def _challenges(inputs: ReportInputs) -> Challenges:
    topics = shipped_topics()
    goals = [g.code for g in inputs.plan.goals()]
    per_goal = challenges(inputs.texts or (), goals, topics, language())
    counts: dict[str, dict[str, int]] = {}
    for found in per_goal.values():
        for item in found.topics:
            counts[item.topic] = dict(item.parties)
    writing = next(iter(per_goal.values())).writing if per_goal else {}
    labels = {name: topic.text(language()) for name, topic in topics.topics.items()}
    ordered = dict(sorted(counts.items(), key=lambda item: (-item[1].get("global", 0), item[0])))
    return Challenges(writing, ordered, labels, per_goal)
