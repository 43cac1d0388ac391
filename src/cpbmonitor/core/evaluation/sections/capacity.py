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
    Number,
    Paragraph,
    Ref,
    Section,
    Sentence,
    Table,
)
from cpbmonitor.core.evaluation.numbers import DASH, day, group_label, join_words, number, ordinal
from cpbmonitor.core.evaluation.sections import section
from cpbmonitor.core.evaluation.sections.common import (
    count_cell,
    number_cell,
    percent_of,
)
from cpbmonitor.core.evaluation.templates import say
from cpbmonitor.core.evaluation.words import tr
from cpbmonitor.core.indicators import REGIONS

NOT_AVAILABLE = (
    "The capacity-building needs reported by Parties and their coverage by the key areas "
    "of the Capacity-Building Action Plan are not available in this report."
)
COLUMNS = ("Area", "Need", "Parties", "Share of reporting Parties")
MAPPED_COLUMNS = ("Key areas linked",)
REACH_COLUMNS = ("Activities registered", "Parties in need not reached")
REGIONS_TABLE = "needs-regions"


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
        cells.append(Cell(", ".join(area.key_areas) or tr("none (gap)"), "code"))
    if has_reach(needs):
        for value, name in ((area.activities, "activities"), (area.unreached, "unreached")):
            cells.append(
                Cell(DASH) if value is None else count_cell(value, Ref("needs", area.code, name))
            )
    return tuple(cells)


def needs_caption(needs: CapacityNeeds) -> str:
    caption = tr("Areas in which Parties reported needing capacity-building")
    if is_mapped(needs):
        caption += tr(", and the key areas linked to them")
    return caption


def needs_source(needs: CapacityNeeds) -> str:
    source = tr("{ordinal} national reports, {source}").format(
        ordinal=ordinal(needs.cycle), source=needs.source
    )
    if needs.period is not None and has_reach(needs):
        start, end = needs.period
        source += tr("; activities registered from {start} to {end}").format(
            start=day(start), end=day(end)
        )
    return source[:1].upper() + source[1:]


def needs_table(needs: CapacityNeeds) -> Table:
    columns = tuple(
        tr(c)
        for c in COLUMNS
        + (MAPPED_COLUMNS if is_mapped(needs) else ())
        + (REACH_COLUMNS if has_reach(needs) else ())
    )
    rows = [area_cells(needs, area) for area in needs.areas]
    reporting = count_cell(needs.reporting_parties, Ref("needs", "all", "reporting"))
    total = (
        Cell(""),
        Cell(tr("Parties with a national report of the cycle")),
        reporting,
        Cell(DASH),
    )
    rows.append(total + tuple(Cell("") for _ in columns[len(total) :]))
    return Table("needs", needs_caption(needs), columns, tuple(rows), source=needs_source(needs))


# -- needs by region ------------------------------------------------------------------------


def region_numbers(area: NeedArea, region: str) -> dict[str, Number]:
    figures = area.regions[region]
    key = f"{area.code}"
    values = {"in_need": figures.in_need, "reporting": figures.reporting}
    if figures.unreached is not None:
        values["unreached"] = figures.unreached
    return {
        k: number(
            v, "count", Ref(REGIONS_TABLE, "all" if k == "reporting" else key, f"{region}-{k}")
        )
        for k, v in values.items()
    }


def regions_table(needs: CapacityNeeds) -> Table | None:
    """Needs area x region: Parties in need and, where reach is known, those no activity
    reaches ("in need / not reached")."""
    areas = [a for a in needs.areas if a.regions]
    if not areas:
        return None
    rows = []
    for area in areas:
        cells = [Cell(area.code, "code"), Cell(area.text)]
        for region in REGIONS:
            if region not in area.regions:
                cells.append(Cell(DASH))
                continue
            n = region_numbers(area, region)
            shown = [n["in_need"]] + ([n["unreached"]] if "unreached" in n else [])
            cells.append(Cell(" / ".join(x.text for x in shown), "fraction", tuple(shown)))
        rows.append(tuple(cells))
    reporting = [Cell(""), Cell(tr("Parties with a national report of the cycle"))]
    first = areas[0]
    for region in REGIONS:
        if region in first.regions:
            reporting.append(number_cell(region_numbers(first, region)["reporting"]))
        else:
            reporting.append(Cell(DASH))
    rows.append(tuple(reporting))
    caption = tr("Parties in need of capacity-building in each area, by regional group")
    if has_reach(needs):
        caption += tr(" (in need / reached by no registered activity)")
    return Table(
        REGIONS_TABLE,
        caption,
        (tr("Area"), tr("Need"), *(group_label(r) for r in REGIONS)),
        tuple(rows),
        source=needs_source(needs),
    )


def region_sentences(needs: CapacityNeeds) -> list[Sentence]:
    """For each region, its largest unmet need (or that every need is reached)."""
    sentences = []
    for region in REGIONS:
        areas = [a for a in needs.areas if region in a.regions]
        if not areas or all(a.regions[region].unreached is None for a in areas):
            continue
        worst = max(areas, key=lambda a: (a.regions[region].unreached or 0, a.parties))
        if not worst.regions[region].unreached:
            if any(a.regions[region].in_need for a in areas):
                sentences.append(say("capacity.region.met", region=group_label(region)))
            continue
        n = region_numbers(worst, region)
        sentences.append(
            say(
                "capacity.region.worst",
                region=group_label(region),
                area=f"{worst.code} {worst.text[:1].lower()}{worst.text[1:]}",
                unreached=n["unreached"],
                reporting=n["reporting"],
            )
        )
    return sentences


def regions_section(needs: CapacityNeeds) -> Section | None:
    table = regions_table(needs)
    if table is None:
        return None
    sentences = region_sentences(needs)
    blocks: tuple[Block, ...] = ((Paragraph(tuple(sentences)),) if sentences else ()) + (table,)
    return Section("needs-by-region", tr("Needs by region"), blocks)


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
        notices = (Notice("info", tr(needs.unmapped)),)
    prose: tuple[Block, ...] = (Paragraph(tuple(sentences)),) if sentences else ()
    return (*notices, *prose, needs_table(needs))


@section("capacity-building", 50)
def capacity_building(inputs: ReportInputs) -> Section:
    needs = inputs.capacity
    missing: tuple[Block, ...] = (Notice("not-available", tr(NOT_AVAILABLE)),)
    blocks = missing if needs is None else needs_blocks(needs)
    by_region = regions_section(needs) if needs is not None else None
    return Section(
        "capacity-building",
        tr("Capacity-building needs and coverage gaps"),
        blocks,
        (by_region,) if by_region is not None else (),
        sheet=tr("Capacity-building") if needs is not None else None,
        new_page=True,
    )
