"""Online reporting in a real browser: France's focal point fills the report (an exclusive
option, a conditional question, a missing answer), submits; the Secretariat publishes and
the public reporting status and indicator A.1(a) change; another government's focal point
is refused."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.national_reports.models import Answer, NationalReport, Party
from cpbmonitor.reporting.models import ReportDraft, Role
from cpbmonitor.services.formats import import_format
from tests.national_reports.documents import SCHEMA, TINY_FORMAT
from tests.reporting.conftest import PASSWORD, make_user


@pytest.fixture
def reporting_world(live_world, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_format(TINY_FORMAT, SCHEMA)
    make_user("fp-fr", Role.FOCAL_POINT, "fr")
    make_user("fp-br", Role.FOCAL_POINT, "br")
    make_user("secretariat", Role.SECRETARIAT)
    return live_world


FULL_OR_PARTLY = ("implementation.fullInPlace", "implementation.partiallyInPlace")


def a1a_expected(region: str | None = None) -> list[str]:
    """A.1(a) (cycle 5) worked out from the stored reports: Parties (of ``region``) with a
    current fifth report, and those whose Q007 says measures are fully or partly in place."""
    reports = NationalReport.objects.current().filter(cycle__number=5, government__cp_party=True)
    if region is not None:
        reports = reports.filter(government__region=region)
    met = Answer.objects.filter(report__in=reports, question="Q007", value__in=FULL_OR_PARTLY)
    return [str(met.values("report").distinct().count()), str(reports.count())]


def a1a_shown(page, group_label: str) -> list[str]:
    """A.1(a) for one group as the public page shows it: numerator, denominator, baseline,
    current value."""
    page.goto("/indicators/A.1(a)/")
    table = page.get_by_role("table", name="Indicator A.1(a) by region")
    return table.get_by_role("row", name=group_label).inner_text().split("\t")[1:5]


def sign_in(page, username):
    page.goto("/reporting/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/reporting/$"))


def sign_out(page):
    page.get_by_role("button", name="Log out").click()


def test_fill_submit_publish(page, reporting_world):
    page.goto("/")
    assert "World: Submitted 75.0" in page.locator("#reporting-status-desc").text_content()
    weog = "Western European and other States"
    before = a1a_shown(page, weog)[:2]
    assert before == a1a_expected("WEOG") == ["0", "0"]  # France has no fifth report yet
    assert a1a_shown(page, "World")[:2] == a1a_expected() == ["3", "3"]

    sign_in(page, "fp-fr")
    page.get_by_role("button", name="Open the report").click()

    # Section 1: the exclusive "None" unticks the others (and the server would refuse both)
    q008 = page.locator("#q-Q008")
    page.locator("#q-Q007").get_by_label("Partly").check()
    q008.get_by_label("Laws").check()
    q008.get_by_label("None").check()
    assert not q008.get_by_label("Laws").is_checked()
    q008.get_by_label("Laws").check()
    assert not q008.get_by_label("None").is_checked()
    page.locator("#q-Q009").get_by_label("No").check()
    page.get_by_role("button", name="Save and continue").click()
    assert page.get_by_text("Saved.").is_visible()

    # Section 2: Q123 and Q124 are asked only when Q122 is "Yes"
    q123 = page.locator("#q-Q123")
    assert q123.get_by_label("Risk assessment").is_disabled()
    page.locator("#q-Q122").get_by_label("Yes").check()
    assert q123.get_by_label("Risk assessment").is_enabled()
    q123.get_by_label("Risk assessment").check()
    page.get_by_role("button", name="Save and review").click()

    # The review lists the missing answer; submitting waits for it
    missing = page.locator("section", has=page.get_by_role("heading", name="What is missing"))
    assert "Full title: have the needs been prioritised?" in missing.inner_text()
    assert page.get_by_role("button", name="Submit the report").is_disabled()
    missing.get_by_role("link").click()
    page.locator("#q-Q124").get_by_label("Yes").check()
    page.get_by_role("button", name="Save and review").click()
    assert page.get_by_text("Every mandatory question is answered.").is_visible()
    page.get_by_role("button", name="Submit the report").click()
    assert page.get_by_text("The report was submitted.").is_visible()
    assert page.console_errors == []
    draft_url = page.url
    sign_out(page)

    # The Secretariat publishes: France's report counts on the public pages
    sign_in(page, "secretariat")
    page.get_by_role("link", name="France").click()
    page.get_by_role("button", name="Publish").click()
    assert page.get_by_text("The report was published.").is_visible()
    sign_out(page)
    page.goto("/")
    assert "World: Submitted 100.0" in page.locator("#reporting-status-desc").text_content()
    # France answered Q007 "Partly": it joins both A.1(a) counts of its region
    after = a1a_shown(page, weog)
    assert after[:2] == a1a_expected("WEOG") == [str(int(n) + 1) for n in before]
    assert after[3] == "100.0\u00a0%"  # 1 of 1
    assert a1a_shown(page, "World")[:2] == a1a_expected() == ["4", "4"]
    assert page.console_errors == []

    # Another government's focal point cannot open France's report
    sign_in(page, "fp-br")
    assert page.get_by_role("link", name="France").count() == 0
    response = page.goto(draft_url)
    assert response.status == 403
    draft = ReportDraft.objects.get(government=Party.objects.get(iso2="fr"))
    response = page.goto(f"/reporting/drafts/{draft.pk}/step/1/")
    assert response.status == 403
