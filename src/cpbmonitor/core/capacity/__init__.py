"""Capacity-building: needs Parties report, how the Capacity-Building Action Plan and the
registered activities cover them, and matching needs with activities and resources.

The API the CLI, the services and the pages call::

    needs = analyse_needs(questionnaire, reports, parties, cycle, previous)
    coverage = compute_coverage(plan, load_needs_coverage(plan), needs,
                                records.all(CapacityActivity), parties, cycle_window(5))
    match_party("br", needs, records, plan, mapping, parties, on=date)
    match_provider("FAO", needs, records, plan, mapping, parties, on=date)

Pure Python: reports and Parties come as the indicator engine's records, activities and
resources as ``core.records`` models.
"""

from cpbmonitor.core.capacity.areas import (
    NeedsArea,
    NeedsDefinitions,
    NeedsQuestions,
    needs_areas,
    needs_definitions,
)
from cpbmonitor.core.capacity.coverage import (
    AreaCoverage,
    Coverage,
    CoverageCell,
    UnreachedParty,
    compute_coverage,
    cycle_window,
)
from cpbmonitor.core.capacity.matching import (
    ActivityMatch,
    PartyMatch,
    ProviderMatch,
    ResourceMatch,
    Target,
    match_party,
    match_provider,
    providers_of,
    status_on,
)
from cpbmonitor.core.capacity.needs import AreaNeeds, NeedsAnalysis, PartyNeeds, analyse_needs
from cpbmonitor.core.capacity.reach import ActivityReach, Period, activity_reach, areas_addressed

__all__ = [
    "ActivityMatch",
    "ActivityReach",
    "AreaCoverage",
    "AreaNeeds",
    "Coverage",
    "CoverageCell",
    "NeedsAnalysis",
    "NeedsArea",
    "NeedsDefinitions",
    "NeedsQuestions",
    "PartyMatch",
    "PartyNeeds",
    "Period",
    "ProviderMatch",
    "ResourceMatch",
    "Target",
    "UnreachedParty",
    "activity_reach",
    "analyse_needs",
    "areas_addressed",
    "compute_coverage",
    "cycle_window",
    "match_party",
    "match_provider",
    "needs_areas",
    "needs_definitions",
    "providers_of",
    "status_on",
]
