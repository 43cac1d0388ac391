"""The real BCH formats import completely: every question, option and condition."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cpbmonitor.core.formats import REGISTRY, FormatError, load_bch_format, parse_bch_format

REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"
SCHEMAS = {"cpbNationalReport4": (220, 606, 64), "cpbNationalReport5": (237, 601, 61)}
"""schema -> worked-out (questions incl. sub-questions, options, conditions)."""


def raw_questions(schema: str) -> Iterator[dict[str, Any]]:
    """Each raw question, with the key of the section it sits in added as ``"in"``."""

    def walk(questions: list[dict[str, Any]], section: str) -> Iterator[dict[str, Any]]:
        for q in questions:
            yield {**q, "in": section}
            yield from walk(q.get("questions", []), section)

    for section in json.loads((REF / f"{schema}.json").read_text(encoding="utf-8")):
        yield from walk(section["questions"], section["key"])


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_counts_match_raw_json(schema: str) -> None:
    raw = list(raw_questions(schema))
    questions, options, conditions = SCHEMAS[schema]
    assert len(raw) == questions
    assert sum(len(q.get("options") or []) for q in raw) == options
    assert sum(len(q.get("validations") or []) for q in raw) == conditions

    fmt = load_bch_format(REF / f"{schema}.json", schema)
    assert fmt.schema == schema
    assert len(fmt.all_questions()) == questions
    assert sum(len(q.options) for q in fmt.all_questions()) == options
    assert len(fmt.conditions()) == conditions


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_every_question_option_and_condition_survives(schema: str) -> None:
    fmt = load_bch_format(REF / f"{schema}.json", schema)
    for raw in raw_questions(schema):
        q = fmt.question(raw["key"])
        assert q is not None, raw["key"]
        assert (q.number, q.type, q.section) == (raw["number"], raw["type"], raw["in"])
        assert q.multiple == raw.get("multiple", False)
        assert q.mandatory == raw.get("mandatory", False)
        assert [s.key for s in q.questions] == [s["key"] for s in raw.get("questions", [])]
        for o, r in zip(q.options, raw.get("options") or [], strict=True):
            assert o.value == r["value"]
            assert o.exclusive == r.get("exclusive", False)
            assert o.takes_text == (r.get("type") == "lstring")
            assert o.takes_number == (r.get("type") == "int")
        for c, v in zip(q.validations, raw.get("validations") or [], strict=True):
            assert (c.controller, c.dependent, c.kind, c.trigger) == (
                raw["key"],
                v["question"],
                v["type"],
                v["trigger"],
            )
            assert c.values == (tuple(v["values"]) if "values" in v else None)
            assert c.base_question == v.get("baseQuestion")
            assert c in fmt.conditions_on(v["question"])


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_named_rules_are_registered_and_dependents_exist(schema: str) -> None:
    fmt = load_bch_format(REF / f"{schema}.json", schema)
    for c in fmt.conditions():
        assert fmt.question(c.dependent) is not None
        if c.is_named:
            assert c.kind in REGISTRY


def test_sub_questions_know_their_parent() -> None:
    fmt = load_bch_format(REF / "cpbNationalReport5.json", "cpbNationalReport5")
    sub = fmt.question("Q155_c_adq")
    assert sub is not None and sub.parent == "Q155"
    assert [c.controller for c in fmt.conditions_on("Q123")] == ["Q122"]
    assert {c.controller for c in fmt.conditions_on("Q165")} == {"Q162_a", "Q162_b"}


def _broken(question: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"key": "Article2", "title": "t", "questions": [question]}]


@pytest.mark.parametrize(
    ("question", "item", "field"),
    [
        ({"key": "Q001", "type": "bogus"}, "question Q001", "type"),
        ({"type": "option"}, "section Article2 question #1", "key"),
        ({"key": "Q001", "type": "option", "mandatory": "yes"}, "question Q001", "mandatory"),
        (
            {"key": "Q001", "type": "option", "validations": [{"question": "Q002", "type": "?"}]},
            "question Q001",
            "validations[Q002].type",
        ),
        (
            {"key": "Q001", "type": "option", "options": [{"value": "x", "type": "date"}]},
            "question Q001",
            "options[x].type",
        ),
    ],
)
def test_malformed_input_names_file_item_and_field(
    question: dict[str, Any], item: str, field: str
) -> None:
    with pytest.raises(FormatError) as info:
        parse_bch_format(_broken(question), "s", source="nr.json")
    assert (info.value.source, info.value.item, info.value.field) == ("nr.json", item, field)
    assert str(info.value).startswith(f"nr.json: {item}: {field}: ")


def test_duplicate_keys_and_unreadable_file(tmp_path: Path) -> None:
    dup = [{"key": "S", "questions": [{"key": "Q1", "type": "legend"}] * 2}]
    with pytest.raises(FormatError, match="duplicate key"):
        parse_bch_format(dup, "s")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json"):
        load_bch_format(bad, "s")


def test_a_question_belongs_to_the_section_it_sits_in() -> None:
    """The BCH's ``section`` property names another section for Q051 of the fourth format
    (``Articles12``); the question is shown in the section that holds it."""
    raw = {q["key"]: q for q in raw_questions("cpbNationalReport4")}
    assert (raw["Q051"]["section"], raw["Q051"]["in"]) == ("Articles12", "Article12")
    fmt = load_bch_format(REF / "cpbNationalReport4.json", "cpbNationalReport4")
    section = next(s for s in fmt.sections if s.key == "Article12")
    assert "Q051" in [q.key for q in section.questions]
    assert fmt.question("Q051").section == "Article12"  # type: ignore[union-attr]
    assert fmt.question("Q051_a").section == "Article12"  # type: ignore[union-attr]


def test_a_format_file_with_a_byte_order_mark_or_nested_too_deep(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + (REF / "cpbNationalReport5.json").read_bytes())
    assert len(load_bch_format(with_bom, "cpbNationalReport5").all_questions()) == 237
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(FormatError) as info:
        load_bch_format(deep, "cpbNationalReport5")
    assert str(info.value) == f"{deep}: (file): -: nested more than 32 levels deep; refused"
