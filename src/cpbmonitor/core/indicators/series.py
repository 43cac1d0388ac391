"""Every indicator over any number of cycles: values per cycle, world and regions, and
every change with its comparability.

``evaluate_series`` measures each cycle of ``cycles`` (oldest first) and compares each
with the cycle before it in the list and with the first one (the baseline), through the
engine's ``evaluate``: so every change carries its comparability (``comparability``) and
a status that counts only comparable changes on enough data. It is a pure function of
its inputs, like ``evaluate``.

A row of ``series_rows`` is one indicator, group and cycle::

    {"indicator": "A.1(a)", "group": "global", "cycle": 6, "numerator": 5,
     "denominator": 12, "value": 41.67, "few_data": false,
     "previous_cycle": 5, "change": 3.2, "status": "improved",
     "comparability": "crosswalked", "comparability_reason": "...",
     "baseline_cycle": 4, "change_since_baseline": ..., "status_since_baseline": ...,
     "comparability_since_baseline": ..., "comparability_since_baseline_reason": ...,
     "note": ...}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators.comparability import COMPARABLE, LABELS
from cpbmonitor.core.indicators.engine import evaluate
from cpbmonitor.core.indicators.inputs import GROUPS, CycleInfo, PartyFacts, ReportFacts, Settings
from cpbmonitor.core.indicators.methodology import Methodology
from cpbmonitor.core.indicators.results import Evaluation, GroupResult, Status
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.records import RecordSet


@dataclass(frozen=True)
class Change:
    """The change of one indicator and group between two cycles."""

    from_cycle: int
    to_cycle: int
    change: float | None
    status: Status | None
    comparability: str | None
    reason: str | None

    @property
    def label(self) -> str:
        return LABELS.get(self.comparability or "", "")

    @property
    def counted(self) -> bool:
        """Whether it counts as improved, no change or declined."""
        return self.status in ("improved", "no change", "declined")


@dataclass(frozen=True)
class Point:
    """One indicator and group in one cycle, with the change from the previous cycle of
    the series and from the first (``None`` for the first cycle)."""

    cycle: int
    numerator: int | None
    denominator: int | None
    value: float | None
    few_data: bool
    note: str | None
    previous: Change | None = None
    since_baseline: Change | None = None


@dataclass(frozen=True)
class IndicatorSeries:
    code: str
    goal: str
    text: str
    unit: str
    caveat: str | None
    groups: Mapping[str, tuple[Point, ...]]

    def points(self, group: str = "global") -> tuple[Point, ...]:
        return self.groups[group]

    def changes(self, group: str = "global") -> list[Change]:
        """Every change between consecutive cycles of the series."""
        return [p.previous for p in self.groups[group] if p.previous is not None]


@dataclass(frozen=True)
class PartyTally:
    """One Party in one cycle: binary indicators met, out of those it is measured on; and
    the same over the like-for-like set (``Series.party_tallies``)."""

    cycle: int
    met: int
    measured: int
    comparable_met: int
    comparable: int

    @staticmethod
    def share(met: int, measured: int) -> float | None:
        return round(100 * met / measured, 2) if measured else None


@dataclass(frozen=True)
class Series:
    plan: str
    cycles: tuple[CycleInfo, ...]
    settings: Settings
    indicators: tuple[IndicatorSeries, ...]
    evaluations: tuple[Evaluation, ...]
    """Per cycle: the engine's evaluation (against the previous cycle, after the first)."""

    def indicator(self, code: str) -> IndicatorSeries:
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)

    def met(self, code: str, cycle: int) -> Mapping[str, bool]:
        """Per Party of a binary indicator's population in ``cycle``: whether it meets it."""
        for info, step in zip(self.cycles, self.evaluations, strict=True):
            if info.number == cycle:
                for card in step.scorecards:
                    if card.indicator == code:
                        return card.current
        return {}

    def party_tallies(self, government: str) -> list[PartyTally]:
        """Per cycle, how many binary indicators the Party meets out of those it is
        measured on; and the same over the indicators it is measured on in every cycle
        whose every change (world) is comparable, so that the shares can be compared."""
        flags = {
            (item.code, info.number): self.met(item.code, info.number).get(government)
            for item in self.indicators
            for info in self.cycles
        }
        steady = [
            item.code
            for item in self.indicators
            if all(flags[item.code, info.number] is not None for info in self.cycles)
            and all(change.comparability in COMPARABLE for change in item.changes())
        ]
        tallies = []
        for info in self.cycles:
            measured = [f for (_, n), f in flags.items() if n == info.number and f is not None]
            alike = [flags[code, info.number] for code in steady]
            tallies.append(
                PartyTally(
                    info.number, sum(measured), len(measured), sum(map(bool, alike)), len(alike)
                )
            )
        return tallies

    @property
    def baseline(self) -> CycleInfo:
        return self.cycles[0]

    @property
    def latest(self) -> CycleInfo:
        return self.cycles[-1]


def _change(group: GroupResult | None) -> Change | None:
    if group is None or group.baseline_cycle is None:
        return None
    return Change(
        group.baseline_cycle,
        group.cycle,
        group.change,
        group.status,
        group.comparability,
        group.comparability_reason,
    )


def evaluate_series(
    plan: PlanVersion,
    methodology: Methodology,
    cycles: Sequence[CycleInfo],
    parties: Iterable[PartyFacts],
    reports: Iterable[ReportFacts],
    settings: Settings | None = None,
    questionnaires: Mapping[int, Questionnaire] | None = None,
    records: RecordSet | None = None,
) -> Series:
    """Every indicator of ``plan`` in each of ``cycles`` (at least one; sorted by
    number), world and regions, with each change and its comparability."""
    if not cycles:
        raise ValueError("a series needs at least one cycle")
    ordered = tuple(sorted(cycles, key=lambda c: c.number))
    settings = settings or Settings()
    parties, reports = list(parties), list(reports)

    def run(cycle: CycleInfo, baseline: CycleInfo | None) -> Evaluation:
        return evaluate(
            plan, methodology, cycle, baseline, parties, reports, settings, questionnaires, records
        )

    first = ordered[0]
    steps = [run(first, None)] + [run(c, p) for p, c in pairwise(ordered)]
    since = {c.number: run(c, first) for c in ordered[2:]}
    indicators = []
    for result in steps[0].indicators:
        groups: dict[str, tuple[Point, ...]] = {}
        for group in GROUPS:
            points = []
            for i, (cycle, step) in enumerate(zip(ordered, steps, strict=True)):
                row = step.result(result.code).groups[group]
                previous = _change(row) if i else None
                if i >= 2:
                    baseline_change = _change(since[cycle.number].result(result.code).groups[group])
                else:
                    baseline_change = previous
                points.append(
                    Point(
                        cycle.number,
                        row.numerator,
                        row.denominator,
                        row.value,
                        row.few_data,
                        row.note,
                        previous,
                        baseline_change,
                    )
                )
            groups[group] = tuple(points)
        indicators.append(
            IndicatorSeries(
                result.code, result.goal, result.text, result.unit, result.caveat, groups
            )
        )
    return Series(plan.id, ordered, settings, tuple(indicators), tuple(steps))


SERIES_FIELDS: tuple[str, ...] = (
    "indicator",
    "goal",
    "unit",
    "group",
    "cycle",
    "numerator",
    "denominator",
    "value",
    "few_data",
    "previous_cycle",
    "change",
    "status",
    "comparability",
    "comparability_reason",
    "baseline_cycle",
    "change_since_baseline",
    "status_since_baseline",
    "comparability_since_baseline",
    "comparability_since_baseline_reason",
    "note",
)


def series_rows(series: Series) -> list[dict[str, Any]]:
    """One tidy row per indicator, group and cycle (``SERIES_FIELDS``)."""
    rows = []
    for item in series.indicators:
        for group, points in item.groups.items():
            for point in points:
                previous, base = point.previous, point.since_baseline
                rows.append(
                    {
                        "indicator": item.code,
                        "goal": item.goal,
                        "unit": item.unit,
                        "group": group,
                        "cycle": point.cycle,
                        "numerator": point.numerator,
                        "denominator": point.denominator,
                        "value": point.value,
                        "few_data": point.few_data,
                        "previous_cycle": previous.from_cycle if previous else None,
                        "change": previous.change if previous else None,
                        "status": previous.status if previous else None,
                        "comparability": previous.comparability if previous else None,
                        "comparability_reason": previous.reason if previous else None,
                        "baseline_cycle": base.from_cycle if base else None,
                        "change_since_baseline": base.change if base else None,
                        "status_since_baseline": base.status if base else None,
                        "comparability_since_baseline": base.comparability if base else None,
                        "comparability_since_baseline_reason": base.reason if base else None,
                        "note": point.note,
                    }
                )
    return rows


def series_document(series: Series) -> dict[str, Any]:
    """The series as one nested JSON document: per indicator, per group, the points."""
    return {
        "plan": series.plan,
        "cycles": [c.number for c in series.cycles],
        "settings": asdict(series.settings),
        "indicators": [
            {
                "code": item.code,
                "goal": item.goal,
                "unit": item.unit,
                "caveat": item.caveat,
                "groups": {
                    group: [_point(p) for p in points] for group, points in item.groups.items()
                },
            }
            for item in series.indicators
        ],
    }


def _point(point: Point) -> dict[str, Any]:
    def change(c: Change | None) -> dict[str, Any] | None:
        if c is None:
            return None
        return {
            "from_cycle": c.from_cycle,
            "to_cycle": c.to_cycle,
            "change": c.change,
            "status": c.status,
            "comparability": c.comparability,
            "comparability_label": c.label,
            "comparability_reason": c.reason,
        }

    return {
        "cycle": point.cycle,
        "numerator": point.numerator,
        "denominator": point.denominator,
        "value": point.value,
        "few_data": point.few_data,
        "note": point.note,
        "change_from_previous": change(point.previous),
        "change_since_baseline": change(point.since_baseline),
    }
