"""One section per goal: the goal, its objectives, outcomes and indicators, a table of
the indicators (world and regions, baseline, current, change, status), a chart, and the
findings in sentences."""

from __future__ import annotations

from cpbmonitor.core.evaluation.charts import goal_chart
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Figure,
    Item,
    ItemList,
    Paragraph,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import DASH, group_label, join_words, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    fraction_cell,
    indicator_cell,
    indicator_number,
    is_measured,
    labels_at,
    plural,
    regions_with,
)
from cpbmonitor.core.evaluation.sections.front import summary_numbers
from cpbmonitor.core.evaluation.templates import say
from cpbmonitor.core.indicators import GLOBAL, GROUPS, IndicatorMethod, IndicatorResult
from cpbmonitor.core.indicators.comparability import LABELS
from cpbmonitor.core.plan.model import APPLIES_TO_LABELS, Goal

GOAL_COLUMNS = ("Indicator", "Group", "Baseline", "Current", "Parties counted", "Change", "Status")
POPULATIONS: dict[str, str] = {
    "reporting-parties": "Parties that answered in their {ordinal} national report",
    "all-parties": "Parties to the Protocol on the {ordinal} reporting deadline",
    "supplementary-protocol-parties": (
        "Parties to the Supplementary Protocol that answered in their {ordinal} national report"
    ),
    "gef-eligible-parties": "GEF-eligible Parties that answered in their {ordinal} national report",
    "parties-choosing": (
        "Parties of the indicator's population (see the annex) that answered in their "
        "{ordinal} national report"
    ),
    "parties-where": (
        "Parties of the indicator's population (see the annex) that answered in their "
        "{ordinal} national report"
    ),
}
ALL_PARTIES = "Parties to the Supplementary Protocol on the {ordinal} reporting deadline"


def population_words(entry: IndicatorMethod | None, population: str, cycle: int) -> str:
    sp = entry is not None and entry.population == "supplementary-protocol-parties"
    if sp and entry is not None and entry.count_non_reporting:
        return ALL_PARTIES.format(ordinal=ordinal(cycle))
    text = POPULATIONS.get(population, "Parties of the indicator's population")
    return text.format(ordinal=ordinal(cycle))


# -- the table ------------------------------------------------------------------------------


def unmeasured_reason(inputs: ReportInputs, result: IndicatorResult) -> str:
    """A word or two on why an indicator has no value (the note is listed below)."""
    entry = inputs.methodology.entry(result.code)
    if entry is not None and entry.source == "not-measurable":
        return "not measurable"
    note = result.overall.note or ""
    return "pending" if note.startswith("pending") else "no data"


def indicator_rows(inputs: ReportInputs, result: IndicatorResult) -> list[tuple[Cell, ...]]:
    code = Cell(result.code, "code")
    if not is_measured(result):
        empty = Cell(DASH)
        return [
            (
                code,
                Cell("World and regions"),
                empty,
                empty,
                empty,
                empty,
                Cell(unmeasured_reason(inputs, result), "status"),
            )
        ]
    return [
        (
            code,
            Cell(group_label(group)),
            indicator_cell(result, group, "baseline_value"),
            indicator_cell(result, group, "value"),
            fraction_cell(result, group),
            indicator_cell(result, group, "change"),
            Cell(
                status_text(result.groups[group].status, result.groups[group].comparability),
                "status",
            ),
        )
        for group in GROUPS
    ]


def status_text(status: str | None, comparability: str | None) -> str:
    """The status of a change, with the kind of comparability when it is not counted."""
    if status == "not comparable" and comparability is not None and comparability in LABELS:
        return f"not comparable ({LABELS[comparability]})"
    return status or DASH


def goal_table(inputs: ReportInputs, goal: Goal, results: list[IndicatorResult]) -> Table:
    rows = [row for result in results for row in indicator_rows(inputs, result)]
    return Table(
        f"goal-{goal.code}",
        f"Indicators of goal {goal.code}: world and regional groups",
        GOAL_COLUMNS,
        tuple(rows),
        span_first_column=True,
    )


# -- the findings ---------------------------------------------------------------------------


def value_sentence(inputs: ReportInputs, result: IndicatorResult) -> Sentence | None:
    n = {f: indicator_number(result, GLOBAL, f) for f in ("numerator", "denominator", "value")}
    if n["value"] is None:
        return None
    if result.unit == "count":
        return say(
            "indicator.count", code=result.code, value=n["value"], ordinal=ordinal(inputs.cycle)
        )
    if n["numerator"] is None or n["denominator"] is None:
        return None
    if result.unit == "percent-of-records":
        return say(
            "indicator.records",
            code=result.code,
            denominator=n["denominator"],
            numerator=n["numerator"],
            value=n["value"],
        )
    entry = inputs.methodology.entry(result.code)
    population = population_words(entry, result.population, inputs.cycle)
    return say(
        "indicator.parties",
        code=result.code,
        denominator=n["denominator"],
        population=population,
        numerator=n["numerator"],
        value=n["value"],
    )


TREND = {"improved": "up", "declined": "down", "no change": "same"}


def change_sentence(result: IndicatorResult, minimum: int = 10) -> Sentence | None:
    world = result.overall
    if world.value is None:
        return None
    baseline = indicator_number(result, GLOBAL, "baseline_value")
    change = indicator_number(result, GLOBAL, "change")
    if baseline is None or change is None or world.status is None:
        return say("indicator.nobaseline")
    if world.status == "not comparable":
        return say(
            "indicator.notcomparable",
            baseline=baseline,
            label=LABELS.get(world.comparability or "", "not comparable"),
            reason=(world.comparability_reason or "").rstrip("."),
        )
    if world.status == "insufficient data":
        return say("indicator.fewdata", baseline=baseline, minimum=str(minimum))
    kind = ".count" if result.unit == "count" else ""
    return say(f"indicator{kind}.{TREND[world.status]}", baseline=baseline, change=change)


def region_sentence(result: IndicatorResult, threshold: float) -> Sentence | None:
    """The regional group(s) with the largest change, in the direction of the world's."""
    if result.unit == "count":
        return None
    changes = {g.group: g.change for g in regions_with(result, "change") if g.change is not None}
    if not changes:
        return None
    status = result.overall.status
    if status == "declined":
        pick = min(changes, key=lambda g: changes[g])
    elif status == "improved":
        pick = max(changes, key=lambda g: changes[g])
    else:
        pick = max(changes, key=lambda g: abs(changes[g]))
    change = changes[pick]
    if abs(change) < threshold or (status == "improved" and change < 0):
        return None
    if status == "declined" and change > 0:
        return None
    number = indicator_number(result, pick, "change")
    assert number is not None
    direction = "up" if change > 0 else "down"
    return say(f"indicator.region.{direction}", groups=labels_at(changes, change), change=number)


def indicator_paragraph(inputs: ReportInputs, result: IndicatorResult) -> Paragraph | None:
    threshold = inputs.evaluation.settings.change_threshold
    sentences = [
        s
        for s in (
            value_sentence(inputs, result),
            change_sentence(result, inputs.evaluation.settings.min_denominator),
            region_sentence(result, threshold),
        )
        if s is not None
    ]
    return Paragraph(tuple(sentences)) if sentences else None


def widest_sentence(results: list[IndicatorResult]) -> Sentence | None:
    """The indicator of the goal with the widest range of regional values."""
    best: tuple[float, IndicatorResult, dict[str, float]] | None = None
    for result in results:
        if result.unit == "count":
            continue
        values = {g.group: g.value for g in regions_with(result, "value") if g.value is not None}
        if len(values) < 2:
            continue
        spread = max(values.values()) - min(values.values())
        if spread > 0 and (best is None or spread > best[0]):
            best = (spread, result, values)
    if best is None:
        return None
    _, result, values = best
    low = min(values, key=lambda g: values[g])
    high = max(values, key=lambda g: values[g])
    low_n = indicator_number(result, low, "value")
    high_n = indicator_number(result, high, "value")
    assert low_n is not None and high_n is not None
    return say(
        "goal.widest",
        code=result.code,
        low=low_n,
        low_groups=labels_at(values, values[low]),
        high=high_n,
        high_groups=labels_at(values, values[high]),
    )


def overview_paragraph(
    inputs: ReportInputs, goal: Goal, results: list[IndicatorResult]
) -> Paragraph:
    summary = next(s for s in inputs.evaluation.goals if s.code == goal.code)
    numbers = summary_numbers(inputs, summary, goal.code)
    noun = plural(len(summary.indicators), "indicator")
    if numbers["measured"].value == 0:
        return Paragraph(
            (
                say(
                    "goal.unmeasured",
                    indicators=numbers["indicators"],
                    noun=noun,
                    ordinal=ordinal(inputs.cycle),
                ),
            )
        )
    sentences = [say("goal.overview", ordinal=ordinal(inputs.cycle), noun=noun, **numbers)]
    declined = [r.code for r in results if r.overall.status == "declined"]
    if declined:
        sentences.append(say("goal.declined", codes=join_words(declined)))
    widest = widest_sentence(results)
    if widest is not None:
        sentences.append(widest)
    return Paragraph(tuple(sentences))


# -- the section ----------------------------------------------------------------------------


def goal_lists(inputs: ReportInputs, goal: Goal) -> list[Block]:
    measured_by = {
        o.code: [i.code for i in goal.indicators if o.code in i.objectives] for o in goal.objectives
    }
    objectives = tuple(
        Item(
            o.code,
            o.text
            + (f" (indicators: {', '.join(measured_by[o.code])})" if measured_by[o.code] else ""),
        )
        for o in goal.objectives
    )
    blocks: list[Block] = [ItemList(objectives, "Objectives")]
    if goal.outcomes:
        blocks.append(ItemList(tuple(Item("", text) for text in goal.outcomes), "Outcomes"))
    if inputs.linkages is not None:
        links = tuple(
            Item(link.framework, f"{link.target} ({link.basis})")
            for link in inputs.linkages
            if link.goal == goal.code
        )
        if links:
            blocks.append(ItemList(links, "Linkages"))
    indicators = tuple(Item(i.code, i.text) for i in goal.indicators)
    blocks.append(ItemList(indicators, "Indicators"))
    return blocks


def unmeasured_list(results: list[IndicatorResult]) -> list[Block]:
    items = tuple(Item(r.code, r.overall.note or "no value") for r in results if not is_measured(r))
    return [ItemList(items, "Not measured")] if items else []


def goal_section(inputs: ReportInputs, goal: Goal) -> Section:
    evaluation = inputs.evaluation
    results = [evaluation.result(i.code) for i in goal.indicators]
    blocks = goal_lists(inputs, goal)
    if goal.applies_to != "all":
        blocks.insert(0, Paragraph((f"This goal concerns {APPLIES_TO_LABELS[goal.applies_to]}.",)))
    blocks.append(overview_paragraph(inputs, goal, results))
    blocks.append(goal_table(inputs, goal, results))
    blocks.append(
        Figure(
            f"chart-{goal.code}",
            f"Goal {goal.code}: each indicator at the baseline and now, world and regional groups",
            goal_chart(
                results,
                evaluation.cycle.number,
                evaluation.baseline.number if evaluation.baseline else None,
            ),
            f"Bar chart of the indicators of goal {goal.code}; the figures are in the table above.",
        )
    )
    blocks += [
        p
        for r in results
        if r.overall.value is not None
        if (p := indicator_paragraph(inputs, r)) is not None
    ]
    blocks += unmeasured_list(results)
    return Section(
        f"goal-{goal.code}",
        f"Goal {goal.code}: {goal.title}",
        tuple(blocks),
        sheet=f"Goal {goal.code}",
        new_page=True,
    )


@section("goals", 40)
def goals(inputs: ReportInputs) -> Section:
    children = tuple(goal_section(inputs, goal) for goal in inputs.plan.goals())
    intro = Paragraph(
        (
            "For each goal: its objectives, outcomes and indicators, the findings, a table of "
            "every indicator for the world and each regional group, and a chart.",
        )
    )
    return Section("goals", "Findings by goal", (intro,), children)
