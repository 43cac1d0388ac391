"""Accessibility kept (item 22 of the hardening issue): axe-core's WCAG 2.0/2.1 A and AA
rules find no violation on any page template, in English and French, public pages,
records and capacity-building pages, and online reporting signed in (the forms
included). ``axe-playwright-python`` ships axe-core: nothing is downloaded."""

from __future__ import annotations

import re

import pytest

from cpbmonitor.national_reports.models import Party, ReportingCycle
from cpbmonitor.reporting import editing
from cpbmonitor.reporting.models import ReportDraft, Role
from cpbmonitor.services import drafts
from cpbmonitor.services.formats import import_format
from tests.national_reports.documents import SCHEMA, TINY_FORMAT
from tests.national_reports.factories import make_party
from tests.reporting.conftest import PASSWORD, make_user

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

PUBLIC = [
    "/",
    "/goals/A.1/",
    "/indicators/A.1(a)/",
    "/indicators/A.1(b)/",
    "/parties/",
    "/parties/br/",
    "/questions/",
    "/questions/5/",
    "/questions/5/Q007/",
    "/capacity/",
    "/evaluation/",
    "/plan/",
    "/plan/draft-2020/",
    "/plan/compare/draft-2019/draft-2020/",
    "/records/",
    "/records/decision/",
    "/reporting/login/",
]


@pytest.fixture
def site(live_world, settings):
    """The portal's tiny world, the tiny fifth-report format, demonstration records, and
    Brazil's fifth report submitted, returned, then changed (review with changes)."""
    from cpbmonitor.services.milestones import load_demo_milestones
    from cpbmonitor.services.records import load_demo_records

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_format(TINY_FORMAT, SCHEMA)
    make_party("eu")
    load_demo_records()
    load_demo_milestones()
    users = {
        "fp-br": make_user("fp-br", Role.FOCAL_POINT, "br"),
        "secretariat": make_user("secretariat", Role.SECRETARIAT),
    }
    cycle = ReportingCycle.objects.get(name="5")
    draft = drafts.start(users["fp-br"], Party.objects.get(iso2="br"), cycle)
    answers = {
        "Q007": {"value": "implementation.partiallyInPlace"},
        "Q008": [{"value": "instrument.nationalBiosafetyLaws"}],
        "Q009": {"value": "true.some", "additionalInformation": {"en": "In one plan."}},
        "Q122": {"value": "false"},
    }
    drafts.save(users["fp-br"], draft, editing.answers_from_json(SCHEMA, answers), None)
    draft.refresh_from_db()
    drafts.submit(users["fp-br"], draft)
    drafts.return_to_draft(users["secretariat"], draft, "Please check question 7.")
    changed = editing.answers_from_json(SCHEMA, {"Q007": {"value": "implementation.fullInPlace"}})
    drafts.save(users["fp-br"], draft, changed, None)
    return ReportDraft.objects.get(pk=draft.pk)


def _violations(page, url: str) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    results = axe_module.Axe().run(page, options=WCAG_AA)
    return [
        f"{url}: {v['id']} ({v['impact']}) {v['help']}: "
        + "; ".join(n["target"][0] for n in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def _sign_in(page, prefix: str, username: str) -> None:
    page.goto(f"{prefix}/reporting/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.panel button[type=submit]").click()
    page.wait_for_url(re.compile(r"/reporting/$"))


@pytest.mark.parametrize("prefix", ["", "/fr"], ids=["en", "fr"])
def test_public_pages_have_no_wcag_violation(page, site, engine, prefix):
    found = [v for url in PUBLIC for v in _violations(page, prefix + url)]
    page.goto(prefix + "/records/decision/")
    detail = page.locator("table a, ul a").filter(has_text=re.compile(r".")).first
    found += _violations(page, detail.get_attribute("href"))
    assert found == []


@pytest.mark.parametrize("prefix", ["", "/fr"], ids=["en", "fr"])
def test_reporting_pages_have_no_wcag_violation(page, site, prefix):
    draft = site
    base = f"{prefix}/reporting/drafts/{draft.pk}"
    _sign_in(page, prefix, "fp-br")
    urls = [
        f"{prefix}/reporting/",
        f"{base}/step/1/",
        f"{base}/step/2/",
        f"{base}/",
        f"{base}/history/",
        f"{base}/history/1/",
        f"{prefix}/records/decision/new/",
    ]
    found = [v for url in urls for v in _violations(page, url)]
    page.context.clear_cookies()
    _sign_in(page, prefix, "secretariat")
    found += _violations(page, f"{prefix}/reporting/")
    assert found == []


def test_the_check_finds_a_violation(page, live_server):
    """The check is live: a page with an unlabelled field and an image without text."""
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"><input></main>')
    found = axe_module.Axe().run(page, options=WCAG_AA).response["violations"]
    assert {"image-alt", "label"} <= {v["id"] for v in found}
