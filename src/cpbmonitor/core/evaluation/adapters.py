"""Adapters from the objects other core modules compute to the inputs of the report:
the capacity-building needs analysis and its coverage (``core.capacity``) to ``Needs``.

Milestone assessments (``core.milestones``) and goal links (``core.plan.linkages``) have
the shapes the report reads already and are passed as they are.
"""

from __future__ import annotations

from cpbmonitor.core.capacity import Coverage, NeedsAnalysis
from cpbmonitor.core.evaluation.inputs import Need, Needs, RegionNeed
from cpbmonitor.core.indicators import GLOBAL, REGIONS


def needs_of(
    analysis: NeedsAnalysis, coverage: Coverage | None = None, unmapped: str | None = None
) -> Needs:
    """The world figures of ``analysis``: for each needs area the reporting Parties naming
    it and, with ``coverage``, its key areas, the activities addressing it in the period
    and the Parties in need none of them reaches. Without ``coverage`` give ``unmapped``,
    the reason the needs are not compared with the Action Plan."""
    if coverage is None and unmapped is None:
        raise ValueError("needs without coverage need the reason they are not mapped")
    areas = []
    for item in analysis.areas:
        regions = {
            r: RegionNeed(analysis.reporting.get(r, 0), item.counts.get(r, 0)) for r in REGIONS
        }
        need = Need(item.area.code, item.area.label, item.counts.get(GLOBAL, 0), regions=regions)
        if coverage is not None:
            covered = coverage.area(item.area.code)
            cell = covered.cell(GLOBAL)
            need = Need(
                need.code,
                need.text,
                need.parties,
                covered.key_areas,
                cell.activities,
                cell.uncovered,
                {
                    r: RegionNeed(c.reporting, c.in_need, c.activities, c.uncovered)
                    for r in REGIONS
                    if (c := covered.cell(r)) is not None
                },
            )
        areas.append(need)
    period = (coverage.period.start, coverage.period.end) if coverage is not None else None
    return Needs(
        cycle=analysis.cycle.number,
        reporting_parties=analysis.reporting.get(GLOBAL, 0),
        areas=tuple(areas),
        source=f"question {analysis.questions.areas}",
        period=period,
        unmapped=None if coverage is not None else unmapped,
    )
