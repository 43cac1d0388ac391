"""Indicator sources: a registry from the methodology's ``source`` name to a measurer.

A measurer takes an indicator's methodology entry and the ``CycleContext`` of one cycle
and returns a ``CycleMeasure``: numbers per group and, for binary indicators, whether
each Party of the population meets it. Built in: ``national-reports`` (rules over
answers), ``reporting-status`` (A.3(a)), ``treaty-status`` (Supplementary Protocol
membership). ``bch-records``, ``compliance-committee`` and ``usage-statistics`` are
registered as *pending* until the issues that import those data register a real
measurer with ``register_source``; a pending or not-measurable indicator still gets a
row, with a note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators.compiler import Accessors, CompiledRule, compile_rule
from cpbmonitor.core.indicators.inputs import (
    GLOBAL,
    REGIONS,
    CycleInfo,
    PartyRecord,
    ReportRecord,
    Settings,
)
from cpbmonitor.core.indicators.methodology import IndicatorMethod
from cpbmonitor.core.indicators.results import Measure


@dataclass
class CycleContext:
    """Everything a measurer may read about one cycle. Built once per evaluation."""

    cycle: CycleInfo
    parties: Mapping[str, PartyRecord]
    """Parties to the Protocol on the cycle's deadline, by government."""
    reports: Mapping[str, ReportRecord]
    """The (one) report of each of those Parties for the cycle, by government."""
    questionnaire: Questionnaire | None
    settings: Settings = field(default_factory=Settings)
    accessors: Accessors = field(init=False)
    _compiled: dict[str, CompiledRule] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.accessors = Accessors(self.questionnaire, self.settings.apply_conditions)

    def rule(self, text: str) -> CompiledRule:
        """``text`` compiled (and validated) against this cycle's questionnaire, cached."""
        if text not in self._compiled:
            self._compiled[text] = compile_rule(text, self.questionnaire, accessors=self.accessors)
        return self._compiled[text]


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
    parties: Mapping[str, PartyRecord],
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


def _in_population(item: IndicatorMethod, party: PartyRecord, ctx: CycleContext) -> bool:
    if item.population == "supplementary-protocol-parties":
        return party.is_sp_party_on(ctx.cycle.deadline)
    if item.population == "gef-eligible-parties":
        return party.gef_eligible
    return True


@register_source("national-reports")
def national_reports(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    number = ctx.cycle.number
    text = item.rules.get(number)
    if text is None:
        return empty(f"no rule for cycle {number}: {item.no_rule.get(number, 'not defined')}")
    rule = ctx.rule(text)
    chooser = ctx.rule(item.population_rules[number]) if number in item.population_rules else None
    count_all = item.count_non_reporting or item.population == "all-parties"
    met: dict[str, bool] = {}
    for government, party in ctx.parties.items():
        if not _in_population(item, party, ctx):
            continue
        report = ctx.reports.get(government)
        if report is None:
            if count_all:
                met[government] = False
            continue
        answers = report.answers
        if chooser is not None and not chooser.test(answers):
            continue
        if not report.complete and not count_all and not rule.answered_by(answers):
            continue  # an incomplete report counts only for what it answers
        met[government] = rule.test(answers)
    groups = tally(met, ctx.parties, ctx.reports.keys())
    if item.unit == "count":
        groups = {g: Measure(m.numerator, None, m.reports_used) for g, m in groups.items()}
    return CycleMeasure(groups, met)


@register_source("reporting-status")
def reporting_status(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    deadline = ctx.cycle.deadline
    met = {
        government: (report := ctx.reports.get(government)) is not None
        and report.complete
        and report.on_time(deadline)
        for government in ctx.parties
    }
    return CycleMeasure(tally(met, ctx.parties, ctx.reports.keys()), met)


@register_source("treaty-status")
def treaty_status(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    deadline = ctx.cycle.deadline
    met = {g: p.is_sp_party_on(deadline) for g, p in ctx.parties.items()}
    groups = {g: Measure(m.numerator, m.denominator, 0) for g, m in tally(met, ctx.parties).items()}
    return CycleMeasure(groups, met)


def _pending(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    return empty(f"pending: {item.pending or item.source}")


def _not_measurable(item: IndicatorMethod, ctx: CycleContext) -> CycleMeasure:
    return empty(f"not measurable: {item.reason or 'no source'}")


for _name in ("bch-records", "compliance-committee", "usage-statistics"):
    SOURCES[_name] = _pending
SOURCES["not-measurable"] = _not_measurable
