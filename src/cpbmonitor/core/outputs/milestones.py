"""The table of milestone assessments (subject ``milestones``): one row per assessment
(dates as ISO text), written by the table writer as CSV, XLSX or JSON; demonstration
milestones add a notice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cpbmonitor.core.milestones.assess import ROW_FIELDS, MilestoneAssessment
from cpbmonitor.core.milestones.model import DEMONSTRATION_LABEL
from cpbmonitor.core.outputs.registry import tabular
from cpbmonitor.core.outputs.table import Table

STANDING: tuple[str, ...] = (
    "indicator",
    "group",
    "target_value",
    "target_date",
    "latest_value",
    "needed",
    "projected_value",
    "status",
)
"""Which milestone, and where it stands: the first columns of every output."""
COLUMNS: tuple[str, ...] = (
    "plan",
    *STANDING,
    "note",
    "label",
    "decision",
    "demonstration",
    "latest_date",
    "baseline_value",
    "baseline_date",
)
assert set(COLUMNS) == set(ROW_FIELDS)
TABLE_COLUMNS: tuple[str, ...] = (*STANDING, "demonstration", "note")
"""The columns of the status table for people (``cpb milestones status``)."""


def rows(assessments: Sequence[MilestoneAssessment]) -> list[dict[str, Any]]:
    """One plain row per assessment, dates as ISO text."""
    return [
        {
            column: value.isoformat() if hasattr(value, "isoformat") else value
            for column, value in ((c, getattr(a, c)) for c in COLUMNS)
        }
        for a in assessments
    ]


@tabular("milestones")
def milestones_table(assessments: Sequence[MilestoneAssessment]) -> Table:
    demonstration = any(a.demonstration for a in assessments)
    notice = f"{DEMONSTRATION_LABEL}: rows with demonstration = true." if demonstration else ""
    return Table.of(COLUMNS, rows(assessments), [notice], title="Milestones")
