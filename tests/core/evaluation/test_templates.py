"""Sentence templates: numbers come only from fields, and each keeps where it came from."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.core.evaluation import TEMPLATES, Number, Ref, TemplateError, say, template
from cpbmonitor.core.evaluation.templates import fields_of


def test_no_registered_template_has_a_digit_in_its_own_words() -> None:
    for name, text in TEMPLATES.items():
        literal = re.sub(r"\{[a-z_]+\}", "", text)
        assert not re.search(r"\d", literal), name


def test_a_template_with_a_digit_is_refused() -> None:
    with pytest.raises(TemplateError, match="digit"):
        template("test.digit", "Of the 120 Parties, {numerator} reported.")
    assert "test.digit" not in TEMPLATES


def test_a_template_is_registered_once() -> None:
    with pytest.raises(TemplateError, match="twice"):
        template("indicator.up", "Up from {baseline}.")


def test_say_fills_numbers_and_words_and_keeps_the_numbers() -> None:
    baseline = Number(60.0, "60%", Ref("A.1(a)", "global", "baseline_value"))
    change = Number(-2.86, "-2.86", Ref("A.1(a)", "global", "change"))
    sentence = say("indicator.down", baseline=baseline, change=change)
    assert sentence.text == "This is down from 60% at the baseline (-2.86 points)."
    assert sentence.numbers == (baseline, change)
    assert sentence.template == "indicator.down"


def test_say_starts_with_a_capital_and_names_missing_or_unknown_fields() -> None:
    assert say("goal.declined", codes="A.1(a)").text == (
        "Indicators that declined since the baseline: A.1(a)."
    )
    with pytest.raises(TemplateError, match="takes fields"):
        say("goal.declined")
    with pytest.raises(TemplateError, match="takes fields"):
        say("goal.declined", codes="A.1(a)", extra="x")
    with pytest.raises(TemplateError, match="no sentence template 'nope'"):
        say("nope")


def test_fields_of_lists_placeholders_in_order() -> None:
    assert fields_of(TEMPLATES["indicator.up"]) == ["baseline", "change"]
