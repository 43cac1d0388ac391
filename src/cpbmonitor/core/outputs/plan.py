"""Outputs of a plan version (subject ``plan``): JSON (the documented nested shape), a
tidy table (one row per element; the CSV), the seed's XLSX layout and Markdown."""

from __future__ import annotations

import io
import json
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from cpbmonitor.core.outputs.registry import output, tabular
from cpbmonitor.core.outputs.table import Table
from cpbmonitor.core.plan.model import Goal, PlanVersion


def goal_as_dict(plan: PlanVersion, goal: Goal) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": goal.code,
        "title": goal.title,
        "applies_to": goal.applies_to,
        "objectives": [{"code": o.code, "text": o.text} for o in goal.objectives],
        "indicators": [
            {"code": i.code, "text": i.text, "objectives": list(i.objectives)}
            for i in goal.indicators
        ],
        "outcomes": list(goal.outcomes),
        "key_areas": [{"code": k.code, "text": k.text} for k in plan.key_areas_of(goal)],
        "activities": [{"code": a.code, "text": a.text} for a in plan.activities_of(goal)],
    }
    if goal.capacity_building_set:
        data["capacity_building_set"] = goal.capacity_building_set
    return data


def plan_as_dict(plan: PlanVersion) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "sections": [
            {
                "code": section.code,
                "title": section.title,
                "goals": [goal_as_dict(plan, goal) for goal in section.goals],
            }
            for section in plan.sections
        ],
    }


@output("plan", "json")
def plan_json(plan: PlanVersion) -> bytes:
    return (json.dumps(plan_as_dict(plan), ensure_ascii=False, indent=2) + "\n").encode()


CSV_FIELDS = ["plan", "section", "goal", "element", "code", "text", "objectives", "applies_to"]


def plan_rows(plan: PlanVersion) -> list[dict[str, str]]:
    """One row per element of the plan, in reading order (a tidy table)."""
    rows: list[dict[str, str]] = []
    for section in plan.sections:
        for goal in section.goals:
            base = {"plan": plan.id, "section": section.code, "goal": goal.code}
            rows.append(
                {
                    **base,
                    "element": "goal",
                    "code": goal.code,
                    "text": goal.title,
                    "applies_to": goal.applies_to,
                }
            )
            rows += [
                {**base, "element": "objective", "code": o.code, "text": o.text}
                for o in goal.objectives
            ]
            rows += [
                {
                    **base,
                    "element": "indicator",
                    "code": i.code,
                    "text": i.text,
                    "objectives": " ".join(i.objectives),
                }
                for i in goal.indicators
            ]
            rows += [
                {**base, "element": "outcome", "code": "", "text": text} for text in goal.outcomes
            ]
            rows += [
                {**base, "element": "key_area", "code": k.code, "text": k.text}
                for k in plan.key_areas_of(goal)
            ]
            rows += [
                {**base, "element": "activity", "code": a.code, "text": a.text}
                for a in plan.activities_of(goal)
            ]
    return rows


@tabular("plan")
def plan_table(plan: PlanVersion) -> Table:
    rows = [{field: row.get(field, "") for field in CSV_FIELDS} for row in plan_rows(plan)]
    return Table.of(CSV_FIELDS, rows, title=plan.id)


def _columns(plan: PlanVersion) -> list[tuple[str, str, int]]:
    """(header, hint, width) of the seed's table columns."""
    columns = [
        ("Goals", "Desirable achievements", 30),
        ("Objectives", "What must be accomplished to achieve the goal", 45),
        ("Indicators", "Measuring progress towards objectives", 45),
        ("Outcomes", "The effect of achieving the goal", 35),
    ]
    if plan.has_capacity_building:
        columns += [
            ("Key areas for capacity-building", "Key areas where capacities may be needed", 40),
            ("Capacity-building activities", "Examples of suggested activities", 45),
        ]
    return columns


def _goal_cells(plan: PlanVersion, goal: Goal) -> list[str]:
    cells = [
        f"{goal.code}. {goal.title}",
        "\n".join(f"{o.code}. {o.text}" for o in goal.objectives),
        "\n".join(
            f"({i.letter.strip('()')}) {i.text} [{', '.join(i.objectives) or 'no objective'}]"
            for i in goal.indicators
        ),
        "\n".join(goal.outcomes),
    ]
    if plan.has_capacity_building:
        cells += [
            "\n".join(f"{k.code} {k.text}" for k in plan.key_areas_of(goal)),
            "\n".join(f"{a.code} {a.text}" for a in plan.activities_of(goal)),
        ]
    return cells


@output("plan", "xlsx")
def plan_xlsx(plan: PlanVersion) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    header_fill = PatternFill("solid", fgColor="1F4E79")
    wrap = Alignment(wrap_text=True, vertical="top")
    for section in plan.sections:
        sheet = workbook.create_sheet(title=f"{section.code}. {section.title}"[:31])
        columns = _columns(plan)
        for index, (header, hint, width) in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=index, value=f"{header}\n({hint})")
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = wrap
            sheet.column_dimensions[get_column_letter(index)].width = width
        for row, goal in enumerate(section.goals, start=2):
            for column, value in enumerate(_goal_cells(plan, goal), start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                cell.alignment = wrap
            sheet.cell(row=row, column=1).font = Font(bold=True)
        sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@output("plan", "md")
def plan_markdown(plan: PlanVersion) -> bytes:
    lines = [
        f"# {plan.title}",
        "",
        f"Version `{plan.id}` ({plan.source.document}, {plan.source.date.isoformat()}).",
        "",
    ]
    for section in plan.sections:
        lines += [f"## {section.code}. {section.title}", ""]
        for goal in section.goals:
            lines += _goal_markdown(plan, goal)
    return ("\n".join(lines).rstrip() + "\n").encode()


def _goal_markdown(plan: PlanVersion, goal: Goal) -> list[str]:
    lines = [f"### {goal.code}. {goal.title}", ""]
    if goal.applies_to != "all":
        lines += [f"*Applies to: {goal.applies_to}*", ""]
    lines += ["**Objectives**", ""] + [f"- {o.code}. {o.text}" for o in goal.objectives]
    lines += ["", "**Indicators**", ""]
    lines += [
        f"- {i.code} {i.text} (measures: {', '.join(i.objectives) or 'no objective'})"
        for i in goal.indicators
    ]
    lines += ["", "**Outcomes**", ""] + [f"- {text}" for text in goal.outcomes]
    if plan.has_capacity_building:
        shared = f" (shared set {goal.capacity_building_set})" if goal.capacity_building_set else ""
        lines += ["", f"**Key areas for capacity-building**{shared}", ""]
        lines += [f"- {k.code} {k.text}" for k in plan.key_areas_of(goal)]
        lines += ["", "**Capacity-building activities**", ""]
        lines += [f"- {a.code} {a.text}" for a in plan.activities_of(goal)]
    return [*lines, ""]
