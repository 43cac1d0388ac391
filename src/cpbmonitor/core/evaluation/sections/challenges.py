"""Challenges in Parties' own words: how many Parties name each challenge in their answers
to the questions on challenges and needs, world and regions, and per goal; with short
quotes linked to their Party in each goal's section (``goal_blocks``).

Input: ``ReportInputs.texts`` (``None``: the section says the texts are not available);
the topics and the goals they concern are data (``core/analysis/data``)."""

from __future__ import annotations

from cpbmonitor.core.evaluation.inputs import ReportInputs
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
from cpbmonitor.core.evaluation.numbers import group_label, number, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import Challenges, challenges_of, number_cell
from cpbmonitor.core.evaluation.templates import say
from cpbmonitor.core.evaluation.words import tr
from cpbmonitor.core.indicators import GLOBAL, GROUPS

TOPICS_TABLE = "challenges"
GOALS_TABLE = "challenges-goals"
FEW = 0.1
"""A goal's challenges are "few" when fewer than this share of the writing Parties name one."""


def writing_number(found: Challenges, group: str = GLOBAL) -> Number:
    return number(found.writing.get(group, 0), "count", Ref(TOPICS_TABLE, "all", group))


def topic_number(found: Challenges, topic: str, group: str = GLOBAL) -> Number:
    return number(found.topics[topic].get(group, 0), "count", Ref(TOPICS_TABLE, topic, group))


def naming_number(found: Challenges, goal: str, group: str = GLOBAL) -> Number:
    return number(found.goals[goal].naming.get(group, 0), "count", Ref(GOALS_TABLE, goal, group))


def topics_table(inputs: ReportInputs, found: Challenges) -> Table:
    rows: list[tuple[Cell, ...]] = [
        (Cell(found.labels[t]), *(number_cell(topic_number(found, t, g)) for g in GROUPS))
        for t in found.topics
    ]
    rows.append(
        (Cell(tr("Parties writing")), *(number_cell(writing_number(found, g)) for g in GROUPS))
    )
    return Table(
        TOPICS_TABLE,
        tr("Parties naming each challenge in their own words, world and regional groups"),
        (tr("Topic"), *(group_label(g) for g in GROUPS)),
        tuple(rows),
        source=inputs.texts_source or None,
    )


def goals_table(inputs: ReportInputs, found: Challenges) -> Table:
    rows = tuple(
        (Cell(goal, "code"), *(number_cell(naming_number(found, goal, g)) for g in GROUPS))
        for goal in found.goals
    )
    return Table(
        GOALS_TABLE,
        tr("Parties naming a challenge that concerns each goal, world and regional groups"),
        (tr("Goal"), *(group_label(g) for g in GROUPS)),
        rows,
        source=inputs.texts_source or None,
    )


def goal_sentence(inputs: ReportInputs, found: Challenges, goal: str) -> Sentence:
    writing = writing_number(found)
    naming = naming_number(found, goal)
    cycle = ordinal(inputs.cycle)
    if not naming.value:
        return say("challenges.goal.none", writing=writing)
    top = found.goals[goal].topics[0]
    if found.goals[goal].naming.get(GLOBAL, 0) < FEW * found.writing.get(GLOBAL, 0):
        return say("challenges.goal.few", naming=naming, writing=writing, ordinal=cycle)
    return say(
        "challenges.goal",
        writing=writing,
        naming=naming,
        ordinal=cycle,
        topic=top.label,
        parties=topic_number(found, top.topic),
    )


def goal_blocks(inputs: ReportInputs, goal: str) -> list[Block]:
    """A goal's challenges: counts and up to two short quotes per topic (the Party's
    words, in its language, with the Party and question in the source)."""
    found = challenges_of(inputs)
    if found is None or goal not in found.goals:
        return []
    blocks: list[Block] = [Paragraph((goal_sentence(inputs, found, goal),))]
    for topic in found.goals[goal].topics[:2]:
        for quote in topic.quotes:
            source = tr("{party}, {ordinal} national report: {topic}").format(
                party=quote.government.upper(), ordinal=ordinal(inputs.cycle), topic=topic.label
            )
            blocks.append(Quote(quote.text, source, quote.language))
    return blocks


@section("challenges", 45)
def challenges_section(inputs: ReportInputs) -> Section:
    found = challenges_of(inputs)
    if found is None:
        blocks: tuple[Block, ...] = (
            Notice(
                "not-available",
                tr("What Parties wrote about their challenges is not available in this report."),
            ),
        )
        return Section("challenges", tr("Challenges reported by Parties"), blocks)
    intro = tr(
        "Parties describe their challenges and needs in their own words in the free-text "
        "answers of their national reports. A Party names a challenge when its text holds "
        "one of the words that name it (in English, French or Spanish); the challenges and "
        "the goals they concern are listed in the methodology."
    )
    return Section(
        "challenges",
        tr("Challenges reported by Parties"),
        (Paragraph((intro,)), topics_table(inputs, found), goals_table(inputs, found)),
        sheet=tr("Challenges"),
    )
