"""Milestones and priorities (annex, section V): target values for indicators, by date,
for the world or a region, and where each stands against the data.

The API the CLI, the Django app, the API, the pages and the evaluation document call::

    from cpbmonitor.core.milestones import assess_milestones, read_milestones
    assessments = assess_milestones(read_milestones(path), evaluation)
"""

from cpbmonitor.core.milestones.assess import (
    STATUSES,
    MilestoneAssessment,
    Observation,
    Status,
    assess,
    assess_milestones,
    observe,
    trend_value,
)
from cpbmonitor.core.milestones.demo import demo_milestones
from cpbmonitor.core.milestones.files import (
    DUMP_FORMATS,
    RawItem,
    check_milestone,
    dump_milestones,
    parse_milestone,
    read_milestones,
    validate_milestones,
)
from cpbmonitor.core.milestones.model import (
    DEMONSTRATION_LABEL,
    FIELDS,
    PLAN_PERIOD,
    Milestone,
    MilestoneInputError,
    MilestoneProblem,
)

__all__ = [
    "DEMONSTRATION_LABEL",
    "DUMP_FORMATS",
    "FIELDS",
    "PLAN_PERIOD",
    "STATUSES",
    "Milestone",
    "MilestoneAssessment",
    "MilestoneInputError",
    "MilestoneProblem",
    "Observation",
    "RawItem",
    "Status",
    "assess",
    "assess_milestones",
    "check_milestone",
    "demo_milestones",
    "dump_milestones",
    "observe",
    "parse_milestone",
    "read_milestones",
    "trend_value",
    "validate_milestones",
]
