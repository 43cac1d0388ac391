"""A reporting cycle's methodology rules as a file of their own, added without code.

``methodology-<plan version>-cycle-<n>.yaml`` (shipped beside the methodology, or in an
extra data directory, see ``formats.extra``) gives, per indicator, what cycle ``n``
measures::

    plan: draft-2020
    cycle: 6
    derive_from: 5          # every rule of cycle 5, translated through the crosswalk
    snapshot: 2029-12-31    # records are read on this date (default: the deadline)
    indicators:             # what differs from the translation
    - code: B.3(b)
      rule: Q134 = true
    - code: A.9(c)
      no_rule: The sixth report does not ask it.
      # also: population_rule, snapshot, since, stand_in, not_comparable

``derive_from`` translates each rule of that cycle question by question through the
crosswalk between the two formats (``Q007`` -> ``Q207``; option values through the
crosswalk's value mapping). A rule reading a question with no counterpart in the new
format becomes a ``no_rule`` that names the question. Record measures get the new
cycle's snapshot and, for measures over a period, start after the previous cycle's
snapshot. The merged methodology is then checked like the shipped one: every rule
against the cycle's format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.formats.crosswalk import Crosswalk
from cpbmonitor.core.formats.model import Questionnaire
from cpbmonitor.core.indicators import rules
from cpbmonitor.core.indicators.methodology import IndicatorMethod, Methodology
from cpbmonitor.core.yamlfile import DataFileError, load_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CycleRule(_Strict):
    code: str = Field(pattern=r"^[AB]\.\d+\([a-z]\)$")
    rule: str | None = None
    population_rule: str | None = None
    no_rule: str | None = None
    snapshot: dt.date | None = None
    since: dt.date | None = None
    stand_in: str | None = None
    """This cycle's rule reads a different question standing in for the indicator's."""
    not_comparable: str | None = None
    """This cycle's value cannot be compared with other cycles' (and why)."""


class CycleRules(_Strict):
    plan: str
    cycle: int = Field(ge=1)
    derive_from: int | None = None
    snapshot: dt.date | None = None
    since: dt.date | None = None
    indicators: list[CycleRule] = Field(default_factory=list)


def cycle_rule_files(plan_version: str, dirs: tuple[Path, ...], shipped: Path) -> list[Path]:
    """The cycle files of ``plan_version``: shipped ones, then the extra directories'."""
    from cpbmonitor.core.formats.extra import extra_files

    pattern = f"methodology-{plan_version}-cycle-*.yaml"
    return sorted(shipped.glob(pattern)) + extra_files(pattern, dirs)


def translate(text: str, walk: Crosswalk, target: Questionnaire) -> tuple[str | None, str]:
    """``text`` with every question key and option value carried through ``walk``;
    ``(None, reason)`` when a question has no counterpart in ``target``."""
    node = rules.parse(text)
    edits: list[tuple[int, int, str]] = []
    for subject in rules.subjects(node):
        mapped = walk.map_question(subject.key)
        if mapped is None or mapped not in target:
            return None, (
                f"question {subject.key} of {walk.schema_from} has no counterpart in "
                f"{target.schema}"
            )
        edits.append((subject.pos, len(subject.key), mapped))
    for subject, value in rules.values_of(node):
        new = walk.map_value(subject.key, value)
        if new != value:
            for item in rules.walk(node):
                if isinstance(item, rules.Choice | rules.Count) and item.subject == subject:
                    for v, pos in zip(item.values.items, item.values.positions, strict=True):
                        if v == value and text[pos : pos + len(v)] == v:
                            edits.append((pos, len(v), new))
    out = text
    for pos, length, new in sorted(set(edits), reverse=True):
        out = out[:pos] + new + out[pos + length :]
    return out, ""


def merge(
    methodology: Methodology,
    extension: CycleRules,
    path: Path,
    walk: Crosswalk | None,
    target: Questionnaire | None,
) -> Methodology:
    """``methodology`` with cycle ``extension.cycle`` added from ``extension``."""
    n = extension.cycle
    if extension.plan != methodology.plan:
        raise DataFileError(path, f"field 'plan': {extension.plan!r} is not {methodology.plan!r}")
    if n in methodology.cycles:
        raise DataFileError(path, f"field 'cycle': cycle {n} is already in the methodology")
    source = extension.derive_from
    if source is not None and source not in methodology.cycles:
        raise DataFileError(
            path, f"field 'derive_from': cycle {source} is not in {methodology.cycles}"
        )
    overrides = {item.code: item for item in extension.indicators}
    known = {i.code for i in methodology.indicators}
    for i, item in enumerate(extension.indicators):
        if item.code not in known:
            raise DataFileError(
                path,
                f"indicators/{i}: indicator {item.code}, field 'code': not an indicator "
                f"of the {methodology.plan} methodology",
            )
    entries = [
        _extend(entry, n, source, extension, overrides.get(entry.code), walk, target)
        for entry in methodology.indicators
    ]
    return methodology.model_copy(
        update={"cycles": [*methodology.cycles, n], "indicators": entries}
    )


def _extend(
    entry: IndicatorMethod,
    n: int,
    source: int | None,
    extension: CycleRules,
    override: CycleRule | None,
    walk: Crosswalk | None,
    target: Questionnaire | None,
) -> IndicatorMethod:
    rules_, population, no_rule = (
        dict(entry.rules),
        dict(entry.population_rules),
        dict(entry.no_rule),
    )
    if entry.source == "national-reports" and source is not None:
        _derive(entry, n, source, walk, target, rules_, population, no_rule)
    update: dict[str, object] = {}
    if override is not None:
        if override.rule is not None:
            rules_[n] = override.rule
            no_rule.pop(n, None)
        if override.population_rule is not None:
            population[n] = override.population_rule
        if override.no_rule is not None:
            no_rule[n] = override.no_rule
            rules_.pop(n, None)
            population.pop(n, None)
        for name in ("stand_in", "not_comparable"):
            text = getattr(override, name)
            if text is not None:
                update[name] = {**getattr(entry, name), n: text}
    if entry.source == "national-reports" and n not in rules_ and n not in no_rule:
        no_rule[n] = f"no rule for cycle {n} is given"
    update.update(rules=rules_, population_rules=population, no_rule=no_rule)
    if entry.measure is not None or entry.secondary is not None:
        update.update(_timing(entry, n, extension, override))
    return entry.model_copy(update=update)


def _derive(
    entry: IndicatorMethod,
    n: int,
    source: int,
    walk: Crosswalk | None,
    target: Questionnaire | None,
    rules_: dict[int, str],
    population: dict[int, str],
    no_rule: dict[int, str],
) -> None:
    if source not in entry.rules:
        no_rule[n] = entry.no_rule.get(source, f"no rule in cycle {source}")
        return
    if walk is None or target is None:
        no_rule[n] = f"no crosswalk to derive cycle {n}'s rule from cycle {source}'s"
        return
    rule, why = translate(entry.rules[source], walk, target)
    population_rule: str | None = None
    if rule is not None and source in entry.population_rules:
        population_rule, why = translate(entry.population_rules[source], walk, target)
        if population_rule is None:
            rule = None
    if rule is None:
        no_rule[n] = why
        return
    rules_[n] = rule
    if population_rule is not None:
        population[n] = population_rule


def _timing(
    entry: IndicatorMethod, n: int, extension: CycleRules, override: CycleRule | None
) -> dict[str, object]:
    update: dict[str, object] = {}
    # an entry read a number of days before each deadline keeps that unless overridden
    shared = None if entry.before_deadline else extension.snapshot
    snapshot = (override.snapshot if override else None) or shared
    since = (override.since if override else None) or extension.since
    previous = max((c for c in entry.snapshots if c < n), default=None)
    if since is None and entry.since and previous is not None:
        since = entry.snapshots[previous]
    if entry.measure is not None:
        if snapshot is not None:
            update["snapshots"] = {**entry.snapshots, n: snapshot}
        if since is not None and entry.since:
            update["since"] = {**entry.since, n: since}
    return update


def load_cycle_rules(path: Path) -> CycleRules:
    return load_model(path, CycleRules)
