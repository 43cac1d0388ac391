"""Validation of tiny fixture documents: valid ones, and one Problem per bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from cpbmonitor.core.formats import load_bch_format, shipped_format
from cpbmonitor.core.reports import Problem, describe, parse_document, read_documents, validate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reports"
REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("br-cpbNationalReport5.json", "cpbNationalReport5"),
        ("bw-cpbNationalReport4.json", "cpbNationalReport4"),
    ],
)
def test_valid_fixtures_have_no_problems(name: str, schema: str) -> None:
    (doc,) = read_documents(FIXTURES / name)
    assert validate(doc, shipped_format(schema)) == []
    assert validate(doc, load_bch_format(REF / f"{schema}.json", schema)) == []


def test_each_bad_input_gives_exactly_its_problem() -> None:
    bad, other_schema = read_documents(FIXTURES / "br-cpbNationalReport5-with-problems.json")
    fifth = shipped_format("cpbNationalReport5")
    found = [(p.question, p.value, p.code) for p in validate(bad, fifth)]
    assert found == [
        ("Q999", None, "unknown-question"),
        ("Q010", "maybe", "unknown-option"),
        ("Q009", "true, false", "several-values"),
        ("Q008", "instrument.none", "exclusive-combined"),
        ("Q012", "1+", "disabled"),
        ("Q007", "fully", "wrong-type"),
    ]
    assert validate(other_schema, fifth) == [
        Problem(
            "br",
            "NR4-BR-0003",
            None,
            "cpbNationalReport4",
            "document schema cpbNationalReport4 is not cpbNationalReport5",
            "schema-mismatch",
        )
    ]


def test_text_given_for_an_integer() -> None:
    fifth = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    doc = parse_document(
        {
            "header": {"identifier": "i", "schema": "cpbNationalReport5"},
            "government": {"identifier": "br"},
            "Q026": {"value": "true"},
            "Q026_adq": {"en": "three"},
        }
    )
    (problem,) = validate(doc, fifth)
    assert (problem.question, problem.value, problem.code) == ("Q026_adq", "three", "wrong-type")
    assert describe(problem, "nr.json") == (
        "nr.json: br/i: Q026_adq: 'three': text given where int expects an integer"
    )
