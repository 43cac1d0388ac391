"""Reading long tables (CSV, XLSX): one row per value, one document per Party and schema."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from cpbmonitor.core.formats import load_bch_format
from cpbmonitor.core.reports import ReportInputError, read_long_table

REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"
HEADER = ["government", "schema", "question", "value", "submitted_on"]
ROWS = [
    ["BR", "cpbNationalReport5", "Q007", "implementation.fullInPlace", "2026-02-28T22:00:00Z"],
    ["BR", "cpbNationalReport5", "Q008", "instrument.nationalBiosafetyLaws", ""],
    ["BR", "cpbNationalReport5", "Q008", "instrument.biosafetyGuidelines", ""],
    ["BR", "cpbNationalReport5", "Q008_a", "Laws and guidelines", ""],
    ["BR", "cpbNationalReport5", "Q026_adq", "4", ""],
    ["bw", "cpbNationalReport4", "Q014", "implementation.none", "2019-09-30"],
    ["bw", "cpbNationalReport4", "Q015", "instrument.none", "2019-09-30"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_long_table(tmp_path: Path, writer: object) -> None:
    suffix = ".csv" if writer is write_csv else ".xlsx"
    path = writer(tmp_path / f"long{suffix}", ROWS)  # type: ignore[operator]
    fifth = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    br, bw = read_long_table(path, {"cpbNationalReport5": fifth})
    assert (br.identifier, br.government, br.schema) == (
        "cpbNationalReport5-br",
        "br",
        "cpbNationalReport5",
    )
    assert br.submitted_on == dt.datetime(2026, 2, 28, 22, tzinfo=dt.UTC)
    assert br.answers["Q008"].values == (
        "instrument.nationalBiosafetyLaws",
        "instrument.biosafetyGuidelines",
    )
    assert br.answers["Q008_a"].text == {"en": "Laws and guidelines"}
    assert br.answers["Q026_adq"].number == 4
    # no questionnaire given for the fourth report: the shipped definition types it
    assert bw.identifier == "cpbNationalReport4-bw"
    assert bw.answers["Q015"].values == ("instrument.none",)
    assert bw.answers["Q015"].listed  # a multiple-choice question
    assert bw.submitted_on == dt.datetime(2019, 9, 30, tzinfo=dt.UTC)


def test_long_table_errors(tmp_path: Path) -> None:
    fifth = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    bad_int = write_csv(tmp_path / "int.csv", [["br", "cpbNationalReport5", "Q026_adq", "x", ""]])
    with pytest.raises(ReportInputError) as info:
        read_long_table(bad_int, {"cpbNationalReport5": fifth})
    error = info.value
    assert (error.government, error.identifier, error.question, error.value) == (
        "br",
        "cpbNationalReport5-br",
        "Q026_adq",
        "x",
    )
    assert str(error).startswith(f"{bad_int}: document br/cpbNationalReport5-br: question Q026_adq")
    dates = write_csv(
        tmp_path / "dates.csv",
        [
            ["br", "cpbNationalReport5", "Q007", "implementation.none", "2026-01-01"],
            ["br", "cpbNationalReport5", "Q011", "false", "2026-01-02"],
        ],
    )
    with pytest.raises(ReportInputError, match="disagree on submitted_on"):
        read_long_table(dates)
    with pytest.raises(ReportInputError, match="unsupported"):
        read_long_table(tmp_path / "x.ods")
    missing = tmp_path / "cols.csv"
    missing.write_text("government,schema\nbr,s\n", encoding="utf-8")
    with pytest.raises(ReportInputError, match="missing columns"):
        read_long_table(missing)
