"""Indicator sources: a registry from the methodology's ``source`` name to a measurer.

A measurer takes an indicator's methodology entry and the ``CycleContext`` of one cycle
and returns a ``CycleMeasure``: numbers per group and, for binary indicators, whether
each Party of the population meets it. Built in: ``national-reports`` (rules over
answers), ``reporting-status`` (A.3(a)), ``treaty-status`` (Supplementary Protocol
membership). ``bch-records``, ``compliance-committee`` and ``usage-statistics`` are
registered by ``records``: they run the entry's named record measure over the
``CycleContext.records`` (an entry without a measure is *pending*); a pending or
not-measurable indicator, or a record-based one without records, still gets a row, with
a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators.compiler import Accessors, CompiledRule, compile_rule
from cpbmonitor.core.indicators.inputs import (
    GLOBAL,
    REGIONS,
    CycleInfo,
    PartyFacts,
    ReportFacts,
    Settings,
)
from cpbmonitor.core.indicators.methodology import IndicatorMethod
from cpbmonitor.core.indicators.results import Measure
from cpbmonitor.core.indicators.table import ReportTable
from cpbmonitor.core.records import RecordSet


@dataclass
class CycleContext:
    """Everything a measurer may read about one cycle. Built once per evaluation."""

    cycle: CycleInfo
    parties: Mapping[str, PartyFacts]
    """Parties to the Protocol on the cycle's deadline, by government."""
    reports: Mapping[str, ReportFacts]
    """The (one) report of each of those Parties for the cycle, by government."""
    questionnaire: Questionnaire | None
    settings: Settings = field(default_factory=Settings)
    records: RecordSet | None = None
    """BCH, Compliance Committee, usage and capacity-building records; ``None``: not loaded."""
    regions: Mapping[str, str | None] = field(default_factory=dict)
    """Every known government (Party or not) -> its region, for records of non-Parties."""
    accessors: Accessors = field(init=False)
    _compiled: dict[str, CompiledRule] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.accessors = Accessors(self.questionnaire, self.settings.apply_conditions)

    def rule(self, text: str) -> CompiledRule:
        """``text`` compiled (and validated) against this cycle's questionnaire, cached."""
        if text not in self._compiled:
            self._compiled[text] = compile_rule(text, self.questionnaire, accessors=self.accessors)
        return self._compiled[text]

    @cached_property
    def table(self) -> ReportTable:
        """The Parties and their reports as bit columns (for ``national-reports``)."""
        return ReportTable(self.parties, self.reports, self.accessors)

    def read_answers(self, entries: Iterable[IndicatorMethod]) -> None:
        """Compile the report rules of ``entries`` for this cycle and read the answers they
        need in one pass over the reports (else each question is read on first use)."""
        number = self.cycle.number
        keys: set[str] = set()
        for entry in entries:
            if entry.source == "national-reports":
                for texts in (entry.rules, entry.population_rules):
                    if number in texts:
                        keys |= self.rule(texts[number]).keys
        self.table.sheet.read(sorted(keys))


@dataclass(frozen=True)
class CycleMeasure:
    groups: Mapping[str, Measure]
    met: Mapping[str, bool] | None = None
    """For binary indicators: government -> meets it, for every Party in the population."""
    note: str | None = None


Measurer = Callable[[IndicatorMethod, CycleContext], CycleMeasure]
SOURCES: dict[str, Measurer] = {}


def register_source(name: str) -> Callable[[Measurer], Measurer]:
    """Register (or replace) the measurer for a methodology ``source`` name."""

    def decorate(function: Measurer) -> Measurer:
        SOURCES[name] = function
        return function

    return decorate


def measurer_for(name: str) -> Measurer:
    try:
        return SOURCES[name]
    except KeyError:
        raise KeyError(f"no measurer registered for source {name!r}") from None


# -- helpers ------------------------------------------------------------------------------


def empty(note: str) -> CycleMeasure:
    """No numbers in any group, with a note saying why."""
    groups = {g: Measure(None, None, 0, note) for g in (GLOBAL, *REGIONS)}
    return CycleMeasure(groups, None, note)


def tally(
    met: Mapping[str, bool],
    parties: Mapping[str, PartyFacts],
    reported: Iterable[str] = (),
) -> dict[str, Measure]:
    """Numerators and denominators per group from per-Party results.

    Every Party counts in ``global``; a Party counts in its region's group; a Party
    without a region (the European Union) counts in ``global`` only, so the regions add
    up to the global figure minus the EU's contribution.
    """
    reported_set = set(reported)
    counts = {g: [0, 0, 0] for g in (GLOBAL, *REGIONS)}
    for government, ok in met.items():
        region = parties[government].region
        used = government in reported_set
        for group in (GLOBAL, region) if region in counts else (GLOBAL,):
            row = counts[group]
            row[0] += ok
            row[1] += 1
            row[2] += used
    return {g: Measure(n, d, r) for g, (n, d, r) in counts.items()}


# -- built-in measurers --------------------------------------------------------------------


def _population(item: IndicatorMethod, ctx: CycleContext) -> Callable[[PartyFacts], bool] | None:
    """Which Parties of the cycle an indicator's population keeps (``None``: all of them;
    a population rule, if any, then chooses among those that reported)."""
    deadline = ctx.cycle.deadline
    tests: dict[str, Callable[[PartyFacts], bool]] = {
        "supplementary-protocol-parties": lambda party: party.is_sp_party_on(deadline),
        "gef-eligible-parties": lambda party: party.gef_eligible,
    }
    return tests.get(item.population)


@register_source("national-reports")
def national_reports(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    number = ctx.cycle.number
    text = item.rules.get(number)
    if text is None:
        return empty(f"no rule for cycle {number}: {item.no_rule.get(number, 'not defined')}")
    rule = ctx.rule(text)
    chooser = ctx.rule(item.population_rules[number]) if number in item.population_rules else None
    count_all = item.count_non_reporting or item.population == "all-parties"
    table = ctx.table
    test = _population(item, ctx)
    population = table.everyone if test is None else table.where(item.population, test)
    counted = table.reported
    if chooser is not None:
        counted &= table.meeting(chooser)
    if count_all:
        counted |= table.everyone ^ table.reported  # Parties that did not report: not met
    else:  # an incomplete report counts only for what it answers
        counted &= table.complete | table.answering(rule)
    counted &= population
    met = counted & table.meeting(rule)
    groups = table.measures(met, counted, counted & table.reported)
    if item.unit == "count":
        groups = {g: Measure(m.numerator, None, m.reports_used) for g, m in groups.items()}
    return CycleMeasure(groups, table.flags(counted, met))


@register_source("reporting-status")
def reporting_status(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    table = ctx.table
    deadline = ctx.cycle.deadline
    met = table.complete & table.reporting(f"on time {deadline}", lambda r: r.on_time(deadline))
    groups = table.measures(met, table.everyone, table.reported)
    return CycleMeasure(groups, table.flags(table.everyone, met))


@register_source("treaty-status")
def treaty_status(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    table = ctx.table
    deadline = ctx.cycle.deadline
    met = table.where(f"sp party {deadline}", lambda party: party.is_sp_party_on(deadline))
    groups = table.measures(met, table.everyone, 0)
    return CycleMeasure(groups, table.flags(table.everyone, met))


def _not_measurable(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    return empty(f"not measurable: {item.reason or 'no source'}")


SOURCES["not-measurable"] = _not_measurable
