"""Completeness (enabled mandatory questions answered) and timeliness."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cpbmonitor.core.formats import load_bch_format, parse_shipped_format
from cpbmonitor.core.reports import (
    ReportDocument,
    is_complete,
    is_on_time,
    missing_mandatory,
    parse_document,
    read_documents,
)

REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reports"
YES_NO = [{"value": "true", "label": "y"}, {"value": "false", "label": "n"}]
TINY = parse_shipped_format(
    {
        "schema": "tiny",
        "sections": [
            {
                "key": "S",
                "label": "s",
                "questions": [
                    {
                        "key": "Q011",
                        "type": "option",
                        "label": "staff",
                        "mandatory": True,
                        "options": YES_NO,
                        "conditions": [
                            {"dependent": "Q012", "kind": "@hasValues", "values": ["true"]}
                        ],
                    },
                    {
                        "key": "Q012",
                        "type": "option",
                        "label": "how many",
                        "mandatory": True,
                        "options": [{"value": "1+"}],
                    },
                    {"key": "Q013", "type": "lstring", "label": "details"},
                ],
            }
        ],
    }
)


def doc(**answers: object) -> ReportDocument:
    return parse_document(
        {
            "header": {"identifier": "i", "schema": "tiny"},
            "government": {"identifier": "br"},
            **answers,
        }
    )


def test_disabled_mandatory_question_needs_no_answer() -> None:
    no = doc(Q011={"value": "false"})
    assert missing_mandatory(no, TINY) == []
    assert is_complete(no, TINY)
    yes = doc(Q011={"value": "true"})
    assert missing_mandatory(yes, TINY) == ["Q012"]
    assert missing_mandatory(doc(), TINY) == ["Q011"]
    blank = doc(Q011={"value": "true"}, Q012=[])
    assert missing_mandatory(blank, TINY) == ["Q012"]


def test_real_format_missing_keys_respect_conditions() -> None:
    fifth = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    (report,) = read_documents(FIXTURES / "br-cpbNationalReport5.json")
    missing = missing_mandatory(report, fifth)
    assert "Q124" not in missing and "Q012_adq" not in missing
    assert "Q010" in missing and "Q023" not in missing  # Q023 waits on Q022
    assert not is_complete(report, fifth)


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        (dt.datetime(2019, 10, 1, 23, 59, tzinfo=dt.UTC), True),
        (dt.datetime(2019, 10, 2, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))), True),
        (dt.datetime(2019, 10, 1, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-2))), False),
        (dt.datetime(2019, 10, 1, 12), True),
        (None, False),
    ],
)
def test_is_on_time(submitted: dt.datetime | None, expected: bool) -> None:
    assert is_on_time(submitted, dt.date(2019, 10, 1)) is expected


def test_mandatory_sub_section_whose_sub_questions_are_all_disabled_needs_no_answer() -> None:
    """Fifth report Q059 (mandatory sub-section): Q059_a and Q059_b are enabled only when
    Q055 is 'true'; with Q055 'false' the sub-section needs no answer."""
    fifth = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    (report,) = read_documents(FIXTURES / "br-cpbNationalReport5.json")
    body = report.to_bch()
    body.pop("Q059_a", None)
    body.pop("Q059_b", None)
    body.pop("Q059", None)
    body["Q055"] = {"value": "false"}
    assert "Q059" not in missing_mandatory(parse_document(body), fifth)
    body["Q055"] = {"value": "true"}
    missing = missing_mandatory(parse_document(body), fifth)
    assert "Q059" in missing and "Q059_a" in missing
