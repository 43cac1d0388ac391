"""JSON, CSV and XLSX outputs of an evaluation."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import Evaluation, evaluate, load_methodology
from cpbmonitor.core.outputs import render, table_of, write
from cpbmonitor.core.plan import load_plan
from tests.core.indicators.conftest import C4, C5, TINY
from tests.core.indicators.dataset import PARTIES, REPORTS


@pytest.fixture(scope="module")
def ev(real_formats: dict[int, Questionnaire]) -> Evaluation:
    plan = load_plan("draft-2020")
    return evaluate(
        plan, load_methodology("draft-2020"), C5, C4, PARTIES, REPORTS, TINY, real_formats
    )


def test_json_rows(ev: Evaluation) -> None:
    document = json.loads(render("evaluation", "json", ev))
    assert document["notices"] == []
    rows = document["rows"]
    assert len(rows) == 48 * 6
    first = rows[0]
    assert first == {
        "indicator": "A.1(a)",
        "cycle": 5,
        "group": "global",
        "numerator": 4,
        "denominator": 7,
        "value": 57.14,
        "reports_used": 7,
        "baseline_cycle": 4,
        "baseline_numerator": 3,
        "baseline_denominator": 5,
        "baseline_value": 60.0,
        "change": -2.86,
        "status": "declined",
        "comparability": "crosswalked",
        "comparability_reason": "the crosswalk links the questions, options unchanged",
        "few_data": False,
        "baseline_few_data": False,
        "note": None,
    }


def test_csv_is_tidy(ev: Evaluation) -> None:
    rows = list(csv.DictReader(io.StringIO(render("evaluation", "csv", ev).decode("utf-8"))))
    assert len(rows) == 48 * 6
    a3a = next(r for r in rows if r["indicator"] == "A.3(a)" and r["group"] == "global")
    assert (a3a["value"], a3a["baseline_value"], a3a["status"]) == ("71.43", "66.67", "improved")
    no_records = next(r for r in rows if r["indicator"] == "A.1(b)" and r["group"] == "AFR")
    assert no_records["value"] == "" and no_records["note"] == "no records loaded"


def test_xlsx_one_sheet_per_goal(ev: Evaluation, tmp_path: Path) -> None:
    path = tmp_path / "evaluation.xlsx"
    path.write_bytes(render("evaluation", "xlsx", ev))  # the workbook, a writer of its own
    book = load_workbook(path)
    assert book.sheetnames[0] == "Summary" and book.sheetnames[-1] == "Methods and notes"
    assert [n for n in book.sheetnames if n.startswith("Goal ")] == [
        f"Goal {g.code}" for g in ev.goals
    ]
    sheet = book["Goal A.1"]
    assert sheet["A4"].value == "A.1(a)"
    assert (sheet["C3"].value, sheet["D3"].value, sheet["E3"].value) == (
        "cycle 4",
        "cycle 5",
        "change",
    )
    assert (sheet["C4"].value, sheet["D4"].value, sheet["E4"].value) == (60.0, 57.14, -2.86)
    assert sheet["C2"].value == "global" and sheet["F2"].value == "AFR"
    assert (sheet["U3"].value, sheet["V3"].value) == ("comparability", "why")
    assert (sheet["U4"].value, sheet["V4"].value) == (
        "crosswalked question",
        "the crosswalk links the questions, options unchanged",
    )
    assert sheet["E4"].fill.start_color.rgb.endswith("FFC7CE")  # declined: red


def test_xlsx_labels_a_stand_in_change_and_leaves_it_uncoloured(ev: Evaluation) -> None:
    """A.1(c) reads a stand-in question in the fourth report: its change is shown with
    its label and reason, and not coloured as improved or declined."""
    sheet = load_workbook(io.BytesIO(render("evaluation", "xlsx", ev)))["Goal A.1"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == "A.1(c)")
    a1c = ev.indicator("A.1(c)").overall
    assert (a1c.comparability, a1c.status) == ("stand-in", "not comparable")
    assert sheet.cell(row, 5).value == a1c.change
    assert sheet.cell(row, 5).fill.fill_type is None
    assert sheet.cell(row, 21).value == "stand-in question"
    assert sheet.cell(row, 22).value.startswith("cycle 4: the crosswalk links the two staff")
    assert not sheet.conditional_formatting


def test_one_indicators_table_has_the_evaluations_columns(ev: Evaluation) -> None:
    whole = table_of("evaluation", ev)
    one = table_of("indicator-results", ev, indicator="A.3(a)")
    assert one.columns == whole.columns and len(whole.columns) == 18  # with comparability
    assert one.records() == [r for r in whole.records() if r["indicator"] == "A.3(a)"]
    assert json.loads(write(one, "json"))["indicator"] == "A.3(a)"
