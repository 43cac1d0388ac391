"""The plan as data: versions of the Implementation Plan and Capacity-Building Action Plan."""

from cpbmonitor.core.plan.loader import PlanDataError, available_versions, load_plan
from cpbmonitor.core.plan.model import Goal, Indicator, Objective, PlanVersion

__all__ = [
    "Goal",
    "Indicator",
    "Objective",
    "PlanDataError",
    "PlanVersion",
    "available_versions",
    "load_plan",
]
