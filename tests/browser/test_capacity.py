"""The capacity-building page in Chromium: the heat-map renders with the right numbers."""

from __future__ import annotations

import pytest

from cpbmonitor.core.capacity import analyse_needs, compute_coverage, cycle_window
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.plan.needs import load_needs_coverage
from tests.core.capacity import world


@pytest.fixture
def capacity_world(transactional_db):
    world.store_in_database()


def expected_cell(code: str, group: str):
    plan = load_plan("draft-2020")
    needs = analyse_needs(world.Q5, world.report_facts(), world.party_facts(), world.CYCLE5)
    coverage = compute_coverage(
        plan,
        load_needs_coverage(plan),
        needs,
        world.ACTIVITIES,
        world.party_facts(),
        cycle_window(5),
    )
    return coverage.cell(code, group)


def test_heatmap_renders_with_numbers(page, capacity_world):
    page.goto("/capacity/")
    assert page.title() == "Capacity-building needs and coverage · CPB Monitor"
    heatmap = page.locator("svg.heatmap")
    assert heatmap.is_visible()
    assert heatmap.get_attribute("role") == "img"
    assert page.locator("g.heat-cell").count() == 17 * 6
    expected = expected_cell("(a)", "AFR")
    cell = page.locator('g.heat-cell[data-area="(a)"][data-group="AFR"]')
    assert cell.locator("text.heat-main").text_content() == str(expected.uncovered) == "1"
    detail = f"of {expected.in_need} · {expected.activities} act."
    assert cell.locator("text.heat-detail").text_content() == detail
    assert cell.locator("rect").bounding_box()["width"] > 20  # drawn, not collapsed
    assert page.get_by_role("heading", name="Needs areas the Action Plan does not cover")
    assert page.console_errors == []  # no CSP violation


def test_cycle_selector_switches_cycle(page, capacity_world):
    page.goto("/capacity/")
    page.select_option("#capacity-cycle", "4")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/capacity/?cycle=4")
    assert page.locator("dl.facts").inner_text().count("Q135") == 1
    assert page.console_errors == []
