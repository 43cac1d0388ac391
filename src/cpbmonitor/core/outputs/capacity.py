"""Rows and tables of the capacity-building analyses (subjects ``capacity-needs`` and
``capacity-coverage``), written by the table writer.

``needs_rows`` is the documented JSON of ``cpb capacity needs``: one row per needs area,
``{"term", "area", "global", "AFR", "ASP", "CEE", "GRULAC", "WEOG"}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cpbmonitor.core.capacity.coverage import Coverage, CoverageCell
from cpbmonitor.core.capacity.matching import PartyMatch, ProviderMatch, Target
from cpbmonitor.core.capacity.needs import ASSESSMENT, NeedsAnalysis
from cpbmonitor.core.indicators.inputs import GLOBAL, GROUPS
from cpbmonitor.core.outputs.registry import tabular
from cpbmonitor.core.outputs.table import Table
from cpbmonitor.core.plan.model import PlanVersion

Row = dict[str, Any]


def _codes(codes: Iterable[str]) -> str:
    return " ".join(sorted(codes))


def needs_rows(analysis: NeedsAnalysis) -> list[Row]:
    """One row per needs area: term identifier, label and reporting Parties per group."""
    return [
        {"term": item.area.term, "area": item.area.label}
        | {group: item.counts.get(group, 0) for group in GROUPS}
        for item in analysis.areas
    ]


def needs_table_rows(analysis: NeedsAnalysis, plan: PlanVersion | None = None) -> list[Row]:
    """``needs_rows`` with the area code, the previous cycle's world count and the change,
    and the counts the plan quotes when its needs survey is of the same cycle."""
    quoted: dict[str, int] = {}
    if plan is not None and plan.needs is not None and plan.needs.cycle == analysis.cycle.number:
        quoted = {area.code: area.parties for area in plan.needs.areas}
    rows = []
    for item, counts in zip(analysis.areas, needs_rows(analysis), strict=True):
        row: Row = {"code": item.area.code} | counts
        if item.previous is not None:
            row["previous"] = item.previous.get(GLOBAL, 0)
            row["change"] = item.change()
        if quoted:
            row["plan"] = quoted.get(item.area.code)
        rows.append(row)
    return rows


def needs_columns(rows: Sequence[Row]) -> list[str]:
    columns = ["code", "term", "area", *GROUPS]
    return columns + [c for c in ("previous", "change", "plan") if rows and c in rows[0]]


def assessment_rows(analysis: NeedsAnalysis) -> list[Row]:
    """Per group: reporting Parties, and those that assessed, prioritised and have needs."""
    counts = analysis.assessment()
    return [{"group": group} | counts[group] for group in GROUPS]


ASSESSMENT_COLUMNS = ["group", "reporting", *ASSESSMENT]


def assessment_party_rows(analysis: NeedsAnalysis) -> list[Row]:
    return [
        {
            "government": p.government,
            "region": p.region,
            "assessed": p.assessed,
            "prioritised": p.prioritised,
            "has_needs": p.has_needs,
            "areas": _codes(p.areas),
        }
        for p in analysis.parties
    ]


ASSESSMENT_PARTY_COLUMNS = ["government", "region", "assessed", "prioritised", "has_needs", "areas"]


def _cell_row(coverage: Coverage, cell: CoverageCell) -> Row:
    area = coverage.area(cell.code).area
    score = cell.score
    return {
        "code": cell.code,
        "term": area.term,
        "area": area.label,
        "group": cell.group,
        "reporting": cell.reporting,
        "in_need": cell.in_need,
        "activities": cell.activities,
        "funding": cell.funding,
        "uncovered": cell.uncovered,
        "score": None if score is None else round(score, 4),
    }


def coverage_rows(coverage: Coverage) -> list[Row]:
    """One row per needs area and group."""
    return [_cell_row(coverage, item.cell(group)) for item in coverage.areas for group in GROUPS]


COVERAGE_COLUMNS = [
    "code",
    "area",
    "group",
    "reporting",
    "in_need",
    "activities",
    "funding",
    "uncovered",
    "score",
]


def gaps_data(coverage: Coverage) -> dict[str, list[Row]]:
    """The gaps, by kind: areas no key area covers, areas with key areas but no activity
    of the Action Plan, regions with Parties in need and no registered activity, and
    Parties with needs that no activity reaches."""

    def area_row(item: Any) -> Row:
        return {
            "code": item.area.code,
            "term": item.area.term,
            "area": item.area.label,
            "parties": item.cell(GLOBAL).in_need,
            "note": item.note,
        }

    return {
        "not_in_plan": [area_row(item) for item in coverage.not_in_plan()],
        "nothing_planned": [area_row(item) for item in coverage.nothing_planned()],
        "without_activity": [
            {
                "code": cell.code,
                "area": coverage.area(cell.code).area.label,
                "region": cell.group,
                "parties": cell.in_need,
            }
            for cell in coverage.without_activity()
        ],
        "unreached_parties": [
            {
                "government": p.government,
                "region": p.region,
                "needs": _codes(p.needs),
                "unreached": _codes(p.unreached),
                "reaching_activities": p.reaching,
            }
            for p in coverage.unreached
        ],
    }


GAP_KINDS: Mapping[str, str] = {
    "not_in_plan": "Needs areas that no key area of the Action Plan covers",
    "nothing_planned": "Needs areas with key areas but no activity of the Action Plan",
    "without_activity": "Regions with Parties in need and no registered activity",
    "unreached_parties": "Parties with needs that no activity reaches",
}


def gaps_rows(coverage: Coverage) -> list[Row]:
    """``gaps_data`` flattened: one row per finding, with its kind."""
    rows = []
    for kind, items in gaps_data(coverage).items():
        for item in items:
            subject = item.get("government") or item.get("code")
            detail = {k: v for k, v in item.items() if k not in ("government", "code")}
            rows.append({"kind": kind, "subject": subject, "detail": _detail(detail)})
    return rows


def _detail(values: Mapping[str, Any]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in values.items() if v not in (None, ""))


def party_match_rows(match: PartyMatch) -> list[Row]:
    rows: list[Row] = [
        {
            "rank": rank,
            "kind": "activity",
            "identifier": m.activity.identifier,
            "title": m.activity.title,
            "covers": _codes(m.covers),
            "reach": m.activity.level,
            "status": m.status,
            "from": m.activity.valid_from,
            "to": m.activity.valid_to,
            "providers": ", ".join(m.activity.providers),
        }
        for rank, m in enumerate(match.activities, start=1)
    ]
    rows += [
        {
            "rank": rank,
            "kind": "resource",
            "identifier": m.resource.identifier,
            "title": m.resource.title,
            "covers": _codes(m.covers),
            "reach": "region" if m.regional else "all regions",
            "status": "available",
            "from": m.resource.valid_from,
            "to": m.resource.valid_to,
            "providers": m.resource.publisher,
        }
        for rank, m in enumerate(match.resources, start=1)
    ]
    return rows


PARTY_MATCH_COLUMNS = [
    "rank",
    "kind",
    "identifier",
    "title",
    "covers",
    "reach",
    "status",
    "from",
    "to",
    "providers",
]


def _target_row(kind: str, rank: int, target: Target) -> Row:
    return {
        "rank": rank,
        "kind": kind,
        "target": target.name,
        "region": target.region,
        "parties": target.parties,
        "matched": target.matched,
        "unmet": target.unmet,
        "reached": target.reached,
        "areas": _codes(target.areas),
    }


def provider_match_rows(match: ProviderMatch) -> list[Row]:
    rows = [_target_row("region", n, t) for n, t in enumerate(match.regions, start=1)]
    return rows + [_target_row("party", n, t) for n, t in enumerate(match.parties, start=1)]


PROVIDER_MATCH_COLUMNS = [
    "rank",
    "kind",
    "target",
    "region",
    "parties",
    "matched",
    "unmet",
    "reached",
    "areas",
]


@tabular("capacity-needs")
def needs_table(analysis: NeedsAnalysis, plan: PlanVersion | None = None) -> Table:
    """Reporting Parties per needs area, world and regions (and the plan's key areas)."""
    rows = needs_table_rows(analysis, plan)
    reporting = analysis.reporting.get(GLOBAL, 0)
    cycle = analysis.cycle.number
    title = f"Capacity-building needs, cycle {cycle} ({reporting} reporting Parties)"
    return Table.of(needs_columns(rows), rows, title=title)


@tabular("capacity-coverage")
def coverage_table(coverage: Coverage) -> Table:
    return Table.of(COVERAGE_COLUMNS, coverage_rows(coverage), title="Coverage")
