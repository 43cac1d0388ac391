"""The sections of the evaluation report, built from the hand-built dataset
(``tests/core/indicators/dataset.py``; reporting totals in ``conftest``).

Worked out for A.1(a) (national measures fully or partially in place):
- fifth cycle: the seven Parties that reported (br, ke, in, de, pl, eu, ss; in's
  incomplete report answers Q007) -> met by br, ke, de, eu: 4/7 = 57.14%;
- fourth cycle: br, ke, in, de, eu reported -> met by br, in, de: 3/5 = 60%;
- change -2.86 points: declined. By region: AFR 0/1 -> 1/2 (+50); ASP (in) 1/1 -> 0/1
  (-100), the largest decrease; GRULAC and WEOG 100% -> 100%; CEE (pl) 0/1, no baseline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from cpbmonitor.core.evaluation import (
    Document,
    Linkage,
    Milestone,
    Need,
    Needs,
    Notice,
    Number,
    Paragraph,
    Ref,
    ReportInputs,
    Sentence,
    Table,
    build_document,
    builders,
    number_problems,
)
from cpbmonitor.core.indicators import Evaluation
from tests.core.evaluation.conftest import REPORTING, make_inputs


def texts(document: Document, key: str) -> list[str]:
    section = document.section(key)
    return [s.text for b in section.blocks if isinstance(b, Paragraph) for s in b.sentences()]


def table(document: Document, key: str) -> Table:
    return next(t for t in document.tables() if t.key == key)


def test_sections_come_in_document_order(document: Document) -> None:
    assert list(builders()) == [
        "title-page",
        "summary",
        "introduction",
        "data-and-method",
        "goals",
        "challenges",
        "capacity-building",
        "milestones",
        "conclusions",
        "recommendations",
        "annex",
    ]
    assert [s.key for s in document.sections] == list(builders())
    goals = document.section("goals").subsections
    assert [s.key for s in goals][:3] == ["goal-A.1", "goal-A.2", "goal-A.3"]
    assert len(goals) == 14


def test_findings_of_goal_a1(document: Document) -> None:
    sentences = texts(document, "goal-A.1-findings")
    assert sentences[:3] == [
        # A.1(c) reads a stand-in baseline question (permanent for qualified staff): its
        # change is shown but not counted.
        "Of the 3 indicators of this goal, 2 could be measured in the fifth cycle and 1 "
        "compared with the baseline: 0 improved, 0 showed no change and 1 declined; 1 more "
        "changed between values that are not comparable and 0 on too few data.",
        "Indicators that declined since the baseline: A.1(a).",
        "The widest regional difference in this goal is for A.1(a): from 0% among the "
        "Asia-Pacific States and Central and Eastern European States to 100% among the "
        "Latin American and Caribbean States and Western European and other States.",
    ]
    assert sentences[3:7] == [
        # 57.14% is most of them: the sentence says so
        "A.1(a): most of the 7 Parties that answered in their fifth national report meet "
        "the indicator: 4, or 57.14%.",
        "This is down from 60% at the baseline (-2.86 points).",
        "The largest decrease was among the Asia-Pacific States (-100 points).",
        # AFR 0/1 -> 1/2: +50 against a world decline
        "The African States moved against the world's trend (+50 points).",
    ]


def test_goal_table_has_world_and_regions_of_each_measured_indicator(document: Document) -> None:
    goal = table(document, "goal-A.1")
    rows = [[c.text for c in row] for row in goal.rows]
    a1a = [r for r in rows if r[0] == "A.1(a)"]
    assert [r[1] for r in a1a] == [
        "World",
        "African States",
        "Asia-Pacific States",
        "Central and Eastern European States",
        "Latin American and Caribbean States",
        "Western European and other States",
    ]
    assert a1a[0] == ["A.1(a)", "World", "60%", "57.14%", "4/7", "-2.86", "declined"]
    assert a1a[1] == ["A.1(a)", "African States", "0%", "50%", "1/2", "+50", "improved"]
    assert a1a[3] == ["A.1(a)", "Central and Eastern European States", "—", "0%", "0/1", "—", "—"]
    a1b = [r for r in rows if r[0] == "A.1(b)"]
    assert len(a1b) == 1 and a1b[0][1] == "World and regions"


def test_reporting_sentences_and_table(document: Document) -> None:
    sentences = texts(document, "data-and-method")
    assert (
        "The fifth national reports were due by 28 February 2026. Of the 7 Parties to the "
        "Protocol on that date, 5 (71.43%) submitted a complete report by the deadline, and "
        "7 have submitted one in all."
    ) in sentences
    assert (
        "The share of complete reports submitted on time was lowest among the Asia-Pacific "
        "States and Central and Eastern European States (0%) and highest among the African "
        "States, Latin American and Caribbean States and Western European and other States "
        "(100%)."
    ) in sentences
    five = table(document, "reports-5")
    assert [c.text for c in five.rows[1]] == ["African States", "2", "2", "2", "1", "50%"]


def test_reporting_share_agrees_with_indicator_a3a(document: Document) -> None:
    """Two roads to the same number: the reporting table and the engine's A.3(a)."""
    share = next(n for n in table(document, "reports-5").numbers() if n.ref.field == "share")
    a3a = next(n for n in table(document, "goal-A.3").numbers() if n.ref.field == "value")
    assert share.text == a3a.text == "71.43%"


def expected(evaluation: Evaluation, ref: Ref) -> object:
    """The value a number should have, looked up in the data it says it came from."""
    if ref.subject.startswith("reports-"):
        cycle = REPORTING[int(ref.subject.removeprefix("reports-"))]
        if ref.field == "deadline":
            return cycle.deadline
        totals = cycle.totals[ref.group]
        if ref.field == "share":
            return round(100 * totals.complete_on_time / totals.parties, 2)
        return getattr(totals, ref.field)
    if ref.subject == "goals":
        summaries = evaluation.goals if ref.group != "all" else ()
        summary = next((s for s in summaries if s.code == ref.group), None)
        codes = summary.indicators if summary else tuple(r.code for r in evaluation.indicators)
        results = [evaluation.result(c).overall for c in codes]
        statuses = [r.status for r in results]
        return {
            "indicators": len(codes),
            "measured": sum(r.value is not None for r in results),
            "compared": sum(s in ("improved", "no change", "declined") for s in statuses),
            "improved": statuses.count("improved"),
            "no_change": statuses.count("no change"),
            "declined": statuses.count("declined"),
            "not_comparable": statuses.count("not comparable"),
            "insufficient": statuses.count("insufficient data"),
        }[ref.field]
    if ref.subject == "settings":
        return evaluation.settings.change_threshold
    if ref.subject == "status":
        return status_counts(evaluation)[ref.group][ref.field]
    return getattr(evaluation.result(ref.subject).groups[ref.group], ref.field)


def status_counts(evaluation: Evaluation) -> dict[str, dict[str, int]]:
    """Goals per status and group, from the assessment the document uses."""
    from cpbmonitor.core.evaluation.sections.common import default_assessment
    from cpbmonitor.core.indicators import GROUPS

    inputs = make_inputs(evaluation)
    assessment = default_assessment(inputs)
    goals = [g.code for g in inputs.plan.goals()]
    counts: dict[str, dict[str, int]] = {}
    for group in GROUPS:
        statuses = [assessment.status(g, group).status for g in goals]  # type: ignore[union-attr]
        counts[group] = {s: statuses.count(s) for s in set(statuses)} | {"goals": len(goals)}
        for s in ("on track", "progress, acceleration needed", "no progress or regression"):
            counts[group].setdefault(s, 0)
        counts[group].setdefault("insufficient data", 0)
    return counts


def test_every_number_in_the_prose_is_the_data_and_is_in_a_table(
    document: Document, evaluation: Evaluation
) -> None:
    sentences = document.sentences()
    numbers = [n for s in sentences for n in s.numbers]
    assert len(numbers) > 100
    for n in numbers:
        assert n.value == expected(evaluation, n.ref), n
        assert n.text in next(s.text for s in sentences if n in s.numbers)
    assert number_problems(document) == []


def test_every_number_in_the_tables_is_the_data(document: Document, evaluation: Evaluation) -> None:
    checked = 0
    for table_ in document.tables():
        for n in table_.numbers():
            if n.ref.subject.startswith("source-"):
                continue
            assert n.value == expected(evaluation, n.ref), (table_.key, n)
            checked += 1
    assert checked > 500


def test_the_check_finds_a_number_that_is_in_no_table(document: Document) -> None:
    stray = Number(42, "42", Ref("A.1(a)", "global", "numerator"))
    bad = Paragraph((Sentence("goal.declined", "42 declined.", (stray,)), "Since 2019."))
    section = replace(document.sections[1], blocks=(bad,))
    broken = replace(document, sections=(section,))
    problems = number_problems(broken)
    assert problems == [
        "sentence 'goal.declined': 42 (A.1(a), global, numerator) is in no table",
        "fixed prose with a digit: 'Since 2019.'",
    ]


def test_goal_without_any_value_says_so(document: Document) -> None:
    assert texts(document, "goal-A.4-findings")[0] == (
        "None of the 2 indicators of this goal could be measured in the fifth cycle; the "
        "table says why for each."
    )


def notices(document: Document, key: str) -> list[str]:
    return [b.text for b in document.section(key).blocks if isinstance(b, Notice)]


def test_optional_sections_say_when_their_data_are_not_available(document: Document) -> None:
    assert notices(document, "capacity-building") == [
        "The capacity-building needs reported by Parties and their coverage by the key areas "
        "of the Capacity-Building Action Plan are not available in this report."
    ]
    assert notices(document, "milestones") == ["Milestones are not available in this report."]
    assert notices(document, "linkages")[0].startswith("The linkages of each goal")


def test_capacity_needs_and_gaps(evaluation: Evaluation) -> None:
    needs = Needs(
        5,
        4,
        (
            Need("(a)", "Institutional capacity and human resources", 3, ("A.1 (1)",), 2, 1),
            Need("(d)", "Risk management", 1, ()),
        ),
        "question Q123",
    )
    document = build_document(make_inputs(evaluation, capacity=needs))
    assert texts(document, "capacity-building") == [
        "Of the 4 Parties with a fifth national report, 3 (75%) named institutional capacity "
        "and human resources as an area in which they still need capacity-building, the area "
        "named most often.",
        "No key area of the Capacity-Building Action Plan is linked to these areas of need: "
        "(d) Risk management.",
        "In these areas, some Parties in need are reached by no capacity-building activity "
        "registered for the period: (a) Institutional capacity and human resources.",
    ]
    rows = [[c.text for c in row] for row in table(document, "needs").rows]
    assert rows[0] == [
        "(a)",
        "Institutional capacity and human resources",
        "3",
        "75%",
        "A.1 (1)",
        "2",
        "1",
    ]
    assert rows[1][2:] == ["1", "25%", "none (gap)", "—", "—"]
    assert rows[2][:3] == ["", "Parties with a national report of the cycle", "4"]
    assert number_problems(document) == []


def test_milestones(evaluation: Evaluation) -> None:
    due = dt.date(2030, 12, 31)
    milestones = [
        Milestone("A.1(a)", "global", 80.0, due, 60.0, 57.14, 22.86, 45.71, "off track"),
        Milestone("A.3(a)", "AFR", 40.0, due, 100.0, 50.0, 0.0, None, "reached", True),
    ]
    document = build_document(make_inputs(evaluation, milestones=milestones))
    assert texts(document, "milestones") == [
        "A.1(a) (World) is off track: the trend since the baseline reaches 45.71% by 31 "
        "December 2030, short of the milestone of 80%.",
        "A.3(a) (African States) has reached its milestone of 40%, with 50%.",
    ]
    rows = [[c.text for c in row] for row in table(document, "milestones").rows]
    assert rows[0] == [
        "A.1(a)",
        "World",
        "80%",
        "31 December 2030",
        "60%",
        "57.14%",
        "22.86",
        "45.71%",
        "off track",
    ]
    assert rows[1][0] == "A.3(a) (demo)"
    assert any("has not set them" in text for text in notices(document, "milestones"))
    empty = build_document(make_inputs(evaluation, milestones=[]))
    assert [b.text for b in empty.section("milestones").blocks if isinstance(b, Paragraph)] == [
        "No milestone has been set."
    ]


def test_linkages_in_introduction_and_goal(evaluation: Evaluation) -> None:
    links = [Linkage("A.1", "Kunming-Montreal Global Biodiversity Framework", "Target 17")]
    document = build_document(make_inputs(evaluation, linkages=links))
    rows = [[c.text for c in row] for row in table(document, "linkages").rows]
    assert rows == [
        ["A.1", "Kunming-Montreal Global Biodiversity Framework", "Target 17", "stated in the plan"]
    ]
    lists = [
        b for b in document.section("goal-A.1").blocks if getattr(b, "title", "") == "Linkages"
    ]
    assert lists[0].items[0].text == "Target 17 (stated in the plan)"  # type: ignore[union-attr]


def test_demonstration_data_are_labelled(evaluation: Evaluation) -> None:
    label = "Demonstration data: generated, not real national reports"
    document = build_document(make_inputs(evaluation, demonstration=label))
    assert document.demonstration == label
    for key in ("title-page", "data-and-method"):
        assert notices(document, key)[0].startswith(label + ".")


def test_annex_lists_every_indicator_with_its_rules(
    document: Document, inputs: ReportInputs
) -> None:
    annex = table(document, "methodology")
    assert len(annex.rows) == 48
    first = [c.text for c in annex.rows[0]]
    assert first[0] == "A.1(a)"
    assert first[4] == "Q007 in [implementation.fullInPlace, implementation.partiallyInPlace]"
    assert first[5] == "Q014 in [implementation.fullInPlace, implementation.partiallyInPlace]"
    assert annex.columns[4:6] == ("Rule, fifth cycle", "Rule, fourth cycle")


def test_half_of_the_parties_is_not_most(evaluation: Evaluation) -> None:
    """2 of 4 (50%) gets the plain sentence; 3 of 5 (60%) is most of them."""
    from cpbmonitor.core.evaluation.sections.goals import value_template
    from cpbmonitor.core.indicators import GLOBAL

    result = evaluation.indicator("A.1(a)")
    assert result is not None

    def share(numerator: int, denominator: int) -> str:
        world = replace(
            result.overall,
            numerator=numerator,
            denominator=denominator,
            value=round(100 * numerator / denominator, 2),
        )
        return value_template(replace(result, groups={**result.groups, GLOBAL: world}))

    assert share(2, 4) == "indicator.parties"
    assert share(3, 5) == "indicator.parties.most"
