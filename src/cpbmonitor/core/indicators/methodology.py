"""The methodology as data: how each indicator of a plan version is measured.

``data/methodology-<plan version>.yaml`` holds one entry per indicator: unit,
population, source, a plain-words ``method`` and, for report-based indicators, one rule
per reporting cycle over that cycle's question keys (see ``rules``); for record-based
indicators, the name of a record ``measure`` (see ``records``) with its ``snapshots``
(the date, per cycle, on which the records are read) and, for measures over a period,
``since`` (the day after which the period starts). Loading validates
the shape (pydantic, via ``yamlfile.load_model``: errors name the file, line, indicator
and field), parses every rule and, given questionnaires, checks every question key and
option value against them (an unknown key or value is an error naming the file and
indicator).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.formats.crosswalk import Crosswalk
from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators import rules
from cpbmonitor.core.indicators.inputs import CycleInfo
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.yamlfile import DataFileError, Location, load_model

DATA_DIR = Path(__file__).parent / "data"

Unit = Literal["percent-of-parties", "count", "percent-of-records"]
Population = Literal[
    "reporting-parties",
    "all-parties",
    "supplementary-protocol-parties",
    "gef-eligible-parties",
    "parties-choosing",
    "parties-where",
]
SourceName = Literal[
    "national-reports",
    "reporting-status",
    "treaty-status",
    "bch-records",
    "compliance-committee",
    "usage-statistics",
    "gef-funding",
    "not-measurable",
]
RULE_SOURCES = frozenset({"national-reports"})
RECORD_SOURCES = frozenset(
    {"bch-records", "compliance-committee", "usage-statistics", "gef-funding"}
)
PENDING_SOURCES = RECORD_SOURCES
"""Sources whose entries are *pending* (and say so) until they name a record ``measure``."""
RULED_POPULATIONS = frozenset({"parties-choosing", "parties-where"})

MethodologyError = DataFileError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordTiming(_Strict):
    """When records are read, per cycle: on a snapshot date, and over a period."""

    snapshots: dict[int, dt.date] = Field(default_factory=dict)
    """Per cycle: the date on which the records are read (default: the cycle's deadline,
    or ``before_deadline`` days before it)."""
    before_deadline: int | None = Field(default=None, ge=1, le=3660)
    """Read the records this many days before each cycle's deadline, in every cycle
    without a snapshot of its own (so that a cycle added later is read the same way)."""
    since: dict[int, dt.date] = Field(default_factory=dict)
    """Per cycle, for measures over a period: the period starts the day after this date
    (absent: from the earliest record)."""
    non_parties: bool = False
    """Count the records of governments that are not Parties of the cycle (in their
    region). By default only Parties' records count."""

    def snapshot(self, cycle: CycleInfo) -> dt.date:
        if cycle.number in self.snapshots:
            return self.snapshots[cycle.number]
        lead = dt.timedelta(days=self.before_deadline or 0)
        return cycle.deadline - lead

    def start(self, cycle: CycleInfo) -> dt.date | None:
        return self.since.get(cycle.number)


class SecondaryMeasure(RecordTiming):
    """A figure from records shown beside a report-based indicator (in its note), without
    changing how the indicator itself is measured."""

    measure: str = Field(min_length=1)
    method: str = Field(min_length=1)


@dataclass(frozen=True)
class QuestionUse:
    """A question an indicator's rule reads in one cycle."""

    cycle: int
    key: str


class IndicatorMethod(RecordTiming):
    code: str = Field(pattern=r"^[AB]\.\d+\([a-z]\)$")
    unit: Unit = "percent-of-parties"
    source: SourceName
    method: str = Field(min_length=1)
    """How the indicator is computed, in plain words."""
    population: Population = "reporting-parties"
    count_non_reporting: bool = False
    """Count Parties of the population that did not report (as not meeting the rule)."""
    population_rules: dict[int, str] = Field(default_factory=dict)
    """For ``parties-choosing``/``parties-where``: per cycle, which reporting Parties
    are in the population."""
    rules: dict[int, str] = Field(default_factory=dict)
    """Per cycle number: the rule a Party's report meets."""
    no_rule: dict[int, str] = Field(default_factory=dict)
    """Per cycle number without a rule: why (no such question in that format)."""
    measure: str | None = None
    """For record sources: the name of the record measure (``records.RECORD_MEASURES``)."""
    fallback: str | None = None
    """A record measure used instead of ``measure`` when none of the records that
    ``measure`` reads are loaded; the results say so."""
    secondary: SecondaryMeasure | None = None
    """A figure from records reported in the note beside the primary measure."""
    pending: str | None = None
    """The issue or data source that will provide this measure."""
    reason: str | None = None
    """Why the indicator is not measurable."""
    note: str | None = None
    """Caveats shown with the results (e.g. the baseline question is a proxy)."""
    stand_in: dict[int, str] = Field(default_factory=dict)
    """Per cycle whose rule reads a different question standing in for the indicator's
    (a baseline proxy): why. A change to or from that cycle is a *stand-in* change."""
    not_comparable: dict[int, str] = Field(default_factory=dict)
    """Per cycle whose value cannot be compared with other cycles' values: why."""

    @property
    def text(self) -> str:
        """How it is computed, its caveats and why it may have no value, in plain words."""
        return " ".join(t for t in (self.method, self.note, self.pending, self.reason) if t)

    @property
    def questions(self) -> list[QuestionUse]:
        """The report questions its rules read, the latest cycle first."""
        return [
            QuestionUse(cycle, key)
            for cycle, rule in sorted(self.rules.items(), reverse=True)
            for key in sorted(rules.keys_of(rules.parse(rule)))
        ]

    @property
    def is_binary(self) -> bool:
        """A Party either meets it or not (a scorecard indicator)."""
        return self.unit == "percent-of-parties" and self.source != "not-measurable"


class Methodology(_Strict):
    plan: str
    cycles: list[int] = Field(min_length=1)
    indicators: list[IndicatorMethod]

    def entry(self, code: str) -> IndicatorMethod | None:
        for item in self.indicators:
            if item.code == code:
                return item
        return None


# -- integrity of the file ------------------------------------------------------------


def _check_entries(m: Methodology) -> Iterable[tuple[Location, str]]:
    seen: set[str] = set()
    for i, item in enumerate(m.indicators):
        where: Location = ("indicators", i)
        if item.code in seen:
            yield (*where, "code"), f"indicator {item.code} has two entries"
        seen.add(item.code)
        yield from _check_entry(m, item, where)


def _check_entry(
    m: Methodology, item: IndicatorMethod, where: Location
) -> Iterable[tuple[Location, str]]:
    if item.source == "not-measurable" and not item.reason:
        yield (*where, "reason"), "a not-measurable indicator needs a reason"
    if item.source in PENDING_SOURCES and not item.pending and not item.measure:
        yield (
            (*where, "pending"),
            f"source {item.source} needs 'pending: <issue or source>' or 'measure: <name>'",
        )
    yield from _check_record_measure(m, item, where)
    if item.source in RULE_SOURCES:
        for cycle in m.cycles:
            has_rule, has_gap = cycle in item.rules, cycle in item.no_rule
            if has_rule == has_gap:
                yield (
                    (*where, "rules"),
                    (f"cycle {cycle} needs either a rule or a no_rule reason (not both)"),
                )
        if item.population in RULED_POPULATIONS:
            for cycle in item.rules:
                if cycle not in item.population_rules:
                    yield (
                        (*where, "population_rules"),
                        (f"population {item.population} needs a population rule for cycle {cycle}"),
                    )
    elif item.rules:
        yield (*where, "rules"), f"source {item.source} takes no report rules"
    for field_name, texts in (("rules", item.rules), ("population_rules", item.population_rules)):
        for cycle, text in texts.items():
            if cycle not in m.cycles:
                yield (*where, field_name), f"cycle {cycle} is not in cycles {m.cycles}"
            try:
                rules.parse(text)
            except rules.RuleError as error:
                yield (*where, field_name, str(cycle)), f"{field_name} for cycle {cycle}: {error}"


def _check_record_measure(
    m: Methodology, item: IndicatorMethod, where: Location
) -> Iterable[tuple[Location, str]]:
    if item.measure is None:
        if item.snapshots or item.since or item.non_parties or item.before_deadline:
            yield (
                (*where, "measure"),
                "snapshots, since, before_deadline and non_parties need a record measure",
            )
        if item.fallback is not None:
            yield (*where, "fallback"), "a fallback needs a record measure"
    elif item.source not in RECORD_SOURCES:
        yield (*where, "measure"), f"source {item.source} takes no record measure"
    else:
        if item.pending:
            yield (*where, "pending"), f"measure {item.measure} is given: the entry is not pending"
        yield from _check_population(item, item.measure, where)
        yield from _check_timing(m, item, item.measure, item.source, item.unit, where)
        if item.fallback is not None:
            yield from _check_population(item, item.fallback, (*where, "fallback"))
            yield from _check_timing(
                m, item, item.fallback, item.source, item.unit, (*where, "fallback")
            )
    if item.secondary is not None:
        second = item.secondary
        yield from _check_timing(m, second, second.measure, None, None, (*where, "secondary"))


def _check_population(
    item: IndicatorMethod, name: str, where: Location
) -> Iterable[tuple[Location, str]]:
    """A record measure of Parties counts the Parties of its own population."""
    from cpbmonitor.core.indicators.records import RECORD_MEASURES

    spec = RECORD_MEASURES.get(name)
    of_parties = item.unit == "percent-of-parties"
    if spec is not None and of_parties and item.population != spec.population:
        yield (
            (*where, "population"),
            f"measure {name} counts the Parties of population {spec.population}, "
            f"not {item.population}",
        )


def _check_timing(
    m: Methodology,
    timing: RecordTiming,
    name: str,
    source: str | None,
    unit: str | None,
    where: Location,
) -> Iterable[tuple[Location, str]]:
    """A known measure of the right source and unit, with dates it can use."""
    from cpbmonitor.core.indicators.records import RECORD_MEASURES

    spec = RECORD_MEASURES.get(name)
    if spec is None:
        known = ", ".join(sorted(RECORD_MEASURES))
        yield (*where, "measure"), f"unknown record measure {name!r} (known: {known})"
        return
    if source is not None and spec.source != source:
        yield (*where, "measure"), f"measure {name} reads {spec.source} records, not {source}"
    if unit is not None and spec.unit != unit:
        yield (*where, "unit"), f"measure {name} gives {spec.unit}, not {unit}"
    if timing.since and not spec.uses_since:
        yield (*where, "since"), f"measure {name} reads records on one date and takes no 'since'"
    if timing.non_parties and not spec.by_government:
        yield (*where, "non_parties"), f"the records of measure {name} have no government"
    for field_name, dates in (("snapshots", timing.snapshots), ("since", timing.since)):
        for cycle in dates:
            if cycle not in m.cycles:
                yield (*where, field_name), f"cycle {cycle} is not in cycles {m.cycles}"
    for cycle, start in timing.since.items():
        end = timing.snapshots.get(cycle)
        if end is not None and start >= end:
            yield (*where, "since"), f"cycle {cycle}: since {start} is not before snapshot {end}"


def questionnaire_check(
    questionnaires: Mapping[int, Questionnaire],
) -> Callable[[Methodology], Iterable[tuple[Location, str]]]:
    """An integrity check: every key and option value exists in the cycle's format."""

    def check(m: Methodology) -> Iterable[tuple[Location, str]]:
        for i, item in enumerate(m.indicators):
            for field_name, texts in (
                ("rules", item.rules),
                ("population_rules", item.population_rules),
            ):
                for cycle, text in texts.items():
                    questionnaire = questionnaires.get(cycle)
                    if questionnaire is None:
                        continue
                    try:
                        rules.check(text, questionnaire)
                    except rules.RuleError as error:
                        yield (
                            ("indicators", i, field_name, str(cycle)),
                            f"{field_name} for cycle {cycle}: {error}",
                        )

    return check


# -- loading --------------------------------------------------------------------------


def methodology_file(plan_version: str) -> Path:
    return DATA_DIR / f"methodology-{plan_version}.yaml"


def load_methodology_file(
    path: Path, questionnaires: Mapping[int, Questionnaire] | None = None
) -> Methodology:
    """Read and check a methodology file; with questionnaires, validate every rule."""
    checks: list[Callable[[Methodology], Iterable[tuple[Location, str]]]] = [_check_entries]
    if questionnaires:
        checks.append(questionnaire_check(questionnaires))
    return load_model(path, Methodology, checks)


def load_methodology(plan_version: str) -> Methodology:
    """The shipped methodology for ``plan_version``, checked against the shipped formats,
    with the cycles added by cycle files (``cycle_rules``; shipped or in an extra data
    directory)."""
    from cpbmonitor.core.formats.extra import extra_dirs

    return _load_methodology(plan_version, extra_dirs())


@cache
def _load_methodology(plan_version: str, dirs: tuple[Path, ...]) -> Methodology:
    from cpbmonitor.core.formats import cycle, has_shipped_format, shipped_format
    from cpbmonitor.core.indicators import cycle_rules

    path = methodology_file(plan_version)
    if not path.exists():
        raise DataFileError(path, f"no methodology for plan version {plan_version!r}")
    shape = load_model(path, Methodology, [_check_entries])
    questionnaires = {n: shipped_format(cycle(n).schema) for n in shape.cycles}
    methodology = load_methodology_file(path, questionnaires)
    for extra in cycle_rules.cycle_rule_files(plan_version, dirs, DATA_DIR):
        extension = cycle_rules.load_cycle_rules(extra)
        try:
            schema = cycle(extension.cycle).schema
        except KeyError:
            raise DataFileError(
                extra, f"cycle: no reporting cycle {extension.cycle} (add it to cycles.yaml)"
            ) from None
        target = shipped_format(schema) if has_shipped_format(schema) else None
        walk = None
        if extension.derive_from is not None:
            walk = _crosswalk_between(cycle(extension.derive_from).schema, schema)
        methodology = cycle_rules.merge(methodology, extension, extra, walk, target)
        if target is not None:
            questionnaires[extension.cycle] = target
        _recheck(methodology, extra, questionnaires)
    return methodology


def _crosswalk_between(schema_from: str, schema_to: str) -> Crosswalk | None:
    from cpbmonitor.core.formats import crosswalk

    try:
        return crosswalk(schema_from, schema_to)
    except KeyError:
        return None


def _recheck(
    methodology: Methodology, path: Path, questionnaires: Mapping[int, Questionnaire]
) -> None:
    """The checks of a methodology file, on a methodology merged with a cycle file."""
    for check in (_check_entries, questionnaire_check(questionnaires)):
        for location, problem in check(methodology):
            item = location[1] if len(location) > 1 else None
            code = methodology.indicators[item].code if isinstance(item, int) else "-"
            raise DataFileError(path, f"indicator {code}: {problem}")


def missing_indicators(plan: PlanVersion, methodology: Methodology) -> list[str]:
    """Codes of the plan's indicators that have no methodology entry."""
    covered = {item.code for item in methodology.indicators}
    return [i.code for i in plan.indicators() if i.code not in covered]


def unknown_indicators(plan: PlanVersion, methodology: Methodology) -> list[str]:
    """Codes of methodology entries that are not indicators of the plan."""
    codes = {i.code for i in plan.indicators()}
    return [item.code for item in methodology.indicators if item.code not in codes]
