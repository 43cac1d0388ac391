"""Outputs of an ``Evaluation``: its rows as a table, and an XLSX workbook for people.

Subject ``evaluation``: every row (one indicator, cycle and group); subject
``indicator-results``: the rows of one indicator (what a page's download gives). Both
have the same columns (``ROW_FIELDS``) in every format, written by the table writer::

    {"indicator": "A.1(a)", "cycle": 5, "group": "global", "numerator": 41,
     "denominator": 60, "value": 68.33, "reports_used": 60, "baseline_cycle": 4,
     "baseline_numerator": ..., "baseline_denominator": ..., "baseline_value": ...,
     "change": ..., "status": "improved" | "no change" | "declined" | null, "note": ...}

``evaluation`` as XLSX is a workbook of its own: a summary sheet, one sheet per goal
(indicators as rows; for each group the baseline, the current value and the change side
by side, the change filled green or red only when its status is improved or declined,
then the comparability of the change with its reason, so that a stand-in or
not-comparable change is never shown as a plain change) and a sheet of notes and methods.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cpbmonitor.core.indicators.comparability import LABELS
from cpbmonitor.core.indicators.inputs import GROUPS
from cpbmonitor.core.indicators.results import ROW_FIELDS, Evaluation, IndicatorResult
from cpbmonitor.core.outputs.registry import output, tabular
from cpbmonitor.core.outputs.table import Table

GREEN = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")
RED = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
GREY = PatternFill("solid", start_color="EDEDED", end_color="EDEDED")
BOLD = Font(bold=True)
STATUS_FILL = {"improved": GREEN, "declined": RED}
"""Only a counted change is coloured: a stand-in, not-comparable or few-data one is not."""


def rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    return [result.as_row() for result in evaluation.rows()]


@tabular("evaluation")
def evaluation_table(evaluation: Evaluation) -> Table:
    return Table.of(ROW_FIELDS, rows(evaluation), title="Evaluation")


@tabular("indicator-results")
def indicator_table(evaluation: Evaluation | None, indicator: str) -> Table:
    """The rows of one indicator (none when nothing is computed)."""
    result = evaluation.indicator(indicator) if evaluation else None
    found = [group.as_row() for group in result.in_order()] if result else []
    return Table.of(ROW_FIELDS, found, title=indicator, indicator=indicator)


@output("evaluation", "xlsx")
def evaluation_workbook(evaluation: Evaluation) -> bytes:
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _summary_sheet(summary, evaluation)
    for goal in evaluation.goals:
        members = [r for r in evaluation.indicators if r.goal == goal.code]
        _goal_sheet(book.create_sheet(_sheet_name(goal.code)), evaluation, goal.title, members)
    _notes_sheet(book.create_sheet("Methods and notes"), evaluation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(code: str) -> str:
    return f"Goal {code}"[:31]


def _cycle_label(evaluation: Evaluation) -> tuple[str, str]:
    base = f"cycle {evaluation.baseline.number}" if evaluation.baseline else "baseline"
    return base, f"cycle {evaluation.cycle.number}"


def _summary_sheet(sheet: Worksheet, evaluation: Evaluation) -> None:
    base, now = _cycle_label(evaluation)
    sheet.append([f"Plan {evaluation.plan}: {now} compared with {base}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(["Goal", "Title", "Improved", "No change", "Declined", "Not compared"])
    for cell in sheet[3]:
        cell.font = BOLD
    for goal in evaluation.goals:
        sheet.append(
            [goal.code, goal.title, goal.improved, goal.no_change, goal.declined, goal.not_compared]
        )
    sheet.column_dimensions["B"].width = 70


def _goal_sheet(
    sheet: Worksheet, evaluation: Evaluation, title: str, members: list[IndicatorResult]
) -> None:
    base, now = _cycle_label(evaluation)
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=12)
    header_groups: list[Any] = ["", ""]
    header: list[Any] = ["Indicator", "Text"]
    for group in GROUPS:
        header_groups += [group, "", ""]
        header += [base, now, "change"]
    header += ["comparability", "why"]
    sheet.append(header_groups)
    sheet.append(header)
    for row in (2, 3):
        for cell in sheet[row]:
            cell.font = BOLD
    for col in range(len(GROUPS)):
        first = 3 + 3 * col
        sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 2)
    for result in members:
        line: list[Any] = [result.code, result.text]
        for group in GROUPS:
            g = result.groups[group]
            line += [g.baseline_value, g.value, g.change]
        world = result.overall
        kind = world.comparability
        line += [LABELS.get(kind, kind) if kind else None, world.comparability_reason]
        sheet.append(line)
        row = sheet.max_row
        if world.value is None:
            sheet.cell(row=row, column=2).fill = GREY
        for col, group in enumerate(GROUPS):
            fill = STATUS_FILL.get(result.groups[group].status or "")
            if fill is not None:
                sheet.cell(row=row, column=5 + 3 * col).fill = fill
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions[get_column_letter(4 + 3 * len(GROUPS))].width = 60
    for row in sheet.iter_rows(min_row=4, max_col=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C4"


def _notes_sheet(sheet: Worksheet, evaluation: Evaluation) -> None:
    sheet.append(["Indicator", "Unit", "Population", "Source", "Method", "Note"])
    for cell in sheet[1]:
        cell.font = BOLD
    for result in evaluation.indicators:
        sheet.append(
            [
                result.code,
                result.unit,
                result.population,
                result.source,
                result.method,
                result.overall.note or "",
            ]
        )
    sheet.column_dimensions["E"].width = 70
    sheet.column_dimensions["F"].width = 60
