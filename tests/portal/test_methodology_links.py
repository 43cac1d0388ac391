"""Every question link an indicator's methodology generates leads to a page (item 16 of
the hardening issue): rules over sub-sections (``Q102_*``) link the sub-questions, which
the question analyzer shows, not the sub-section, which it does not."""

from __future__ import annotations

import pytest

from cpbmonitor.national_reports.models import ReportingCycle
from cpbmonitor.services import questions as analyzer
from cpbmonitor.services.evaluation import current_plan, indicator_method

pytestmark = pytest.mark.django_db


def test_a_rule_over_a_sub_section_links_its_sub_questions(world):
    links = analyzer.methodology_links(indicator_method("A.2(a)"))
    letters = "abcdefghijklmnopq"
    assert [(q.cycle, q.key, q.has_page) for q in links] == [
        *((5, f"Q102_{letter}", True) for letter in letters),
        *((4, f"Q112_{letter}", True) for letter in letters),
    ]


def test_every_methodology_link_has_a_question_page(world):
    plan = current_plan()
    linked = [
        link
        for indicator in plan.indicators()
        for link in analyzer.methodology_links(indicator_method(indicator.code, plan))
    ]
    assert len(linked) > 60 and all(link.has_page for link in linked)
    for link in linked:
        cycle = ReportingCycle.objects.get(number=link.cycle)
        assert analyzer.analysable_question(cycle, link.key) is not None, link


def test_without_cycles_questions_are_named_not_linked(db):
    links = analyzer.methodology_links(indicator_method("A.1(a)"))
    assert [(q.cycle, q.key, q.has_page) for q in links] == [(5, "Q007", False), (4, "Q014", False)]
