"""Milestones set by the meeting of the Parties, and how the data compare with them.

Its input (``ReportInputs.milestones``) is optional; without it the section says that
milestones are not available; with an empty list, that none has been set.
"""

from __future__ import annotations

from collections.abc import Sequence

from cpbmonitor.core.evaluation.inputs import MilestoneAssessment, ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Notice,
    Number,
    Paragraph,
    Quote,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import date_number, group_label, number
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import number_cell
from cpbmonitor.core.evaluation.templates import say
from cpbmonitor.core.evaluation.words import tr

COLUMNS = (
    "Indicator",
    "Group",
    "Milestone",
    "Due by",
    "Baseline",
    "Latest",
    "Still needed",
    "Trend at the date",
    "Status",
)
NOT_AVAILABLE = "Milestones are not available in this report."
NONE_SET = "No milestone has been set."
DEMONSTRATION_MARK = "(demo)"
DEMONSTRATION = (
    f"Milestones marked {DEMONSTRATION_MARK} are demonstration milestones, made up to show "
    "how milestones are followed; the meeting of the Parties has not set them."
)


def milestone_key(m: MilestoneAssessment) -> str:
    return f"milestone-{m.indicator}-{m.group}-{m.target_date.isoformat()}"


def milestone_numbers(inputs: ReportInputs, m: MilestoneAssessment) -> dict[str, Number | None]:
    try:
        unit = inputs.evaluation.result(m.indicator).unit
    except KeyError:
        unit = "percent-of-parties"
    style = "count" if unit == "count" else "percent"
    key = milestone_key(m)
    values = {
        "target": (m.target_value, style),
        "baseline": (m.baseline_value, style),
        "latest": (m.latest_value, style),
        "needed": (m.needed, "count" if unit == "count" else "decimal"),
        "projected": (m.projected_value, style),
    }
    numbers: dict[str, Number | None] = {
        k: None if v is None else number(v, how, Ref(key, m.group, k))
        for k, (v, how) in values.items()
    }
    numbers["due"] = date_number(m.target_date, Ref(key, m.group, "due"))
    return numbers


def milestones_table(inputs: ReportInputs, milestones: Sequence[MilestoneAssessment]) -> Table:
    rows = []
    for m in milestones:
        n = milestone_numbers(inputs, m)
        label = f"{m.indicator} {DEMONSTRATION_MARK}" if m.demonstration else m.indicator
        rows.append(
            (
                Cell(label, "code"),
                Cell(group_label(m.group)),
                number_cell(n["target"], "percent"),
                number_cell(n["due"], "date"),
                number_cell(n["baseline"], "percent"),
                number_cell(n["latest"], "percent"),
                number_cell(n["needed"]),
                number_cell(n["projected"], "percent"),
                Cell(tr(m.status), "status"),
            )
        )
    return Table(
        "milestones",
        tr("Milestones and the trend since the baseline"),
        tuple(tr(c) for c in COLUMNS),
        tuple(rows),
    )


def milestone_sentence(inputs: ReportInputs, m: MilestoneAssessment) -> Sentence:
    n = milestone_numbers(inputs, m)
    target, due, latest, projected = n["target"], n["due"], n["latest"], n["projected"]
    assert target is not None and due is not None
    words: dict[str, Number | str] = {
        "code": m.indicator,
        "group": group_label(m.group),
        "target": target,
    }
    if m.status == "reached" and latest is not None:
        return say("milestone.reached", latest=latest, **words)
    if m.status in ("on track", "off track") and projected is not None:
        name = "milestone.on-track" if m.status == "on track" else "milestone.off-track"
        return say(name, projected=projected, due=due, **words)
    if m.status == "off track" and latest is not None:
        return say("milestone.passed", latest=latest, due=due, **words)
    return say("milestone.unassessed", due=due, **words)


@section("milestones", 60)
def milestones(inputs: ReportInputs) -> Section:
    from cpbmonitor.core.evaluation.sections.front import annex_source

    context = tuple(
        Quote(p.text, annex_source(inputs, p.number))
        for p in inputs.plan.narrative.priorities_and_programming[:1]
    )
    given = inputs.milestones
    blocks: tuple[Block, ...]
    if given is None:
        blocks = (*context, Notice("not-available", tr(NOT_AVAILABLE)))
    elif not given:
        blocks = (*context, Paragraph((tr(NONE_SET),)))
    else:
        sentences = tuple(milestone_sentence(inputs, m) for m in given)
        marked = (Notice("info", tr(DEMONSTRATION)),) if any(m.demonstration for m in given) else ()
        blocks = (*context, *marked, Paragraph(sentences), milestones_table(inputs, given))
    return Section("milestones", tr("Milestones"), blocks, sheet="Milestones" if given else None)
