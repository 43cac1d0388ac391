"""The portal's adapter to the indicator engine: the only module that calls it.

Views ask this module for an :class:`Evaluation` (every indicator of the plan, for the
world and each regional group), a Party's scorecard, or an indicator's methodology.
A *results source* (``PORTAL_RESULTS_SOURCE``) produces raw rows; this module turns them
into the portal's small typed records and caches them under the data version, so a page
costs two cheap queries once results are computed.

Raw rows are read by attribute or key: ``indicator``, ``group``, ``numerator``,
``denominator``, ``value``, ``baseline_value``, ``change``, ``status`` (and ``unit`` and
``note``), which is the shape the engine returns. While no report is loaded, :class:`EngineSource`
returns ``None`` and pages say "not yet computed".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.cache import cache as django_cache
from django.db.models import Count, Max, Q
from django.utils.module_loading import import_string

from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.portal.conf import plan_version, setting

GROUPS: tuple[str, ...] = ("global", "AFR", "ASP", "CEE", "GRULAC", "WEOG")
REGIONS: tuple[str, ...] = GROUPS[1:]
NOT_COMPUTED = "not-computed"


@dataclass(frozen=True)
class GroupValue:
    """One indicator for one group: ``value`` and ``baseline_value`` in the indicator's
    unit (percentages as 0-100), ``change`` = value - baseline."""

    group: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    baseline_value: float | None = None
    change: float | None = None
    status: str = NOT_COMPUTED
    note: str | None = None
    """The engine's note: why there is no value (``pending: ...``, ``not measurable:
    ...``, ``no rule for cycle 4: ...``), or a caveat on the value."""


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    groups: Mapping[str, GroupValue] = field(default_factory=dict)
    unit: str = "percent"

    @property
    def computed(self) -> bool:
        return any(
            v.value is not None or v.baseline_value is not None for v in self.groups.values()
        )

    def group(self, name: str) -> GroupValue:
        return self.groups.get(name) or GroupValue(name)

    @property
    def world(self) -> GroupValue:
        return self.group("global")

    def in_order(self) -> list[GroupValue]:
        """Global first, then the regional groups."""
        return [self.group(name) for name in GROUPS]

    @property
    def notes(self) -> list[str]:
        """The engine's notes on this indicator, the world's first, each once."""
        found = [v.note for v in self.in_order() if v.note]
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Evaluation:
    plan: str
    indicators: Mapping[str, IndicatorResult] = field(default_factory=dict)

    @property
    def computed(self) -> bool:
        return any(result.computed for result in self.indicators.values())

    def indicator(self, code: str) -> IndicatorResult:
        return self.indicators.get(code) or IndicatorResult(code)


@dataclass(frozen=True)
class ScorecardRow:
    """A binary indicator for one Party in one cycle, beside its region and the world."""

    cycle: str
    indicator: str
    party: bool | None
    region_value: float | None = None
    world_value: float | None = None


@dataclass(frozen=True)
class QuestionRef:
    schema: str
    key: str
    cycle: str = ""


@dataclass(frozen=True)
class Methodology:
    """How an indicator is computed, in plain words, and the questions it reads."""

    text: str
    questions: tuple[QuestionRef, ...] = ()


class ResultsSource(Protocol):
    def evaluate(self, plan: PlanVersion) -> Iterable[Any] | None: ...
    def scorecard(self, party_code: str) -> Iterable[Any] | None: ...
    def methodology(self, indicator_code: str) -> Any | None: ...


class EngineSource:
    """Results from the indicator engine (``cpbmonitor.core.indicators``) over the stored
    reports: the latest numbered cycle with methodology rules, against the fourth-report
    baseline (the previous cycle the methodology covers). ``None`` while no report of
    such a cycle is loaded."""

    def evaluate(self, plan: PlanVersion) -> Iterable[Any] | None:
        evaluation = engine_evaluation(plan)
        if evaluation is None:
            return None
        return [
            {**group.as_row(), "unit": "count" if result.unit == "count" else "percent"}
            for result in evaluation.indicators
            for group in result.groups.values()
        ]

    def scorecard(self, party_code: str) -> Iterable[Any] | None:
        evaluation = engine_evaluation(current_plan())
        if evaluation is None:
            return None
        rows = []
        for score in evaluation.party_scores(party_code):
            result = evaluation.result(score.indicator)
            region = result.groups.get(score.region or "")
            world = result.overall
            for cycle, met, attribute in (
                (evaluation.cycle, score.current, "value"),
                (evaluation.baseline, score.baseline, "baseline_value"),
            ):
                if cycle is None:
                    continue
                rows.append(
                    {
                        "cycle": cycle.number,
                        "indicator": score.indicator,
                        "party": met,
                        "region_value": getattr(region, attribute) if region else None,
                        "world_value": getattr(world, attribute),
                    }
                )
        return rows

    def methodology(self, indicator_code: str) -> Any | None:
        from cpbmonitor.core.indicators import load_methodology
        from cpbmonitor.core.indicators.rules import keys_of, parse
        from cpbmonitor.national_reports.models import ReportingCycle

        entry = load_methodology(current_plan().id).entry(indicator_code)
        if entry is None:
            return None
        schemas = dict(ReportingCycle.objects.values_list("number", "schema"))
        questions = [
            {"schema": schemas.get(cycle, ""), "key": key, "cycle": str(cycle)}
            for cycle, rule in sorted(entry.rules.items(), reverse=True)
            for key in sorted(keys_of(parse(rule)))
        ]
        text = " ".join(t for t in (entry.method, entry.note, entry.pending, entry.reason) if t)
        return {"text": text, "questions": questions}


def engine_evaluation(plan: PlanVersion) -> Any | None:
    """The engine's evaluation of ``plan`` over the stored reports (cached)."""

    def compute() -> Any:
        from cpbmonitor.core.indicators import load_methodology
        from cpbmonitor.national_reports.models import NationalReport
        from cpbmonitor.services.evaluation import evaluate_stored

        cycles = sorted(load_methodology(plan.id).cycles)
        reported = set(
            NationalReport.objects.current()
            .filter(cycle__number__in=cycles)
            .values_list("cycle__number", flat=True)
            .distinct()
        )
        if not reported:
            return False
        current = max(reported)
        earlier = [c for c in cycles if c < current]
        return evaluate_stored(plan.id, current, earlier[-1] if earlier else None)

    return cached("engine", compute, plan.id) or None


def source() -> ResultsSource:
    source_class: type[ResultsSource] = import_string(setting("PORTAL_RESULTS_SOURCE"))
    return source_class()


# -- data version and caching ---------------------------------------------------------


def data_version() -> str:
    """A short fingerprint of the stored data: changes whenever reports or
    Parties are loaded, so cached results are never stale."""
    from cpbmonitor.national_reports.models import NationalReport, Party

    reports = NationalReport.objects.aggregate(n=Count("id"), last=Max("imported_at"))
    parties = Party.objects.aggregate(n=Count("id"), cp=Count("id", filter=Q(cp_party=True)))
    text = f"{reports['n']}|{reports['last']}|{parties['n']}|{parties['cp']}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def cached(name: str, compute: Any, *parts: object) -> Any:
    """``compute()``, cached under ``name``, the results source, the data version and
    ``parts``."""
    key = ":".join(
        ["portal", name, setting("PORTAL_RESULTS_SOURCE"), data_version(), *map(str, parts)]
    )
    value = django_cache.get(key)
    if value is None:
        value = compute()
        django_cache.set(key, value, setting("PORTAL_CACHE_SECONDS"))
    return value


def invalidate() -> None:
    """Forget every cached result (the data version already does this on new data)."""
    django_cache.clear()


# -- the API the views call -----------------------------------------------------------


def current_plan() -> PlanVersion:
    return load_plan(plan_version())


def evaluation(plan: PlanVersion | None = None) -> Evaluation:
    plan = plan or current_plan()
    return cached("evaluation", lambda: _evaluate(plan), plan.id)  # type: ignore[no-any-return]


def scorecard(party_code: str) -> list[ScorecardRow] | None:
    return cached("scorecard", lambda: _scorecard(party_code), party_code)  # type: ignore[no-any-return]


def methodology(indicator_code: str) -> Methodology | None:
    raw = source().methodology(indicator_code)
    if raw is None:
        return None
    questions = tuple(
        QuestionRef(_get(q, "schema", ""), _get(q, "key", ""), str(_get(q, "cycle", "") or ""))
        for q in _get(raw, "questions", ()) or ()
    )
    return Methodology(text=str(_get(raw, "text", "")), questions=questions)


def _evaluate(plan: PlanVersion) -> Evaluation:
    rows = source().evaluate(plan)
    if rows is None:
        return Evaluation(plan.id)
    grouped: dict[str, dict[str, GroupValue]] = {}
    units: dict[str, str] = {}
    for row in rows:
        code = _get(row, "indicator") or _get(row, "code")
        value = _group_value(row)
        grouped.setdefault(code, {})[value.group] = value
        units.setdefault(code, _get(row, "unit", "percent") or "percent")
    indicators = {
        code: IndicatorResult(code, groups, units[code]) for code, groups in grouped.items()
    }
    return Evaluation(plan.id, indicators)


def _scorecard(party_code: str) -> list[ScorecardRow] | None:
    rows = source().scorecard(party_code)
    if rows is None:
        return None
    return [
        ScorecardRow(
            cycle=str(_get(row, "cycle")),
            indicator=_get(row, "indicator"),
            party=_get(row, "party"),
            region_value=_number(_get(row, "region_value")),
            world_value=_number(_get(row, "world_value")),
        )
        for row in rows
    ]


def _group_value(row: Any) -> GroupValue:
    group = _get(row, "group") or _get(row, "region") or "global"
    return GroupValue(
        group=str(group),
        numerator=_number(_get(row, "numerator")),
        denominator=_number(_get(row, "denominator")),
        value=_number(_get(row, "value")),
        baseline_value=_number(_get(row, "baseline_value", _get(row, "baseline"))),
        change=_number(_get(row, "change")),
        status=str(_get(row, "status") or _missing_status(row)),
        note=_get(row, "note") or None,
    )


def _missing_status(row: Any) -> str:
    """The status of a row the source gave none: no value, or nothing to compare with."""
    if _get(row, "value") is None:
        return "no-data"
    return "no-baseline"


def _get(row: Any, name: str, default: Any = None) -> Any:
    if isinstance(row, Mapping):
        return row.get(name, default)
    return getattr(row, name, default)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number
