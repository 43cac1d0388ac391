"""Plan exports: the documented JSON shape, tidy CSV, formatted XLSX, Markdown."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from cpbmonitor.core.outputs import formats_for
from cpbmonitor.core.outputs import render as export
from cpbmonitor.core.plan import load_plan


def test_formats() -> None:
    assert formats_for("plan") == ["csv", "json", "md", "xlsx"]


def test_json_shape() -> None:
    data = json.loads(export("plan", "json", load_plan("draft-2020")))
    assert data["id"] == "draft-2020"
    assert [s["code"] for s in data["sections"]] == ["A", "B"]
    a1 = data["sections"][0]["goals"][0]
    assert set(a1) == {
        "code",
        "title",
        "applies_to",
        "objectives",
        "indicators",
        "outcomes",
        "key_areas",
        "activities",
    }
    assert a1["code"] == "A.1" and a1["applies_to"] == "all"
    assert a1["indicators"][0] == {
        "code": "A.1(a)",
        "text": "Percentage of Parties that have measures in place to implement the provisions "
        "of the Protocol",
        "objectives": ["A.1.1"],
    }
    goals = {g["code"]: g for s in data["sections"] for g in s["goals"]}
    assert goals["A.7"]["key_areas"] == goals["A.6"]["key_areas"] == goals["A.8"]["key_areas"]
    assert len(goals["A.8"]["activities"]) == 5
    assert goals["A.10"]["applies_to"] == "parties-to-supplementary-protocol"


def test_csv_has_one_row_per_element() -> None:
    plan = load_plan("draft-2019")
    rows = list(csv.DictReader(io.StringIO(export("plan", "csv", plan).decode())))
    kinds = [row["element"] for row in rows]
    assert kinds.count("goal") == 15
    assert kinds.count("objective") == 34
    assert kinds.count("indicator") == 39
    assert kinds.count("outcome") == 15
    assert "key_area" not in kinds
    b3a = next(row for row in rows if row["code"] == "B.3(a)")
    assert b3a["objectives"] == "B.3.1 B.3.2"


def test_xlsx_one_formatted_sheet_per_section() -> None:
    workbook = load_workbook(io.BytesIO(export("plan", "xlsx", load_plan("draft-2020"))))
    assert workbook.sheetnames == ["A. Areas for implementation", "B. Enabling environment"]
    sheet = workbook["B. Enabling environment"]
    assert sheet.freeze_panes == "B2"
    assert sheet.max_column == 6 and sheet.max_row == 5
    assert sheet["A2"].value.startswith("B.1. Parties engage in capacity-building activities")
    assert sheet["B2"].alignment.wrap_text is True
    assert sheet["E1"].value.startswith("Key areas for capacity-building")


def test_markdown() -> None:
    text = export("plan", "md", load_plan("draft-2020")).decode()
    assert text.startswith("# Draft Implementation Plan")
    assert "### A.8. Parties are able to detect and identify LMOs" in text
    assert text.count("**Capacity-building activities**") == 14
