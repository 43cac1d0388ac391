"""Capacity-building needs reported by Parties and the key areas of the
Capacity-Building Action Plan linked to them (coverage gaps: needs with no key area).

Its input (``ReportInputs.capacity``) is optional; without it the section says that
the information is not available.
"""

from __future__ import annotations

from cpbmonitor.core.evaluation.inputs import CapacityNeeds, NeedArea, ReportInputs
from cpbmonitor.core.evaluation.model import Block, Cell, Notice, Paragraph, Ref, Section, Table
from cpbmonitor.core.evaluation.numbers import DASH, number, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    count_cell,
    join_words,
    number_cell,
    percent_of,
)
from cpbmonitor.core.evaluation.templates import say

NOT_AVAILABLE = (
    "The capacity-building needs reported by Parties and their coverage by the key areas "
    "of the Capacity-Building Action Plan are not available in this report."
)
COLUMNS = ("Area", "Need", "Parties", "Share of Parties reporting", "Key areas linked")
REACH_COLUMNS = ("Activities registered", "Parties in need not reached")


def area_cells(needs: CapacityNeeds, area: NeedArea, reach: bool) -> tuple[Cell, ...]:
    share = percent_of(area.parties, needs.reporting_parties)
    cells = [
        Cell(area.code, "code"),
        Cell(area.text),
        count_cell(area.parties, Ref("needs", area.code, "parties")),
        number_cell(
            None if share is None else number(share, "percent", Ref("needs", area.code, "share")),
            "percent",
        ),
        Cell(", ".join(area.key_areas) or "none (gap)", "code"),
    ]
    if reach:
        for value, name in ((area.activities, "activities"), (area.unreached, "unreached")):
            cells.append(
                Cell(DASH) if value is None else count_cell(value, Ref("needs", area.code, name))
            )
    return tuple(cells)


def needs_table(needs: CapacityNeeds) -> Table:
    reach = any(a.activities is not None or a.unreached is not None for a in needs.areas)
    columns = COLUMNS + (REACH_COLUMNS if reach else ())
    rows = [area_cells(needs, area, reach) for area in needs.areas]
    reporting = count_cell(needs.reporting_parties, Ref("needs", "all", "reporting"))
    total = (Cell(""), Cell("Parties that reported on their needs"), reporting, Cell(DASH))
    rows.append(total + tuple(Cell("") for _ in columns[len(total) :]))
    caption = (
        f"Areas in which Parties reported needing capacity-building ({ordinal(needs.cycle)} "
        f"national reports; {needs.source}) and the key areas linked to them"
    )
    return Table("needs", caption, columns, tuple(rows))


def needs_paragraph(needs: CapacityNeeds) -> Paragraph:
    sentences = []
    if needs.areas and needs.reporting_parties:
        top = max(needs.areas, key=lambda a: a.parties)
        share = percent_of(top.parties, needs.reporting_parties)
        assert share is not None
        sentences.append(
            say(
                "capacity.top",
                reporting=number(
                    needs.reporting_parties, "count", Ref("needs", "all", "reporting")
                ),
                ordinal=ordinal(needs.cycle),
                parties=number(top.parties, "count", Ref("needs", top.code, "parties")),
                share=number(share, "percent", Ref("needs", top.code, "share")),
                area=top.text[:1].lower() + top.text[1:],
            )
        )
    gaps = [f"{a.code} {a.text}" for a in needs.areas if not a.key_areas]
    sentences.append(
        say("capacity.gaps", areas=join_words(gaps)) if gaps else say("capacity.covered")
    )
    return Paragraph(tuple(sentences))


@section("capacity-building", 50)
def capacity_building(inputs: ReportInputs) -> Section:
    needs = inputs.capacity
    blocks: tuple[Block, ...]
    if needs is None:
        blocks = (Notice("not-available", NOT_AVAILABLE),)
    else:
        blocks = (needs_paragraph(needs), needs_table(needs))
    return Section(
        "capacity-building",
        "Capacity-building needs and coverage gaps",
        blocks,
        sheet="Capacity-building" if needs is not None else None,
    )
