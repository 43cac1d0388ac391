"""Enabled/visible questions on the real formats, including named rules."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cpbmonitor.core.formats import (
    REGISTRY,
    Condition,
    Questionnaire,
    UnknownRuleError,
    condition_holds,
    is_active,
    load_bch_format,
    question_states,
)
from cpbmonitor.core.reports import Answer

REF = Path(__file__).resolve().parents[3] / "../shared/reference/bch-national-report-formats"


@cache
def fmt(n: int) -> Questionnaire:
    return load_bch_format(REF / f"cpbNationalReport{n}.json", f"cpbNationalReport{n}")


def answers(**values: str) -> dict[str, Answer]:
    return {k: Answer(k, (v,)) for k, v in values.items()}


@pytest.mark.parametrize(
    ("given", "expected"), [({"Q122": "true"}, True), ({"Q122": "false"}, False), ({}, False)]
)
def test_q122_enables_q123_and_q124(given: dict[str, str], expected: bool) -> None:
    states = question_states(fmt(5), answers(**given))
    assert states.is_active("Q123") is expected
    assert states.is_active("Q124") is expected
    assert states.is_active("Q122") is True  # no rule: always enabled


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"Q079": "false", "Q080": "true.some", "Q081": "false"}, True),
        ({"Q081": "true"}, True),
        ({"Q079": "false", "Q080": "false", "Q081": "false"}, False),
    ],
)
def test_named_rule_is79or80or81(given: dict[str, str], expected: bool) -> None:
    assert is_active(fmt(5), "Q082", answers(**given)) is expected


def test_named_rule_on_sub_questions_any_rule_suffices() -> None:
    assert is_active(fmt(5), "Q165", answers(Q162_b="true"))
    assert not is_active(fmt(5), "Q163", answers(Q162_b="true"))
    assert is_active(fmt(4), "Q072", answers(Q071_a="false", Q071_b="true"))


def test_a_disabled_controller_clears_its_dependents() -> None:
    given = answers(Q011="false", Q012="5+", Q012_adq="true")
    states = question_states(fmt(5), given)
    assert not states.is_active("Q012")
    assert not states.is_active("Q012_adq")  # its controller's answer is cleared
    assert question_states(fmt(5), answers(Q011="true", Q012="5+")).is_visible("Q012_adq")


def test_has_values_except_and_sub_section_parent() -> None:
    assert not is_active(fmt(5), "Q147", answers(Q146="0"))
    assert is_active(fmt(5), "Q147", answers(Q146="1+"))
    assert not is_active(fmt(5), "Q043_a", answers(Q038="true", Q042="false"))
    assert is_active(fmt(5), "Q043_a", answers(Q038="true", Q042="true"))


def test_has_additional_values() -> None:
    value = "3EFF4792-A896-4DC7-9945-04FE9C8B5B4F"
    with_text = {
        "Q033": Answer("Q033", ("true",)),
        "Q036": Answer("Q036", (value,), additional={value: {"": "40"}}),
    }
    without = {"Q033": Answer("Q033", ("true",)), "Q036": Answer("Q036", (value,))}
    assert is_active(fmt(4), "Q037", with_text)
    assert not is_active(fmt(4), "Q037", without)


def test_active_keys_and_unknown_rule() -> None:
    active = question_states(fmt(5), answers(Q122="false")).active_keys()
    assert "Q122" in active and "Q123" not in active
    rule = Condition("Q001", "Q002", "&noSuchRule")
    with pytest.raises(UnknownRuleError):
        condition_holds(rule, lambda key: None)
    assert set(REGISTRY) >= {c.kind for n in (4, 5) for c in fmt(n).conditions() if c.is_named}


def test_why_a_question_takes_no_answer_is_said_in_words() -> None:
    from cpbmonitor.core.formats import shipped_format

    fifth = shipped_format("cpbNationalReport5")
    states = question_states(fifth, {"Q066_a": Answer("Q066_a", ("false",))})
    assert states.why_inactive("Q067") == (
        "Q067 is enabled only when Q066_a or Q066_b is true (rule &is66_aOr66_b)"
    )
    assert states.why_inactive("Q010_adq") == "Q010_adq is shown only when Q010 is 'true'"
    assert states.why_inactive("Q007") is None
    states = question_states(fifth, {"Q066_a": Answer("Q066_a", ("true",))})
    assert states.why_inactive("Q067") is None
