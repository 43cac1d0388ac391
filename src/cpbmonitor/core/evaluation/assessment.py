"""What the document's judgements rest on: whether each change is comparable, and the
progress status of each objective and goal, for the world and each region.

The document reads only this small interface (``Assessment``): a change with a
``comparable`` flag and its label and reason, and a status with its reasons per
objective or goal and group. The engine's own comparability labels and progress
statuses (issue 14) fill it when they are available; until then ``interim_assessment``
fills it with rules on the safe side:

- *comparable*: a change between two cycles of the same record measure or treaty status,
  or of report rules that ask the same question with the same options once the fifth
  report's keys are mapped to the fourth's through the format crosswalk, and whose
  methodology entry carries no caveat (a stand-in or changed question); every other
  change is *not comparable*, with its reason. A group whose denominator is below
  the evaluation's ``settings.min_denominator`` in either cycle has *insufficient data*;
- *status* of an objective or goal in a group, from the comparable changes of its
  indicators there: ``insufficient data`` without any; ``no progress or regression`` when
  as many declined as improved (or more); ``on track`` when every one improved;
  ``progress, acceleration needed`` otherwise.

Only comparable changes count in statuses and key messages; a stand-in or not-comparable
change can never reach a key message because it never reaches a status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from cpbmonitor.core.indicators import (
    GROUPS,
    Evaluation,
    GroupResult,
    IndicatorMethod,
    Methodology,
)
from cpbmonitor.core.indicators.inputs import GLOBAL
from cpbmonitor.core.indicators.series import Series
from cpbmonitor.core.milestones.model import Milestone
from cpbmonitor.core.plan.model import PlanVersion

Status = Literal[
    "on track", "progress, acceleration needed", "no progress or regression", "insufficient data"
]
STATUSES: tuple[Status, ...] = (
    "on track",
    "progress, acceleration needed",
    "no progress or regression",
    "insufficient data",
)
ChangeStatus = Literal["improved", "no change", "declined"]
MIN_DENOMINATOR = 10
"""The default of ``Settings.min_denominator`` (setting ``CPB_MIN_DENOMINATOR``); the
evaluation's own settings decide."""


@dataclass(frozen=True)
class Change:
    """The change of one indicator in one group between the baseline and the cycle."""

    indicator: str
    group: str
    comparable: bool
    label: str
    """``same question``, ``crosswalked question``, ``same measure``, ``stand-in
    question``, ``not comparable``, ``insufficient data``, ``no change to compare``."""
    reason: str = ""
    status: ChangeStatus | None = None
    change: float | None = None


@dataclass(frozen=True)
class ProgressStatus:
    code: str
    """Objective or goal code."""
    kind: Literal["objective", "goal"]
    group: str
    status: Status
    reasons: tuple[str, ...] = ()
    improved: tuple[str, ...] = ()
    no_change: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()

    @property
    def compared(self) -> int:
        return len(self.improved) + len(self.no_change) + len(self.declined)


@dataclass(frozen=True)
class Assessment:
    changes: Mapping[tuple[str, str], Change]
    statuses: Mapping[tuple[str, str], ProgressStatus]
    source: str
    """Who labelled the changes and set the statuses (named in the method section)."""
    rules: tuple[str, ...] = field(default=())
    """The rules in plain words, for the method section."""

    def change(self, indicator: str, group: str = "global") -> Change | None:
        return self.changes.get((indicator, group))

    def status(self, code: str, group: str = "global") -> ProgressStatus | None:
        return self.statuses.get((code, group))

    def comparable(self, indicator: str, group: str = "global") -> bool:
        found = self.changes.get((indicator, group))
        return found is not None and found.comparable


INTERIM_SOURCE = "CPB Monitor's interim rules (until the engine labels comparability)"
INTERIM_RULES = (
    "A change counts only when it is comparable: the same record measure in both cycles, "
    "or the same question with the same options once the fifth report's questions are "
    "mapped to the fourth's, with no caveat in the methodology; stand-in and changed "
    "questions are left out.",
    "A group with fewer than ten Parties or records in either cycle has insufficient data.",
    "An objective or goal is on track when every comparable indicator improved; shows no "
    "progress or regression when as many declined as improved, or more; needs "
    "acceleration otherwise; and has insufficient data without any comparable indicator.",
)
KEY = re.compile(r"\bQ\d+[A-Za-z0-9_*]*")


def _mapped_rule(rule: str, map_key: Mapping[str, str | None]) -> str | None:
    """``rule`` with each question key replaced by its counterpart (``None`` when a key
    has none)."""
    missing = False

    def swap(match: re.Match[str]) -> str:
        nonlocal missing
        key = match.group(0)
        other = map_key.get(key.rstrip("*").rstrip("_")) if key.endswith("*") else map_key.get(key)
        if other is None:
            missing = True
            return key
        return other + ("_*" if key.endswith("_*") else "")

    mapped = KEY.sub(swap, rule)
    return None if missing else mapped


def comparability(
    entry: IndicatorMethod | None, now: int, then: int, crosswalk: Mapping[str, str | None]
) -> tuple[bool, str, str]:
    """(comparable, label, reason) of an indicator's change from cycle ``then`` to ``now``."""
    if entry is None:
        return False, "not comparable", "no methodology entry"
    if entry.source == "not-measurable":
        return False, "not comparable", "not measurable"
    if entry.measure or entry.source in ("treaty-status", "reporting-status"):
        return True, "same measure", "the same measure in both cycles"
    rule_now, rule_then = entry.rules.get(now), entry.rules.get(then)
    if rule_now is None or rule_then is None:
        return False, "not comparable", "no rule for one of the cycles"
    keys = {k for k in KEY.findall(rule_now)}
    mapping = {k.rstrip("*").rstrip("_"): crosswalk.get(k.rstrip("*").rstrip("_")) for k in keys}
    mapped = _mapped_rule(rule_now, mapping)
    if entry.note:
        return False, "stand-in question", entry.note.rstrip(".")
    if mapped is None or mapped.replace(" ", "") != rule_then.replace(" ", ""):
        return False, "stand-in question", "the baseline rule asks another question or options"
    label = "same question" if mapped == rule_now else "crosswalked question"
    return True, label, "the same question and options in both cycles"


def _status(
    indicators: Iterable[str], changes: Mapping[tuple[str, str], Change], group: str
) -> tuple[Status, list[str], list[str], list[str]]:
    up: list[str] = []
    same: list[str] = []
    down: list[str] = []
    for code in indicators:
        found = changes.get((code, group))
        if found is None or not found.comparable or found.status is None:
            continue
        {"improved": up, "no change": same, "declined": down}[found.status].append(code)
    if not (up or same or down):
        return "insufficient data", up, same, down
    if len(down) >= len(up):
        return "no progress or regression", up, same, down
    if not same and not down:
        return "on track", up, same, down
    return "progress, acceleration needed", up, same, down


def _reasons(up: list[str], same: list[str], down: list[str]) -> tuple[str, ...]:
    parts = []
    for codes, words in ((up, "improved"), (same, "no change"), (down, "declined")):
        if codes:
            parts.append(f"{', '.join(codes)} {words}")
    return tuple(parts) or ("no comparable indicator",)


def statuses_of(
    plan: PlanVersion, changes: Mapping[tuple[str, str], Change]
) -> dict[tuple[str, str], ProgressStatus]:
    """The status of every objective and goal of ``plan`` in every group."""
    result: dict[tuple[str, str], ProgressStatus] = {}
    for goal in plan.goals():
        units: list[tuple[str, Literal["objective", "goal"], list[str]]] = [
            (o.code, "objective", [i.code for i in goal.indicators if o.code in i.objectives])
            for o in goal.objectives
        ]
        units.append((goal.code, "goal", [i.code for i in goal.indicators]))
        for code, kind, indicators in units:
            for group in GROUPS:
                status, up, same, down = _status(indicators, changes, group)
                result[(code, group)] = ProgressStatus(
                    code,
                    kind,
                    group,
                    status,
                    _reasons(up, same, down),
                    tuple(up),
                    tuple(same),
                    tuple(down),
                )
    return result


ENGINE_SOURCE = (
    "the indicator engine's comparability of each change; progress statuses by CPB "
    "Monitor's interim rules"
)
COUNTED = frozenset({"improved", "no change", "declined"})


def _engine_change(code: str, g: GroupResult) -> Change:
    """A change as the engine labelled it: counted only when comparable on enough data."""
    from cpbmonitor.core.indicators.comparability import LABELS

    label = LABELS.get(g.comparability or "", "not comparable")
    if g.status == "insufficient data":
        label = "insufficient data"
    counted = g.status in COUNTED and g.change is not None
    status: ChangeStatus | None = g.status if g.status in COUNTED else None  # type: ignore[assignment]
    return Change(
        code,
        g.group,
        counted,
        label,
        g.comparability_reason or "",
        status,
        g.change,
    )


def interim_assessment(
    plan: PlanVersion,
    methodology: Methodology,
    evaluation: Evaluation,
    crosswalk: Mapping[str, str | None] | None = None,
) -> Assessment:
    """Comparability and statuses: the engine's comparability labels where it gives them,
    else the interim rules (module docstring); statuses by the interim rules.
    ``crosswalk``: fifth-report key -> fourth-report key (default: the shipped one)."""
    if crosswalk is None:
        crosswalk = shipped_crosswalk(evaluation)
    changes: dict[tuple[str, str], Change] = {}
    then = evaluation.baseline.number if evaluation.baseline else None
    engine = any(g.comparability is not None for g in evaluation.rows())
    minimum = evaluation.settings.min_denominator
    for result in evaluation.indicators:
        entry = methodology.entry(result.code)
        if then is None:
            verdict = (False, "no change to compare", "no baseline")
        else:
            verdict = comparability(entry, evaluation.cycle.number, then, crosswalk)
        for group, g in result.groups.items():
            if g.comparability is not None:
                changes[(result.code, group)] = _engine_change(result.code, g)
                continue
            comparable, label, reason = verdict
            small = [d for d in (g.denominator, g.baseline_denominator) if d is not None]
            if comparable and result.unit != "count" and any(d < minimum for d in small):
                comparable, label = False, "insufficient data"
                reason = f"fewer than {minimum} Parties or records"
            if g.change is None:
                comparable = False
            counted: ChangeStatus | None = g.status if g.status in COUNTED else None  # type: ignore[assignment]
            changes[(result.code, group)] = Change(
                result.code, group, comparable, label, reason, counted, g.change
            )
    source = ENGINE_SOURCE if engine else INTERIM_SOURCE
    return Assessment(changes, statuses_of(plan, changes), source, INTERIM_RULES)


def shipped_crosswalk(evaluation: Evaluation) -> dict[str, str | None]:
    """The current cycle's keys mapped to the baseline's (empty when not known)."""
    if evaluation.baseline is None:
        return {}
    from cpbmonitor.core.formats import crosswalk as load_crosswalk
    from cpbmonitor.core.formats import shipped_format

    try:
        walk = load_crosswalk(evaluation.cycle.schema, evaluation.baseline.schema)
        keys = [q.key for q in shipped_format(evaluation.cycle.schema).all_questions()]
    except (KeyError, LookupError, ValueError):
        return {}
    mapped: dict[str, str | None] = {k: walk.map_question(k) for k in keys}
    for key in list(mapped):
        if "_" in key:
            stem = key.rsplit("_", 1)[0]
            other = mapped[key]
            if other is not None and mapped.get(stem) is None:
                mapped[stem] = other.rsplit("_", 1)[0]
    return mapped


# -- from the engine's progress assessment --------------------------------------------------

PROGRESS_STATUS: Mapping[str, Status] = {
    "on-track": "on track",
    "acceleration-needed": "progress, acceleration needed",
    "regression": "no progress or regression",
    "insufficient-data": "insufficient data",
}
PROGRESS_SOURCE = (
    "the indicator engine's comparability of each change and its progress assessment "
    "against the milestones, or the default targets at the end of the plan period"
)
PROGRESS_RULES = (
    "Only comparable changes on enough data count. Each indicator is on track when its "
    "value is on or above the straight line from the baseline to its milestone (or to "
    "the default target at the end of the plan period); needs acceleration when it progressed "
    "more slowly; and "
    "shows no progress or regression otherwise. An objective or goal takes the status of "
    "most of its indicators, by rules written as data.",
)


def series_of(evaluation: Evaluation) -> Series:
    """The two-cycle series (baseline, cycle) of one evaluation: the engine's own figures,
    without evaluating again."""
    from cpbmonitor.core.indicators.series import Change as SeriesChange
    from cpbmonitor.core.indicators.series import IndicatorSeries, Point, Series

    if evaluation.baseline is None:
        raise ValueError("a progress assessment needs a baseline")
    then, now = evaluation.baseline.number, evaluation.cycle.number
    indicators = []
    for result in evaluation.indicators:
        groups = {}
        for group, g in result.groups.items():
            change = SeriesChange(
                then, now, g.change, g.status, g.comparability, g.comparability_reason
            )
            groups[group] = (
                Point(
                    then,
                    g.baseline_numerator,
                    g.baseline_denominator,
                    g.baseline_value,
                    g.baseline_few_data,
                    None,
                ),
                Point(now, g.numerator, g.denominator, g.value, g.few_data, g.note, change, change),
            )
        indicators.append(
            IndicatorSeries(
                result.code, result.goal, result.text, result.unit, result.caveat, groups
            )
        )
    cycles = (evaluation.baseline, evaluation.cycle)
    return Series(evaluation.plan, cycles, evaluation.settings, tuple(indicators), (evaluation,))


def _count_reasons(counts: Mapping[str, int], total: int) -> tuple[str, ...]:
    """How many indicators were assessed, and how many are in each class (in the
    document's language)."""
    from cpbmonitor.core.evaluation.words import tr

    assessed = total - counts.get("insufficient-data", 0)
    parts = [tr("{assessed} of {total} indicators assessed").format(assessed=assessed, total=total)]
    parts += [
        f"{counts[k]} {tr(PROGRESS_STATUS[k])}"
        for k in ("on-track", "acceleration-needed", "regression")
        if counts.get(k)
    ]
    return (", ".join(parts),)


def engine_assessment(
    plan: PlanVersion,
    methodology: Methodology,
    evaluation: Evaluation,
    milestones: Iterable[Milestone] = (),
) -> Assessment:
    """Comparability from the engine, and the status of each objective and goal, world
    and regions, from the engine's progress assessment (``core.indicators.progress``):
    the world's as the engine aggregates it; a region's by the same aggregation rules
    over the region's indicator statuses."""
    from cpbmonitor.core.indicators.progress import (
        aggregate,
        assess_indicator,
        assess_progress,
        shipped_progress_rules,
    )

    changes = interim_assessment(plan, methodology, evaluation).changes
    series = series_of(evaluation)
    marks = list(milestones)
    rules = shipped_progress_rules()
    progress = assess_progress(plan, series, marks, rules)
    per_group = {
        (p.indicator, p.group): p
        for item in series.indicators
        for group in GROUPS
        if (p := assess_indicator(item, group, series, marks, rules.indicator)) is not None
    }
    statuses: dict[tuple[str, str], ProgressStatus] = {}
    for goal in plan.goals():
        units: list[tuple[str, Literal["objective", "goal"], str, list[str]]] = [
            (
                o.code,
                "objective",
                o.text,
                [i.code for i in goal.indicators if o.code in i.objectives],
            )
            for o in goal.objectives
        ]
        units.append((goal.code, "goal", goal.title, [i.code for i in goal.indicators]))
        for code, kind, title, codes in units:
            for group in GROUPS:
                members = [per_group[(c, group)] for c in codes if (c, group) in per_group]
                found = aggregate(kind, code, title, members, rules)
                if group == GLOBAL:
                    world = progress.goal(code) if kind == "goal" else progress.objective(code)
                    found = world
                by = {s: [m.indicator for m in members if m.status == s] for s in PROGRESS_STATUS}
                statuses[(code, group)] = ProgressStatus(
                    code,
                    kind,
                    group,
                    PROGRESS_STATUS[found.status],
                    _count_reasons(found.counts, len(members)),
                    tuple(by["on-track"] + by["acceleration-needed"]),
                    (),
                    tuple(by["regression"]),
                )
    return Assessment(changes, statuses, PROGRESS_SOURCE, PROGRESS_RULES)
