"""Compiled answers (``compact``): exact round trips, and the engine's results identical
whether it reads plain answers or compiled ones."""

from __future__ import annotations

import dataclasses

import pytest

from cpbmonitor.core.formats import Questionnaire, shipped_format
from cpbmonitor.core.indicators import (
    ReportFacts,
    analyze_question,
    evaluate,
    load_methodology,
)
from cpbmonitor.core.indicators.columns import NO_ANSWERS, Columns
from cpbmonitor.core.indicators.compact import (
    SEPARATOR,
    SPECIAL,
    VOCABULARY,
    CompactAnswers,
    CompactRows,
    Layout,
    code_of,
    decode,
    encode,
)
from cpbmonitor.core.plan import load_plan
from tests.core.indicators.conftest import C4, C5
from tests.core.indicators.dataset import PARTIES, REPORTS
from tests.core.indicators.synthetic import synthetic

LAYOUT = Layout(("Q007", "Q011", "Q012"))
SCHEMAS = {4: "cpbNationalReport4", 5: "cpbNationalReport5"}


def shipped_layout(cycle: int) -> Layout:
    return Layout(tuple(q.key for q in shipped_format(SCHEMAS[cycle]).all_questions()))


def compacted(reports: list[ReportFacts]) -> list[ReportFacts]:
    """The same reports, their answers compiled and decoded as the database path does."""
    layouts = {c: shipped_layout(c) for c in SCHEMAS}
    return [
        dataclasses.replace(
            r, answers=decode(encode(r.answers, layouts[r.cycle]), layouts[r.cycle])
        )
        for r in reports
    ]


def test_answers_round_trip_exactly_with_extras_for_what_has_no_slot() -> None:
    answers = {
        "Q007": frozenset({"implementation.fullInPlace"}),
        "Q011": frozenset({"", "b", "a"}),  # a free text row stores the value ""
        "Q999": frozenset({"x"}),  # no slot: kept in the extras
        "Q012": frozenset({f"a{SEPARATOR}b"}),  # holds the separator: extras
        "Q013": frozenset(),  # an empty set is not "unanswered": extras
    }
    decoded = decode(encode(answers, LAYOUT), LAYOUT)
    assert dict(decoded) == answers
    assert decoded.codes.tolist() == [
        code_of("implementation.fullInPlace"),
        code_of(f"{SEPARATOR}a{SEPARATOR}b"),
        0,
    ]
    assert set(decoded.extras) == {"Q999", "Q012", "Q013"}
    assert decoded.flags & SPECIAL  # Q012 has a slot but is answered in the extras
    assert len(decoded) == 5 and "Q012" in decoded and "Q014" not in decoded
    assert decoded.get("Q014") is None


def test_a_blob_of_another_layout_is_refused() -> None:
    blob = encode({"Q007": {"a"}}, LAYOUT)
    with pytest.raises(ValueError, match="recompile"):
        decode(blob, Layout(("Q007",)))
    assert LAYOUT.fingerprint != Layout(("Q007",)).fingerprint
    assert LAYOUT.fingerprint == Layout(("Q007", "Q011", "Q012")).fingerprint


def test_columns_of_compiled_rows_equal_those_of_plain_rows() -> None:
    plain = [
        {"Q007": frozenset({"a"}), "Q011": frozenset({"x", "y"})},
        NO_ANSWERS,
        {"Q007": frozenset({"b"}), "Q999": frozenset({"z"})},
        {"Q007": frozenset({"a"}), "Q012": frozenset({f"s{SEPARATOR}t"})},
    ]
    compiled = [r if r is NO_ANSWERS else decode(encode(r, LAYOUT), LAYOUT) for r in plain]
    fast, slow = Columns(compiled), Columns(plain)
    assert fast._compact is not None and slow._compact is None
    assert fast._compact.codes("Q012") is None  # answered in an extras: read as mappings
    for key in ("Q007", "Q011", "Q012", "Q999", "Q404"):
        assert list(fast.column(key)) == list(slow.column(key)), key
        assert fast.filled(key) == slow.filled(key)
    assert fast.chosen("Q007", "a") == slow.chosen("Q007", "a") == 0b1001
    assert fast.chosen("Q011", "y") == 0b1000
    assert fast.chosen("Q007", "zz") == 0
    shared = fast.column("Q007")
    assert shared[0] is shared[3]  # one frozenset per distinct answer


def test_texts_are_learnt_from_the_blobs_once_per_process() -> None:
    text = "a value seen nowhere else"
    rows = [decode(encode({"Q011": {text}}, LAYOUT), LAYOUT), NO_ANSWERS]
    VOCABULARY.pop(code_of(text), None)
    columns = Columns(rows)
    assert columns.chosen("Q011", text) == 0b10
    assert VOCABULARY[code_of(text)] == frozenset({text})


def test_many_rows_give_the_same_bits_as_the_plain_path() -> None:
    plain = [{"Q007": frozenset({str(i % 7)})} if i % 3 else NO_ANSWERS for i in range(1001)]
    compiled = [r if r is NO_ANSWERS else decode(encode(r, LAYOUT), LAYOUT) for r in plain]
    fast, slow = Columns(compiled), Columns(plain)
    for value in ("0", "3", "6"):
        assert fast.chosen("Q007", value) == slow.chosen("Q007", value)
    assert fast.filled("Q007") == slow.filled("Q007")
    assert fast.filled("Q007").bit_count() == 667


def test_rows_of_several_layouts_or_plain_mappings_are_read_as_mappings() -> None:
    one = decode(encode({"Q007": {"a"}}, LAYOUT), LAYOUT)
    other = Layout(("Q007", "Q008", "Q009"))
    two = decode(encode({"Q007": {"a"}}, other), other)
    assert CompactRows.of([one, two]) is None
    assert CompactRows.of([one, {"Q007": frozenset({"a"})}]) is None
    assert CompactRows.of([NO_ANSWERS]) is None
    assert isinstance(CompactRows.of([one, NO_ANSWERS]), CompactRows)
    assert isinstance(one, CompactAnswers)


@pytest.mark.parametrize("plan_id", ["draft-2019", "draft-2020"])
def test_evaluation_of_the_hand_built_dataset_is_identical_from_compiled_answers(
    plan_id: str,
) -> None:
    plan, methodology = load_plan(plan_id), load_methodology(plan_id)
    plain = evaluate(plan, methodology, C5, C4, PARTIES, REPORTS)
    compiled = evaluate(plan, methodology, C5, C4, PARTIES, compacted(REPORTS))
    assert compiled == plain
    assert any(r.overall.denominator for r in compiled.indicators)  # measured, not empty


def test_evaluation_of_synthetic_reports_through_real_formats_is_identical(
    real_formats: dict[int, Questionnaire],
) -> None:
    parties, reports = synthetic(60, real_formats, seed=3)
    plan, methodology = load_plan("draft-2020"), load_methodology("draft-2020")
    plain = evaluate(plan, methodology, C5, C4, parties, reports, questionnaires=real_formats)
    compiled = evaluate(
        plan, methodology, C5, C4, parties, compacted(reports), questionnaires=real_formats
    )
    assert compiled == plain
    assert sum(g.numerator or 0 for r in plain.indicators for g in r.groups.values()) > 0


def test_question_analysis_is_identical_from_compiled_answers() -> None:
    questionnaire = shipped_format(SCHEMAS[5])
    for key in ("Q007", "Q011", "Q122"):
        plain = analyze_question(questionnaire, REPORTS, PARTIES, key, C5)
        compiled = analyze_question(questionnaire, compacted(REPORTS), PARTIES, key, C5)
        assert compiled == plain, key
