"""One section per goal: the goal, its objectives, outcomes and indicators, a table of
the indicators (world and regions, baseline, current, change, status), a chart, and the
findings in sentences."""

from __future__ import annotations

from cpbmonitor.core.capacity.contribution import CAVEAT, Contribution
from cpbmonitor.core.evaluation.charts import goal_chart
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Figure,
    Item,
    ItemList,
    Number,
    Paragraph,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import (
    DASH,
    group_label,
    is_french,
    join_words,
    number,
    ordinal,
)
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.challenges import goal_blocks
from cpbmonitor.core.evaluation.sections.common import (
    assessment_of,
    fraction_cell,
    indicator_cell,
    indicator_number,
    is_measured,
    labels_at,
    number_cell,
    plural,
    regions_with,
)
from cpbmonitor.core.evaluation.sections.front import summary_numbers
from cpbmonitor.core.evaluation.templates import TEMPLATES, fields_of, say
from cpbmonitor.core.evaluation.words import FRENCH, tr
from cpbmonitor.core.indicators import GLOBAL, GROUPS, REGIONS, IndicatorMethod, IndicatorResult
from cpbmonitor.core.indicators.comparability import LABELS
from cpbmonitor.core.plan.model import APPLIES_TO_LABELS, Goal

GOAL_COLUMNS = ("Indicator", "Group", "Baseline", "Current", "Parties counted", "Change", "Status")
SHARP = 10.0
"""A change of at least this many points (or units) is called marked."""
MOST, FEW = 50.0, 25.0
"""Shares (percent) from which most, and under which only few, Parties meet an indicator."""
POPULATIONS_FR: dict[str, str] = {
    "reporting-parties": "Parties ayant répondu dans leurs {ordinal} rapports nationaux",
    "all-parties": "Parties au Protocole à l'échéance des {ordinal} rapports",
    "supplementary-protocol-parties": (
        "Parties au Protocole additionnel ayant répondu dans leurs {ordinal} rapports nationaux"
    ),
    "gef-eligible-parties": (
        "Parties admissibles au FEM ayant répondu dans leurs {ordinal} rapports nationaux"
    ),
    "parties-choosing": (
        "Parties de la population de l'indicateur (voir l'annexe) ayant répondu dans leurs "
        "{ordinal} rapports nationaux"
    ),
    "parties-where": (
        "Parties de la population de l'indicateur (voir l'annexe) ayant répondu dans leurs "
        "{ordinal} rapports nationaux"
    ),
}
ALL_PARTIES_FR = "Parties au Protocole additionnel à l'échéance des {ordinal} rapports"
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
    french = is_french()
    if sp and entry is not None and entry.count_non_reporting:
        return (ALL_PARTIES_FR if french else ALL_PARTIES).format(ordinal=ordinal(cycle))
    default = (
        "Parties de la population de l'indicateur"
        if french
        else ("Parties of the indicator's population")
    )
    text = (POPULATIONS_FR if french else POPULATIONS).get(population, default)
    return text.format(ordinal=ordinal(cycle))


# -- the table ------------------------------------------------------------------------------


def unmeasured_reason(inputs: ReportInputs, result: IndicatorResult) -> str:
    """A word or two on why an indicator has no value (the note is listed below)."""
    entry = inputs.methodology.entry(result.code)
    if entry is not None and entry.source == "not-measurable":
        return tr("not measurable")
    note = result.overall.note or ""
    return tr("pending") if note.startswith("pending") else tr("no data")


def indicator_rows(inputs: ReportInputs, result: IndicatorResult) -> list[tuple[Cell, ...]]:
    code = Cell(result.code, "code")
    if not is_measured(result):
        empty = Cell(DASH)
        return [
            (
                code,
                Cell(tr("World and regions")),
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
        return f"{tr('not comparable')} ({tr(LABELS[comparability])})"
    return tr(status) if status else DASH


def goal_table(inputs: ReportInputs, goal: Goal, results: list[IndicatorResult]) -> Table:
    rows = [row for result in results for row in indicator_rows(inputs, result)]
    return Table(
        f"goal-{goal.code}",
        tr("Indicators of goal {code}: world and regional groups").format(code=goal.code),
        tuple(tr(c) for c in GOAL_COLUMNS),
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
    name = value_template(result)
    fields: dict[str, Number | str] = {
        "code": result.code,
        "denominator": n["denominator"],
        "population": population,
        "numerator": n["numerator"],
        "value": n["value"],
    }
    wanted = set(fields_of(TEMPLATES[name]))  # "all" needs no numerator: it is the whole
    return say(name, **{k: v for k, v in fields.items() if k in wanted})


TREND = {"improved": "up", "declined": "down", "no change": "same"}


def value_template(result: IndicatorResult) -> str:
    """The value sentence that fits the share: all, none, most, few, or plainly."""
    world = result.overall
    if world.numerator is not None and world.numerator == world.denominator:
        return "indicator.parties.all"
    if world.numerator == 0:
        return "indicator.parties.none"
    if world.value is not None and world.value > MOST:  # half is not most
        return "indicator.parties.most"
    if world.value is not None and world.value < FEW:
        return "indicator.parties.few"
    return "indicator.parties"


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
            label=tr(LABELS.get(world.comparability or "", "not comparable")),
            reason=(world.comparability_reason or "").rstrip("."),
        )
    if world.status == "insufficient data":
        return say("indicator.fewdata", baseline=baseline, minimum=str(minimum))
    kind = ".count" if result.unit == "count" else ""
    trend = TREND[world.status]
    sharp = ".sharp" if trend != "same" and abs(world.change or 0) >= SHARP else ""
    return say(f"indicator{kind}.{trend}{sharp}", baseline=baseline, change=change)


def region_sentence(result: IndicatorResult, threshold: float) -> Sentence | None:
    """The regional group(s) with the largest change, in the direction of the world's."""
    if result.unit == "count":
        return None
    changes = {g.group: g.change for g in regions_with(result, "change") if g.change is not None}
    if not changes:
        return None
    status = result.overall.status
    if status not in TREND:
        return None  # a change that is not comparable, or rests on too few data
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


def against_sentence(result: IndicatorResult, threshold: float) -> Sentence | None:
    """The regional group(s) that moved against a comparable world improvement or
    decline by at least the threshold."""
    status = result.overall.status
    if result.unit == "count" or status not in ("improved", "declined"):
        return None
    changes = {g.group: g.change for g in regions_with(result, "change") if g.change is not None}
    if not changes:
        return None
    sign = 1 if status == "improved" else -1
    pick = min(changes, key=lambda g: sign * changes[g])
    if sign * changes[pick] > -threshold:
        return None
    number = indicator_number(result, pick, "change")
    assert number is not None
    return say("indicator.region.against", groups=labels_at(changes, changes[pick]), change=number)


def indicator_paragraph(inputs: ReportInputs, result: IndicatorResult) -> Paragraph | None:
    threshold = inputs.evaluation.settings.change_threshold
    sentences = [
        s
        for s in (
            value_sentence(inputs, result),
            change_sentence(result, inputs.evaluation.settings.min_denominator),
            region_sentence(result, threshold),
            against_sentence(result, threshold),
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
    noun = tr(plural(len(summary.indicators), "indicator"))
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
            + (
                f" ({tr('indicators')}: {', '.join(measured_by[o.code])})"
                if measured_by[o.code]
                else ""
            ),
        )
        for o in goal.objectives
    )
    blocks: list[Block] = [ItemList(objectives, tr("Objectives"))]
    if goal.outcomes:
        blocks.append(ItemList(tuple(Item("", text) for text in goal.outcomes), tr("Outcomes")))
    if inputs.linkages is not None:
        links = tuple(
            Item(link.framework, f"{link.target} ({link.basis})")
            for link in inputs.linkages
            if link.goal == goal.code
        )
        if links:
            blocks.append(ItemList(links, tr("Linkages")))
    indicators = tuple(Item(i.code, i.text) for i in goal.indicators)
    blocks.append(ItemList(indicators, tr("Indicators")))
    return blocks


def unmeasured_list(results: list[IndicatorResult]) -> list[Block]:
    items = tuple(
        Item(r.code, r.overall.note or tr("no value")) for r in results if not is_measured(r)
    )
    return [ItemList(items, tr("Not measured"))] if items else []


def status_blocks(inputs: ReportInputs, goal: Goal) -> list[Block]:
    """The goal's status with its reasons, the regions behind, and a table of the status
    of each objective, world and regions."""
    assessment = assessment_of(inputs)
    found = assessment.status(goal.code)
    if found is None:
        return []
    sentences = [say("goal.status", status=tr(found.status), reasons=_reasons(found.reasons))]
    behind = [
        r
        for r in REGIONS
        if (s := assessment.status(goal.code, r)) is not None
        and s.status == "no progress or regression"
    ]
    if behind and found.status != "no progress or regression":
        sentences.append(
            say("goal.status.regions", behind=join_words(group_label(r) for r in behind))
        )
    rows = []
    for objective in goal.objectives:
        world = assessment.status(objective.code)
        if world is None:
            continue
        cells = [Cell(objective.code, "code")]
        for group in GROUPS:
            status = assessment.status(objective.code, group)
            cells.append(Cell(tr(status.status) if status else DASH, "status"))
        cells.append(Cell(_reasons(world.reasons)))
        rows.append(tuple(cells))
    table = Table(
        f"objectives-{goal.code}",
        tr(
            "Progress status of the objectives of goal {code}, with the reasons for the world"
        ).format(code=goal.code),
        (tr("Objective"), *(group_label(g) for g in GROUPS), tr("Reasons")),
        tuple(rows),
        source=tr(assessment.source),
    )
    return [Paragraph(tuple(sentences)), table]


def _reasons(reasons: tuple[str, ...]) -> str:
    words = {"improved", "no change", "declined"}
    out = []
    for reason in reasons:
        codes, _, word = reason.rpartition(" ")
        if reason.endswith("no change"):
            codes, word = reason[: -len(" no change")], "no change"
        if word in words and codes:
            out.append(f"{codes} {tr(word)}")
        else:  # a reason already in the document's language, or a known phrase
            out.append(tr(reason) if reason in FRENCH else reason)
    return "; ".join(out)


def capacity_blocks(inputs: ReportInputs, goal: Goal) -> list[Block]:
    """The needs linked to the goal's key areas, and the change among the Parties reached
    by targeted activities serving the goal against the others."""
    blocks: list[Block] = []
    owner = goal.capacity_building_set or goal.code
    needs = inputs.capacity
    if needs is not None and needs.unmapped is None:
        linked = [a for a in needs.areas if any(k.partition(" ")[0] == owner for k in a.key_areas)]
        sentences: list[Sentence | str] = []
        for area in linked:
            name = f"{area.code} {area.text}"
            parties = number(area.parties, "count", Ref("needs", area.code, "parties"))
            if area.unreached is None:
                continue
            if area.unreached:
                unreached = number(area.unreached, "count", Ref("needs", area.code, "unreached"))
                sentences.append(
                    say("capacity.goal.need", area=name, parties=parties, unreached=unreached)
                )
            else:
                sentences.append(say("capacity.goal.need.met", area=name, parties=parties))
        if sentences:
            blocks.append(Paragraph((tr("The needs linked to this goal's key areas:"), *sentences)))
    blocks += contribution_blocks(inputs, goal)
    return blocks


MIN_SIDE = 10
"""Fewer Parties than this on either side: the comparison is not shown (too few data)."""
CONTRIBUTION_FIELDS = (
    "activities",
    "reached",
    "reached_change",
    "others",
    "other_change",
    "difference",
)


def contribution_blocks(inputs: ReportInputs, goal: Goal) -> list[Block]:
    if inputs.contributions is None:
        return []
    assessment = assessment_of(inputs)
    rows_of = [
        c
        for c in inputs.contributions
        if c.goal == goal.code
        and assessment.comparable(c.indicator)
        and c.reached.parties >= MIN_SIDE
        and c.not_reached.parties >= MIN_SIDE
        and c.difference is not None
    ]
    if not rows_of:
        return []
    key = f"contribution-{goal.code}"

    def n(item: Contribution, field: str) -> Number:
        values = {
            "activities": (item.activities, "count"),
            "reached": (item.reached.parties, "count"),
            "reached_change": (item.reached.change or 0.0, "points"),
            "others": (item.not_reached.parties, "count"),
            "other_change": (item.not_reached.change or 0.0, "points"),
            "difference": (item.difference or 0.0, "points"),
        }
        value, style = values[field]
        return number(value, style, Ref(key, item.indicator, field))

    rows = tuple(
        (Cell(c.indicator, "code"), *(number_cell(n(c, f), "number") for f in CONTRIBUTION_FIELDS))
        for c in rows_of
    )
    table = Table(
        key,
        tr(
            "Change among Parties reached and not reached by targeted capacity-building "
            "activities serving goal {code} (percentage points)"
        ).format(code=goal.code),
        tuple(
            tr(c)
            for c in (
                "Indicator",
                "Activities",
                "Reached: Parties",
                "Reached: change",
                "Not reached: Parties",
                "Not reached: change",
                "Difference",
            )
        ),
        rows,
    )
    top = max(rows_of, key=lambda c: (abs(c.difference or 0), c.indicator))
    sentence = say(
        "contribution.more",
        reached=n(top, "reached"),
        code=top.indicator,
        reached_change=n(top, "reached_change"),
        other_change=n(top, "other_change"),
        others=n(top, "others"),
    )
    return [Paragraph((sentence, tr(CAVEAT))), table]


def findings_blocks(
    inputs: ReportInputs, goal: Goal, results: list[IndicatorResult]
) -> list[Block]:
    evaluation = inputs.evaluation
    blocks: list[Block] = [
        overview_paragraph(inputs, goal, results),
        goal_table(inputs, goal, results),
    ]
    blocks.append(
        Figure(
            f"chart-{goal.code}",
            tr(
                "Goal {code}: each indicator at the baseline and now, world and regional groups"
            ).format(code=goal.code),
            goal_chart(
                results,
                evaluation.cycle.number,
                evaluation.baseline.number if evaluation.baseline else None,
            ),
            tr(
                "Bar chart of the indicators of goal {code}; the figures are in the table above."
            ).format(code=goal.code),
        )
    )
    blocks += [
        p
        for r in results
        if r.overall.value is not None
        if (p := indicator_paragraph(inputs, r)) is not None
    ]
    blocks += unmeasured_list(results)
    return blocks


def goal_section(inputs: ReportInputs, goal: Goal) -> Section:
    results = [inputs.evaluation.result(i.code) for i in goal.indicators]
    blocks = goal_lists(inputs, goal)
    if goal.applies_to != "all":
        concerns = tr("This goal concerns {who}.").format(who=APPLIES_TO_LABELS[goal.applies_to])
        blocks.insert(0, Paragraph((concerns,)))
    parts = [
        ("status", "Status of the objectives", status_blocks(inputs, goal)),
        ("findings", "Findings", findings_blocks(inputs, goal, results)),
        ("challenges", "Challenges", goal_blocks(inputs, goal.code)),
        ("capacity", "Capacity-building", capacity_blocks(inputs, goal)),
    ]
    children = tuple(
        Section(f"goal-{goal.code}-{key}", tr(title), tuple(found))
        for key, title, found in parts
        if found
    )
    return Section(
        f"goal-{goal.code}",
        tr("Goal {code}: {title}").format(code=goal.code, title=goal.title),
        tuple(blocks),
        children,
        sheet=tr("Goal {code}").format(code=goal.code),
        new_page=True,
    )


@section("goals", 40)
def goals(inputs: ReportInputs) -> Section:
    children = tuple(goal_section(inputs, goal) for goal in inputs.plan.goals())
    intro = Paragraph(
        (
            tr(
                "For each goal: its objectives, outcomes and indicators; the progress status "
                "of each objective with its reasons; the findings, with a table of every "
                "indicator for the world and each regional group and a chart; the challenges "
                "Parties name in their own words; and the capacity-building needs and "
                "activities linked to it."
            ),
        )
    )
    return Section("goals", tr("Findings by goal"), (intro,), children)
