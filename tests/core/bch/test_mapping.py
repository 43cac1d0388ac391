"""The record mapping as data: the shipped file loads; bad files name the item and field;
a BCH document maps to the record type's model."""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.bch.documents import mismatch, wrapped
from cpbmonitor.core.bch.index import IndexEntry
from cpbmonitor.core.bch.mapping import load_mapping, map_record, shipped_mapping
from cpbmonitor.core.records import Decision, Laboratory
from cpbmonitor.core.yamlfile import DataFileError
from tests.paths import FIXTURES

BCH = FIXTURES / "bch"
ENTRY = IndexEntry(
    "LAB-1",
    "br",
    "biosafetyLaboratory",
    dt.datetime(2019, 4, 2, 8, tzinfo=dt.UTC),
    dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
)


def test_shipped_mapping_covers_the_record_types_with_a_bch_counterpart() -> None:
    mapping = shipped_mapping()
    assert sorted({m.record_type for m in mapping.records}) == [
        "cb-resource", "contact", "decision", "detection-method", "laboratory", "lmo",
        "risk-assessment",
    ]  # fmt: skip
    assert [(c.bch_schema, c.kind) for c in mapping.counted] == [
        ("resource", "virtual-library-resource"),
        ("biosafetyExpert", "expert"),
        ("organization", "organization"),
    ]


def test_a_document_maps_to_its_record() -> None:
    mapping = load_mapping(BCH / "records-tiny.yaml").records[0]
    document = {"name": {"fr": "Labo", "en": "Central laboratory"}, "accredited": {"value": "true"}}
    record = map_record(mapping, document, ENTRY, "BCH biosafetyLaboratory")
    assert record == Laboratory(
        identifier="LAB-1",
        government="br",
        name="Central laboratory",
        accredited=True,
        valid_from=dt.date(2019, 4, 2),
    )


def test_terms_are_translated_and_lists_read() -> None:
    mapping = shipped_mapping().record_schema("biosafetyDecision")
    assert mapping is not None
    document = {
        "title": {"en": "Import of maize for feed"},
        "decisionTypes": [{"identifier": "directUse"}],
        "lmos": [{"identifier": "LMO-1"}, {"identifier": "LMO-2"}],
        "riskAssessments": [{"identifier": "RA-1"}],
        "dateOfDecision": "2021-05-06",
    }
    entry = IndexEntry("DEC-1", "ng", "biosafetyDecision", ENTRY.created, ENTRY.updated)
    assert map_record(mapping, document, entry, "BCH") == Decision(
        identifier="DEC-1",
        government="ng",
        title="Import of maize for feed",
        decision_type="direct-use-food-feed-processing",
        lmos=["LMO-1", "LMO-2"],
        risk_assessment="RA-1",
        valid_from=dt.date(2021, 5, 6),
    )


def test_a_document_that_does_not_make_a_record_names_field_and_value() -> None:
    mapping = load_mapping(BCH / "records-tiny.yaml").records[0]
    problems = map_record(mapping, {"accredited": "perhaps"}, ENTRY, "BCH biosafetyLaboratory")
    assert [p.describe() for p in problems] == [  # type: ignore[union-attr]
        "BCH biosafetyLaboratory: laboratory LAB-1: field name: Field required",
        "BCH biosafetyLaboratory: laboratory LAB-1: field accredited: value 'perhaps': "
        "Input should be a valid boolean, unable to interpret input",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "unknown-field",
            "records-with-problems-unknown-field.yaml, line 8: "
            "record #1, field 'colour': not a field of laboratory",
        ),
        (
            "missing-field",
            "records-with-problems-missing-field.yaml, line 5: "
            "record #1, field 'fields': required fields of laboratory not mapped: name",
        ),
        (
            "two-sources",
            "line 7: record #1, field 'name': Value error, give either 'path' or 'value'",
        ),
        ("duplicate", "line 4: counted #2, field 'schema': schema organization given twice"),
    ],
)
def test_bad_mapping_files_name_the_item_and_field(name: str, message: str) -> None:
    with pytest.raises(DataFileError) as caught:
        load_mapping(BCH / f"records-with-problems-{name}.yaml")
    assert message in str(caught.value)


def test_fetched_report_is_wrapped_with_the_index_dates() -> None:
    entry = IndexEntry("NR5-BR", "br", "cpbNationalReport5", ENTRY.created, ENTRY.updated)
    bare = {"header": {"identifier": "NR5-BR", "schema": "cpbNationalReport5"}}
    assert wrapped(bare, entry) == {
        "identifier": "NR5-BR",
        "submittedOn": "2020-01-01T00:00:00Z",
        "publishedOn": "2020-01-01T00:00:00Z",
        "body": bare,
    }
    given = {"identifier": "NR5-BR", "submittedOn": "2019-12-31", "body": bare}
    assert wrapped(given, entry)["submittedOn"] == "2019-12-31"
    assert mismatch(given, entry) is None
    other = {"header": {"identifier": "NR5-NG", "schema": "cpbNationalReport5"}}
    assert mismatch(other, entry) == (
        "the document's header names identifier 'NR5-NG', the index 'NR5-BR'"
    )
