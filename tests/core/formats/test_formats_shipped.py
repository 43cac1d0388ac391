"""The project's shipped definitions agree with the real BCH formats and mapping."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest

from cpbmonitor.core.formats import (
    REGISTRY,
    SHIPPED_SCHEMAS,
    FormatError,
    Questionnaire,
    crosswalk,
    cycle,
    cycle_for_schema,
    cycles,
    load_bch_format,
    parse_shipped_format,
    shipped_format,
)

REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"
REQUIRED = {
    "cpbNationalReport5": {
        "Q007",
        "Q008",
        "Q011",
        "Q012",
        "Q053",
        "Q079",
        "Q089",
        "Q098",
        "Q122",
        "Q123",
        "Q124",
        "Q131",
        "Q145",
        "Q149",
        "Q153",
        "Q155",
        "Q159",
        "Q160",
    },
    "cpbNationalReport4": {
        "Q014",
        "Q015",
        "Q018",
        "Q019",
        "Q061",
        "Q091",
        "Q102",
        "Q108",
        "Q132",
        "Q134",
        "Q135",
        "Q136",
        "Q150",
        "Q158",
        "Q162",
        "Q167",
        "Q169",
        "Q171",
    },
}


@cache
def real(schema: str) -> Questionnaire:
    return load_bch_format(REF / f"{schema}.json", schema)


def structure(questionnaire: Questionnaire) -> list[tuple[object, ...]]:
    """Every fact of a format except its texts: sections, then each question and
    sub-question in document order with its options and the conditions it sets."""
    facts: list[tuple[object, ...]] = [("sections", tuple(s.key for s in questionnaire.sections))]
    for q in questionnaire.all_questions():
        options = tuple((o.value, o.exclusive, o.takes_text, o.takes_number) for o in q.options)
        conditions = tuple(
            (c.dependent, c.kind, c.values, c.trigger, c.base_question) for c in q.validations
        )
        subs = tuple(s.key for s in q.questions)
        flags = (q.number, q.section, q.type, q.multiple, q.mandatory, q.parent)
        facts.append((q.key, *flags, options, conditions, subs))
    return facts


@pytest.mark.parametrize(
    ("schema", "count"), [("cpbNationalReport4", 220), ("cpbNationalReport5", 237)]
)
def test_built_in_format_is_the_real_format_key_by_key(schema: str, count: int) -> None:
    shipped, full = shipped_format(schema), real(schema)
    assert len(shipped.all_questions()) == count
    assert REQUIRED[schema] <= {q.key for q in shipped.all_questions()}
    mine, theirs = structure(shipped), structure(full)
    for ours, real_one in zip(mine, theirs, strict=True):
        assert ours == real_one
    assert set(shipped.conditions()) == set(full.conditions())


@pytest.mark.parametrize("schema", SHIPPED_SCHEMAS)
def test_built_in_labels_are_the_projects_own(schema: str) -> None:
    shipped, full = shipped_format(schema), real(schema)
    for section, real_section in zip(shipped.sections, full.sections, strict=True):
        assert section.title
        assert len(real_section.title) <= 25 or section.title != real_section.title
    for q in shipped.all_questions():
        r = full.question(q.key)
        assert r is not None
        assert q.title and q.title != r.title, q.key  # our own label, not the BCH text
        assert all(
            o.title != ro.title
            for o, ro in zip(q.options, r.options, strict=True)
            if len(ro.title) > 25
        ), q.key


def test_named_rules_of_the_formats_are_all_registered() -> None:
    named = {c.kind for s in SHIPPED_SCHEMAS for c in shipped_format(s).conditions() if c.is_named}
    assert named == set(REGISTRY)


def test_capacity_building_terms_are_kept_exactly() -> None:
    q135 = shipped_format("cpbNationalReport4").question("Q135")
    q123 = shipped_format("cpbNationalReport5").question("Q123")
    assert q135 is not None and q123 is not None
    assert len(q135.options) == 17
    real_q135 = real("cpbNationalReport4").question("Q135")
    assert real_q135 is not None
    assert q135.option_values == real_q135.option_values
    assert q123.option_values == q135.option_values
    assert q135.options[-1].takes_text  # "other", with a text


def test_cycles() -> None:
    assert [c.number for c in cycles()] == [None, 1, 2, 3, 4, 5]
    assert cycle(4).deadline == dt.date(2019, 10, 1)
    fifth = cycle(5)
    assert (fifth.schema, fifth.deadline) == ("cpbNationalReport5", dt.date(2026, 2, 28))
    assert fifth.note is not None and "2026-02-28" in fifth.note
    assert cycle("interim").schema == "cpbInterimNationalReport"
    assert cycle_for_schema("cpbNationalReport4").year == 2019
    raw = json.loads((REF / "reporting-cycles.json").read_text(encoding="utf-8"))
    assert [(c["schema"], c["deadline"]) for c in raw] == [
        (c.schema, c.deadline.isoformat()) for c in cycles()
    ]
    with pytest.raises(KeyError):
        cycle(9)


def test_crosswalk_matches_bch_mapping() -> None:
    raw = json.loads((REF / "mapping-cpbNationalReport5-to-4.json").read_text(encoding="utf-8"))
    walk = crosswalk("cpbNationalReport5", "cpbNationalReport4")
    for key, target in raw.items():
        if key != "schema":
            expected = target if isinstance(target, str) else target["question"]
            assert walk.map_question(key) == expected
    assert len(walk.links) == len(raw) - 1
    assert walk.map_question("Q009") is None


def test_crosswalk_value_mapping_q131_q150() -> None:
    five_to_four = crosswalk("cpbNationalReport5", "cpbNationalReport4")
    assert five_to_four.map_question("Q131") == "Q150"
    assert [five_to_four.map_value("Q131", v) for v in ("none", "5+", "false.na")] == [
        "0",
        "5+",
        "na",
    ]
    assert five_to_four.map_value("Q007", "implementation.none") == "implementation.none"
    four_to_five = crosswalk("cpbNationalReport4", "cpbNationalReport5")
    assert four_to_five.map_question("Q150") == "Q131"
    assert [four_to_five.map_value("Q150", v) for v in ("0", "5-", "1+", "5+", "na")] == [
        "none",
        "1+",
        "1+",
        "5+",
        "false.na",
    ]
    fifth = shipped_format("cpbNationalReport5").question("Q131")
    assert fifth is not None
    assert {four_to_five.map_value("Q150", v) for v in ("0", "1+", "5+", "na")} == set(
        fifth.option_values
    )
    with pytest.raises(KeyError):
        crosswalk("cpbNationalReport3", "cpbNationalReport5")


def test_malformed_shipped_definition_names_item_and_field() -> None:
    data = {
        "schema": "s",
        "sections": [
            {"key": "A", "label": "a", "questions": [{"key": "Q1", "type": "nope", "label": "x"}]}
        ],
    }
    with pytest.raises(FormatError) as info:
        parse_shipped_format(data, "s.yaml")
    assert info.value.source == "s.yaml"
    assert info.value.item == "sections/0/questions/0"
    assert info.value.field == "type"
