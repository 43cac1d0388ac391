"""The capacity-building page: needs table, heat-map cells, uncovered areas, cycle
selector, French, demonstration notice, caching; on the tiny world of
``tests/core/capacity/world.py``."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.services import capacity as service
from cpbmonitor.services.records import store_records
from tests.core.capacity import world

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny(db):
    world.store_in_database()


def page(client, url: str = "/capacity/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def heat_cell(html: str, area: str, group: str) -> str:
    found = re.search(
        rf'<g class="heat-cell" data-area="{re.escape(area)}" data-group="{group}">(.*?)</g>',
        html,
        re.S,
    )
    assert found, (area, group)
    return found.group(1)


def test_heatmap_cells_hold_the_worked_out_numbers(client, tiny) -> None:
    html = page(client)
    assert html.count('<g class="heat-cell"') == 17 * 6
    afr = heat_cell(html, "(a)", "AFR")  # ng in need, no activity reaches it: 1 of 2 reporting
    assert 'fill="#c8321f"' in afr  # 50 to 75 %
    assert '<text class="heat-main"' in afr and ">1</text>" in afr
    assert "of 1 · 0 act." in afr
    assert "1 of 1 Parties in need reached by no activity (2 reporting)" in afr
    world_c = heat_cell(html, "(c)", "global")
    assert ">0</text>" in world_c and "of 3 · 1 act." in world_c and "USD 500,000" in world_c
    assert 'fill="#ffffff"' in heat_cell(html, "(a)", "ASP")  # no reporting Party
    assert 'role="img" aria-labelledby="coverage-heatmap-title coverage-heatmap-desc"' in html
    assert "75 % or more" in html  # the legend


def test_needs_table_uncovered_areas_and_assessment(client, tiny) -> None:
    html = page(client)
    assert "<dd>Q123</dd>" in html
    assert re.search(
        r"Risk assessment and technical expertise</th>(\s*<td[^>]*>[^<]*</td>){8}", html
    )
    row = re.search(r"\(c\)</span> Risk assessment and technical expertise</th>(.*?)</tr>", html)
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(1))
    assert cells == ["3", "0", "0", "0", "2", "0", "1", "+2"]  # cycle 5, cycle 4, change
    uncovered = html.split('class="coded uncovered-areas"')[1].split("</ul>")[0]
    assert re.findall(r'<span class="code">(\([a-q]\))</span>', uncovered) == [
        "(h)",
        "(l)",
        "(m)",
        "(q)",
    ]
    assert "Not addressed: no key area names technology transfer" in uncovered
    assert "Mainstreaming biosafety" in html.split("no activity of the Action Plan")[1]
    assessment = html.split('id="assessment-heading"')[1]
    world_row = re.search(r"World</th>(.*?)</tr>", assessment).group(1)
    assert re.findall(r">(\d+)</td>", world_row) == ["6", "4", "2", "4"]
    assert 'href="/parties/ng/"' in html  # the one Party with unreached needs


def test_cycle_selector_and_other_cycle(client, tiny) -> None:
    html = page(client)
    assert '<option value="5" selected>Cycle 5</option>' in html
    four = page(client, "/capacity/?cycle=4")
    assert "<dd>Q135</dd>" in four and '<option value="4" selected>' in four
    assert client.get("/capacity/?cycle=3").status_code == 404
    assert client.get("/capacity/?cycle=five").status_code == 404


def test_french_page(client, tiny) -> None:
    html = page(client, "/fr/capacity/")
    assert '<html lang="fr">' in html
    assert html.count('<g class="heat-cell"') == 102


def test_without_reports(client, db) -> None:
    html = page(client)
    assert "No national report with the capacity-building needs question is loaded yet." in html
    assert "heat-cell" not in html


def test_demonstration_records_are_labelled(client, tiny) -> None:
    before = page(client)
    assert "demo-notice" not in before
    assert 'heat-main"' in before and ">1</text>" in heat_cell(before, "(m)", "AFR")
    demo = world.activity("demo-x", "global", "2020-01-01", needs_areas=["(m)"])
    store_records([demo.model_copy(update={"demonstration": True})], source="test")
    html = page(client)  # the records' fingerprint changed: recomputed at once
    assert "demo-notice" in html
    assert ">0</text>" in heat_cell(html, "(m)", "AFR")


def test_results_are_cached(client, tiny, monkeypatch, django_assert_max_num_queries) -> None:
    page(client)
    calls: list[int] = []
    original = service.stored_needs
    monkeypatch.setattr(
        service, "stored_needs", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    # the session, the cache (needs, coverage, contribution), the published-run label
    with django_assert_max_num_queries(10):
        page(client)
    assert calls == []


def test_navigation_links_to_the_page(client, db) -> None:
    html = page(client, "/plan/")
    assert '<a href="/capacity/">Capacity-building</a>' in html


def test_a_format_without_the_needs_question_is_explained(client, world) -> None:
    """The portal's ``world`` has fifth reports; the imported tiny format lists only
    some of the needs areas."""
    from cpbmonitor.services.formats import import_format
    from tests.national_reports.documents import SCHEMA, TINY_FORMAT

    import_format(TINY_FORMAT, SCHEMA)
    html = page(client)
    assert "The needs of cycle 5 cannot be analysed:" in html
    assert "cpbNationalReport5 question Q123 has no option 68250AA6" in html


def test_contribution_of_capacity_building_with_its_caveat(client, tiny) -> None:
    from cpbmonitor.core.plan import load_plan
    from cpbmonitor.services.contribution import page_contributions

    html = page(client)
    assert "Contribution of capacity-building" in html
    assert "association, not attribution" in html
    shown = [c for c in page_contributions(load_plan("draft-2020")) if c.reached.parties]
    assert shown and all(f'href="/indicators/{c.indicator}/"' in html for c in shown)
    french = page(client, "/fr/capacity/")
    assert "Contribution du renforcement des capacités" in french
    assert "non une attribution" in french
    indicator = client.get(f"/indicators/{shown[0].indicator}/").content.decode()
    assert "Contribution of capacity-building" in indicator
