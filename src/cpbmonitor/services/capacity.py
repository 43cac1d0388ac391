"""Adapters from the stored reports and records to the capacity-building core, and the
calls the CLI and the pages share: needs, coverage and gaps, matching.

Reports and Parties are read through ``services.evaluation``; capacity-building
activities and resources through the records app (``stored_records``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from cpbmonitor.conf import plan_version
from cpbmonitor.core.capacity import (
    Coverage,
    NeedsAnalysis,
    PartyMatch,
    Period,
    ProviderMatch,
    analyse_needs,
    compute_coverage,
    cycle_window,
    match_party,
    match_provider,
)
from cpbmonitor.core.formats import FormatError
from cpbmonitor.core.indicators import CycleInfo, PreviousCycle, ReportFacts
from cpbmonitor.core.indicators.inputs import PartyFacts
from cpbmonitor.core.plan import PlanVersion, load_plan
from cpbmonitor.core.plan.needs import NeedsCoverage, load_needs_coverage
from cpbmonitor.core.records import CapacityActivity, RecordSet
from cpbmonitor.national_reports.models import NationalReport
from cpbmonitor.services.cache import cached
from cpbmonitor.services.evaluation import cycle_info, party_facts, report_facts
from cpbmonitor.services.formats import UnknownSchema, questionnaire_for


def stored_records() -> RecordSet:
    """The capacity-building activities and resources (and other records) stored by the
    records app; an empty set while that app is not installed."""
    try:
        from cpbmonitor.services.records import stored_record_set
    except ImportError:
        return RecordSet()
    return stored_record_set()


def stored_needs(cycle: int, compare: bool = True) -> NeedsAnalysis:
    """Parties per needs area of ``cycle``, beside the previous cycle when ``compare`` and
    the previous cycle has a format with the needs question."""
    current = cycle_info(cycle)
    numbers = [current.number]
    previous = _previous(current.number) if compare else None
    if previous is not None:
        numbers.append(previous.cycle.number)
    return needs_of_reports(current, report_facts(numbers), party_facts(), previous)


def needs_of_reports(
    current: CycleInfo,
    reports: Iterable[ReportFacts],
    parties: Iterable[PartyFacts],
    previous: PreviousCycle | None = None,
) -> NeedsAnalysis:
    """Parties per needs area of ``current`` from ``reports`` (stored ones, or an
    evaluation run's frozen ones), in the cycle's format."""
    questionnaire = questionnaire_for(current.schema)
    return analyse_needs(questionnaire, reports, parties, current, previous)


def _previous(number: int) -> PreviousCycle | None:
    try:
        before = cycle_info(number - 1)
        return PreviousCycle(questionnaire_for(before.schema), before)
    except (LookupError, FormatError, UnknownSchema):
        return None


def default_period(cycle: int) -> Period:
    return cycle_window(cycle)


def stored_coverage(
    cycle: int,
    plan_id: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    records: RecordSet | None = None,
    needs: NeedsAnalysis | None = None,
) -> Coverage:
    """Coverage of ``cycle``'s needs (``needs`` when already read) by ``plan_id`` and the
    activities holding in the period (default: the cycle's window)."""
    plan = _plan(plan_id)
    window = cycle_window(cycle)
    period = Period(start or window.start, end or window.end)
    needs = needs or stored_needs(cycle, compare=False)
    records = records if records is not None else stored_records()
    return coverage_of(plan, needs, records, party_facts(), period)


def coverage_of(
    plan: PlanVersion,
    needs: NeedsAnalysis,
    records: RecordSet,
    parties: Iterable[PartyFacts],
    period: Period,
) -> Coverage:
    """Coverage of ``needs`` by ``plan``'s key areas and by the capacity-building
    activities of ``records`` holding in ``period``."""
    activities = records.all(CapacityActivity)
    return compute_coverage(plan, load_needs_coverage(plan), needs, activities, parties, period)


MatchInputs = tuple[NeedsAnalysis, RecordSet, PlanVersion, NeedsCoverage, list[PartyFacts], dt.date]


def _match_inputs(cycle: int, plan_id: str | None, on: dt.date | None) -> MatchInputs:
    """What a Party's or a provider's match reads after its first argument: the stored
    needs of ``cycle``, the stored records, ``plan_id`` and its needs mapping, the Parties
    and the date (default: today)."""
    plan = _plan(plan_id)
    return (
        stored_needs(cycle, compare=False),
        stored_records(),
        plan,
        load_needs_coverage(plan),
        party_facts(),
        on or dt.date.today(),
    )


def stored_party_match(
    government: str, cycle: int, plan_id: str | None = None, on: dt.date | None = None
) -> PartyMatch:
    return match_party(government, *_match_inputs(cycle, plan_id, on))


def stored_provider_match(
    provider: str, cycle: int, plan_id: str | None = None, on: dt.date | None = None
) -> ProviderMatch:
    return match_provider(provider, *_match_inputs(cycle, plan_id, on))


def _plan(plan_id: str | None) -> PlanVersion:
    """``plan_id``, or the plan version of ``CPB_PLAN_VERSION``."""
    plan = load_plan(plan_id or plan_version())
    if not plan.has_capacity_building:
        raise LookupError(f"plan {plan_id} has no Capacity-Building Action Plan")
    return plan


def is_demonstration(records: RecordSet | None = None) -> bool:
    """The figures come (at least partly) from demonstration reports or records."""
    if NationalReport.objects.demonstration().exists():
        return True
    records = records if records is not None else stored_records()
    return any(record.demonstration for record in records)


def records_version() -> str:
    """A fingerprint of the stored records (count and last change), for cache keys."""
    try:
        from django.db.models import Count, Max

        from cpbmonitor.records.models import Record
    except ImportError:
        return "no-records"
    found = Record.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    text = f"{found['n']}|{found['last']}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def cycles_with_needs() -> list[int]:
    """Numbers of the cycles that have current reports and whose format has a known needs
    question, oldest first."""
    from cpbmonitor.core.capacity import needs_definitions

    numbers = (
        NationalReport.objects.current()
        .filter(cycle__schema__in=list(needs_definitions().formats))
        .values_list("cycle__number", flat=True)
        .distinct()
    )
    return sorted({n for n in numbers if n is not None})


# -- what the pages show (cached) -------------------------------------------------------


@dataclass(frozen=True)
class CapacityData:
    """What the page shows for one cycle (cached)."""

    cycle: int
    needs: NeedsAnalysis
    coverage: Coverage | None
    demonstration: bool


def _compute_capacity(cycle: int, plan_id: str) -> CapacityData:
    needs = stored_needs(cycle, compare=True)
    records = stored_records()
    try:
        coverage = stored_coverage(cycle, plan_id, records=records, needs=needs)
    except LookupError:  # a plan version without a Capacity-Building Action Plan
        coverage = None
    return CapacityData(cycle, needs, coverage, is_demonstration(records))


def capacity_data(cycle: int, plan_id: str) -> CapacityData:
    """Needs of ``cycle`` and their coverage by ``plan_id``'s Capacity-Building Action Plan
    (``None`` for a plan without one), cached under the data and records versions."""
    return cached(
        "capacity", lambda: _compute_capacity(cycle, plan_id), cycle, plan_id, records_version()
    )
