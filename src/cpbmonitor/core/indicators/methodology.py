"""The methodology as data: how each indicator of a plan version is measured.

``data/methodology-<plan version>.yaml`` holds one entry per indicator: unit,
population, source, a plain-words ``method`` and, for report-based indicators, one rule
per reporting cycle over that cycle's question keys (see ``rules``). Loading validates
the shape (pydantic, via ``yamlfile.load_model``: errors name the file, line, indicator
and field), parses every rule and, given questionnaires, checks every question key and
option value against them (an unknown key or value is an error naming the file and
indicator).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators import rules
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
    "not-measurable",
]
RULE_SOURCES = frozenset({"national-reports"})
PENDING_SOURCES = frozenset({"bch-records", "compliance-committee", "usage-statistics"})
RULED_POPULATIONS = frozenset({"parties-choosing", "parties-where"})

MethodologyError = DataFileError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndicatorMethod(_Strict):
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
    pending: str | None = None
    """The issue or data source that will provide this measure."""
    reason: str | None = None
    """Why the indicator is not measurable."""
    note: str | None = None
    """Caveats shown with the results (e.g. the baseline question is a proxy)."""

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
    if item.source in PENDING_SOURCES and not item.pending:
        yield (*where, "pending"), f"source {item.source} needs 'pending: <issue or source>'"
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


@cache
def load_methodology(plan_version: str) -> Methodology:
    """The shipped methodology for ``plan_version``, checked against the shipped formats."""
    from cpbmonitor.core.formats import cycle, shipped_format

    path = methodology_file(plan_version)
    if not path.exists():
        raise DataFileError(path, f"no methodology for plan version {plan_version!r}")
    shape = load_model(path, Methodology, [_check_entries])
    questionnaires = {n: shipped_format(cycle(n).schema) for n in shape.cycles}
    return load_methodology_file(path, questionnaires)


def missing_indicators(plan: PlanVersion, methodology: Methodology) -> list[str]:
    """Codes of the plan's indicators that have no methodology entry."""
    covered = {item.code for item in methodology.indicators}
    return [i.code for i in plan.indicators() if i.code not in covered]


def unknown_indicators(plan: PlanVersion, methodology: Methodology) -> list[str]:
    """Codes of methodology entries that are not indicators of the plan."""
    codes = {i.code for i in plan.indicators()}
    return [item.code for item in methodology.indicators if item.code not in codes]
