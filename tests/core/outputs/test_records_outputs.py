"""Writing records: the column layout, XLSX for people, and exact round trips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cpbmonitor.core.demo import read_parties
from cpbmonitor.core.demo.records import generate_demo_records
from cpbmonitor.core.outputs import formats_for
from cpbmonitor.core.outputs import render as export
from cpbmonitor.core.outputs.records import records_to_rows, write_records
from cpbmonitor.core.records import RECORD_TYPES, CapacityActivity, RecordSet
from cpbmonitor.core.records.readers import read_records, records_columns
from tests.core.records.samples import FULL, MINIMAL

FORMATS = ("csv", "xlsx", "json")


@pytest.fixture(scope="module")
def demo() -> RecordSet:
    return RecordSet.of(generate_demo_records(read_parties()))


def test_full_samples_set_every_field() -> None:
    for name, record in FULL.items():
        fields = RECORD_TYPES[name].model.model_fields
        defaults = {
            field
            for field, info in fields.items()
            if getattr(record, field) in ([], "", None, False)
        }
        assert defaults == set(), f"{name} sample leaves {defaults} empty"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("type_name", list(RECORD_TYPES))
def test_round_trip_of_every_type(tmp_path: Path, type_name: str, fmt: str) -> None:
    records = [FULL[type_name], MINIMAL[type_name]]
    path = tmp_path / f"{type_name}.{fmt}"
    write_records(records, type_name, path)
    assert read_records(path, type_name) == records


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_the_demonstration_records(tmp_path: Path, demo: RecordSet, fmt: str) -> None:
    for type_name, records in demo.by_type.items():
        path = tmp_path / f"{type_name}.{fmt}"
        write_records(records[:100], type_name, path)
        assert read_records(path, type_name) == list(records[:100]), type_name


def test_column_order() -> None:
    assert records_columns("decision") == [
        "identifier",
        "government",
        "title",
        "decision_type",
        "lmos",
        "risk_assessment",
        "valid_from",
        "valid_to",
        "demonstration",
    ]
    assert records_columns("usage-statistic") == [
        "identifier",
        "users",
        "visits",
        "valid_from",
        "valid_to",
        "demonstration",
    ]


def test_csv_text(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    write_records([FULL["cb-activity"]], "cb-activity", path)
    assert path.read_text().splitlines() == [
        "# Demonstration records: generated, not real",
        "identifier,title,providers,target_audiences,level,governments,regions,"
        "funding_source,funding_amount,goals,key_areas,activities,needs_areas,"
        "valid_from,valid_to,demonstration",
        "cba-001,'=Risk assessment course,CBD Secretariat; GEF/UNEP,risk assessors; policy makers,"
        "subregional,bw; ng,AFR,GEF,125000.5,A.5; A.6,A.5 (1); A.6-A.8 (3),"
        "A.5 (i); A.6-A.8 (iii),(c); (i),2018-04-01,2022-01-01,true",
    ]


def test_json_is_wrapped_and_labelled_when_demonstration(tmp_path: Path) -> None:
    path = tmp_path / "labs.json"
    write_records([FULL["laboratory"]], "laboratory", path)
    data = json.loads(path.read_text())
    assert data["type"] == "laboratory"
    assert data["label"] == "Demonstration records: generated, not real"
    assert list(data["records"][0]) == records_columns("laboratory")
    write_records([MINIMAL["laboratory"]], "laboratory", path)
    assert "label" not in json.loads(path.read_text())


def test_xlsx_is_formatted_for_people(tmp_path: Path) -> None:
    path = tmp_path / "activities.xlsx"
    write_records([FULL["cb-activity"], MINIMAL["cb-activity"]], "cb-activity", path)
    workbook = load_workbook(path)
    sheet, about = workbook.worksheets
    assert sheet.title == "Capacity-building activities"
    assert [c.value for c in sheet[1]] == records_columns("cb-activity")
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == len("cb-activity-min") + 2
    assert sheet.column_dimensions["C"].width == len("CBD Secretariat; GEF/UNEP") + 2
    assert sheet["N2"].value == dt.datetime(2018, 4, 1)
    assert sheet["N2"].number_format == "yyyy-mm-dd"
    assert sheet["I2"].value == 125000.5
    assert sheet["B2"].value == "=Risk assessment course"
    assert sheet["B2"].data_type == "s"
    assert [row[1].value for row in about.iter_rows()][:3] == [
        "cb-activity",
        "Capacity-building activities",
        2,
    ]


def test_records_to_rows_for_tables() -> None:
    columns, rows = records_to_rows(
        [FULL["usage-statistic"], MINIMAL["usage-statistic"]], "usage-statistic"
    )
    assert columns == records_columns("usage-statistic")
    assert rows == [
        {
            "identifier": "usage-2018",
            "users": "8123",
            "visits": "254001",
            "valid_from": "2018-04-01",
            "valid_to": "2022-01-01",
            "demonstration": "true",
        },
        {
            "identifier": "usage-statistic-min",
            "users": "0",
            "visits": "0",
            "valid_from": "2019-01-01",
            "valid_to": "2019-01-01",
            "demonstration": "false",
        },
    ]


def test_records_are_registered_exporters() -> None:
    assert formats_for("records") == ["csv", "json", "xlsx"]
    text = export("records", "csv", [MINIMAL["laboratory"]]).decode()
    assert text == (
        "identifier,government,name,accredited,valid_from,valid_to,demonstration\n"
        "laboratory-min,ng,Lab,false,2019-01-01,,false\n"
    )


def test_writing_refuses_records_of_another_type(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="laboratory-min is not a decision record"):
        write_records([MINIMAL["laboratory"]], "decision", tmp_path / "x.csv")
    with pytest.raises(ValueError, match="unsupported record format 'txt'"):
        write_records([MINIMAL["laboratory"]], "laboratory", tmp_path / "x.txt")


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text("before\n")
    bad = FULL["cb-activity"].model_copy(update={"providers": ["FAO; UNDP"]})
    assert isinstance(bad, CapacityActivity)
    with pytest.raises(ValueError, match="'FAO; UNDP' cannot be written in a table cell"):
        write_records([bad], "cb-activity", path)
    assert path.read_text() == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["activities.csv"]
