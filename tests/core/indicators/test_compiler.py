"""Rules compiled to programs over bit columns: the same answers as reading each report on
its own, for every rule of both methodologies; and the pieces (counting, coding, the
per-Party mapping)."""

from __future__ import annotations

import datetime as dt
import operator
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from cpbmonitor.core.formats import Questionnaire, QuestionStates
from cpbmonitor.core.formats.model import CHOICE_TYPES, CONTAINER_TYPES
from cpbmonitor.core.indicators import (
    Accessors,
    PartyFacts,
    ReportFacts,
    compile_rule,
    load_methodology,
    parse,
    rules,
)
from cpbmonitor.core.indicators.columns import Columns, count_rows, marks
from cpbmonitor.core.indicators.compiler import subject_keys
from cpbmonitor.core.indicators.table import ReportTable

Answers = dict[str, frozenset[str]]
COMPARE = {"=": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le}
COMPARE |= {">": operator.gt, "<": operator.lt}


# -- a plain reading of one report, for comparison -------------------------------------


@dataclass(frozen=True)
class _Answer:
    """An answer as ``formats.conditions`` reads it; every value carries a text, so that
    ``@hasAdditionalValues`` reads as ``@hasValues`` (the engine's inputs carry no text)."""

    values: tuple[str, ...]
    additional: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


class Plainly:
    """One report read on its own, through the format's own condition engine
    (``QuestionStates``): whether it meets a rule."""

    def __init__(self, answers: Answers, form: Questionnaire) -> None:
        given = {k: _Answer(tuple(v), {x: {"en": "t"} for x in v}) for k, v in answers.items()}
        self.answers, self.form = answers, form
        self.states = QuestionStates(form, {k: a for k, a in given.items() if a.values})

    def live(self, key: str) -> frozenset[str]:
        active = self.states.is_active(key)
        return self.answers.get(key, frozenset()) if active else frozenset()

    def meets(self, node: rules.Node) -> bool:
        if isinstance(node, rules.And):
            return all(self.meets(item) for item in node.items)
        if isinstance(node, rules.Or):
            return any(self.meets(item) for item in node.items)
        if isinstance(node, rules.Not):
            return not self.meets(node.item)
        keys = subject_keys(node.subject, self.form)
        chosen = frozenset().union(*(self.live(k) for k in keys))
        if isinstance(node, rules.Answered):
            return bool(chosen)
        wanted = frozenset(node.values.items)
        if isinstance(node, rules.Count):
            total = sum(len(self.live(k) & wanted) for k in keys)
            return bool(COMPARE[node.op](total, node.number))
        if node.mode == "all":
            return wanted <= chosen
        if node.mode == "none":
            return chosen.isdisjoint(wanted)
        return not chosen.isdisjoint(wanted)


def random_reports(form: Questionnaire, count: int, seed: int) -> list[Answers]:
    """Answers to any question, enabled or not: left-behind answers must not count."""
    rng = random.Random(seed)
    reports = []
    for _ in range(count):
        answers: Answers = {}
        for question in form.all_questions():
            if question.type in CONTAINER_TYPES or rng.random() < 0.3:
                continue
            if question.type in CHOICE_TYPES and question.options:
                values = question.option_values
                some = [v for v in values if rng.random() < 0.35] if question.multiple else []
                answers[question.key] = frozenset(some or [rng.choice(values)])
            else:
                answers[question.key] = frozenset({"text"})
        reports.append(answers)
    return reports


def _same_as_plainly(texts: set[str], form: Questionnaire, reports: list[Answers]) -> int:
    """Check every rule of ``texts`` against a plain reading of each report; return how
    many rules some reports meet and some do not."""
    accessors = Accessors(form)
    compiled = [compile_rule(text, form, accessors=accessors) for text in sorted(texts)]
    lazy, read_first = accessors.sheet(reports), accessors.sheet(reports)
    read_first.read(key for rule in compiled for key in rule.keys)
    readings = [Plainly(answers, form) for answers in reports]
    mixed = 0
    for rule in compiled:
        expected = "".join("1" if reading.meets(rule.node) else "0" for reading in readings)
        assert marks(rule.rows(lazy), len(reports)) == expected, rule.text
        assert rule.rows(read_first) == rule.rows(lazy), rule.text
        answered = "".join("1" if rule.answered_by(a) else "0" for a in reports)
        assert marks(rule.answered_rows(lazy), len(reports)) == answered, rule.text
        mixed += "1" in expected and "0" in expected
    return mixed


@pytest.mark.parametrize("plan", ["draft-2019", "draft-2020"])
def test_every_methodology_rule_gives_what_a_plain_reading_of_each_report_gives(
    plan: str, real_formats: dict[int, Questionnaire]
) -> None:
    methodology = load_methodology(plan)
    for cycle, form in real_formats.items():
        texts = {
            text
            for entry in methodology.indicators
            for text in (entry.rules.get(cycle), entry.population_rules.get(cycle))
            if text
        }
        reports = [*random_reports(form, 160, seed=cycle), {}]
        assert _same_as_plainly(texts, form, reports) > len(texts) // 2


@pytest.mark.parametrize("cycle", [4, 5])
def test_every_question_is_read_through_every_condition_of_the_format(
    cycle: int, real_formats: dict[int, Questionnaire]
) -> None:
    """``answered(K)`` and ``K = <option>`` for every question K of the real format: every
    enable and visible rule, named ones included, and every sub-section, gates some."""
    form = real_formats[cycle]
    texts = set()
    for question in form.all_questions():
        if question.type not in CONTAINER_TYPES:
            texts.add(f"answered({question.key})")
        if question.type in CHOICE_TYPES and question.options:
            texts.add(f"{question.key} = '{question.options[-1].value}'")
    reports = [*random_reports(form, 120, seed=10 + cycle), {}]
    assert _same_as_plainly(texts, form, reports) > len(texts) // 2


def test_a_parsed_rule_compiles_like_its_text(real_formats: dict[int, Questionnaire]) -> None:
    text = "answered(Q102_*) and Q102_* not in [true.availableNotOnBch]"
    from_text = compile_rule(text, real_formats[5])
    from_node = compile_rule(parse(text), real_formats[5], text=text)
    reports = random_reports(real_formats[5], 40, seed=3)
    sheet = Accessors(real_formats[5]).sheet(reports)
    assert from_node.rows(sheet) == from_text.rows(sheet)
    assert from_node.keys == from_text.keys and len(from_text.keys) == 17


# -- pieces -------------------------------------------------------------------------------


def test_count_rows_adds_columns_in_binary() -> None:
    # four rows; row i is held by i of the three columns (row 0 by none, row 3 by all)
    columns = [0b0111, 0b0011, 0b0001]
    assert marks(count_rows(columns, ">=", 2, 0b1111), 4) == "0011"
    assert marks(count_rows(columns, "=", 0, 0b1111), 4) == "1000"
    assert marks(count_rows(columns, "<", 3, 0b1111), 4) == "1110"
    assert marks(count_rows(columns, "!=", 1, 0b1111), 4) == "1011"
    assert count_rows(columns, ">", 3, 0b1111) == 0
    assert count_rows([], "=", 0, 0b111) == 0b111


def test_a_column_with_more_distinct_answers_than_codes_is_read_row_by_row() -> None:
    rows = [{"Q1": frozenset({f"v{i}", "even" if i % 2 == 0 else "odd"})} for i in range(300)]
    rows.append({})
    columns = Columns(rows)
    even = columns.chosen("Q1", "even")
    assert even.bit_count() == 150
    assert marks(even, len(rows))[:4] == "1010" and marks(even, len(rows))[-1] == "0"
    assert columns.filled("Q1").bit_count() == 300
    assert marks(Columns(rows[:3]).chosen("Q1", "v1"), 3) == "010"  # coded: 3 answers


def test_party_flags_read_like_the_dict_of_met_parties() -> None:
    day = dt.date(2020, 1, 1)
    parties = {g: PartyFacts(g, r, day) for g, r in [("br", "GRULAC"), ("ke", "AFR")]}
    parties |= {g: PartyFacts(g, r, day) for g, r in [("eu", None), ("de", "WEOG")]}
    reports = {g: ReportFacts(g, 5, day, True, {"Q1": frozenset({"true"})}) for g in parties}
    table = ReportTable(parties, reports, Accessors(None))
    flags = table.flags(rows=0b1101, met=0b0101)  # br, ke, de counted; ke and de meet
    assert dict(flags) == {"br": False, "ke": True, "de": True} == flags
    assert list(flags) == ["br", "ke", "de"] and len(flags) == 3
    assert "eu" not in flags and "zz" not in flags and flags.get("eu") is None
    with pytest.raises(KeyError):
        flags["eu"]
    measures = table.measures(met=0b0101, counted=0b1101, used=0b1101)
    assert (measures["global"].numerator, measures["global"].denominator) == (2, 3)
    assert (measures["AFR"].numerator, measures["AFR"].denominator) == (1, 1)
    assert sum(measures[r].denominator or 0 for r in ("AFR", "ASP", "CEE", "GRULAC", "WEOG")) == 3
