"""Where each milestone stands: the latest value, the value still needed, and whether the
trend since the baseline, extended to the milestone's date, reaches the target.

The trend is a straight line through the baseline value (dated on the baseline cycle's
deadline) and the latest value (dated on the current cycle's deadline), extended to the
target date. Every indicator of the plan counts up (a higher value is progress), so:

- ``reached``: the latest value is at least the target;
- ``on track``: not reached, and the line reaches the target on or before its date;
- ``off track``: not reached, and the line falls short (or the date has passed);
- ``not assessable``: no latest value, or no baseline to draw the line from.

Values are in the indicator's unit (percentages 0-100, or counts); a projected
percentage is kept within 0-100.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from cpbmonitor.core.indicators.results import Evaluation, IndicatorResult
from cpbmonitor.core.milestones.model import Milestone

Status = Literal["reached", "on track", "off track", "not assessable"]
STATUSES: tuple[Status, ...] = ("reached", "on track", "off track", "not assessable")
PLACES = 2


@dataclass(frozen=True)
class Observation:
    """What the data say about one indicator and group: the latest and baseline values
    with the dates they stand for, the unit, and why a value is missing."""

    latest_value: float | None
    latest_date: dt.date | None
    baseline_value: float | None = None
    baseline_date: dt.date | None = None
    unit: str = "percent-of-parties"
    missing: str = ""
    """Why there is no latest value (shown when the milestone is not assessable)."""


@dataclass(frozen=True)
class MilestoneAssessment:
    """One milestone against the data. ``needed``: target minus latest value (0 once
    reached); ``projected_value``: the trend's value on the target date."""

    indicator: str
    group: str
    target_value: float
    target_date: dt.date
    latest_value: float | None
    needed: float | None
    projected_value: float | None
    status: Status
    note: str
    plan: str = ""
    label: str | None = None
    decision: str | None = None
    demonstration: bool = False
    latest_date: dt.date | None = None
    baseline_value: float | None = None
    baseline_date: dt.date | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


ROW_FIELDS: tuple[str, ...] = tuple(MilestoneAssessment.__dataclass_fields__)


def trend_value(
    baseline: tuple[dt.date, float], latest: tuple[dt.date, float], on: dt.date
) -> float:
    """The straight line through ``baseline`` and ``latest`` (date, value), on ``on``."""
    (start, first), (end, last) = baseline, latest
    span = (end - start).days
    if span <= 0:
        raise ValueError("the baseline must be dated before the latest value")
    return last + (last - first) * (on - end).days / span


def _bounded(value: float, unit: str) -> float:
    upper = None if unit == "count" else 100.0
    value = max(0.0, value)
    return min(upper, value) if upper is not None else value


Verdict = tuple[Status, float | None, float | None, str]
"""(status, needed, projected value, note)."""


def _verdict(milestone: Milestone, seen: Observation) -> Verdict:
    latest, target = seen.latest_value, milestone.target_value
    if latest is None or seen.latest_date is None:
        return "not assessable", None, None, seen.missing or "no value for the latest cycle"
    if latest >= target:
        return "reached", 0.0, None, "the latest value meets the target"
    needed = round(target - latest, PLACES)
    if milestone.target_date <= seen.latest_date:
        return "off track", needed, None, "the target date had passed by the latest cycle"
    if seen.baseline_value is None or seen.baseline_date is None:
        return "not assessable", needed, None, "no baseline value to draw a trend from"
    if seen.baseline_date >= seen.latest_date:
        return "not assessable", needed, None, "the baseline is not dated before the latest value"
    line = trend_value(
        (seen.baseline_date, seen.baseline_value), (seen.latest_date, latest), milestone.target_date
    )
    projected = round(_bounded(line, seen.unit), PLACES)
    if projected >= target:
        return (
            "on track",
            needed,
            projected,
            "the trend since the baseline reaches the target by its date",
        )
    return (
        "off track",
        needed,
        projected,
        "the trend since the baseline falls short of the target by its date",
    )


def assess(milestone: Milestone, seen: Observation) -> MilestoneAssessment:
    """Where ``milestone`` stands given what the data say (``seen``)."""
    status, needed, projected, note = _verdict(milestone, seen)
    return MilestoneAssessment(
        indicator=milestone.indicator,
        group=milestone.group,
        target_value=milestone.target_value,
        target_date=milestone.target_date,
        latest_value=seen.latest_value,
        needed=needed,
        projected_value=projected,
        status=status,
        note=note,
        plan=milestone.plan,
        label=milestone.label,
        decision=milestone.decision,
        demonstration=milestone.demonstration,
        latest_date=seen.latest_date,
        baseline_value=seen.baseline_value,
        baseline_date=seen.baseline_date,
    )


def observe(evaluation: Evaluation, indicator: str, group: str) -> Observation:
    """What ``evaluation`` says about ``indicator`` in ``group``."""
    try:
        result: IndicatorResult = evaluation.result(indicator)
    except KeyError:
        return Observation(None, None, missing=f"indicator {indicator} is not in the evaluation")
    found = result.groups.get(group)
    if found is None:
        return Observation(None, None, unit=result.unit, missing=f"no results for group {group}")
    baseline = evaluation.baseline
    has_baseline = baseline is not None and found.baseline_value is not None
    missing = ""
    if found.value is None:
        missing = found.note or result.pending or f"no value for cycle {evaluation.cycle.number}"
    return Observation(
        latest_value=found.value,
        latest_date=evaluation.cycle.deadline,
        baseline_value=found.baseline_value if has_baseline else None,
        baseline_date=baseline.deadline if baseline is not None and has_baseline else None,
        unit=result.unit,
        missing=missing,
    )


def assess_milestones(
    milestones: Iterable[Milestone], evaluation: Evaluation
) -> list[MilestoneAssessment]:
    """Every milestone of ``evaluation``'s plan version, assessed; a milestone of another
    plan version is ``not assessable``. Order: as given."""
    assessed = []
    for milestone in milestones:
        if milestone.plan != evaluation.plan:
            seen = Observation(
                None,
                None,
                missing=f"a milestone of {milestone.plan}; the evaluation is of {evaluation.plan}",
            )
        else:
            seen = observe(evaluation, milestone.indicator, milestone.group)
        assessed.append(assess(milestone, seen))
    return assessed
