"""Milestone test set-up: a tiny registry whose A.1(a) moves from 40 % to 60 %.

Five Parties, one per region: br (GRULAC), ng (AFR), jp (ASP), fr (WEOG), pl (CEE).
A.1(a) counts national measures fully or partially in place among reporting Parties.
Cycle 4 (deadline 2019-10-01), Q014: br partial, fr full, ng/jp/pl none -> 2 of 5 = 40 %.
Cycle 5 (deadline 2026-02-28), Q007: br full, ng partial, fr full, jp/pl none -> 3 of 5 = 60 %.
By region: GRULAC 100 -> 100, AFR 0 -> 100, ASP 0 -> 0, WEOG 100 -> 100, CEE 0 -> 0.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from cpbmonitor.national_reports.models import Answer
from tests.national_reports.factories import make_cycle, make_party, make_report
from tests.paths import FIXTURES

FILES = FIXTURES / "milestones"
FULL = "implementation.fullInPlace"
PARTIAL = "implementation.partiallyInPlace"
NONE = "implementation.none"
BASELINE = {"br": PARTIAL, "ng": NONE, "jp": NONE, "fr": FULL, "pl": NONE}
LATEST = {"br": FULL, "ng": PARTIAL, "jp": NONE, "fr": FULL, "pl": NONE}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reports(db) -> None:
    parties = {code: make_party(code) for code in BASELINE}
    cycle4 = make_cycle(4, deadline=dt.date(2019, 10, 1), year=2019)
    cycle5 = make_cycle(5)
    for cycle, answers, key, submitted in (
        (cycle4, BASELINE, "Q014", "2019-09-01"),
        (cycle5, LATEST, "Q007", "2025-06-01"),
    ):
        for code, value in answers.items():
            report = make_report(parties[code], cycle, submitted=submitted)
            Answer.objects.create(report=report, question=key, value=value)
