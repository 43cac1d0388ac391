"""Applying answers: sanitising, exclusive options, conditions (pure, no database)."""

from __future__ import annotations

import json

from cpbmonitor.core.formats import parse_bch_format
from cpbmonitor.core.reports import Answer
from cpbmonitor.reporting import editing
from tests.national_reports.documents import SCHEMA, TINY_FORMAT

TINY = parse_bch_format(json.loads(TINY_FORMAT.read_text()), SCHEMA)


def test_script_tags_are_stripped_from_text_and_additional_text():
    changes = {
        "Q008_a": Answer("Q008_a", text={"en": "Laws<script>alert(1)</script> <b>and</b> decrees"}),
        "Q009": Answer(
            "Q009", ("true.some",), additional={"true.some": {"en": "<img src=x onerror=y()>Agri"}}
        ),
    }
    result = editing.apply(TINY, {}, changes)
    assert result.ok
    assert result.answers["Q008_a"].text == {"en": "Laws and decrees"}
    assert result.answers["Q009"].additional == {"true.some": {"en": "Agri"}}


def test_encoded_tags_cannot_slip_through():
    assert "<script" not in editing.clean_text("&lt;script&gt;alert(1)&lt;/script&gt;ok")
    assert editing.clean_text("a < b & c") == "a < b & c"


def test_rich_text_keeps_formatting_but_not_scripts():
    cleaned = editing.clean_rich_text('<p onclick="x()">Hi <a href="javascript:x()">l</a></p>')
    assert cleaned == '<p>Hi <a rel="noopener noreferrer">l</a></p>'


def test_exclusive_option_combined_is_refused():
    values = ("instrument.nationalBiosafetyLaws", "instrument.none")
    result = editing.apply(TINY, {}, {"Q008": Answer("Q008", values, listed=True)})
    assert not result.ok
    assert result.problems[0].question == "Q008"
    assert result.problems[0].code == "exclusive-combined"
    assert "“None” cannot be combined" in result.problems[0].message
    assert result.answers == {}


def test_unknown_option_is_refused():
    result = editing.apply(TINY, {}, {"Q007": Answer("Q007", ("nonsense",))})
    assert [p.code for p in result.problems] == ["unknown-option"]


def test_disabled_questions_are_cleared():
    current = {
        "Q122": Answer("Q122", ("true",)),
        "Q123": Answer("Q123", ("7C980FF4-3C5B-4711-81F9-BA6F28C12598",), listed=True),
        "Q124": Answer("Q124", ("true",)),
    }
    result = editing.apply(TINY, current, {"Q122": Answer("Q122", ("false",))})
    assert result.ok
    assert sorted(result.cleared) == ["Q123", "Q124"]
    assert set(result.answers) == {"Q122"}


def test_empty_answer_removes_and_changes_are_listed():
    old = {"Q007": Answer("Q007", ("implementation.none",))}
    result = editing.apply(TINY, old, {"Q007": Answer("Q007", ())})
    assert result.answers == {}
    assert editing.changes(TINY, old, result.answers) == [
        {"question": "Q007", "old": "None", "new": ""}
    ]


def test_json_round_trip():
    answers = {
        "Q008": Answer("Q008", ("instrument.nationalBiosafetyLaws",), listed=True),
        "Q009": Answer("Q009", ("true.some",), additional={"true.some": {"en": "x"}}),
    }
    data = editing.answers_to_json(answers)
    assert data["Q008"] == [{"value": "instrument.nationalBiosafetyLaws"}]
    assert editing.answers_from_json(SCHEMA, data) == answers
