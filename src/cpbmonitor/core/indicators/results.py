"""What the engine returns: per indicator and group, per Party, per goal and objective."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS, CycleInfo, Settings

Status = Literal["improved", "no change", "declined", "not comparable", "insufficient data"]
STATUSES: tuple[Status, ...] = ("improved", "no change", "declined")
"""The statuses of a comparable change resting on enough data: the ones counted."""
OTHER_STATUSES: tuple[Status, ...] = ("not comparable", "insufficient data")
"""A change between values that cannot be compared (``comparability``), or resting on
a denominator under ``Settings.min_denominator``: shown, never counted as a change."""


@dataclass(frozen=True)
class Measure:
    """Raw numbers for one group in one cycle, before comparison with the baseline."""

    numerator: int | None
    denominator: int | None
    reports_used: int = 0
    note: str | None = None

    def value(self, unit: str) -> float | None:
        if self.numerator is None:
            return None
        if unit == "count":
            return float(self.numerator)
        if not self.denominator:
            return None
        return round(100.0 * self.numerator / self.denominator, 2)


@dataclass(frozen=True)
class GroupResult:
    """One row of the results: an indicator, a cycle and a group (global or a region)."""

    indicator: str
    cycle: int
    group: str
    numerator: int | None
    denominator: int | None
    value: float | None
    reports_used: int
    baseline_cycle: int | None
    baseline_numerator: int | None
    baseline_denominator: int | None
    baseline_value: float | None
    change: float | None
    """``value - baseline_value``: percentage points (percentages) or units (counts)."""
    status: Status | None
    note: str | None
    comparability: str | None = None
    """How comparable the value is with the baseline value (``comparability.KINDS``)."""
    comparability_reason: str | None = None
    few_data: bool = False
    """The value's denominator is under ``Settings.min_denominator``."""
    baseline_few_data: bool = False

    @property
    def state(self) -> str:
        """``status``, or why there is none: ``no-data`` (no value) or ``no-baseline``."""
        if self.status is not None:
            return self.status
        return "no-data" if self.value is None else "no-baseline"

    def as_row(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "cycle": self.cycle,
            "group": self.group,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "reports_used": self.reports_used,
            "baseline_cycle": self.baseline_cycle,
            "baseline_numerator": self.baseline_numerator,
            "baseline_denominator": self.baseline_denominator,
            "baseline_value": self.baseline_value,
            "change": self.change,
            "status": self.status,
            "comparability": self.comparability,
            "comparability_reason": self.comparability_reason,
            "few_data": self.few_data,
            "baseline_few_data": self.baseline_few_data,
            "note": self.note,
        }


ROW_FIELDS: tuple[str, ...] = (
    "indicator",
    "cycle",
    "group",
    "numerator",
    "denominator",
    "value",
    "reports_used",
    "baseline_cycle",
    "baseline_numerator",
    "baseline_denominator",
    "baseline_value",
    "change",
    "status",
    "comparability",
    "comparability_reason",
    "few_data",
    "baseline_few_data",
    "note",
)


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    goal: str
    text: str
    unit: str
    source: str
    population: str
    method: str
    groups: Mapping[str, GroupResult]
    pending: str | None = None
    caveat: str | None = None

    @property
    def overall(self) -> GroupResult:
        return self.groups[GLOBAL]

    @property
    def world(self) -> GroupResult | None:
        return self.groups.get(GLOBAL)

    @property
    def scale(self) -> Literal["count", "percent"]:
        """How values read: ``count`` (a number of things) or ``percent`` (0-100)."""
        return "count" if self.unit == "count" else "percent"

    @property
    def computed(self) -> bool:
        """At least one group has a current or baseline value."""
        return any(
            g.value is not None or g.baseline_value is not None for g in self.groups.values()
        )

    def group(self, name: str) -> GroupResult | None:
        return self.groups.get(name)

    def in_order(self) -> list[GroupResult]:
        """The world first, then the regional groups (those present)."""
        return [self.groups[name] for name in GROUPS if name in self.groups]

    @property
    def notes(self) -> list[str]:
        """The engine's notes on this indicator, the world's first, each once."""
        return list(dict.fromkeys(g.note for g in self.in_order() if g.note))


@dataclass(frozen=True)
class PartyScore:
    """Whether one Party meets one binary indicator in the current and baseline cycle.
    ``None``: the Party is not in the indicator's population in that cycle."""

    government: str
    region: str | None
    indicator: str
    current: bool | None
    baseline: bool | None


@dataclass(frozen=True)
class Scorecard:
    """Per-Party results of one binary indicator: government -> meets it, per cycle.
    A Party missing from a mapping is not in the indicator's population that cycle."""

    indicator: str
    current: Mapping[str, bool]
    baseline: Mapping[str, bool]

    def governments(self) -> list[str]:
        return sorted(set(self.current) | set(self.baseline))

    def score(self, government: str, region: str | None = None) -> PartyScore:
        return PartyScore(
            government,
            region,
            self.indicator,
            self.current.get(government),
            self.baseline.get(government),
        )


@dataclass(frozen=True)
class PartyCycleScore:
    """A binary indicator for one Party in one cycle, beside its region and the world
    (values in percent)."""

    cycle: int
    indicator: str
    met: bool | None
    region_value: float | None
    world_value: float | None


@dataclass(frozen=True)
class Summary:
    """How many of a goal's (or objective's) indicators improved, held or declined."""

    kind: Literal["goal", "objective"]
    code: str
    title: str
    indicators: tuple[str, ...]
    improved: int = 0
    no_change: int = 0
    declined: int = 0
    not_compared: int = 0
    """Indicators without a current or baseline value (pending, not measurable, no rule)."""
    not_comparable: int = 0
    """Indicators whose change is between values that cannot be compared (stand-in or
    not-comparable): left out of improved and declined."""
    insufficient_data: int = 0
    """Indicators whose change rests on a denominator under the threshold."""


@dataclass(frozen=True)
class Evaluation:
    plan: str
    cycle: CycleInfo
    baseline: CycleInfo | None
    settings: Settings
    indicators: tuple[IndicatorResult, ...]
    scorecards: tuple[Scorecard, ...] = ()
    regions: Mapping[str, str | None] = field(default_factory=dict)
    """Government -> region, for the scorecard."""
    goals: tuple[Summary, ...] = ()
    objectives: tuple[Summary, ...] = ()
    _by_code: dict[str, IndicatorResult] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {r.code: r for r in self.indicators})

    def result(self, code: str) -> IndicatorResult:
        return self._by_code[code]

    def rows(self) -> list[GroupResult]:
        """Every (indicator, group) result, in plan order then group order."""
        return [g for r in self.indicators for g in r.groups.values()]

    def scorecard(self) -> Iterator[PartyScore]:
        """Every (Party, binary indicator) score, indicator by indicator."""
        for card in self.scorecards:
            for government in card.governments():
                yield card.score(government, self.regions.get(government))

    @property
    def computed(self) -> bool:
        return any(result.computed for result in self.indicators)

    def indicator(self, code: str) -> IndicatorResult | None:
        """The result of indicator ``code``; ``None`` when the plan has no such one."""
        return self._by_code.get(code)

    def party_cycle_scores(self, government: str) -> list[PartyCycleScore]:
        """One Party's binary indicators, current cycle then baseline, each beside its
        region's and the world's value in that cycle."""
        lines = []
        for score in self.party_scores(government):
            result = self.result(score.indicator)
            region = result.groups.get(score.region or "")
            world = result.world
            for cycle, met, current in (
                (self.cycle, score.current, True),
                (self.baseline, score.baseline, False),
            ):
                if cycle is None:
                    continue
                lines.append(
                    PartyCycleScore(
                        cycle.number,
                        score.indicator,
                        met,
                        _value(region, current),
                        _value(world, current),
                    )
                )
        return lines

    def party_scores(self, government: str) -> list[PartyScore]:
        """One Party's scores on every binary indicator of its populations."""
        region = self.regions.get(government)
        return [
            card.score(government, region)
            for card in self.scorecards
            if government in card.current or government in card.baseline
        ]


def _value(group: GroupResult | None, current: bool) -> float | None:
    if group is None:
        return None
    return group.value if current else group.baseline_value
