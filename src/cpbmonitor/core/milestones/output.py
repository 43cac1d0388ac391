"""Outputs of milestone assessments: JSON rows, CSV and an XLSX sheet, registered in
``core.exports.registry`` as kind ``milestones``. A row is ``MilestoneAssessment.as_row``
(dates as ISO text)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from cpbmonitor.core.exports.registry import exporter
from cpbmonitor.core.milestones.assess import ROW_FIELDS, MilestoneAssessment
from cpbmonitor.core.milestones.model import DEMONSTRATION_LABEL

COLUMNS: tuple[str, ...] = (
    "plan",
    "indicator",
    "group",
    "target_value",
    "target_date",
    "latest_value",
    "needed",
    "projected_value",
    "status",
    "note",
    "label",
    "decision",
    "demonstration",
    "latest_date",
    "baseline_value",
    "baseline_date",
)
assert set(COLUMNS) == set(ROW_FIELDS)


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
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows(assessments):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


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
