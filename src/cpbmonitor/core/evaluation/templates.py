"""Sentence templates: named format strings whose fields are numbers (``Number``) or
words (codes, names, ordinals).

A template's own words hold no digit, so every digit of a generated sentence comes from
a field, and every number field keeps where it came from. ``say`` fills a template in::

    say("reporting.cycle", deadline=..., parties=..., ordinal="fifth")
"""

from __future__ import annotations

import re
import string

from cpbmonitor.core.evaluation.model import Number, Sentence

TEMPLATES: dict[str, str] = {}
_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template is malformed, or filled in with missing or unknown fields."""


def fields_of(text: str) -> list[str]:
    return [name for _lit, name, _spec, _conv in _FORMATTER.parse(text) if name is not None]


def template(name: str, text: str) -> None:
    """Register ``text`` under ``name``; its literal words must hold no digit."""
    literal = "".join(lit for lit, *_ in _FORMATTER.parse(text))
    if re.search(r"\d", literal):
        raise TemplateError(f"template {name!r} has a digit in its own words: {text!r}")
    if any(not f.isidentifier() for f in fields_of(text)):
        raise TemplateError(f"template {name!r} has a field that is not a plain name")
    if name in TEMPLATES:
        raise TemplateError(f"template {name!r} is registered twice")
    TEMPLATES[name] = text


def say(name: str, **fields: Number | str) -> Sentence:
    """The sentence of template ``name`` with ``fields`` filled in."""
    try:
        text = TEMPLATES[name]
    except KeyError:
        raise TemplateError(f"no sentence template {name!r}") from None
    wanted = fields_of(text)
    if set(wanted) != set(fields):
        raise TemplateError(
            f"template {name!r} takes fields {sorted(set(wanted))}, got {sorted(fields)}"
        )
    words = {k: v.text if isinstance(v, Number) else v for k, v in fields.items()}
    numbers = tuple(n for k in wanted if isinstance(n := fields[k], Number))
    sentence = text.format(**words)
    return Sentence(name, sentence[:1].upper() + sentence[1:], numbers)


# -- the templates ------------------------------------------------------------------------

for _name, _text in {
    # introduction
    "intro.purpose": (
        "This document measures each indicator of the plan in the {ordinal} national "
        "reports and compares it with the baseline of the {baseline} national reports, for "
        "the world and for each of the five regional groups."
    ),
    "intro.purpose.nobaseline": (
        "This document measures each indicator of the plan in the {ordinal} national "
        "reports, for the world and for each of the five regional groups."
    ),
    "plan.overview": (
        "Of the {indicators} indicators of the plan, {measured} could be measured in the "
        "{ordinal} reporting cycle and {compared} compared with the baseline: {improved} "
        "improved, {no_change} showed no change and {declined} declined. The change of "
        "{not_comparable} more is not comparable (a stand-in question, or options that "
        "changed between the formats) and that of {insufficient} rests on too few data; "
        "neither counts as improved or declined."
    ),
    # data and method
    "method.threshold": (
        "A change since the baseline counts as an improvement or a decline when it reaches "
        "the threshold of {threshold} (percentage points, or units for counts); a smaller "
        "change counts as no change."
    ),
    "reporting.cycle": (
        "The {ordinal} national reports were due by {deadline}. Of the {parties} Parties "
        "to the Protocol on that date, {complete_on_time} ({share}) submitted a complete "
        "report by the deadline, and {submitted} have submitted one in all."
    ),
    "reporting.range": (
        "The share of complete reports submitted on time was lowest among the {low_groups} "
        "({low}) and highest among the {high_groups} ({high})."
    ),
    # goals
    "goal.overview": (
        "Of the {indicators} {noun} of this goal, {measured} could be measured in the "
        "{ordinal} cycle and {compared} compared with the baseline: {improved} improved, "
        "{no_change} showed no change and {declined} declined; {not_comparable} more "
        "changed between values that are not comparable and {insufficient} on too few data."
    ),
    "goal.unmeasured": (
        "None of the {indicators} {noun} of this goal could be measured in the "
        "{ordinal} cycle; the table says why for each."
    ),
    "goal.declined": "Indicators that declined since the baseline: {codes}.",
    "goal.widest": (
        "The widest regional difference in this goal is for {code}: from {low} among the "
        "{low_groups} to {high} among the {high_groups}."
    ),
    # indicators: the value, then the change
    "indicator.parties": (
        "{code}: of the {denominator} {population}, {numerator} ({value}) meet the indicator."
    ),
    "indicator.records": (
        "{code}: of the {denominator} records concerned, {numerator} ({value}) meet the indicator."
    ),
    "indicator.count": "{code}: {value} in the {ordinal} cycle.",
    "indicator.up": "This is up from {baseline} at the baseline ({change} points).",
    "indicator.down": "This is down from {baseline} at the baseline ({change} points).",
    "indicator.same": "This is close to the baseline of {baseline} ({change} points).",
    "indicator.count.up": "This is up from {baseline} at the baseline ({change}).",
    "indicator.count.down": "This is down from {baseline} at the baseline ({change}).",
    "indicator.count.same": "This is close to the baseline of {baseline} ({change}).",
    "indicator.nobaseline": "There is no baseline value to compare it with.",
    "indicator.notcomparable": (
        "The baseline value was {baseline}, but the change is not comparable ({label}: "
        "{reason}) and is not counted."
    ),
    "indicator.fewdata": (
        "The baseline value was {baseline}; with fewer than {minimum} Parties or records "
        "in the denominator the change is not counted (insufficient data)."
    ),
    "indicator.region.up": "The largest increase was among the {groups} ({change} points).",
    "indicator.region.down": "The largest decrease was among the {groups} ({change} points).",
    # capacity-building
    "capacity.top": (
        "Of the {reporting} Parties with a {ordinal} national report, {parties} ({share}) "
        "named {area} as an area in which they still need capacity-building, the area named "
        "most often."
    ),
    "capacity.gaps": (
        "No key area of the Capacity-Building Action Plan is linked to these areas of "
        "need: {areas}."
    ),
    "capacity.covered": (
        "Every area of need is linked to at least one key area of the Capacity-Building "
        "Action Plan."
    ),
    "capacity.unreached": (
        "In these areas, some Parties in need are reached by no capacity-building activity "
        "registered for the period: {areas}."
    ),
    "capacity.reached": (
        "In every area, the capacity-building activities registered for the period reach "
        "each Party in need."
    ),
    # milestones
    "milestone.reached": ("{code} ({group}) has reached its milestone of {target}, with {latest}."),
    "milestone.on-track": (
        "{code} ({group}) is on track: the trend since the baseline reaches {projected} by "
        "{due}, against a milestone of {target}."
    ),
    "milestone.off-track": (
        "{code} ({group}) is off track: the trend since the baseline reaches {projected} by "
        "{due}, short of the milestone of {target}."
    ),
    "milestone.passed": (
        "{code} ({group}) is off track: the date of its milestone of {target}, {due}, had "
        "passed by the latest cycle, at {latest}."
    ),
    "milestone.unassessed": (
        "{code} ({group}) cannot be assessed yet against its milestone of {target} by {due}."
    ),
}.items():
    template(_name, _text)
