"""Every page of the site, in English and French, over the demonstration data: the public
portal, records, capacity-building and evaluation pages anonymously, and online reporting
signed in as each role. No link leads to a 404, no page fails (``crawl``).

The demonstration data are loaded once for the module (inside a transaction rolled back
at its end); Brazil has a submitted draft and Nigeria an open one, so every reporting page
(dashboard, sections, review, history, versions) is reached.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from typer.testing import CliRunner

from cpbmonitor.cli.app import app
from cpbmonitor.national_reports.models import Party, ReportingCycle
from cpbmonitor.reporting import editing
from cpbmonitor.reporting.demo import DEMO_USERS, create_demo_users
from cpbmonitor.services import drafts
from tests.web.crawl import crawl

PASSWORD = "crawl-Passw0rd-not-secret"
PUBLIC = ["/", "/parties/", "/questions/", "/records/", "/capacity/", "/evaluation/", "/plan/"]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        result = CliRunner().invoke(app, ["demo", "load"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        create_demo_users(PASSWORD)
        users = {u.username: u for u in _users()}
        cycle = ReportingCycle.objects.get(name="5")
        brazil = drafts.start(users["fp-br"], Party.objects.get(iso2="br"), cycle)
        answers = editing.answers_from_json(
            cycle.schema, {"Q007": {"value": "implementation.none"}}
        )
        drafts.save(users["fp-br"], brazil, answers, brazil.version)
        brazil.refresh_from_db()
        for question in drafts.missing(brazil):  # answer what is still missing, then submit
            option = question.options[0].value if question.options else None
            if option is not None:
                answer = {"value": option}
                value = [answer] if question.multiple else answer
                changes = editing.answers_from_json(cycle.schema, {question.key: value})
                drafts.save(users["fp-br"], brazil, changes, brazil.version)
                brazil.refresh_from_db()
        if not drafts.missing(brazil):
            drafts.submit(users["fp-br"], brazil, brazil.version)
        drafts.start(users["fp-ng"], Party.objects.get(iso2="ng"), cycle)
        yield
        transaction.set_rollback(True)


def _users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username__in=[u for u, _r, _g in DEMO_USERS])


def _prefixed(paths: list[str], language: str) -> list[str]:
    return paths if language == "en" else [f"/{language}{p}" for p in paths]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_public_pages_have_no_broken_link(demo_site, db, language):
    found = crawl(Client(), _prefixed(PUBLIC, language))
    assert found.problems == []
    assert found.routes["portal:indicator"] == 48  # every indicator of draft-2020
    assert found.routes["portal:question"] > 0 and found.routes["records:detail"] > 0


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("username", [u for u, _role, _gov in DEMO_USERS])
def test_signed_in_pages_have_no_broken_link(demo_site, db, language, username):
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    found = crawl(client, _prefixed(["/reporting/", "/records/"], language), per_route=1)
    assert found.problems == []
    assert found.routes["reporting:dashboard"] >= 1
    if username != "fp-ng":  # Brazil's submitted report: its review and history
        assert found.routes["reporting:review"] >= 1 and found.routes["reporting:version"] >= 1
