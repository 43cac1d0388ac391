"""The methodology files: complete for both plan versions, every key and option value
valid against the real BCH formats, and errors that name the file, line and indicator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cpbmonitor.core.formats import Questionnaire
from cpbmonitor.core.indicators import (
    MethodologyError,
    load_methodology,
    load_methodology_file,
    methodology_file,
    missing_indicators,
    unknown_indicators,
)
from cpbmonitor.core.indicators.methodology import PENDING_SOURCES
from cpbmonitor.core.indicators.rules import check, values_of
from cpbmonitor.core.plan import load_plan

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = ["draft-2020", "draft-2019"]


@pytest.mark.parametrize("version", VERSIONS)
def test_every_indicator_has_an_entry(version: str) -> None:
    plan = load_plan(version)
    methodology = load_methodology(version)
    assert missing_indicators(plan, methodology) == [], "indicators without a methodology entry"
    assert unknown_indicators(plan, methodology) == []
    assert methodology.plan == version
    assert len(methodology.indicators) == len(list(plan.indicators()))


@pytest.mark.parametrize("version", VERSIONS)
def test_every_key_and_value_exists_in_the_real_formats(
    version: str, real_formats: dict[int, Questionnaire]
) -> None:
    methodology = load_methodology_file(methodology_file(version), real_formats)
    named = 0
    for item in methodology.indicators:
        for cycle, text in {**item.rules, **item.population_rules}.items():
            questionnaire = real_formats[cycle]
            node = check(text, questionnaire)  # raises on an unknown key or value
            for subject, _value in values_of(node):
                question = questionnaire.question(subject.key)
                assert question is not None
                named += 1
    assert named > 50


@pytest.mark.parametrize("version", VERSIONS)
def test_sources_say_what_is_pending_or_why_not_measurable(version: str) -> None:
    for item in load_methodology(version).indicators:
        if item.source in PENDING_SOURCES:
            assert bool(item.pending) != bool(item.measure), item.code
        if item.source == "not-measurable":
            assert item.reason, item.code
        if item.source == "national-reports":
            assert set(item.rules) | set(item.no_rule) == {4, 5}, item.code
            assert item.rules.get(5), f"{item.code} has no rule for the current cycle"


def test_examples_from_the_brief() -> None:
    m = load_methodology("draft-2020")
    a1a = m.entry("A.1(a)")
    assert a1a is not None and "implementation.partiallyInPlace" in a1a.rules[5]
    assert a1a.rules[5].startswith("Q007") and a1a.rules[4].startswith("Q014")
    a1c = m.entry("A.1(c)")
    assert a1c is not None and a1c.rules == {4: "Q018 = true", 5: "Q011 = true"}
    a3a = m.entry("A.3(a)")
    assert a3a is not None and (a3a.source, a3a.population) == ("reporting-status", "all-parties")
    for code, source, measure in [
        ("A.1(b)", "bch-records", "parties-with-focal-point-authority-and-article-17"),
        ("A.5(b)", "bch-records", "decisions-with-risk-assessment"),
        ("A.8(a)", "bch-records", "lmos-with-detection-method"),
        ("A.4(b)", "compliance-committee", "compliance-issues-resolved"),
        ("A.2(c)", "usage-statistics", "bch-visits"),
    ]:
        entry = m.entry(code)
        assert entry is not None and (entry.source, entry.measure) == (source, measure), code
        assert entry.pending is None, code
    a1b = m.entry("A.1(b)")
    assert a1b is not None and a1b.snapshots[4] == dt.date(2019, 12, 31)
    a2b = m.entry("A.2(b)")
    assert a2b is not None and a2b.measure == "parties-publishing-non-mandatory-records"
    assert a2b.since[5] == dt.date(2019, 10, 1) and a2b.pending is None
    a4a = m.entry("A.4(a)")
    assert a4a is not None and a4a.measure == "parties-found-in-compliance"
    assert a4a.fallback == "parties-without-unresolved-non-compliance"
    a3b = m.entry("A.3(b)")
    assert a3b is not None and a3b.source == "gef-funding"
    assert a3b.population == "gef-eligible-parties"
    assert a3b.before_deadline == 365
    a9b = m.entry("A.9(b)")
    assert a9b is not None and a9b.population == "parties-choosing" and a9b.population_rules


def test_a_valid_fixture_loads(real_formats: dict[int, Questionnaire]) -> None:
    m = load_methodology_file(FIXTURES / "methodology-tiny.yaml", real_formats)
    assert [i.code for i in m.indicators] == ["A.1(a)", "A.1(b)"]


def test_unknown_option_value_names_file_line_and_indicator(
    real_formats: dict[int, Questionnaire],
) -> None:
    path = FIXTURES / "methodology-tiny-with-problems.yaml"
    with pytest.raises(MethodologyError) as caught:
        load_methodology_file(path, real_formats)
    message = str(caught.value)
    assert "methodology-tiny-with-problems.yaml" in message
    assert "indicator A.1(a)" in message
    assert "'implementation.fullyInPlace' is not an option of Q007" in message
    assert caught.value.line == 10


def test_syntax_error_is_found_without_questionnaires() -> None:
    with pytest.raises(MethodologyError) as caught:
        load_methodology_file(FIXTURES / "methodology-syntax-with-problems.yaml")
    message = str(caught.value)
    assert "indicator A.1(c)" in message and "rules for cycle 5: expected ']'" in message
    assert caught.value.line == 14


def test_shape_errors_name_the_field() -> None:
    with pytest.raises(MethodologyError) as caught:
        load_methodology_file(FIXTURES / "methodology-shape-with-problems.yaml")
    message = str(caught.value)
    assert "indicator A.1(a), field 'unit'" in message and "'percent'" in message
    assert caught.value.line == 6


def test_pending_sources_must_say_which_issue() -> None:
    with pytest.raises(MethodologyError, match="needs 'pending"):
        load_methodology_file(FIXTURES / "methodology-pending-with-problems.yaml")


def test_a_cycle_needs_a_rule_or_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "plan: t\ncycles: [4, 5]\nindicators:\n- code: A.1(a)\n  source: national-reports\n"
        "  method: x\n  rules:\n    5: Q007 in [implementation.none]\n",
        encoding="utf-8",
    )
    with pytest.raises(MethodologyError, match="cycle 4 needs either a rule or a no_rule"):
        load_methodology_file(path)


def test_docs_show_the_current_methodology() -> None:
    from cpbmonitor.core.indicators.describe import shipped_tables
    from tests.paths import REPO

    page = (REPO / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert shipped_tables() in page, (
        "docs/methodology.md is out of date: regenerate its Indicators section with "
        "python -m cpbmonitor.core.indicators.describe"
    )
    for word in ("answered", "count", "has all", "not in", "_*"):
        assert word in page


@pytest.mark.parametrize("cycle", [4, 5])
def test_shipped_formats_hold_what_the_methodology_reads(
    cycle: int, real_formats: dict[int, Questionnaire]
) -> None:
    """Every key the rules read, and every question controlling it, is in the project's
    shipped definitions with the real options and conditions (so gating is the same)."""
    from cpbmonitor.core.formats import shipped_format
    from cpbmonitor.core.indicators.rules import keys_of, parse

    real = real_formats[cycle]
    shipped = shipped_format(real.schema)
    todo: list[str] = []
    for version in VERSIONS:
        for item in load_methodology(version).indicators:
            for text in (item.rules.get(cycle), item.population_rules.get(cycle)):
                if text:
                    todo.extend(keys_of(parse(text), real))
    seen: set[str] = set()
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        question, ours = real.question(key), shipped.question(key)
        assert question is not None
        assert ours is not None, f"{key} is missing from the shipped {real.schema} definition"
        assert ours.option_values == question.option_values, key
        conditions = {(c.controller, c.kind, c.values) for c in real.conditions_on(key)}
        assert {(c.controller, c.kind, c.values) for c in shipped.conditions_on(key)} == conditions
        todo.extend(c for c, _, _ in conditions)
        if question.parent:
            todo.append(question.parent)
