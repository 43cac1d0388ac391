"""Indicators measured from records: BCH records, Compliance Committee issues, BCH usage
statistics, the capacity-building activities registry and GEF funding for national reports.

A record measure reads the ``RecordSet`` of a cycle's context as on a snapshot date (and,
for measures over a period, from the day after ``since``) and returns a ``CycleMeasure``:
numbers for the world and each region and, for measures of Parties, whether each Party
meets it. Measures are registered by name with ``@record_measure``; a methodology entry
of source ``bch-records``, ``compliance-committee``, ``usage-statistics`` or
``gef-funding`` names one in ``measure:`` (an entry without one is *pending*), possibly with
a ``fallback:`` measure used when the first one's records are not loaded; any entry may
name one in ``secondary:``, a figure shown in the note beside its primary measure.

Conventions: a Party measure counts every Party of the cycle (Parties on the deadline) in
its population (all Parties unless the measure says otherwise);
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
    ComplianceReview,
    Decision,
    DetectionMethod,
    LivingModifiedOrganism,
    NationalContact,
    NonMandatoryRecord,
    RecordModel,
    RecordSet,
    ReportFunding,
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
    population: str = "all-parties"
    """For a measure of Parties: which Parties of the cycle it counts (the methodology
    entry names the same population)."""


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
    population: str = "all-parties",
) -> Callable[[MeasureFunction], MeasureFunction]:
    """Register a record measure under ``name`` (the methodology's ``measure:``)."""

    def register(function: MeasureFunction) -> MeasureFunction:
        RECORD_MEASURES[name] = RecordMeasure(
            name, source, unit, reads, function, label, uses_since, by_government, population
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
    """The measurer of the record sources: the entry's measure (or its fallback when the
    measure's records are not loaded), or pending without one."""
    if item.measure is None:
        return empty(f"pending: {item.pending or item.source}")
    if item.fallback is not None and ctx.records is not None and not _loaded(item.measure, ctx):
        why = f"no {_plural(RECORD_MEASURES[item.measure].reads)} loaded"
        fallback = run_measure(item.fallback, item, ctx)
        label = RECORD_MEASURES[item.fallback].label
        return replace(fallback, groups=_noted(fallback.groups, f"{why}: measured as {label}"))
    return run_measure(item.measure, item, ctx)


def _loaded(name: str, ctx: CycleContext) -> bool:
    return ctx.records is not None and bool(ctx.records.all(RECORD_MEASURES[name].reads))


for _source in ("bch-records", "compliance-committee", "usage-statistics", "gef-funding"):
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
    "parties-publishing-non-mandatory-records",
    source="bch-records",
    unit="percent-of-parties",
    reads=NonMandatoryRecord,
    label="Parties that published a non-mandatory BCH record",
    uses_since=True,
)
def parties_publishing_non_mandatory_records(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """Parties that first published at least one non-mandatory record in the period."""
    published = {
        record.government
        for record in records.all(NonMandatoryRecord)
        if record.started_between(window.since, window.snapshot)
    }
    return parties_measure(ctx, {g: g in published for g in ctx.parties}, window)


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
    found = _open_findings(records, window.snapshot)
    return parties_measure(ctx, {g: g not in found for g in ctx.parties}, window)


@record_measure(
    "parties-found-in-compliance",
    source="compliance-committee",
    unit="percent-of-parties",
    reads=ComplianceReview,
    label="Parties the Compliance Committee found in compliance",
)
def parties_found_in_compliance(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """Parties reviewed by the Committee on or before the date whose latest review found
    them in compliance and that have no open finding of non-compliance on the date, out
    of the Parties reviewed (a Party never reviewed is not counted either way)."""
    latest = latest_reviews(records, window.snapshot)
    found = _open_findings(records, window.snapshot)
    met = {
        government: review.in_compliance and government not in found
        for government, review in latest.items()
        if government in ctx.parties
    }
    measured = parties_measure(ctx, met, window)
    note = f"{len(met)} of {len(ctx.parties)} Parties reviewed by the Committee by the date"
    return replace(measured, groups=_noted(measured.groups, note))


def latest_reviews(records: RecordSet, day: dt.date) -> dict[str, ComplianceReview]:
    """Each government's latest review concluded on or before ``day``; of two on the same
    day, one finding non-compliance wins."""
    latest: dict[str, ComplianceReview] = {}
    for review in sorted(
        records.all(ComplianceReview), key=lambda r: (r.valid_from, not r.in_compliance)
    ):
        if review.valid_from <= day:
            latest[review.government] = review
    return latest


def _open_findings(records: RecordSet, day: dt.date) -> set[str]:
    return {
        issue.government
        for issue in records.on(ComplianceIssue, day)
        if issue.finding_of_non_compliance
    }


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


# -- GEF funding for national reports ----------------------------------------------------


@record_measure(
    "eligible-parties-with-timely-gef-funding",
    source="gef-funding",
    unit="percent-of-parties",
    reads=ReportFunding,
    label="GEF-eligible Parties that accessed GEF funding for the report in time",
    population="gef-eligible-parties",
)
def eligible_parties_with_timely_gef_funding(
    ctx: CycleContext, records: RecordSet, window: Window
) -> CycleMeasure:
    """GEF-eligible Parties of the cycle that accessed GEF funding for this cycle's
    national report on or before the date (the last day that counts as in time)."""
    number = ctx.cycle.number
    accessed = {f.government: f.valid_from for f in records.all(ReportFunding) if f.cycle == number}
    eligible = [g for g, party in ctx.parties.items() if party.gef_eligible]
    met = {g: g in accessed and accessed[g] <= window.snapshot for g in eligible}
    late = sum(g in accessed and not ok for g, ok in met.items())
    measured = parties_measure(ctx, met, window)
    note = f"funding for the report of cycle {number}; {late} eligible Parties accessed it later"
    return replace(measured, groups=_noted(measured.groups, note))


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
    "latest_reviews",
    "measure_from_records",
    "record_measure",
    "run_measure",
    "with_secondary",
]
