"""Every public page answers 200 with its worked-out content; unknown codes answer 404."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# -- home ------------------------------------------------------------------------------


def test_home_before_any_report_lists_goals_and_says_not_computed(client, db):
    page = text(client.get("/"))
    assert "Parties have in place functional national biosafety frameworks" in page
    assert "not yet computed" in page
    assert 'href="/indicators/A.1(a)/"' in page


def test_home_shows_reporting_status_of_the_current_cycle(client, world):
    page = text(client.get("/"))
    assert "Reports of cycle 5 by region" in page
    assert "75.0\u00a0%" in page  # 3 of 4 Parties submitted
    assert "25.0\u00a0%" in page  # 1 of 4 complete and on time
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in page


def test_home_shows_indicator_values_change_and_status(client, world, engine):
    page = text(client.get("/"))
    assert "Indicator values are not yet computed" not in page
    assert "+25.0\u00a0pts" in page
    assert "−5.5\u00a0pts" in page
    assert "badge-good" in page and "improved" in page
    assert "badge-bad" in page and "worsened" in page


def test_home_without_any_data(client, db):
    page = text(client.get("/"))
    assert "No reporting cycle is loaded yet." in page


def test_home_queries_are_few_and_results_cached(
    client, world, engine, django_assert_max_num_queries
):
    from tests.portal.fakes import FakeSource

    client.get("/")
    calls = FakeSource.calls
    with django_assert_max_num_queries(5):
        client.get("/")
    assert FakeSource.calls == calls


# -- goal and indicator ------------------------------------------------------------------


def test_goal_page(client, world, engine):
    page = text(client.get("/goals/A.1/"))
    assert "A.1.1" in page and "Parties have adopted and implemented legal" in page
    assert "Functional national biosafety frameworks enable" in page  # outcome
    assert "Establishment of competent national authorities" in page  # key area (2)
    assert "Train personnel of competent national authorities" in page  # activity (ii)
    assert 'aria-labelledby="chart-A-1-a-title chart-A-1-a-desc"' in page


def test_goal_page_of_shared_capacity_building(client, db):
    page = text(client.get("/goals/A.7/"))
    assert "shared with goal(s) A.6, A.8" in page


def test_indicator_page_with_chart_table_and_methodology(client, world, engine):
    page = text(client.get("/indicators/A.1(a)/"))
    assert "Percentage of Parties that have measures in place" in page
    assert "World: Baseline 50.0\u00a0%, Current 75.0\u00a0%" in page  # chart description
    assert '<td class="num">3</td>' in page and '<td class="num">4</td>' in page
    assert "fully in place" in page
    assert 'href="/questions/5/Q007/"' in page
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/indicators/A.1(a)/data.{fmt}"' in page


def test_indicator_page_before_any_report_shows_the_methodology(client, db):
    page = text(client.get("/indicators/A.1(a)/"))
    assert "not yet computed" in page
    assert "fully or partially in place" in page  # the engine's methodology, in plain words
    assert 'href="/questions/4/Q014/"' in page


def test_indicator_page_from_the_real_engine(client, world):
    # A.1(a), world: cycle 5 full, partial, full -> 3 of 3; cycle 4 (baseline) 4 of 4.
    page = text(client.get("/indicators/A.1(a)/"))
    assert "World: Baseline 100.0\u00a0%, Current 100.0\u00a0%" in page
    assert "no change" in page


def test_indicator_downloads(client, world, engine):
    csv = text(client.get("/indicators/A.1(a)/data.csv")).splitlines()
    assert csv[0] == "indicator,group,numerator,denominator,value,baseline_value,change,status,unit"
    assert csv[1] == "A.1(a),global,3,4,75,50,25,improved,percent"
    document = json.loads(client.get("/indicators/A.1(a)/data.json").content)
    assert document["rows"][0]["value"] == 75
    response = client.get("/indicators/A.1(a)/data.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="cpb-indicator-A.1-a.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[3]][:5] == ["A.1(a)", "global", 3, 4, 75]


@pytest.mark.parametrize(
    "url",
    [
        "/goals/A.99/",
        "/goals/C.1/",
        "/indicators/A.1(z)/",
        "/indicators/A.1(a)/data.pdf",
        "/parties/zz/",
        "/questions/9/",
        "/questions/5/Q999/",
        "/questions/5/Q001x/",
        "/plan/draft-1999/",
        "/plan/compare/draft-2020/draft-2019/",
    ],
)
def test_unknown_codes_answer_404(client, world, url):
    assert client.get(url).status_code == 404


# -- Parties --------------------------------------------------------------------------------


def test_parties_by_region(client, world):
    page = text(client.get("/parties/"))
    assert "Latin American and Caribbean States" in page
    assert 'href="/parties/br/"' in page


def test_party_page_lists_reports_and_scorecard(client, world, engine):
    page = text(client.get("/parties/BR/"))
    assert "Brazil" in page and "GRULAC" not in page.split("<main")[0]
    assert "br-5-2025-06-01" in page and "br-4-2019-09-01" in page
    assert "Scorecard" in page and "100.0\u00a0%" in page and "75.0\u00a0%" in page


def test_party_page_scorecard_from_the_real_engine(client, world):
    page = text(client.get("/parties/ng/"))
    assert "Cycle 5" in page and 'href="/indicators/A.1(a)/"' in page


# -- question analyzer -----------------------------------------------------------------------


def test_question_index_and_list(client, world):
    assert 'href="/questions/5/"' in text(client.get("/questions/"))
    page = text(client.get("/questions/5/"))
    assert 'href="/questions/5/Q007/"' in page


def test_question_analysis_with_previous_cycle(client, world):
    page = text(client.get("/questions/5/Q007/"))
    assert "3 of 3 reports by Parties answer this question." in page
    assert "Compared with question Q014 of cycle 4." in page
    assert "66.7\u00a0%" in page  # fully in place, cycle 5
    assert "(50.0\u00a0%)" in page  # fully in place, cycle 4
    assert "Cycle 4: 50.0" in page or "Cycle 4 50.0" in page  # chart description


# -- plan versions ----------------------------------------------------------------------------


def test_plan_versions(client, db):
    page = text(client.get("/plan/"))
    assert 'href="/plan/draft-2019/"' in page and 'href="/plan/draft-2020/"' in page
    assert 'href="/plan/compare/draft-2019/draft-2020/"' in page


def test_plan_version_tree(client, db):
    page = text(client.get("/plan/draft-2019/"))
    assert "CBD/CP/LG/2019/1/3" in page
    assert "<details" in page and "A.11" in page


def test_plan_comparison_shows_word_diff(client, db):
    page = text(client.get("/plan/compare/draft-2019/draft-2020/"))
    assert "<del>" in page and "<ins>" in page
    assert "reworded" in page and "Adds timeliness" in page


# -- security and languages -------------------------------------------------------------------


def test_security_headers(client, db):
    response = client.get("/plan/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "<script" not in response.content.decode()


def test_french_pages(client, world, engine):
    page = text(client.get("/fr/"))
    assert '<html lang="fr">' in page
    assert "Le plan en un coup d’œil" in page
    assert "75,0\u00a0%" in page
    assert 'href="/indicators/A.1(a)/" lang="en"' not in page
    assert 'hreflang="en"' in page and 'href="/"' in page
    assert "Parties have in place functional national biosafety frameworks" in page


def test_english_page_links_to_french(client, db):
    page = text(client.get("/plan/"))
    assert 'href="/fr/plan/"' in page


def test_demo_banner(client, db, settings):
    assert "Demonstration data." not in text(client.get("/plan/"))
    settings.CPB_DEMO_DATA = True
    assert "Demonstration data." in text(client.get("/plan/"))


def test_demo_banner_when_the_database_holds_demonstration_reports(client, db):
    from tests.registry.factories import make_cycle, make_party, make_report

    make_report(make_party("br"), make_cycle(5), identifier="demo-nr5-br")
    assert "Demonstration data." in text(client.get("/plan/"))
