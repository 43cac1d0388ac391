"""Indicators measured from records: BCH records, Compliance Committee issues, BCH usage
statistics and the capacity-building activities registry.

A record measure reads the ``RecordSet`` of a cycle's context as on a snapshot date (and,
for measures over a period, from the day after ``since``) and returns a ``CycleMeasure``:
numbers for the world and each region and, for measures of Parties, whether each Party
meets it. Measures are registered by name with ``@record_measure``; a methodology entry
of source ``bch-records``, ``compliance-committee`` or ``usage-statistics`` names one in
``measure:`` (an entry without one is *pending*), and any entry may name one in
``secondary:``, a figure shown in the note beside its primary measure.

Conventions: a Party measure counts every Party of the cycle (Parties on the deadline);
a record published by a government counts in that government's region, and only if the
government is a Party of the cycle unless the entry says ``non_parties: true``; records
without a government (LMOs, usage statistics) give a global figure only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial

from cpbmonitor.core.indicators.columns import rows_of
from cpbmonitor.core.indicators.inputs import GLOBAL, REGIONS, CycleInfo
from cpbmonitor.core.indicators.methodology import IndicatorMethod, RecordTiming
from cpbmonitor.core.indicators.results import Measure
from cpbmonitor.core.indicators.sources import (
    CycleContext,
    CycleMeasure,
    empty,
    register_source,
)
from cpbmonitor.core.records import (
    CapacityActivity,
    ComplianceIssue,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    NationalContact,
    RecordModel,
    RecordSet,
    UsageStatistic,
)
from cpbmonitor.core.records.model import RECORD_TYPES

NO_RECORDS = "no records loaded"


@dataclass(frozen=True)
class Window:
    """When the records are read: as on ``snapshot``; periods from the day after ``since``."""

    snapshot: dt.date
    since: dt.date | None = None
    non_parties: bool = False

    @classmethod
    def of(cls, timing: RecordTiming, cycle: CycleInfo) -> Window:
        return cls(timing.snapshot(cycle), timing.start(cycle), timing.non_parties)

    def label(self) -> str:
        if self.since is None:
            return f"as on {self.snapshot.isoformat()}"
        first = self.since + dt.timedelta(days=1)
        return f"from {first.isoformat()} to {self.snapshot.isoformat()}"

    def overlaps(self, record: RecordModel) -> bool:
        """``record`` held on some day of the period (``since`` exclusive, snapshot inclusive)."""
        started = record.valid_from <= self.snapshot
        return started and (
            self.since is None or record.valid_to is None or record.valid_to > self.since
        )


MeasureFunction = Callable[[CycleContext, RecordSet, Window], CycleMeasure]


@dataclass(frozen=True)
class RecordMeasure:
    name: str
    source: str
    """The methodology source whose entries may name it."""
    unit: str
    reads: type[RecordModel]
    """The record type without which the measure has nothing to say."""
    function: MeasureFunction
    label: str
    """A few words naming the figure, for the note of a secondary measure."""
    uses_since: bool = False
    by_government: bool = True
    """Its records belong to a government (so regions and ``non_parties`` apply)."""


RECORD_MEASURES: dict[str, RecordMeasure] = {}


def record_measure(
    name: str,
    *,
    source: str,
    unit: str,
    reads: type[RecordModel],
    label: str,
    uses_since: bool = False,
    by_government: bool = True,
) -> Callable[[MeasureFunction], MeasureFunction]:
    """Register a record measure under ``name`` (the methodology's ``measure:``)."""

    def register(function: MeasureFunction) -> MeasureFunction:
        RECORD_MEASURES[name] = RecordMeasure(
            name, source, unit, reads, function, label, uses_since, by_government
        )
        return function

    return register


def run_measure(name: str, timing: RecordTiming, ctx: CycleContext) -> CycleMeasure:
    """The measure ``name`` over the context's records, or an empty one saying why not."""
    spec = RECORD_MEASURES[name]
    if ctx.records is None:
        return empty(NO_RECORDS)
    if not ctx.records.all(spec.reads):
        return empty(f"no {_plural(spec.reads)} loaded")
    return spec.function(ctx, ctx.records, Window.of(timing, ctx.cycle))


def _plural(model: type[RecordModel]) -> str:
    """``National contacts`` -> ``national contacts``; ``LMOs`` and ``BCH ...`` kept."""
    plural = next(k.plural for k in RECORD_TYPES.values() if k.model is model)
    return plural if plural[1:2].isupper() else plural[:1].lower() + plural[1:]


def measure_from_records(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    """The measurer of the record sources: the entry's measure, or pending without one."""
    if item.measure is None:
        return empty(f"pending: {item.pending or item.source}")
    return run_measure(item.measure, item, ctx)


for _source in ("bch-records", "compliance-committee", "usage-statistics"):
    register_source(_source)(measure_from_records)


def with_secondary(item: IndicatorMethod, ctx: CycleContext, primary: CycleMeasure) -> CycleMeasure:
    """``primary`` with the entry's secondary figure appended to each group's note.
    Without records nothing is added: the primary measure does not depend on them."""
    second = item.secondary
    if second is None or ctx.records is None:
        return primary
    spec = RECORD_MEASURES[second.measure]
    extra = run_measure(second.measure, second, ctx)
    label = f"{spec.label} ({Window.of(second, ctx.cycle).label()})"
    groups = {
        group: replace(m, note=_join(m.note, f"{label}: {_figure(extra.groups[group], spec)}"))
        for group, m in primary.groups.items()
    }
    return replace(primary, groups=groups)


def _figure(m: Measure, spec: RecordMeasure) -> str:
    if m.numerator is None:
        return m.note or "no figure"
    if spec.unit == "count":
        return str(m.numerator)
    value = m.value(spec.unit)
    share = f" ({value:.2f}%)" if value is not None else ""
    return f"{m.numerator} of {m.denominator}{share}"


def _join(*notes: str | None) -> str:
    return "; ".join(n for n in notes if n)


# -- tallies ----------------------------------------------------------------------------


def _noted(groups: Mapping[str, Measure], note: str) -> dict[str, Measure]:
    return {g: replace(m, note=_join(m.note, note)) for g, m in groups.items()}


def parties_measure(ctx: CycleContext, met: Mapping[str, bool], window: Window) -> CycleMeasure:
    """Every Party of the cycle, met or not; regions add up to the world minus the EU.
    Counted as ``sources.tally`` does, over the cycle's table of Parties (bit sets)."""
    table = ctx.table
    counted = rows_of(bytes(map(met.__contains__, table.governments)))
    hit = rows_of(bytes(map(bool, map(met.get, table.governments))))
    return CycleMeasure(_noted(table.measures(hit, counted, 0), window.label()), met)


def records_measure(
    ctx: CycleContext, items: Iterable[tuple[str, bool]], window: Window
) -> CycleMeasure:
    """(government, counts) pairs of government records, as a share per group.

    A record counts in ``global`` and in its government's region; records of governments
    that are not Parties of the cycle are left out unless ``window.non_parties``."""
    counts = {g: [0, 0] for g in (GLOBAL, *REGIONS)}
    for government, ok in items:
        if government in ctx.parties:
            region = ctx.parties[government].region
        elif window.non_parties:
            region = ctx.regions.get(government)
        else:
            continue
        for group in (GLOBAL, region) if region in counts else (GLOBAL,):
            counts[group][0] += ok
            counts[group][1] += 1
    note = window.label()
    return CycleMeasure({g: Measure(n, d, 0, note) for g, (n, d) in counts.items()})


def global_measure(numerator: int, denominator: int | None, note: str, why: str) -> CycleMeasure:
    """A world figure only; ``why`` says why the regions have none."""
    groups = {g: Measure(None, None, 0, why) for g in REGIONS}
    groups[GLOBAL] = Measure(numerator, denominator, 0, note)
    return CycleMeasure(groups)


def _no_government(model: type[RecordModel]) -> str:
    return f"{_plural(model)} have no government: global figure only"


# -- BCH: national contacts ---------------------------------------------------------------

NFP, CNA, A17 = "national-focal-point", "competent-national-authority", "article-17-contact-point"


def _parties_with_roles(
    ctx: CycleContext, records: RecordSet, window: Window, roles: frozenset[str]
) -> CycleMeasure:
    held: dict[str, set[str]] = {}
    for contact in records.on(NationalContact, window.snapshot):
        held.setdefault(contact.government, set()).add(contact.role)
    met = {g: roles <= held.get(g, set()) for g in ctx.parties}
    return parties_measure(ctx, met, window)


# Parties holding, on the snapshot date, every role named (a contact of each).
for _name, _roles in {
    "parties-with-focal-point-authority-and-article-17": frozenset({NFP, CNA, A17}),
    "parties-with-focal-point-and-authority": frozenset({NFP, CNA}),
}.items():
    record_measure(
        _name,
        source="bch-records",
        unit="percent-of-parties",
        reads=NationalContact,
        label="national contacts in the BCH",
    )(partial(_parties_with_roles, roles=_roles))


# -- BCH: decisions, LMOs, detection methods -------------------------------------------


@record_measure(
    "decisions-with-risk-assessment",
    source="bch-records",
    unit="percent-of-records",
    reads=Decision,
    label="decisions with a risk assessment",
    uses_since=True,
)
def decisions_with_risk_assessment(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """Decisions dated in the period that link a risk assessment report."""
    return records_measure(
        ctx,
        (
            (d.government, d.risk_assessment is not None)
            for d in records.all(Decision)
            if d.started_between(window.since, window.snapshot)
        ),
        window,
    )


@record_measure(
    "lmos-with-detection-method",
    source="bch-records",
    unit="percent-of-records",
    reads=LivingModifiedOrganism,
    label="LMOs with a detection method",
    by_government=False,
)
def lmos_with_detection_method(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """LMO records holding on the date that at least one detection method holding on the
    date names."""
    day = window.snapshot
    detected = {lmo for method in records.on(DetectionMethod, day) for lmo in method.lmos}
    lmos = records.on(LivingModifiedOrganism, day)
    hits = sum(lmo.identifier in detected for lmo in lmos)
    return global_measure(hits, len(lmos), window.label(), _no_government(LivingModifiedOrganism))


@record_measure(
    "lmos-flagged-adverse-effects",
    source="bch-records",
    unit="count",
    reads=LivingModifiedOrganism,
    label="LMOs flagged for adverse effects",
    by_government=False,
)
def lmos_flagged_adverse_effects(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """LMO records holding on the date flagged (Article 16(5)) for adverse effects."""
    lmos = records.on(LivingModifiedOrganism, window.snapshot)
    flagged = sum(lmo.adverse_effects for lmo in lmos)
    note = f"{window.label()}; {flagged} of {len(lmos)} LMO records"
    return global_measure(flagged, None, note, _no_government(LivingModifiedOrganism))


# -- Compliance Committee -----------------------------------------------------------------


@record_measure(
    "parties-without-unresolved-non-compliance",
    source="compliance-committee",
    unit="percent-of-parties",
    reads=ComplianceIssue,
    label="Parties without an open finding of non-compliance",
)
def parties_without_unresolved_non_compliance(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """Parties with no issue open on the date on which the Committee found non-compliance."""
    found = {
        issue.government
        for issue in records.on(ComplianceIssue, window.snapshot)
        if issue.finding_of_non_compliance
    }
    return parties_measure(ctx, {g: g not in found for g in ctx.parties}, window)


@record_measure(
    "compliance-issues-resolved",
    source="compliance-committee",
    unit="percent-of-records",
    reads=ComplianceIssue,
    label="compliance issues resolved",
)
def compliance_issues_resolved(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """Issues opened on or before the date; resolved: no longer open on the date."""
    day = window.snapshot
    return records_measure(
        ctx,
        (
            (issue.government, not issue.holds_on(day))
            for issue in records.all(ComplianceIssue)
            if issue.valid_from <= day
        ),
        window,
    )


# -- BCH usage ------------------------------------------------------------------------------


@record_measure(
    "bch-visits",
    source="usage-statistics",
    unit="count",
    reads=UsageStatistic,
    label="BCH visits",
    by_government=False,
)
def bch_visits(ctx: CycleContext, records: RecordSet, window: Window) -> CycleMeasure:
    """Visits in the usage periods whose last day falls in the snapshot's calendar year,
    on or before the snapshot. Active users cannot be added over periods (a user active
    in two periods would count twice): the note gives the most active users of any one
    period, the number of different users the year had at least."""
    day = window.snapshot
    periods = [
        p
        for p in records.all(UsageStatistic)
        if (last := _last_day(p)) is not None and last.year == day.year and last <= day
    ]
    visits = sum(p.visits for p in periods)
    users = max((p.users for p in periods), default=0)
    ending = f"ending in {day.year} up to {day.isoformat()}"
    note = f"{len(periods)} period(s) {ending}; at least {users} active users (most in one period)"
    return global_measure(visits, None, note, _no_government(UsageStatistic))


def _last_day(period: RecordModel) -> dt.date | None:
    """The last day of a period (``valid_to`` is the first day after it)."""
    return None if period.valid_to is None else period.valid_to - dt.timedelta(days=1)


# -- capacity-building activities registry ---------------------------------------------------


def _parties_named(
    ctx: CycleContext, records: RecordSet, window: Window, least: int
) -> CycleMeasure:
    named = {
        government
        for activity in records.all(CapacityActivity)
        if window.overlaps(activity) and len(set(activity.governments)) >= least
        for government in activity.governments
    }
    return parties_measure(ctx, {g: g in named for g in ctx.parties}, window)


# Parties named among the governments of an activity running in the period; a joint
# activity names two governments or more.
for _name, _least, _label in (
    ("parties-in-cb-activities", 1, "Parties named in a registered capacity-building activity"),
    (
        "parties-in-joint-cb-activities",
        2,
        "Parties named in a registered activity with other governments",
    ),
):
    record_measure(
        _name,
        source="bch-records",
        unit="percent-of-parties",
        reads=CapacityActivity,
        label=_label,
        uses_since=True,
    )(partial(_parties_named, least=_least))


__all__ = [
    "NO_RECORDS",
    "RECORD_MEASURES",
    "RecordMeasure",
    "Window",
    "measure_from_records",
    "record_measure",
    "run_measure",
    "with_secondary",
]
