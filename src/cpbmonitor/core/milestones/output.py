"""Outputs of milestone assessments: JSON rows, CSV and an XLSX sheet, registered in
``core.exports.exporters`` as kind ``milestones``. A row is ``MilestoneAssessment.as_row``
(dates as ISO text)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from cpbmonitor.core.exports.exporters import exporter
from cpbmonitor.core.exports.tabular import csv_bytes
from cpbmonitor.core.milestones.assess import ROW_FIELDS, MilestoneAssessment
from cpbmonitor.core.milestones.model import DEMONSTRATION_LABEL

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


@exporter("milestones", "json")
def to_json(assessments: Sequence[MilestoneAssessment]) -> bytes:
    return (json.dumps(rows(assessments), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


@exporter("milestones", "csv")
def to_csv(assessments: Sequence[MilestoneAssessment]) -> bytes:
    return csv_bytes(rows(assessments), COLUMNS)


@exporter("milestones", "xlsx")
def to_xlsx(assessments: Sequence[MilestoneAssessment]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Milestones"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(assessments):
        sheet.append([row[c] for c in COLUMNS])
    if any(a.demonstration for a in assessments):
        sheet.append([])
        sheet.append([f"{DEMONSTRATION_LABEL}: rows with demonstration = TRUE."])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
