"""Needs analysis: Parties per needs area, globally and per region, cycle against cycle,
and which Parties assessed and prioritised their capacity-building needs.

Counts are of *reporting Parties*: Parties to the Protocol on the cycle's deadline with a
current report for the cycle (the engine's ``parties_on`` and ``reports_of``). The
counting itself is the question analyzer's (``analyze_question``), on the format's needs
question (Q135 in the fourth cycle, Q123 in the fifth), with the previous cycle's question
found through the crosswalk between the formats. An answer left in a question that the
format's conditions disable (areas named after "no needs") is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cpbmonitor.core.capacity.areas import (
    NeedsArea,
    NeedsDefinitions,
    NeedsQuestions,
    needs_areas,
    needs_definitions,
)
from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators.compiler import Accessors
from cpbmonitor.core.indicators.engine import parties_on, reports_of
from cpbmonitor.core.indicators.inputs import (
    GLOBAL,
    GROUPS,
    CycleInfo,
    PartyFacts,
    ReportFacts,
)
from cpbmonitor.core.indicators.questions import PreviousCycle, analyze_question

YES = "true"
NO = "false"
ASSESSMENT = ("assessed", "prioritised", "with_needs")
"""What ``NeedsAnalysis.assessment`` counts besides the reporting Parties."""


@dataclass(frozen=True)
class AreaNeeds:
    """One needs area: Parties naming it, per group, in the cycle and the previous one."""

    area: NeedsArea
    counts: Mapping[str, int]
    previous: Mapping[str, int] | None = None
    """Same counts in the previous cycle (``None``: no comparison)."""

    def change(self, group: str = GLOBAL) -> int | None:
        if self.previous is None:
            return None
        return self.counts.get(group, 0) - self.previous.get(group, 0)


@dataclass(frozen=True)
class PartyNeeds:
    """What one reporting Party said about its capacity-building needs."""

    government: str
    region: str | None
    has_needs: bool | None
    areas: frozenset[str]
    """Codes ``(a)``-``(q)`` of the areas it still needs capacity-building in."""
    assessed: bool | None
    prioritised: bool | None


@dataclass(frozen=True)
class NeedsAnalysis:
    cycle: CycleInfo
    questions: NeedsQuestions
    areas: tuple[AreaNeeds, ...]
    reporting: Mapping[str, int]
    """Reporting Parties per group."""
    parties: tuple[PartyNeeds, ...]
    previous_cycle: int | None = None
    previous_reporting: Mapping[str, int] | None = None
    note: str | None = None

    def area(self, code: str) -> AreaNeeds:
        for item in self.areas:
            if item.area.code == code:
                return item
        raise KeyError(f"no needs area {code}")

    def party(self, government: str) -> PartyNeeds | None:
        return next((p for p in self.parties if p.government == government), None)

    def assessment(self) -> dict[str, dict[str, int]]:
        """Per group: reporting Parties, those that assessed, prioritised, and have needs."""
        result = {
            group: {"reporting": self.reporting.get(group, 0)} | dict.fromkeys(ASSESSMENT, 0)
            for group in GROUPS
        }
        for party in self.parties:
            for group in _groups_of(party.region):
                for name, flag in (
                    ("assessed", party.assessed),
                    ("prioritised", party.prioritised),
                    ("with_needs", party.has_needs),
                ):
                    result[group][name] += 1 if flag else 0
        return result


def _groups_of(region: str | None) -> tuple[str, ...]:
    return (GLOBAL, region) if region in GROUPS and region != GLOBAL else (GLOBAL,)


def _flag(values: frozenset[str]) -> bool | None:
    if YES in values:
        return True
    if NO in values:
        return False
    return None


def party_needs(
    questionnaire: Questionnaire,
    reports: Iterable[ReportFacts],
    parties: Iterable[PartyFacts],
    cycle: CycleInfo,
    definitions: NeedsDefinitions | None = None,
) -> tuple[PartyNeeds, ...]:
    """What each reporting Party answered to the needs questions, by government."""
    definitions = definitions or needs_definitions()
    keys = definitions.questions_for(questionnaire.schema)
    members = parties_on(parties, cycle)
    chosen = reports_of(reports, cycle, members)
    accessors = Accessors(questionnaire)
    read = {name: accessors.reader(getattr(keys, name)) for name in NeedsQuestions.model_fields}
    result = []
    for government in sorted(chosen):
        answers = chosen[government].answers
        codes = {definitions.code_of(term) for term in read["areas"](answers)}
        result.append(
            PartyNeeds(
                government=government,
                region=members[government].region,
                has_needs=_flag(read["has_needs"](answers)),
                areas=frozenset(code for code in codes if code is not None),
                assessed=_flag(read["assessed"](answers)),
                prioritised=_flag(read["prioritised"](answers)),
            )
        )
    return tuple(result)


def analyse_needs(
    questionnaire: Questionnaire,
    reports: Iterable[ReportFacts],
    parties: Iterable[PartyFacts],
    cycle: CycleInfo,
    previous: PreviousCycle | None = None,
    definitions: NeedsDefinitions | None = None,
) -> NeedsAnalysis:
    """Parties per needs area and group in ``cycle`` (beside ``previous``, through the
    crosswalk), and each reporting Party's needs. ``reports`` may hold both cycles."""
    definitions = definitions or needs_definitions()
    keys = definitions.questions_for(questionnaire.schema)
    areas = needs_areas(questionnaire, definitions)
    reports, parties = list(reports), list(parties)
    analysis = analyze_question(questionnaire, reports, parties, keys.areas, cycle, previous)
    current = {option.value: option.counts for option in analysis.current.options}
    before: dict[str, Mapping[str, int]] | None = None
    if analysis.previous is not None:
        before = {
            now.value: then.counts
            for now, then in zip(analysis.current.options, analysis.previous.options, strict=True)
        }
    return NeedsAnalysis(
        cycle=cycle,
        questions=keys,
        areas=tuple(
            AreaNeeds(
                area,
                dict(current.get(area.term, dict.fromkeys(GROUPS, 0))),
                dict(before.get(area.term, dict.fromkeys(GROUPS, 0))) if before else None,
            )
            for area in areas
        ),
        reporting=dict(analysis.current.reporting),
        parties=party_needs(questionnaire, reports, parties, cycle, definitions),
        previous_cycle=analysis.previous.cycle if analysis.previous else None,
        previous_reporting=dict(analysis.previous.reporting) if analysis.previous else None,
        note=analysis.note,
    )
