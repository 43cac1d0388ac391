"""The rule language: parsing, errors with positions, validation and evaluation."""

from __future__ import annotations

import pytest

from cpbmonitor.core.formats import Condition, FormatSection, Option, Question, Questionnaire
from cpbmonitor.core.indicators import RuleSyntaxError, RuleValidationError, compile_rule, parse
from cpbmonitor.core.indicators.rules import And, Choice, Count, Not, Or


def _options(*values: str) -> tuple[Option, ...]:
    return tuple(Option(v) for v in values)


def _tiny() -> Questionnaire:
    """Q1 (yes/no) enables Q2 (multiple choice); Q3 is a sub-section with a and b; Q4 is text."""
    q1 = Question(
        "Q1",
        "1",
        "S",
        "Controls Q2",
        "option",
        options=_options("true", "false"),
        validations=(Condition("Q1", "Q2", "@hasValues", ("true",)),),
    )
    q2 = Question("Q2", "2", "S", "Areas", "option", multiple=True, options=_options("a", "b", "c"))
    sub = tuple(
        Question(f"Q3_{x}", x, "S", x, "option", options=_options("yes", "part", "no"), parent="Q3")
        for x in "ab"
    )
    q3 = Question("Q3", "3", "S", "Overview", "sub-section", questions=sub)
    q4 = Question("Q4", "4", "S", "Details", "lstring")
    return Questionnaire("tiny", (FormatSection("S", "S", (q1, q2, q3, q4)),))


def answers(**values: str) -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in values.items()}


# -- parsing -----------------------------------------------------------------------------


def test_precedence_not_binds_tighter_than_and_than_or() -> None:
    node = parse("not Q1 = true and Q2 in [a] or Q2 has all [b, c]")
    assert isinstance(node, Or)
    first, second = node.items
    assert isinstance(first, And) and isinstance(first.items[0], Not)
    assert isinstance(second, Choice) and second.mode == "all"


def test_count_and_patterns_and_quoted_values() -> None:
    node = parse("count(Q3_*, [yes, 'part']) >= 2")
    assert isinstance(node, Count)
    assert node.subject.pattern and node.subject.key == "Q3"
    assert node.values.items == ("yes", "part") and node.op == ">=" and node.number == 2


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("", 1, "empty rule"),
        ("Q1 = ", 6, "expected an option value"),
        ("Q1 in [a, b", 12, "expected ']'"),
        ("Q1 is true", 4, "expected 'in', 'not in', 'has'"),
        ("Q1 = true and", 14, "expected a question key"),
        ("(Q1 = true", 11, "expected ')'"),
        ("count(Q2, [a]) 2", 16, "expected a comparison"),
        ("count(Q2, [a]) >= two", 19, "expected a whole number"),
        ("Q1 = true Q2 = a", 11, "expected 'and', 'or'"),
        ("Q1 = true & Q2 = a", 11, "unexpected character '&'"),
        ("Q2 has some [a]", 8, "expected 'all' or 'any'"),
    ],
)
def test_syntax_errors_name_the_column(text: str, column: int, message: str) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse(text)
    assert caught.value.position + 1 == column
    assert message in str(caught.value)
    assert f"column {column}" in str(caught.value)


# -- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("Q9 = true", 1, "unknown question 'Q9'"),
        ("Q1 = yes", 6, "'yes' is not an option of Q1"),
        ("Q2 has all [a, d]", 16, "'d' is not an option of Q2"),
        ("Q4 = hello", 1, "no options; only answered() applies"),
        ("Q1_* in [true]", 1, "needs a sub-section"),
        ("count(Q3_*, [maybe]) > 0", 14, "'maybe' is not an option of Q3_*"),
    ],
)
def test_validation_errors(text: str, column: int, message: str) -> None:
    with pytest.raises(RuleValidationError) as caught:
        compile_rule(text, _tiny())
    assert caught.value.position + 1 == column
    assert message in str(caught.value)


def test_answered_applies_to_text_questions() -> None:
    rule = compile_rule("answered(Q4)", _tiny())
    assert rule.test(answers(Q4="some text"))
    assert not rule.test({})


# -- evaluation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "given", "expected"),
    [
        ("Q2 in [a, b]", {"Q1": "true", "Q2": "b c"}, True),
        ("Q2 in [a]", {"Q1": "true", "Q2": "b c"}, False),
        ("Q2 not in [a]", {"Q1": "true", "Q2": "b c"}, True),
        ("Q2 has all [b, c]", {"Q1": "true", "Q2": "b c"}, True),
        ("Q2 has all [a, c]", {"Q1": "true", "Q2": "b c"}, False),
        ("Q2 has any [a, c]", {"Q1": "true", "Q2": "b c"}, True),
        ("Q2 = b", {"Q1": "true", "Q2": "b c"}, True),
        ("Q2 != b", {"Q1": "true", "Q2": "b c"}, False),
        ("count(Q2, [a, b, c]) >= 2", {"Q1": "true", "Q2": "b c"}, True),
        ("count(Q2, [a, b, c]) > 2", {"Q1": "true", "Q2": "b c"}, False),
        ("Q1 = true", {}, False),
        ("not Q1 = true", {}, True),
        ("answered(Q1)", {"Q1": "false"}, True),
        ("Q1 = false or (Q2 = a and Q2 = c)", {"Q1": "true", "Q2": "a c"}, True),
        # sub-section patterns: values of any sub-question; count sums over them
        ("Q3_* in [part]", {"Q3_a": "yes", "Q3_b": "part"}, True),
        ("answered(Q3_*) and Q3_* not in [part, no]", {"Q3_a": "yes", "Q3_b": "yes"}, True),
        ("count(Q3_*, [yes]) = 2", {"Q3_a": "yes", "Q3_b": "yes"}, True),
        ("count(Q3_*, [yes]) = 2", {"Q3_a": "yes", "Q3_b": "no"}, False),
        ("Q3_b = part", {"Q3_b": "part"}, True),
    ],
)
def test_evaluation(text: str, given: dict[str, str], expected: bool) -> None:
    rule = compile_rule(text, _tiny())
    assert rule.test(answers(**given)) is expected


def test_an_answer_left_in_a_disabled_question_is_ignored() -> None:
    rule = compile_rule("Q2 in [a]", _tiny())
    assert rule.test(answers(Q1="true", Q2="a"))
    assert not rule.test(answers(Q1="false", Q2="a"))  # Q2 disabled: its answer is cleared
    assert not rule.test(answers(Q2="a"))  # controller unanswered: Q2 disabled


def test_without_a_questionnaire_answers_are_read_as_given() -> None:
    rule = compile_rule("Q2 in [a]")
    assert rule.test(answers(Q1="false", Q2="a"))


def test_compiled_rule_knows_the_keys_it_reads() -> None:
    rule = compile_rule("Q1 = true and answered(Q3_*)", _tiny())
    assert rule.keys == {"Q1", "Q3_a", "Q3_b"}
    assert rule.answered_by(answers(Q3_b="no"))
    assert not rule.answered_by(answers(Q4="text"))


def test_real_format_conditions_gate_sub_questions(real_formats: dict[int, Questionnaire]) -> None:
    """Fifth report: Q124 (prioritized?) is enabled only when Q122 (still has needs?) is true."""
    rule = compile_rule("Q124 = true", real_formats[5])
    assert rule.test(answers(Q122="true", Q124="true"))
    assert not rule.test(answers(Q122="false", Q124="true"))
    # named rule &is66_aOr66_b: Q067 is enabled when Q066_a or Q066_b is true
    guidance = compile_rule("Q067 = true", real_formats[5])
    assert guidance.test(answers(Q066_a="false", Q066_b="true", Q067="true"))
    assert not guidance.test(answers(Q066_a="false", Q066_b="false", Q067="true"))
