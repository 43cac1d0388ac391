"""Reading records from CSV, XLSX and JSON: the conventions, and every kind of problem."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from cpbmonitor.core.records import (
    CapacityActivity,
    Decision,
    LivingModifiedOrganism,
    NationalContact,
)
from cpbmonitor.core.records.errors import RecordInputError, RecordProblem
from cpbmonitor.core.records.readers import read_records, read_records_data, records_columns
from tests.paths import FIXTURES

RECORDS = FIXTURES / "records"
D = dt.date


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def _problems(path: Path | str, type_name: str) -> list[str]:
    with pytest.raises(RecordInputError) as caught:
        read_records(path, type_name)
    return str(caught.value).splitlines()


# -- good files --------------------------------------------------------------------------------


def test_csv_decisions_with_lists_booleans_and_empty_cells() -> None:
    decisions = read_records(RECORDS / "decisions.csv", "decision")
    assert [d.identifier for d in decisions] == ["dec-br-001", "dec-br-002", "dec-ng-001"]
    first, second, third = decisions
    assert first == Decision(
        identifier="dec-br-001",
        government="br",
        title="Import of maize for food and feed",
        decision_type="direct-use-food-feed-processing",
        lmos=["MON-00001-1", "SYN-00002-2"],
        risk_assessment="ra-br-001",
        valid_from=D(2018, 5, 2),
    )
    assert second.risk_assessment is None and second.lmos == ["SYN-00002-2"]
    assert third.lmos == [] and third.valid_to == D(2021, 1, 1)
    assert not any(d.demonstration for d in decisions)


def test_csv_contacts() -> None:
    contacts = read_records(RECORDS / "contacts.csv", "contact")
    roles = {c.identifier: c.role for c in contacts if isinstance(c, NationalContact)}
    assert roles == {
        "contact-br-nfp-1": "national-focal-point",
        "contact-br-cna-1": "competent-national-authority",
        "contact-br-a17-1": "article-17-contact-point",
    }
    cna = contacts[1]
    assert isinstance(cna, NationalContact)
    assert cna.organization == "" and cna.email is None


def test_json_wrapped_form_with_a_list_written_as_a_cell() -> None:
    lmos = read_records(RECORDS / "lmos.json", "lmo")
    assert lmos[1] == LivingModifiedOrganism(
        identifier="SYN-00002-2",
        name="Cotton event 00002",
        organism="cotton",
        traits=["insect resistance (Lepidoptera)"],
        valid_from=D(2011, 9, 30),
    )
    assert isinstance(lmos[0], LivingModifiedOrganism)
    assert lmos[0].traits == ["insect resistance (Lepidoptera)", "herbicide tolerance (glyphosate)"]


def test_json_list_of_activities() -> None:
    first, second = read_records(RECORDS / "activities.json", "cb-activity")
    assert isinstance(first, CapacityActivity) and isinstance(second, CapacityActivity)
    assert first.funding_amount == 250000.0
    assert first.needs_areas == ["(c)", "(d)"]
    assert first.valid_to == D(2022, 2, 28)
    assert second.governments == ["ng"] and second.funding_amount is None


def test_xlsx_date_cells_number_cells_and_boolean_cells(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "labs.xlsx",
        [
            ["identifier", "government", "name", "accredited", "valid_from", "valid_to"],
            [1234, "ng", "Lab one", True, dt.datetime(2015, 3, 1), None],
            ["lab-2", "bw", 2024, "yes", "2016-01-31", dt.date(2020, 1, 1)],
            [None, None, None, None, None, None],
            ["lab-3", "bw", "Lab three", 0, "2017-05-05", None],
        ],
    )
    labs = read_records(path, "laboratory")
    assert [(lab.identifier, lab.name, lab.accredited) for lab in labs] == [
        ("1234", "Lab one", True),
        ("lab-2", "2024", True),
        ("lab-3", "Lab three", False),
    ]
    assert [(lab.valid_from, lab.valid_to) for lab in labs] == [
        (D(2015, 3, 1), None),
        (D(2016, 1, 31), D(2020, 1, 1)),
        (D(2017, 5, 5), None),
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("true", True), ("Yes", True), ("1", True), ("FALSE", False), ("no", False), ("0", False)],
)
def test_booleans_in_a_table(tmp_path: Path, cell: str, expected: bool) -> None:
    path = tmp_path / "issues.csv"
    path.write_text(
        "identifier,government,subject,finding_of_non_compliance,valid_from\n"
        f"cc-1,ng,Report missing,{cell},2019-01-01\n"
    )
    (issue,) = read_records(path, "compliance-issue")
    assert issue.finding_of_non_compliance is expected


def test_a_header_only_file_has_no_records(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(",".join(records_columns("decision")) + "\n")
    assert read_records(path, "decision") == []


def test_read_records_data_takes_typed_values_or_cell_texts() -> None:
    typed, written = read_records_data(
        [
            {
                "identifier": "cba-1",
                "title": "Course",
                "providers": ["FAO", "UNDP"],
                "level": "global",
                "valid_from": D(2021, 1, 1),
                "funding_amount": 1000,
            },
            {
                "identifier": "cba-2",
                "title": "Course",
                "providers": "FAO; UNDP",
                "level": "global",
                "valid_from": "2021-01-01",
                "funding_amount": "1000",
                "demonstration": "no",
            },
        ],
        "cb-activity",
        source="form",
    )
    assert typed.model_copy(update={"identifier": "cba-2"}) == written


# -- problems ------------------------------------------------------------------------------------


def test_decisions_with_problems_names_every_problem_once() -> None:
    path = RECORDS / "decisions-with-problems.csv"
    decision_types = (
        "'intentional-introduction', 'direct-use-food-feed-processing', 'contained-use', "
        "'transit', 'domestic-use' or 'other'"
    )
    assert _problems(path, "decision") == [
        f"{path}: header: field colour: unknown column (the columns are: identifier, "
        "government, title, decision_type, lmos, risk_assessment, valid_from, valid_to, "
        "demonstration)",
        f"{path}: row 1 (dec-br-001): field decision_type: value 'bogus': must be one of "
        + decision_types,
        f"{path}: row 2 (dec-br-002): field government: value 'BRA': must be a lower-case "
        "two-letter government code, such as br or eu",
        f"{path}: row 2 (dec-br-002): field valid_from: value '2020-02-30': "
        "is not a day of the calendar",
        f"{path}: row 3 (dec-br-001): field identifier: value 'dec-br-001': "
        "the same identifier as row 1 (dec-br-001)",
        f"{path}: row 3 (dec-br-001): field title: required, but missing or empty",
        f"{path}: row 3 (dec-br-001): field valid_from: value '02/03/2019': "
        "must be a date written YYYY-MM-DD",
        f"{path}: row 4: field identifier: required, but missing or empty",
    ]


def test_activities_with_problems() -> None:
    path = RECORDS / "activities-with-problems.json"
    assert _problems(path, "cb-activity") == [
        f"{path}: record 2 (cba-002): field providers: value []: needs at least one value",
        f"{path}: record 2 (cba-002): field regions: value 'AFRICA': must be one of "
        "'AFR', 'ASP', 'CEE', 'GRULAC' or 'WEOG'",
        f"{path}: record 2 (cba-002): field funding_amount: value -5: must be 0 or more",
        f"{path}: record 3 (cba-003): valid_to 2020-01-01 is before valid_from 2021-01-01",
        f"{path}: record 4 (cba-004): field level: value 'worldwide': must be one of "
        "'national', 'subregional', 'regional' or 'global'",
        f"{path}: record 4 (cba-004): field valid_from: value '1 May 2021': "
        "must be a date written YYYY-MM-DD",
        f"{path}: record 4 (cba-004): field colour: unknown field of a cb-activity record",
        f"{path}: record 5: must be an object of fields",
    ]


def test_contacts_with_problems_xlsx(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "contacts-with-problems.xlsx",
        [
            ["identifier", "government", "name", "email", "valid_from", "demonstration", None],
            ["c-1", "br", "Desk", "not-an-address", dt.datetime(2015, 3, 1), "maybe", None],
            ["c-2", "br", "Desk", None, dt.datetime(2015, 3, 1, 12, 30), None, None],
            ["c-3", "br", "Desk", None, 20150301, None, "stray"],
        ],
    )
    assert _problems(path, "contact") == [
        f"{path}: header: column 7 has no name",
        f"{path}: header: field role: required column missing",
        f"{path}: row 1 (c-1): field email: value 'not-an-address': must be an e-mail address",
        f"{path}: row 1 (c-1): field demonstration: value 'maybe': "
        "must be true or false (or yes/no, 1/0)",
        f"{path}: row 2 (c-2): field valid_from: value '2015-03-01T12:30:00': "
        "must be a date without a time of day",
        f"{path}: row 3 (c-3): field valid_from: value 20150301: must be a date written YYYY-MM-DD",
    ]


def test_a_usage_period_needs_its_end(tmp_path: Path) -> None:
    path = tmp_path / "usage.csv"
    path.write_text("identifier,users,visits,valid_from\nu-2019,12.5,many,2019-01-01\n")
    assert _problems(path, "usage-statistic") == [
        f"{path}: row 1 (u-2019): field users: value '12.5': must be a whole number",
        f"{path}: row 1 (u-2019): field visits: value 'many': must be a whole number",
    ]
    path.write_text("identifier,users,visits,valid_from\nu-2019,12,1000,2019-01-01\n")
    assert _problems(path, "usage-statistic") == [
        f"{path}: row 1 (u-2019): a usage period needs valid_to (its end)"
    ]


def test_column_named_twice_and_row_longer_than_header(tmp_path: Path) -> None:
    path = tmp_path / "labs.csv"
    path.write_text(
        "identifier,government,name,name,valid_from\nlab-1,ng,Lab,Lab,2019-01-01,extra\n"
    )
    assert _problems(path, "laboratory") == [
        f"{path}: header: field name: column named twice",
        f"{path}: row 1: more cells than the header has columns",
    ]


def test_unknown_type_names_the_known_types() -> None:
    (line,) = _problems(RECORDS / "decisions.csv", "decisions")
    assert line == (
        f"{RECORDS / 'decisions.csv'}: field type: value 'decisions': unknown record type "
        "(known: contact, decision, risk-assessment, lmo, detection-method, "
        "reference-material, bch-publication, laboratory, compliance-issue, "
        "compliance-review, gef-funding, usage-statistic, cb-activity, cb-resource)"
    )


def test_json_of_another_type_and_unknown_wrapper_keys(tmp_path: Path) -> None:
    path = tmp_path / "lmos.json"
    path.write_text(json.dumps({"type": "decision", "records": [], "note": "x"}))
    assert _problems(path, "lmo") == [
        f"{path}: field note: unknown property (expected type, records, label)",
        f"{path}: field type: value 'decision': the file holds decision records, not lmo",
    ]
    path.write_text(json.dumps({"identifier": "x"}))
    assert _problems(path, "lmo") == [
        f'{path}: expected a list of records, or {{"type": ..., "records": [...]}}'
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", "[{", "not JSON: Expecting property name enclosed in double quotes"),
        ("bad.csv", b"identifier\n\xff\xfe\n", "cannot read: not UTF-8 text"),
        ("bad.xlsx", "not a workbook", "cannot read: File is not a zip file"),
        ("bad.txt", "", "unsupported file type '.txt' (known: .csv, .xlsx, .json)"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: str | bytes, message: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    (line,) = _problems(path, "decision")
    assert line.startswith(f"{path}: {message}")


def test_a_missing_file(tmp_path: Path) -> None:
    assert _problems(tmp_path / "none.csv", "decision") == [
        f"{tmp_path / 'none.csv'}: no such file"
    ]


def test_problem_lines_and_the_error() -> None:
    problem = RecordProblem(
        "decisions.csv", "record 3 (dec-br-001)", "decision_type", "bogus", "must be one of x"
    )
    assert problem.describe() == (
        "decisions.csv: record 3 (dec-br-001): field decision_type: value 'bogus': must be one of x"
    )
    other = RecordProblem("decisions.csv", "", None, D(2020, 1, 1), "too late")
    error = RecordInputError([problem, other])
    assert isinstance(error, ValueError)
    assert error.problems == [problem, other]
    assert str(error).splitlines()[1] == "decisions.csv: value '2020-01-01': too late"
    with pytest.raises(ValueError, match="at least one problem"):
        RecordInputError([])
