"""Progress towards the 2030 targets: indicators, objectives and goals, modelled on the
progress assessment of ESCAP's Asia-Pacific SDG Progress Report.

Per indicator and group (world, regions), from a ``Series`` whose first cycle is the
baseline:

- the **target** is the indicator's milestone for the group with the latest date, or
  (without one) the documented default: 100% by 31 December 2030 for a percentage; a
  count without a milestone has none;
- the **trajectory** is the straight line from the baseline value (on the baseline
  cycle's deadline) to the target (on its date); the **expected value** is its value on
  the latest cycle's deadline;
- the **pace ratio** is the change achieved since the baseline over the change expected
  by then (ESCAP's anticipated-progress ratio, with a straight line instead of a growth
  rate);
- the class: ``on-track`` (target reached, or pace ratio at least ``on_track_ratio``);
  ``acceleration-needed`` (progress of at least ``progress_threshold`` points, too slow);
  ``regression`` (no progress, or a decline); ``insufficient-data`` (no baseline or no
  latest value, a change that is not comparable, a denominator under the few-data
  threshold, or no target).

Objectives and goals take the status of the first aggregation rule (``data/
progress-rules.yaml``) whose condition holds over their world indicators' statuses, with
the rule's reason and each indicator's status as reasons. Everything is a pure function
of the series, the milestones and the rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.indicators.inputs import GLOBAL
from cpbmonitor.core.indicators.series import IndicatorSeries, Point, Series
from cpbmonitor.core.milestones.model import Milestone
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.yamlfile import Location, load_model

ProgressClass = Literal["on-track", "acceleration-needed", "regression", "insufficient-data"]
CLASSES: tuple[ProgressClass, ...] = (
    "on-track",
    "acceleration-needed",
    "regression",
    "insufficient-data",
)
LABELS: Mapping[str, str] = {
    "on-track": "on track",
    "acceleration-needed": "progress, acceleration needed",
    "regression": "no progress or regression",
    "insufficient-data": "insufficient data",
}
RULES_FILE = Path(__file__).parent / "data" / "progress-rules.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndicatorRules(_Strict):
    default_target_percent: float = Field(ge=0, le=100)
    default_target_date: dt.date
    on_track_ratio: float = Field(gt=0)
    progress_threshold: float = Field(ge=0)


class Condition(_Strict):
    assessed_share_below: float | None = Field(default=None, ge=0, le=1)
    share_at_least: dict[ProgressClass, float] = Field(default_factory=dict)

    def holds(self, counts: Mapping[str, int], total: int) -> bool:
        assessed = total - counts.get("insufficient-data", 0)
        below = self.assessed_share_below
        if below is not None and (not total or assessed / total >= below):
            return False
        for name, share in self.share_at_least.items():
            if not assessed or counts.get(name, 0) / assessed < share:
                return False
        return True


class AggregationRule(_Strict):
    status: ProgressClass
    when: Condition | None = None
    reason: str = Field(min_length=1)


class ProgressRules(_Strict):
    indicator: IndicatorRules
    aggregation: list[AggregationRule] = Field(min_length=1)


def _check_rules(rules: ProgressRules) -> Iterable[tuple[Location, str]]:
    last = len(rules.aggregation) - 1
    for i, rule in enumerate(rules.aggregation):
        if rule.when is None and i != last:
            yield ("aggregation", i, "when"), "only the last rule may have no condition"
        try:
            rule.reason.format(**{c: 0 for c in (*CLASSES, "assessed", "total")})
        except (KeyError, IndexError) as error:
            yield ("aggregation", i, "reason"), f"unknown placeholder {error}"
    if rules.aggregation[last].when is not None:
        yield ("aggregation", last, "when"), "the last rule must have no condition"


def load_progress_rules(path: Path = RULES_FILE) -> ProgressRules:
    return load_model(path, ProgressRules, [_check_rules])


@cache
def shipped_progress_rules() -> ProgressRules:
    return load_progress_rules()


# -- indicators ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: str
    group: str
    status: ProgressClass
    reasons: tuple[str, ...]
    baseline_cycle: int | None = None
    baseline_value: float | None = None
    latest_cycle: int | None = None
    latest_value: float | None = None
    target_value: float | None = None
    target_date: dt.date | None = None
    target_source: str | None = None
    """``milestone`` or ``default``."""
    expected_value: float | None = None
    pace_ratio: float | None = None

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def as_row(self) -> dict[str, Any]:
        row = asdict(self)
        row["reasons"] = "; ".join(self.reasons)
        row["label"] = self.label
        return row


def _target(
    item: IndicatorSeries,
    group: str,
    plan: str,
    milestones: Iterable[Milestone],
    rules: IndicatorRules,
) -> tuple[float, dt.date, str] | None:
    own = [
        m for m in milestones if m.plan == plan and m.indicator == item.code and m.group == group
    ]
    if own:
        last = max(own, key=lambda m: m.target_date)
        return last.target_value, last.target_date, "milestone"
    if item.unit.startswith("percent"):
        return rules.default_target_percent, rules.default_target_date, "default"
    return None


def _insufficient(item: IndicatorSeries, group: str, *reasons: str) -> IndicatorProgress:
    return IndicatorProgress(item.code, group, "insufficient-data", tuple(reasons))


def assess_indicator(
    item: IndicatorSeries,
    group: str,
    series: Series,
    milestones: Iterable[Milestone] = (),
    rules: IndicatorRules | None = None,
) -> IndicatorProgress:
    """The progress class of one indicator and group, with its reasons."""
    rules = rules or shipped_progress_rules().indicator
    points = item.points(group)
    base = points[0]
    dates = {c.number: c.deadline for c in series.cycles}
    if base.value is None:
        return _insufficient(item, group, f"no value in the baseline cycle {base.cycle}")
    latest: Point | None = next((p for p in reversed(points[1:]) if p.value is not None), None)
    if latest is None:
        return _insufficient(item, group, "no value in a cycle after the baseline")
    change = latest.since_baseline
    if change is not None and change.comparability not in ("same", "crosswalked"):
        return _insufficient(
            item,
            group,
            f"the change since cycle {base.cycle} is not comparable ({change.label}): "
            f"{change.reason}",
        )
    if base.few_data or latest.few_data:
        return _insufficient(
            item,
            group,
            f"fewer than {series.settings.min_denominator} Parties or records in a denominator",
        )
    target = _target(item, group, series.plan, milestones, rules)
    if target is None:
        return _insufficient(item, group, "no milestone, and a count has no default target")
    goal, goal_date, source = target
    assert latest.value is not None
    start, now = dates[base.cycle], dates[latest.cycle]
    span = (goal_date - start).days
    elapsed = (now - start).days
    share = min(1.0, max(0.0, elapsed / span)) if span > 0 else 1.0
    expected = round(base.value + (goal - base.value) * share, 2)
    achieved = latest.value - base.value
    needed = expected - base.value
    ratio = round(achieved / needed, 2) if needed > 0 else None
    measured = IndicatorProgress(
        item.code,
        group,
        "insufficient-data",
        (),
        baseline_cycle=base.cycle,
        baseline_value=base.value,
        latest_cycle=latest.cycle,
        latest_value=latest.value,
        target_value=goal,
        target_date=goal_date,
        target_source=source,
        expected_value=expected,
        pace_ratio=ratio,
    )
    where = (
        f"{latest.value:g} in cycle {latest.cycle} against {expected:g} expected on the "
        f"line from {base.value:g} (cycle {base.cycle}) to {goal:g} by {goal_date.isoformat()}"
        f" ({'milestone' if source == 'milestone' else 'default target'})"
    )
    if latest.value >= goal:
        return replace(measured, status="on-track", reasons=(f"target reached: {where}",))
    if ratio is not None and ratio >= rules.on_track_ratio:
        why = f"pace {ratio:g} of the pace needed (at least {rules.on_track_ratio:g}): {where}"
        return replace(measured, status="on-track", reasons=(why,))
    if achieved >= rules.progress_threshold:
        pace = f"pace {ratio:g} of the pace needed" if ratio is not None else "progress"
        return replace(measured, status="acceleration-needed", reasons=(f"{pace}: {where}",))
    why = f"change {achieved:+.2f} since the baseline: {where}"
    return replace(measured, status="regression", reasons=(why,))


# -- objectives and goals -------------------------------------------------------------------


@dataclass(frozen=True)
class AggregateProgress:
    kind: Literal["goal", "objective"]
    code: str
    title: str
    status: ProgressClass
    reasons: tuple[str, ...]
    indicators: tuple[str, ...]
    counts: Mapping[str, int]

    @property
    def label(self) -> str:
        return LABELS[self.status]

    def as_row(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "code": self.code,
            "title": self.title,
            "status": self.status,
            "label": self.label,
            "indicators": ", ".join(self.indicators),
            **{c: self.counts.get(c, 0) for c in CLASSES},
            "reasons": "; ".join(self.reasons),
        }


def aggregate(
    kind: Literal["goal", "objective"],
    code: str,
    title: str,
    members: list[IndicatorProgress],
    rules: ProgressRules,
) -> AggregateProgress:
    """The status of an objective or goal from its indicators' (world) statuses."""
    counts: Counter[str] = Counter(m.status for m in members)
    total = len(members)
    codes = tuple(m.indicator for m in members)
    if not total:
        return AggregateProgress(
            kind, code, title, "insufficient-data", ("no indicator measures it",), codes, {}
        )
    assessed = total - counts.get("insufficient-data", 0)
    fields = {c: counts.get(c, 0) for c in CLASSES} | {"assessed": assessed, "total": total}
    rule = next(r for r in rules.aggregation if r.when is None or r.when.holds(counts, total))
    reasons = (
        rule.reason.format(**fields),
        *(f"{m.indicator}: {m.label} ({m.reasons[0]})" for m in members),
    )
    return AggregateProgress(kind, code, title, rule.status, reasons, codes, dict(counts))


@dataclass(frozen=True)
class ProgressAssessment:
    plan: str
    cycles: tuple[int, ...]
    indicators: tuple[IndicatorProgress, ...]
    objectives: tuple[AggregateProgress, ...]
    goals: tuple[AggregateProgress, ...]

    def indicator(self, code: str, group: str = GLOBAL) -> IndicatorProgress:
        return next(p for p in self.indicators if p.indicator == code and p.group == group)

    def goal(self, code: str) -> AggregateProgress:
        return next(g for g in self.goals if g.code == code)

    def objective(self, code: str) -> AggregateProgress:
        return next(o for o in self.objectives if o.code == code)


def assess_progress(
    plan: PlanVersion,
    series: Series,
    milestones: Iterable[Milestone] = (),
    rules: ProgressRules | None = None,
) -> ProgressAssessment:
    """Every indicator (world and regions), objective and goal of ``plan``."""
    rules = rules or shipped_progress_rules()
    milestones = list(milestones)
    indicators = tuple(
        assess_indicator(item, group, series, milestones, rules.indicator)
        for item in series.indicators
        for group in item.groups
    )
    world = {p.indicator: p for p in indicators if p.group == GLOBAL}
    goals, objectives = [], []
    for goal in plan.goals():
        members = [world[i.code] for i in goal.indicators if i.code in world]
        goals.append(aggregate("goal", goal.code, goal.title, members, rules))
        for objective in goal.objectives:
            linked = [
                world[i.code]
                for i in goal.indicators
                if objective.code in i.objectives and i.code in world
            ]
            objectives.append(aggregate("objective", objective.code, objective.text, linked, rules))
    return ProgressAssessment(
        plan.id,
        tuple(c.number for c in series.cycles),
        indicators,
        tuple(objectives),
        tuple(goals),
    )


PROGRESS_FIELDS: tuple[str, ...] = (
    "indicator",
    "group",
    "status",
    "label",
    "baseline_cycle",
    "baseline_value",
    "latest_cycle",
    "latest_value",
    "target_value",
    "target_date",
    "target_source",
    "expected_value",
    "pace_ratio",
    "reasons",
)
