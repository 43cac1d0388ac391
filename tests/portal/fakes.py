"""A results source standing in for the indicator engine: the core's own ``Evaluation``
with worked-out values.

A.1(a), world: 3 of 4 Parties = 75.0 %, baseline 50.0 %, change +25.0 points.
A.1(b): no value, the engine's note says it is pending.
B.1(a), world: 40.0 %, baseline 45.5 %, change -5.5 points (declined), with a caveat.
Brazil (AFR in this fake) meets A.1(a) in cycle 5 (its region 100.0 %, the world 75.0 %).
"""

from __future__ import annotations

import datetime as dt

from cpbmonitor.core.indicators import (
    GROUPS,
    CycleInfo,
    Evaluation,
    GroupResult,
    IndicatorResult,
    Scorecard,
    Settings,
)
from cpbmonitor.core.plan import PlanVersion

PENDING = "pending: BCH records import (national focal point records)"
CAVEAT = "Baseline proxy: the fourth report asked a narrower question."
CYCLE = CycleInfo(5, "cpbNationalReport5", dt.date(2026, 2, 28))
BASELINE = CycleInfo(4, "cpbNationalReport4", dt.date(2019, 10, 1))


def _group(
    indicator: str,
    group: str,
    num: int | None,
    den: int | None,
    value: float | None,
    base: float | None,
    status: str | None,
    note: str | None = None,
) -> GroupResult:
    change = None if value is None or base is None else round(value - base, 1)
    return GroupResult(
        indicator=indicator,
        cycle=CYCLE.number,
        group=group,
        numerator=num,
        denominator=den,
        value=value,
        reports_used=den or 0,
        baseline_cycle=BASELINE.number,
        baseline_numerator=None,
        baseline_denominator=None,
        baseline_value=base,
        change=change,
        status=status,  # type: ignore[arg-type]
        note=note,
    )


GROUP_VALUES: dict[str, list[GroupResult]] = {
    "A.1(a)": [
        _group("A.1(a)", "global", 3, 4, 75.0, 50.0, "improved"),
        _group("A.1(a)", "AFR", 1, 1, 100.0, 100.0, "no change"),
        _group("A.1(a)", "ASP", 1, 1, 100.0, 0.0, "improved"),
        _group("A.1(a)", "CEE", None, None, None, None, None),
        _group("A.1(a)", "GRULAC", 1, 1, 100.0, 100.0, "no change"),
        _group("A.1(a)", "WEOG", 0, 1, 0.0, 0.0, "no change"),
    ],
    "A.1(b)": [
        _group("A.1(b)", g, None, None, None, None, None, PENDING) for g in ("global", "AFR")
    ],
    "B.1(a)": [_group("B.1(a)", "global", 2, 5, 40.0, 45.5, "declined", CAVEAT)],
}


def evaluation_of(plan: PlanVersion, values: dict[str, list[GroupResult]]) -> Evaluation:
    indicators = tuple(
        IndicatorResult(
            code=item.code,
            goal=plan.goal_of(item.code).code,
            text=item.text,
            unit="percent-of-parties",
            source="national-reports",
            population="reporting-parties",
            method="",
            groups={g.group: g for g in values[item.code]},
        )
        for item in plan.indicators()
        if item.code in values
    )
    return Evaluation(
        plan=plan.id,
        cycle=CYCLE,
        baseline=BASELINE,
        settings=Settings(),
        indicators=indicators,
        scorecards=(Scorecard("A.1(a)", {"br": True}, {}),),
        regions={"br": "AFR"},
    )


class FakeSource:
    calls = 0

    def evaluate(self, plan: PlanVersion) -> Evaluation:
        FakeSource.calls += 1
        return evaluation_of(plan, GROUP_VALUES)


class RichSource(FakeSource):
    """Every indicator of the plan in every group, with made-up values (screenshots)."""

    def evaluate(self, plan: PlanVersion) -> Evaluation:
        values: dict[str, list[GroupResult]] = {}
        for number, indicator in enumerate(plan.indicators()):
            for offset, group in enumerate(GROUPS):
                denominator = (52, 45, 22, 38, 33, 26)[offset]
                numerator = (number * 7 + offset * 11) % denominator
                value = round(100 * numerator / denominator, 1)
                base = round(max(value - (number + offset) % 9 + 3, 0), 1)
                status = "improved" if value > base else "declined" if value < base else "no change"
                values.setdefault(indicator.code, []).append(
                    _group(indicator.code, group, numerator, denominator, value, base, status)
                )
        return evaluation_of(plan, values)
