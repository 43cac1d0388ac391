"""The main pages in a real browser: numbers, SVG charts, tables, the engine's reasons,
French pages, no CSP violations."""

from __future__ import annotations

import re

from cpbmonitor.reporting.models import Role


def test_home_page_renders_numbers_and_a_chart(page, live_world, engine):
    page.goto("/")
    assert page.title() == "The plan at a glance · CPB Monitor"
    chart = page.locator("svg.chart").first
    assert chart.is_visible()
    assert chart.get_attribute("role") == "img"
    assert "World: Submitted 75.0" in page.locator("#reporting-status-desc").text_content()
    first_row = page.get_by_role("row", name=re.compile(r"A\.1\(a\)"))
    assert "75.0" in first_row.inner_text() and "+25.0" in first_row.inner_text()
    assert page.console_errors == []  # no CSP violation, no missing file


def test_indicator_page_renders_chart_and_table(page, live_world, engine):
    page.goto("/indicators/A.1(a)/")
    assert page.locator("#indicator-chart-title").text_content().startswith("Indicator A.1(a)")
    bars = page.locator("svg.chart rect.series-1 > title")
    assert bars.count() == 5  # world and four regions with values; CEE has none
    table = page.get_by_role("table", name="Indicator A.1(a) by region")
    world = table.get_by_role("row", name=re.compile("World")).inner_text()
    assert world.split("\t")[1:3] == ["3", "4"]
    csv_link = page.get_by_role("link", name="CSV", exact=True)
    assert csv_link.get_attribute("href").endswith("data.csv")
    assert page.console_errors == []


def test_plan_comparison_page_renders(page, live_world):
    page.goto("/plan/compare/draft-2019/draft-2020/")
    assert page.locator("h1").inner_text() == "draft-2019 compared with draft-2020"
    assert page.locator("td.diff del").count() > 5
    assert page.locator("td.diff ins").count() > 5
    assert page.console_errors == []


def test_keyboard_reaches_the_skip_link_and_language_switch(page, live_world):
    page.goto("/plan/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_role("link", name="Français").click()
    assert page.url.endswith("/fr/plan/")
    assert page.locator("h1").inner_text() == "Versions du plan"


def test_indicator_without_value_shows_the_reason_in_french(page, live_world, engine):
    page.goto("/fr/indicators/A.1(b)/")
    reason = page.locator(".engine-note").inner_text()
    assert reason == "En attente : BCH records import (national focal point records)"
    assert page.get_by_text("pas encore calculées").count() == 0
    assert page.console_errors == []


def test_online_reporting_signs_in_in_french(page, live_world, settings):
    from tests.reporting.conftest import PASSWORD, make_user

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("secretariat-fr", Role.SECRETARIAT)
    page.goto("/fr/reporting/")
    assert page.locator("h1").inner_text() == "Connexion aux rapports nationaux en ligne"
    page.get_by_label("Nom d’utilisateur").fill("secretariat-fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/fr/reporting/$"))
    assert page.locator("h1").inner_text() == "Rapports nationaux en ligne"
    assert page.get_by_role("button", name="Se déconnecter").is_visible()
    assert page.console_errors == []
