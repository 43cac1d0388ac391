"""Parsing BCH report documents, bare or wrapped, and writing them back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cpbmonitor.core.reports import Answer, ReportInputError, parse_document, read_documents

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reports"


def test_wrapped_document() -> None:
    (doc,) = read_documents(FIXTURES / "br-cpbNationalReport5.json")
    assert (doc.schema, doc.identifier, doc.government) == (
        "cpbNationalReport5",
        "NR5-BR-0001",
        "br",
    )
    assert doc.submitted_on == dt.datetime(2026, 2, 27, 23, 30, tzinfo=dt.UTC)
    assert doc.published_on == dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert doc.answers["Q007"] == Answer("Q007", ("implementation.partiallyInPlace",))
    assert doc.answers["Q008"].values == (
        "instrument.nationalBiosafetyLaws",
        "instrument.biosafetyGuidelines",
    )
    assert doc.answers["Q009"].additional == {
        "true.some": {"en": "Biosafety is in the biodiversity strategy."}
    }
    other = "5B6177DD-5E5E-434E-8CB7-D63D67D5EBED"
    assert doc.answers["Q123"].additional == {other: {"en": "Laboratory accreditation"}}


def test_sub_section_answers_are_flattened() -> None:
    (doc,) = read_documents(FIXTURES / "br-cpbNationalReport5.json")
    assert "Q155" not in doc.answers
    assert doc.answers["Q155_c_adq"].values == ("false",)
    assert {"Q155_a", "Q155_c"} <= set(doc.answers)


def test_bare_document_text_number_and_round_trip() -> None:
    data = {
        "header": {"identifier": "x1", "schema": "cpbNationalReport5", "languages": ["en"]},
        "government": {"identifier": "EU"},
        "Q008_a": {"en": "Text", "fr": "Texte"},
        "Q026_adq": 3,
        "Q012": {"value": "1+"},
        "Q053_a": [{"value": "2314EDF6-3B1D-D44D-253D-18B14EFC5C67"}],
        "notes": "kept",
    }
    doc = parse_document(data)
    assert doc.government == "eu"
    assert doc.answers["Q008_a"].text == {"en": "Text", "fr": "Texte"}
    assert doc.answers["Q026_adq"].number == 3
    assert doc.submitted_on is None
    assert doc.to_bch() == {**data, "government": {"identifier": "eu"}}
    assert parse_document(doc.to_bch()) == doc


def test_wrapped_round_trip() -> None:
    (doc,) = read_documents(FIXTURES / "br-cpbNationalReport5.json")
    again = parse_document(json.loads(json.dumps(doc.to_bch(wrapped=True))))
    assert again == doc
    assert doc.to_bch(wrapped=True)["submittedOn"] == "2026-02-27T23:30:00Z"


@pytest.mark.parametrize(
    ("data", "question", "value", "message"),
    [
        ({"government": {"identifier": "br"}}, None, None, "missing 'header'"),
        ({"header": {"schema": "s", "identifier": "i"}}, None, None, "missing government"),
        (
            {"header": {"schema": "s", "identifier": "i"}, "government": "br", "Q007": "yes"},
            "Q007",
            "yes",
            "unreadable answer",
        ),
        (
            {"header": {"schema": "s", "identifier": "i"}, "government": "br", "Q8": {"en": 1}},
            "Q8",
            {"en": 1},
            "expected a text per language",
        ),
    ],
)
def test_errors_name_file_document_question_value(
    data: dict[str, object], question: str | None, value: object, message: str
) -> None:
    with pytest.raises(ReportInputError) as info:
        parse_document(data, "in.json")
    error = info.value
    assert (error.file, error.question, error.value) == ("in.json", question, value)
    assert message in str(error)
    if question:
        assert str(error).startswith("in.json: document br/i: question ")


def test_read_documents_list_and_bad_json(tmp_path: Path) -> None:
    docs = read_documents(FIXTURES / "br-cpbNationalReport5-with-problems.json")
    assert [d.identifier for d in docs] == ["NR5-BR-0002", "NR4-BR-0003"]
    bad = tmp_path / "bad.json"
    bad.write_text("[", encoding="utf-8")
    with pytest.raises(ReportInputError, match="cannot read JSON"):
        read_documents(bad)
