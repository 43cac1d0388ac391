"""Capacity-building needs reported by Parties, the key areas of the Capacity-Building
Action Plan linked to them (coverage gaps: needs with no key area) and, where activities
are counted, the registered activities and the Parties in need they do not reach.

Its input (``ReportInputs.capacity``) is optional; without it the section says that
the information is not available. For a plan version without an Action Plan
(``CapacityNeeds.unmapped``) the needs are shown alone, with the reason.
"""

from __future__ import annotations

from cpbmonitor.core.evaluation.inputs import CapacityNeeds, NeedArea, ReportInputs
from cpbmonitor.core.evaluation.model import (
    Block,
    Cell,
    Notice,
    Paragraph,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import DASH, day, join_words, number, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    count_cell,
    number_cell,
    percent_of,
)
from cpbmonitor.core.evaluation.templates import say

NOT_AVAILABLE = (
    "The capacity-building needs reported by Parties and their coverage by the key areas "
    "of the Capacity-Building Action Plan are not available in this report."
)
COLUMNS = ("Area", "Need", "Parties", "Share of reporting Parties")
MAPPED_COLUMNS = ("Key areas linked",)
REACH_COLUMNS = ("Activities registered", "Parties in need not reached")


def is_mapped(needs: CapacityNeeds) -> bool:
    return needs.unmapped is None


def has_reach(needs: CapacityNeeds) -> bool:
    return any(a.activities is not None or a.unreached is not None for a in needs.areas)


def area_cells(needs: CapacityNeeds, area: NeedArea) -> tuple[Cell, ...]:
    share = percent_of(area.parties, needs.reporting_parties)
    cells = [
        Cell(area.code, "code"),
        Cell(area.text),
        count_cell(area.parties, Ref("needs", area.code, "parties")),
        number_cell(
            None if share is None else number(share, "percent", Ref("needs", area.code, "share")),
            "percent",
        ),
    ]
    if is_mapped(needs):
        cells.append(Cell(", ".join(area.key_areas) or "none (gap)", "code"))
    if has_reach(needs):
        for value, name in ((area.activities, "activities"), (area.unreached, "unreached")):
            cells.append(
                Cell(DASH) if value is None else count_cell(value, Ref("needs", area.code, name))
            )
    return tuple(cells)


def needs_caption(needs: CapacityNeeds) -> str:
    caption = (
        f"Areas in which Parties reported needing capacity-building ({ordinal(needs.cycle)} "
        f"national reports; {needs.source})"
    )
    if is_mapped(needs):
        caption += " and the key areas linked to them"
    if needs.period is not None and has_reach(needs):
        start, end = needs.period
        caption += f"; activities registered for {day(start)} to {day(end)}"
    return caption


def needs_table(needs: CapacityNeeds) -> Table:
    columns = (
        COLUMNS
        + (MAPPED_COLUMNS if is_mapped(needs) else ())
        + (REACH_COLUMNS if has_reach(needs) else ())
    )
    rows = [area_cells(needs, area) for area in needs.areas]
    reporting = count_cell(needs.reporting_parties, Ref("needs", "all", "reporting"))
    total = (Cell(""), Cell("Parties with a national report of the cycle"), reporting, Cell(DASH))
    rows.append(total + tuple(Cell("") for _ in columns[len(total) :]))
    return Table("needs", needs_caption(needs), columns, tuple(rows))


def top_sentence(needs: CapacityNeeds) -> Sentence | None:
    if not needs.areas or not needs.reporting_parties:
        return None
    top = max(needs.areas, key=lambda a: a.parties)
    share = percent_of(top.parties, needs.reporting_parties)
    assert share is not None
    return say(
        "capacity.top",
        reporting=number(needs.reporting_parties, "count", Ref("needs", "all", "reporting")),
        ordinal=ordinal(needs.cycle),
        parties=number(top.parties, "count", Ref("needs", top.code, "parties")),
        share=number(share, "percent", Ref("needs", top.code, "share")),
        area=top.text[:1].lower() + top.text[1:],
    )


def named(areas: list[NeedArea]) -> str:
    return join_words(f"{a.code} {a.text}" for a in areas)


def gap_sentences(needs: CapacityNeeds) -> list[Sentence]:
    """The areas no key area covers, and those with Parties in need no activity reaches."""
    sentences = []
    gaps = [a for a in needs.areas if not a.key_areas]
    sentences.append(say("capacity.gaps", areas=named(gaps)) if gaps else say("capacity.covered"))
    if has_reach(needs):
        unreached = [a for a in needs.areas if a.parties and a.unreached]
        sentences.append(
            say("capacity.unreached", areas=named(unreached))
            if unreached
            else say("capacity.reached")
        )
    return sentences


def needs_blocks(needs: CapacityNeeds) -> tuple[Block, ...]:
    top = top_sentence(needs)
    sentences = [top] if top is not None else []
    notices: tuple[Block, ...] = ()
    if needs.unmapped is None:
        sentences += gap_sentences(needs)
    else:
        notices = (Notice("info", needs.unmapped),)
    prose: tuple[Block, ...] = (Paragraph(tuple(sentences)),) if sentences else ()
    return (*notices, *prose, needs_table(needs))


@section("capacity-building", 50)
def capacity_building(inputs: ReportInputs) -> Section:
    needs = inputs.capacity
    missing: tuple[Block, ...] = (Notice("not-available", NOT_AVAILABLE),)
    blocks = missing if needs is None else needs_blocks(needs)
    return Section(
        "capacity-building",
        "Capacity-building needs and coverage gaps",
        blocks,
        sheet="Capacity-building" if needs is not None else None,
        new_page=True,
    )
