"""Draft recommendations by rules written as data (``data/recommendations.yaml``).

A rule names a *condition*: a check over the figures of the document, registered here
with ``@condition(name, fields)``; it yields one match per case it finds (an objective
behind in a region where most reporting Parties have an unmet need in a linked area, a
needs area no key area covers, a region that reports late...), each a set of fields:
words, and ``Number``s taken from the document's tables. The rule's sentence (English and
French) is a sentence template; loading checks that it uses only its condition's fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.evaluation.model import Number, Ref, Sentence
from cpbmonitor.core.evaluation.numbers import group_label, number
from cpbmonitor.core.evaluation.templates import TEMPLATES, fields_of, say, template
from cpbmonitor.core.indicators import GLOBAL, REGIONS
from cpbmonitor.core.yamlfile import Location, load_model

if TYPE_CHECKING:
    from cpbmonitor.core.evaluation.inputs import ReportInputs

Match = Mapping[str, Number | str]
Check = Callable[["ReportInputs", "Rule"], Iterator[Match]]


@dataclass(frozen=True)
class Condition:
    name: str
    fields: frozenset[str]
    check: Check


CONDITIONS: dict[str, Condition] = {}


def condition(name: str, *fields: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        CONDITIONS[name] = Condition(name, frozenset(fields), check)
        return check

    return register


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Texts(_Strict):
    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    condition: str
    threshold: float | None = Field(default=None, ge=0, le=1)
    text: Texts

    @property
    def template_name(self) -> str:
        return f"recommendation.{self.id}"


class Rules(_Strict):
    rules: list[Rule] = Field(min_length=1)


def _known(rules: Rules) -> Iterator[tuple[Location, str]]:
    seen: set[str] = set()
    for index, rule in enumerate(rules.rules):
        where: Location = ("rules", index)
        if rule.id in seen:
            yield (*where, "id"), f"rule {rule.id!r} is given twice"
        seen.add(rule.id)
        found = CONDITIONS.get(rule.condition)
        if found is None:
            known = ", ".join(sorted(CONDITIONS))
            yield (*where, "condition"), f"no condition {rule.condition!r} (known: {known})"
            continue
        for language in ("en", "fr"):
            used = set(fields_of(getattr(rule.text, language)))
            extra = used - found.fields
            if extra:
                yield (
                    (*where, "text", language),
                    (
                        f"uses {', '.join(sorted(extra))}, which condition {rule.condition} does "
                        f"not give (it gives {', '.join(sorted(found.fields))})"
                    ),
                )


def load_rules(path: Path | None = None) -> Rules:
    """The rules of ``path`` (default: the shipped file), checked, their sentences
    registered as templates."""
    if path is None:
        with resources.as_file(
            resources.files("cpbmonitor.core.evaluation.data").joinpath("recommendations.yaml")
        ) as shipped:
            rules = load_model(shipped, Rules, [_known])
    else:
        rules = load_model(path, Rules, [_known])
    for rule in rules.rules:
        if rule.template_name not in TEMPLATES:
            template(
                rule.template_name, " ".join(rule.text.en.split()), " ".join(rule.text.fr.split())
            )
    return rules


@cache
def shipped_rules() -> Rules:
    return load_rules()


def recommend(inputs: ReportInputs, rules: Rules | None = None) -> list[tuple[Rule, Sentence]]:
    """Every recommendation the rules find, rule by rule."""
    found = []
    for rule in (rules or shipped_rules()).rules:
        for match in CONDITIONS[rule.condition].check(inputs, rule):
            found.append((rule, say(rule.template_name, **match)))
    return found


# -- the conditions -----------------------------------------------------------------------


@condition(
    "objective-behind-with-unmet-need", "region", "area", "objective", "unreached", "reporting"
)
def objective_behind(inputs: ReportInputs, rule: Rule) -> Iterator[Match]:
    """An objective with no progress or regression in a region where more than
    ``threshold`` of the reporting Parties are in need, in an area linked to the
    objective's goal, and reached by no registered activity."""
    from cpbmonitor.core.evaluation.sections.capacity import region_numbers
    from cpbmonitor.core.evaluation.sections.common import assessment_of

    needs = inputs.capacity
    if needs is None or needs.unmapped is not None:
        return
    assessment = assessment_of(inputs)
    threshold = rule.threshold if rule.threshold is not None else 0.5
    for goal in inputs.plan.goals():
        owner = goal.capacity_building_set or goal.code
        linked = [a for a in needs.areas if any(k.partition(" ")[0] == owner for k in a.key_areas)]
        for objective in goal.objectives:
            for region in REGIONS:
                status = assessment.status(objective.code, region)
                if status is None or status.status != "no progress or regression":
                    continue
                for area in linked:
                    figures = area.regions.get(region)
                    if figures is None or figures.unreached is None or not figures.reporting:
                        continue
                    if figures.unreached / figures.reporting <= threshold:
                        continue
                    n = region_numbers(area, region)
                    yield {
                        "region": group_label(region),
                        "area": f"{area.code} {area.text[:1].lower()}{area.text[1:]}",
                        "objective": objective.code,
                        "unreached": n["unreached"],
                        "reporting": n["reporting"],
                    }


@condition("need-without-key-area", "area", "parties")
def need_outside_plan(inputs: ReportInputs, rule: Rule) -> Iterator[Match]:
    """A needs area no key area covers, named by more than ``threshold`` of the reporting
    Parties."""
    needs = inputs.capacity
    if needs is None or needs.unmapped is not None or not needs.reporting_parties:
        return
    threshold = rule.threshold if rule.threshold is not None else 0.0
    for area in needs.areas:
        if area.key_areas or area.parties / needs.reporting_parties <= threshold:
            continue
        yield {
            "area": f"{area.code} {area.text[:1].lower()}{area.text[1:]}",
            "parties": number(area.parties, "count", Ref("needs", area.code, "parties")),
        }


@condition("region-reporting-below", "region", "share")
def late_reporting(inputs: ReportInputs, rule: Rule) -> Iterator[Match]:
    """A region where fewer than ``threshold`` of the Parties submitted a complete report
    of the cycle on time."""
    from cpbmonitor.core.evaluation.sections.front import reporting_numbers

    cycle = inputs.reporting.get(inputs.cycle)
    if cycle is None:
        return
    threshold = rule.threshold if rule.threshold is not None else 0.5
    for region in REGIONS:
        totals = cycle.totals.get(region)
        if totals is None or not totals.parties:
            continue
        if totals.complete_on_time / totals.parties >= threshold:
            continue
        share = reporting_numbers(cycle, region).get("share")
        if share is not None:
            yield {"region": group_label(region), "share": share}


@condition("goal-without-comparable-data", "goal")
def goal_without_data(inputs: ReportInputs, rule: Rule) -> Iterator[Match]:
    """A goal whose status is ``insufficient data`` for the world."""
    from cpbmonitor.core.evaluation.sections.common import assessment_of

    assessment = assessment_of(inputs)
    for goal in inputs.plan.goals():
        status = assessment.status(goal.code, GLOBAL)
        if status is not None and status.status == "insufficient data":
            yield {"goal": goal.code}
