"""Every public page answers 200 with its worked-out content; unknown codes answer 404."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook

from cpbmonitor.core.demo import LABEL
from tests.portal.conftest import FULL

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
    assert "badge-bad" in page and "declined" in page


def test_home_without_any_data(client, db):
    page = text(client.get("/"))
    assert "No reporting cycle is loaded yet." in page


def test_home_queries_are_few_and_results_cached(client, world, engine):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.portal.fakes import FakeSource

    client.get("/")
    calls = FakeSource.calls
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    cache_reads = [q for q in captured.captured_queries if "cpb_cache" in q["sql"]]
    data = [q for q in captured.captured_queries if "cpb_cache" not in q["sql"]]
    assert len(cache_reads) <= 3  # the evaluation, the reporting status, the demo flag
    assert len(data) <= 5  # the data version (twice) and the current cycle
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
    assert "fully or partially in place" in page  # the methodology, in plain words
    assert 'href="/questions/5/Q007/"' in page
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/indicators/A.1(a)/data.{fmt}"' in page


def test_indicator_page_before_any_report_shows_the_methodology(client, db):
    page = text(client.get("/indicators/A.1(a)/"))
    assert "not yet computed" in page
    assert "fully or partially in place" in page  # the engine's methodology, in plain words
    # no cycle is loaded, so no question page exists yet: the question is named, not linked
    assert "Q014" in page and 'href="/questions/4/Q014/"' not in page


def test_indicator_page_from_the_real_engine(client, world):
    # A.1(a), world: cycle 5 full, partial, full -> 3 of 3; cycle 4 (baseline) 4 of 4.
    page = text(client.get("/indicators/A.1(a)/"))
    assert "World: Baseline 100.0\u00a0%, Current 100.0\u00a0%" in page
    # 3 and 4 Parties are under the few-data threshold of 10: the change is not counted.
    assert "insufficient data" in page
    # over the cycles: the series chart (a line per group, markers and labels) and its
    # table, with the crosswalked change from cycle 4 to 5 labelled
    assert 'aria-labelledby="series-A-1-a-title series-A-1-a-desc"' in page
    assert "100% (4/4)" in page and "100% (3/3)" in page
    assert "4 → 5: crosswalked question" in page
    # the map of Parties meeting it in the latest cycle, with its table
    assert 'class="world-map"' in page and "Parties by whether they meet the indicator" in page


def test_indicator_without_value_shows_the_engines_reason(client, world, engine):
    page = text(client.get("/indicators/A.1(b)/"))
    assert "not yet computed" not in page
    assert (
        '<p class="notice engine-note">Pending: '
        '<span lang="en">BCH records import (national focal point records)</span></p>'
    ) in page


def test_home_and_goal_pages_show_the_engines_reason(client, world, engine):
    home = text(client.get("/"))
    assert (
        '<td colspan="6" class="engine-note muted">Pending: '
        '<span lang="en">BCH records import (national focal point records)</span></td>'
    ) in home
    goal = text(client.get("/goals/A.1/"))
    assert 'Pending: <span lang="en">BCH records import' in goal


def test_a_computed_indicator_shows_the_engines_caveat(client, world, engine):
    page = text(client.get("/indicators/B.1(a)/"))
    assert (
        'Note: <span lang="en">Baseline proxy: the fourth report asked a narrower question.</span>'
    ) in page


def test_reasons_from_the_real_engine(client, world):
    page = text(client.get("/indicators/A.3(b)/"))
    assert '<span lang="en">no GEF funding for national reports loaded</span>' in page
    page = text(client.get("/indicators/A.5(d)/"))
    assert 'Baseline: No rule for cycle 4: <span lang="en">The fourth report does not ask' in page
    french = text(client.get("/fr/indicators/A.5(d)/"))
    assert 'Référence : Aucune règle pour le cycle 4 : <span lang="en">The fourth' in french


HEADER = (
    "indicator,cycle,group,numerator,denominator,value,reports_used,baseline_cycle,"
    "baseline_numerator,baseline_denominator,baseline_value,change,status,comparability,"
    "comparability_reason,few_data,baseline_few_data,note"
)
"""The 18 columns of ``cpb evaluate -f csv`` (``ROW_FIELDS``)."""


def test_indicator_downloads(client, world, engine):
    csv = text(client.get("/indicators/A.1(a)/data.csv")).splitlines()
    assert csv[0] == HEADER
    # the fake source gives no comparability (the real engine does: see the series tests)
    assert csv[1] == "A.1(a),5,global,3,4,75.0,4,4,,,50.0,25.0,improved,,,False,False,"
    assert len(csv) == 7  # the world and five regions
    document = json.loads(client.get("/indicators/A.1(a)/data.json").content)
    assert document["indicator"] == "A.1(a)" and document["notices"] == []
    assert document["rows"][0]["value"] == 75.0
    response = client.get("/indicators/A.1(a)/data.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="cpb-indicator-A.1-a.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet.title == "A.1(a)"
    assert [c.value for c in sheet[1]] == HEADER.split(",")
    assert [c.value for c in sheet[2]][:6] == ["A.1(a)", 5, "global", 3, 4, 75]


def test_downloads_carry_the_engine_note(client, world, engine):
    rows = json.loads(client.get("/indicators/A.1(b)/data.json").content)["rows"]
    assert rows[0]["note"] == "pending: BCH records import (national focal point records)"
    assert rows[0]["value"] is None and [r["group"] for r in rows] == ["global", "AFR"]
    csv = text(client.get("/indicators/A.1(b)/data.csv")).splitlines()
    assert csv[1].endswith(
        ",False,False,pending: BCH records import (national focal point records)"
    )


DEMO_NOTICE = f"{LABEL}."  # as `cpb evaluate` says it


def test_downloads_of_demonstration_data_say_so(client, world, engine, settings):
    settings.CPB_DEMO_DATA = True
    csv = text(client.get("/indicators/A.1(a)/data.csv")).splitlines()
    assert csv[0] == f"# {DEMO_NOTICE}"
    assert csv[1] == HEADER and csv[2].startswith("A.1(a),5,global,3,4,75.0,")
    document = json.loads(client.get("/indicators/A.1(a)/data.json").content)
    assert document["notices"] == [DEMO_NOTICE]
    assert list(document) == ["indicator", "notices", "rows"]
    assert document["rows"][0] == {
        "indicator": "A.1(a)",
        "cycle": 5,
        "group": "global",
        "numerator": 3,
        "denominator": 4,
        "value": 75.0,
        "reports_used": 4,
        "baseline_cycle": 4,
        "baseline_numerator": None,
        "baseline_denominator": None,
        "baseline_value": 50.0,
        "change": 25.0,
        "status": "improved",
        "comparability": None,
        "comparability_reason": None,
        "few_data": False,
        "baseline_few_data": False,
        "note": None,
    }
    workbook = load_workbook(BytesIO(client.get("/indicators/A.1(a)/data.xlsx").content))
    sheet = workbook.active
    assert sheet["A1"].value == DEMO_NOTICE and sheet["A1"].font.b
    assert sheet.oddHeader.center.text == DEMO_NOTICE
    assert [c.value for c in sheet[2]][:1] == ["indicator"]
    assert [c.value for c in sheet[3]][:6] == ["A.1(a)", 5, "global", 3, 4, 75]


def test_french_download_notice(client, world, engine, settings):
    settings.CPB_DEMO_DATA = True
    csv = text(client.get("/fr/indicators/A.1(a)/data.csv")).splitlines()
    assert (
        csv[0]
        == "# Données de démonstration : générées, ce ne sont pas de vrais rapports nationaux."
    )


def test_demonstration_reports_in_the_database_mark_the_downloads(client, world, engine):
    from tests.national_reports.factories import make_report

    assert not text(client.get("/indicators/A.1(a)/data.csv")).startswith("#")
    make_report(world["parties"]["fr"], world["cycles"][1], identifier="demo-nr5-fr")
    from django.core.cache import cache

    cache.clear()
    assert text(client.get("/indicators/A.1(a)/data.csv")).startswith(f"# {DEMO_NOTICE}\n")


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


def test_question_page_shows_the_engines_analysis(client, world):
    from cpbmonitor.services import questions
    from cpbmonitor.services.evaluation import analyze_stored_question

    cycle5 = world["cycles"][1]
    question = questions.questionnaire(cycle5).question("Q007")
    shown = questions.analyse(cycle5, question)
    engine = analyze_stored_question("Q007", 5, compare=True)
    assert shown == engine  # the page reads the engine's own analysis
    assert shown.previous.key == "Q014" and shown.previous.reporting["global"] == 4
    full = shown.previous.option("implementation.fullInPlace")
    assert full.counts["global"] == 2 and full.share("global") == 50.0


def test_question_page_lists_previous_options_without_counterpart(client, world):
    # Q115 (cycle 5: yes / no) is Q127 in cycle 4 (yes / yes, partly / no).
    from cpbmonitor.national_reports.models import Answer, NationalReport

    values = {"br": "true", "ng": "true.some", "jp": "true.some", "fr": "false"}
    for report in NationalReport.objects.filter(cycle=world["cycles"][0]):
        Answer.objects.create(report=report, question="Q127", value=values[report.government.iso2])
    page = text(client.get("/questions/5/Q115/"))
    assert "Compared with question Q127 of cycle 4." in page
    assert "Options of cycle 4 that no option of this cycle corresponds to:" in page
    assert "Yes, partly (2, 50.0\u00a0%)" in page
    assert "(25.0\u00a0%)" in page  # "Yes" and "No", cycle 4: 1 of 4 each


def test_question_page_without_a_previous_cycle(client, db):
    from cpbmonitor.national_reports.models import Answer
    from tests.national_reports.factories import make_cycle, make_party, make_report

    report = make_report(make_party("br"), make_cycle(5), submitted="2025-06-01")
    Answer.objects.create(report=report, question="Q007", value=FULL)
    page = text(client.get("/questions/5/Q007/"))
    assert "No matching question in the previous cycle." in page
    assert "1 of 1 reports by Parties answer this question." in page
    assert "100.0\u00a0%" in page


def test_question_page_shows_what_parties_wrote(client, world):
    """Free text of the shipped fifth format (Q176): two published reports name public
    awareness, one in French; the page lists them by Party with the theme, and searches."""
    from cpbmonitor.national_reports.models import Answer, NationalReport

    texts = {
        "br": ("en", "Public awareness is low. Training <b>requested</b>."),
        "ng": ("en", "Public awareness campaigns reached few people."),
        "jp": ("fr", "La sensibilisation du public reste faible dans les campagnes."),
    }
    for report in NationalReport.objects.filter(cycle=world["cycles"][1]):
        language, written = texts.get(report.government.iso2, ("", ""))
        if written:
            Answer.objects.create(report=report, question="Q176", text=written, language=language)
    page = text(client.get("/questions/5/Q176/"))
    assert "What Parties wrote" in page and "3 texts from published reports." in page
    assert "public awareness" in page  # the recurrent theme of br and ng
    assert "&lt;b&gt;requested&lt;/b&gt;" in page  # escaped, never markup
    found = text(client.get("/questions/5/Q176/?q=campagnes"))
    assert (
        "La sensibilisation du public" in found and "few people" not in found.split("texts-list")[1]
    )


def test_cycle_without_number_has_no_analyzer(client, db):
    import datetime as dt

    from cpbmonitor.national_reports.models import ReportingCycle

    ReportingCycle.objects.create(
        name="interim", schema="cpbNationalReport5", year=2018, deadline=dt.date(2018, 1, 1)
    )
    assert 'href="/questions/interim/"' not in text(client.get("/questions/"))
    assert client.get("/questions/interim/").status_code == 404
    assert client.get("/questions/interim/Q007/").status_code == 404


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
    from tests.national_reports.factories import make_cycle, make_party, make_report

    make_report(make_party("br"), make_cycle(5), identifier="demo-nr5-br")
    assert "Demonstration data." in text(client.get("/plan/"))


def test_goal_page_shows_progress_of_the_goal_and_its_objectives(client, world):
    from cpbmonitor.core.plan import load_plan

    page = text(client.get("/goals/A.1/"))
    assert "Progress towards 2030" in page
    # three or four Parties: every indicator rests on few data, so the goal and each of
    # its objectives have too few assessed indicators
    assert "fewer than half of its indicators could be assessed (0 of 3)" in page
    for objective in load_plan("draft-2020").goal("A.1").objectives:
        assert f'<span class="code">{objective.code}</span>' in page
    assert 'aria-labelledby="goal-series-A-1-title goal-series-A-1-desc"' in page


def test_party_page_shows_indicators_met_in_each_cycle(client, world):
    page = text(client.get("/parties/br/"))
    assert "Indicators met in each cycle" in page
    assert 'aria-labelledby="party-series-br-title party-series-br-desc"' in page
    assert "Comparable in every cycle" in page and "so the first share is not a trend" in page
    french = text(client.get("/fr/parties/br/"))
    assert "Comparables à chaque cycle" in french and "n’est donc pas une tendance" in french


def test_comparability_labels_in_both_languages():
    from django.utils import translation

    from cpbmonitor.portal.templatetags.portal import comparability_label

    assert comparability_label("stand-in") == "stand-in question"
    assert comparability_label(None) == ""
    with translation.override("fr"):
        assert comparability_label("crosswalked") == "question mise en correspondance"
