"""The executive summary: key messages computed from the comparable changes and the
progress statuses, each citing its figures and the table they are in, and the table of
the progress status of every goal for the world and each region.

Each message is chosen by the data: the goals on track (all, some, one, none), those
needing acceleration, those with no progress or regression, those without comparable
data, the regional group with the most goals behind, the largest comparable improvement
and decline, the largest unmet capacity-building need, the challenge Parties name most
often, and reporting. A change that is not comparable, or rests on too few data, never
enters a message (``assessment``)."""

from __future__ import annotations

from collections.abc import Callable

from cpbmonitor.core.evaluation.assessment import STATUSES, Assessment, Status
from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Message,
    Messages,
    Number,
    Paragraph,
    Ref,
    Section,
    Table,
)
from cpbmonitor.core.evaluation.numbers import group_label, join_words, number, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    assessment_of,
    challenges_of,
    indicator_number,
    number_cell,
)
from cpbmonitor.core.evaluation.templates import TEMPLATES, fields_of, say
from cpbmonitor.core.evaluation.words import tr
from cpbmonitor.core.indicators import GLOBAL, GROUPS, REGIONS

STATUS_TABLE = "status"
COUNT_ROWS: dict[Status, str] = {
    "on track": "Goals on track",
    "progress, acceleration needed": "Goals needing acceleration",
    "no progress or regression": "Goals with no progress or regression",
    "insufficient data": "Goals with insufficient data",
}


def goal_codes(inputs: ReportInputs) -> list[str]:
    return [g.code for g in inputs.plan.goals()]


def status_count(inputs: ReportInputs, status: Status, group: str) -> Number:
    assessment = assessment_of(inputs)
    count = sum(
        1
        for code in goal_codes(inputs)
        if (found := assessment.status(code, group)) is not None and found.status == status
    )
    return number(count, "count", Ref(STATUS_TABLE, group, status))


def goals_number(inputs: ReportInputs, group: str = GLOBAL) -> Number:
    return number(len(goal_codes(inputs)), "count", Ref(STATUS_TABLE, group, "goals"))


def codes_with(assessment: Assessment, codes: list[str], status: Status, group: str) -> list[str]:
    return [
        c for c in codes if (s := assessment.status(c, group)) is not None and s.status == status
    ]


def status_table(inputs: ReportInputs) -> Table:
    """Goal x group: the status; then per group the number of goals in each status."""
    assessment = assessment_of(inputs)
    rows: list[tuple[Cell, ...]] = []
    for goal in inputs.plan.goals():
        cells = [Cell(goal.code, "code")]
        for group in GROUPS:
            found = assessment.status(goal.code, group)
            cells.append(Cell(tr(found.status) if found else "", "status"))
        rows.append(tuple(cells))
    for status in STATUSES:
        rows.append(
            (
                Cell(tr(COUNT_ROWS[status])),
                *(number_cell(status_count(inputs, status, g)) for g in GROUPS),
            )
        )
    rows.append(
        (Cell(tr("Goals assessed")), *(number_cell(goals_number(inputs, g)) for g in GROUPS))
    )
    return Table(
        STATUS_TABLE,
        tr("Progress status of each goal, world and regional groups"),
        (tr("Goal"), *(group_label(g) for g in GROUPS)),
        tuple(rows),
        source=tr(assessment.source),
    )


# -- the messages ---------------------------------------------------------------------------

MessageMaker = Callable[[ReportInputs], Message | None]


def goals_message(status: Status, names: dict[str, str]) -> MessageMaker:
    """A message on the goals in ``status``; ``names``: template by how many (``many``,
    ``one``, ``none``)."""

    def make(inputs: ReportInputs) -> Message | None:
        assessment = assessment_of(inputs)
        codes = codes_with(assessment, goal_codes(inputs), status, GLOBAL)
        count = status_count(inputs, status, GLOBAL)
        kind = "none" if not codes else "one" if len(codes) == 1 else "many"
        name = names.get(kind)
        if name is None:
            return None
        fields: dict[str, Number | str] = {"count": count}
        text_fields: dict[str, Number | str] = {
            "codes": join_words(codes),
            "goals": goals_number(inputs),
        }
        wanted = set(fields_of(TEMPLATES[name]))
        fields |= {k: v for k, v in text_fields.items() if k in wanted}
        return Message(say(name, **fields), STATUS_TABLE)

    return make


def region_behind(inputs: ReportInputs) -> Message | None:
    counts = {r: status_count(inputs, "no progress or regression", r) for r in REGIONS}
    if not counts:
        return None
    worst = max(REGIONS, key=lambda r: (counts[r].value, -REGIONS.index(r)))
    top = counts[worst].value
    if not top or sum(1 for r in REGIONS if counts[r].value == top) > 1:
        return None
    return Message(
        say("summary.region-behind", region=group_label(worst), count=counts[worst]),
        STATUS_TABLE,
    )


def largest_change(direction: str) -> MessageMaker:
    def make(inputs: ReportInputs) -> Message | None:
        assessment = assessment_of(inputs)
        found = [
            (found_change.change, result)
            for result in inputs.evaluation.indicators
            if result.unit != "count"
            and (found_change := assessment.change(result.code)) is not None
            and found_change.comparable
            and found_change.change is not None
            and found_change.status == direction
        ]
        if not found:
            return None
        pick = max if direction == "improved" else min
        _, result = pick(found, key=lambda item: (item[0], item[1].code))
        change = indicator_number(result, GLOBAL, "change")
        value = indicator_number(result, GLOBAL, "value")
        if change is None or value is None:
            return None
        name = "summary.improved" if direction == "improved" else "summary.declined"
        return Message(
            say(name, code=result.code, change=change, value=value), f"goal-{result.goal}"
        )

    return make


def unmet_need(inputs: ReportInputs) -> Message | None:
    needs = inputs.capacity
    if needs is None or needs.unmapped is not None:
        return None
    areas = [a for a in needs.areas if a.unreached]
    if not areas:
        return None
    top = max(areas, key=lambda a: (a.unreached or 0, a.parties))
    return Message(
        say(
            "summary.unmet-need",
            area=f"{top.code} {top.text[:1].lower()}{top.text[1:]}",
            unreached=number(top.unreached or 0, "count", Ref("needs", top.code, "unreached")),
            parties=number(top.parties, "count", Ref("needs", top.code, "parties")),
        ),
        "needs",
    )


def challenge(inputs: ReportInputs) -> Message | None:
    found = challenges_of(inputs)
    if found is None or not found.topics:
        return None
    topic, counts = max(found.topics.items(), key=lambda item: (item[1][GLOBAL], item[0]))
    if not counts[GLOBAL]:
        return None
    parties = number(counts[GLOBAL], "count", Ref("challenges", topic, GLOBAL))
    return Message(
        say("summary.challenge", topic=found.labels[topic], parties=parties), "challenges"
    )


def reporting(inputs: ReportInputs) -> Message | None:
    from cpbmonitor.core.evaluation.sections.front import reporting_numbers

    cycle = inputs.reporting.get(inputs.cycle)
    if cycle is None or GLOBAL not in cycle.totals:
        return None
    world = reporting_numbers(cycle, GLOBAL)
    if "share" not in world:
        return None
    return Message(
        say(
            "summary.reporting",
            ordinal=ordinal(cycle.number),
            complete_on_time=world["complete_on_time"],
            parties=world["parties"],
            share=world["share"],
        ),
        f"reports-{cycle.number}",
    )


MESSAGES: tuple[MessageMaker, ...] = (
    goals_message(
        "on track",
        {
            "many": "summary.on-track",
            "one": "summary.on-track.one",
            "none": "summary.on-track.none",
        },
    ),
    goals_message(
        "progress, acceleration needed",
        {"many": "summary.acceleration", "one": "summary.acceleration.one"},
    ),
    goals_message(
        "no progress or regression",
        {
            "many": "summary.off-track",
            "one": "summary.off-track.one",
            "none": "summary.off-track.none",
        },
    ),
    goals_message(
        "insufficient data", {"many": "summary.insufficient", "one": "summary.insufficient.one"}
    ),
    region_behind,
    largest_change("improved"),
    largest_change("declined"),
    unmet_need,
    challenge,
    reporting,
)
"""The key messages, in order; a maker that finds nothing to say gives ``None``."""


def key_messages(inputs: ReportInputs) -> Messages:
    return Messages(tuple(m for make in MESSAGES if (m := make(inputs)) is not None))


@section("summary", 15)
def summary(inputs: ReportInputs) -> Section:
    assessment = assessment_of(inputs)
    intro = tr(
        "The key messages below are computed from the comparable changes since the baseline "
        "and the progress status of each goal; each cites its figures and the table they "
        "are in. Changes that are not comparable, or rest on too few data, are left out."
    )
    blocks: tuple[Block, ...] = (
        Paragraph((intro,)),
        key_messages(inputs),
        Paragraph((tr(" ".join(assessment.rules)),)) if assessment.rules else Paragraph(()),
        status_table(inputs),
    )
    return Section(
        "summary",
        tr("Executive summary"),
        tuple(b for b in blocks if not (isinstance(b, Paragraph) and not b.parts)),
    )
