"""The optional inputs of the evaluation report as the other core modules compute them:
capacity-building needs and coverage (the tiny world of ``tests/core/capacity/world.py``),
the plan's linkages, and the demonstration-data notice naming the inputs made up.

Worked out from the tiny world (fifth cycle, window 2019-10-02 to 2026-02-28): 6
reporting Parties; (c) named by 3 (50%), the most; (a) by 2 (33.33%), key areas A.1 (2)
and A.10 (4), one activity (a1, national br), 1 Party in need not reached (ng); (i) by 2,
two activities, all reached; (m) by 1 (16.67%), no key area, no activity of the window,
1 not reached. Areas with no key area in the draft-2020 mapping: (h), (l), (m), (q).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cpbmonitor.core.capacity import analyse_needs, compute_coverage, cycle_window
from cpbmonitor.core.demo import LABEL
from cpbmonitor.core.evaluation import (
    Document,
    Needs,
    Notice,
    Paragraph,
    Table,
    build_document,
    demonstration_label,
    needs_of,
    number_problems,
)
from cpbmonitor.core.indicators import Evaluation
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.linkages import goal_links
from cpbmonitor.core.plan.needs import load_needs_coverage
from tests.core.capacity import world
from tests.core.evaluation.conftest import make_inputs

PLAN = load_plan("draft-2020")


@pytest.fixture(scope="module")
def needs() -> Needs:
    analysis = analyse_needs(world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5)
    coverage = compute_coverage(
        PLAN,
        load_needs_coverage(PLAN),
        analysis,
        world.ACTIVITIES,
        world.party_facts(),
        cycle_window(5),
    )
    return needs_of(analysis, coverage)


def texts(document: Document, key: str) -> list[str]:
    section = document.section(key)
    return [s.text for b in section.blocks if isinstance(b, Paragraph) for s in b.sentences()]


def table(document: Document, key: str) -> Table:
    return next(t for t in document.tables() if t.key == key)


def notices(document: Document, key: str) -> list[Notice]:
    return [b for b in document.section(key).blocks if isinstance(b, Notice)]


def test_needs_from_the_coverage_of_the_tiny_world(needs: Needs) -> None:
    assert (needs.cycle, needs.reporting_parties, needs.source) == (5, 6, "question Q123")
    assert needs.period == (dt.date(2019, 10, 2), dt.date(2026, 2, 28))
    by_code = {need.code: need for need in needs.areas}
    assert len(by_code) == 17
    a, m = by_code["(a)"], by_code["(m)"]
    assert (a.parties, a.key_areas, a.activities, a.unreached) == (2, ("A.1 (2)", "A.10 (4)"), 1, 1)
    assert (m.parties, m.key_areas, m.activities, m.unreached) == (1, (), 0, 1)
    assert [n.code for n in needs.areas if not n.key_areas] == ["(h)", "(l)", "(m)", "(q)"]


def test_capacity_section_of_the_tiny_world(evaluation: Evaluation, needs: Needs) -> None:
    document = build_document(make_inputs(evaluation, capacity=needs))
    assert texts(document, "capacity-building") == [
        "Of the 6 Parties with a fifth national report, 3 (50%) named risk assessment and "
        "technical expertise as an area in which they still need capacity-building, the area "
        "named most often.",
        "No key area of the Capacity-Building Action Plan is linked to these areas of need: "
        "(h) Technology transfer, (l) Confidential information, (m) Unintentional and "
        "illegal movements and (q) Other.",
        "In these areas, some Parties in need are reached by no capacity-building activity "
        "registered for the period: (a) Institutions and human resources and (m) "
        "Unintentional and illegal movements.",
    ]
    found = table(document, "needs")
    assert found.source.endswith("activities registered from 2 October 2019 to 28 February 2026")
    rows = {row[0].text: [c.text for c in row] for row in found.rows}
    assert rows["(a)"] == [
        "(a)",
        "Institutions and human resources",
        "2",
        "33.33%",
        "A.1 (2), A.10 (4)",
        "1",
        "1",
    ]
    assert rows["(m)"][2:] == ["1", "16.67%", "none (gap)", "0", "1"]
    assert rows[""][1:3] == ["Parties with a national report of the cycle", "6"]
    assert number_problems(document) == []


def test_needs_of_a_plan_without_action_plan_say_why(evaluation: Evaluation) -> None:
    analysis = analyse_needs(world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5)
    unmapped = "Plan version draft-2019 has no Capacity-Building Action Plan."
    needs = needs_of(analysis, unmapped=unmapped)
    assert needs.period is None and all(n.key_areas == () for n in needs.areas)
    document = build_document(make_inputs(evaluation, capacity=needs))
    assert [n.text for n in notices(document, "capacity-building")] == [unmapped]
    assert len(texts(document, "capacity-building")) == 1  # the most named area; no gaps
    assert table(document, "needs").columns == (
        "Area",
        "Need",
        "Parties",
        "Share of reporting Parties",
    )
    with pytest.raises(ValueError, match="reason"):
        needs_of(analysis)


def test_linkages_of_the_plan_in_the_overview_and_each_goal(evaluation: Evaluation) -> None:
    links = goal_links(PLAN, plan_level="plan as a whole")
    document = build_document(make_inputs(evaluation, linkages=links))
    rows = [[c.text for c in row] for row in table(document, "linkages").rows]
    assert len(rows) == len(links)
    assert [r[0] for r in rows[:3]] == ["plan as a whole"] * 3
    assert rows[0][2].startswith("Target 17: Biosafety")
    assert rows[0][3] == "stated in the plan (annex, paragraph 4)"
    goal = next(
        b for b in document.section("goal-A.1").blocks if getattr(b, "title", "") == "Linkages"
    )
    assert [item.label for item in goal.items] == [  # type: ignore[union-attr]
        "Kunming-Montreal Global Biodiversity Framework",
        "Sustainable Development Goals",
        "Sustainable Development Goals",
    ]
    assert goal.items[2].text.startswith("Goal 3: Good health")  # type: ignore[union-attr]


def test_a_plan_version_without_linkages_says_so(evaluation: Evaluation) -> None:
    document = build_document(make_inputs(evaluation, linkages=[]))
    assert [n.text for n in notices(document, "linkages")] == [
        "Plan version draft-2020 records no linkage of its goals to the Kunming-Montreal "
        "Global Biodiversity Framework or to the Sustainable Development Goals."
    ]


def test_demonstration_label_names_what_is_made_up() -> None:
    assert demonstration_label(()) is None
    assert demonstration_label(("national reports", "milestones")) == LABEL
    assert demonstration_label(("BCH and capacity-building records", "milestones")) == (
        "Demonstration data: made-up BCH and capacity-building records and milestones, "
        "not real ones"
    )


@pytest.mark.parametrize(
    ("made_up", "notice"),
    [
        (
            ("national reports", "milestones"),
            f"{LABEL}. Every figure in this document is computed from generated reports that "
            "only look like national reports; none of them describes a real Party. The "
            "milestones it uses are made up as well.",
        ),
        (
            ("milestones",),
            "Demonstration data: made-up milestones, not real ones. The milestones this "
            "document uses are made up to show how CPB Monitor works; none of them is real.",
        ),
    ],
)
def test_demonstration_notice_when_any_input_is_made_up(
    evaluation: Evaluation, made_up: tuple[str, ...], notice: str
) -> None:
    label = demonstration_label(made_up)
    document = build_document(
        make_inputs(evaluation, demonstration=label, demonstration_of=made_up)
    )
    assert document.demonstration == label
    for key in ("title-page", "data-and-method"):
        assert [n.text for n in notices(document, key)] == [notice]
