"""Portal test set-up: a tiny registry (four Parties, two cycles, a few answers) with
worked-out totals, and the fake results source standing in for the engine.

Cycle 5 (deadline 2026-02-28): Brazil complete on time, Nigeria complete but late,
Japan incomplete, France no report -> 4 Parties, 3 submitted (75.0 %), 2 complete,
1 complete on time (25.0 %).
Q007 (cycle 5): full, partial, full -> fully in place 2 of 3 (66.7 %).
Q014 (cycle 4, Q007's counterpart): partial, partial, full, full -> 2 of 4 (50.0 %).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import translation

from cpbmonitor.national_reports.models import Answer
from tests.national_reports.factories import make_cycle, make_party, make_report

FULL = "implementation.fullInPlace"
PARTIAL = "implementation.partiallyInPlace"


def _database(request: pytest.FixtureRequest) -> bool:
    """Give the test its database first when it uses one (the shared cache is a table of
    it); ``False`` when it uses none (nor, then, the cache)."""
    names = set(request.fixturenames)
    if names & {"transactional_db", "live_server"}:
        request.getfixturevalue("transactional_db")
        return True
    if "db" in names or request.node.get_closest_marker("django_db") is not None:
        request.getfixturevalue("db")
        return True
    return False


@pytest.fixture(autouse=True)
def _fresh_cache(request: pytest.FixtureRequest):
    uses_database = _database(request)
    if uses_database:
        cache.clear()
    yield
    if uses_database:
        cache.clear()
    translation.deactivate()  # a French request leaves French active in this thread


@pytest.fixture
def world(db):
    parties = {code: make_party(code) for code in ("br", "ng", "jp", "fr")}
    cycle4 = make_cycle(4, deadline=dt.date(2019, 10, 1), year=2019)
    cycle5 = make_cycle(5)
    for code, answer in (("br", PARTIAL), ("ng", PARTIAL), ("jp", FULL), ("fr", FULL)):
        report = make_report(parties[code], cycle4, submitted="2019-09-01")
        Answer.objects.create(report=report, question="Q014", value=answer)
    for code, submitted, complete, answer in (
        ("br", "2025-06-01", True, FULL),
        ("ng", "2026-03-15", True, PARTIAL),
        ("jp", "2025-07-01", False, FULL),
    ):
        report = make_report(parties[code], cycle5, submitted=submitted, complete=complete)
        Answer.objects.create(report=report, question="Q007", value=answer)
    return {"parties": parties, "cycles": (cycle4, cycle5)}


@pytest.fixture
def engine(settings):
    settings.CPB_RESULTS_SOURCE = "tests.portal.fakes.FakeSource"
    return settings
