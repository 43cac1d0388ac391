"""Evaluation-run test set-up: the milestones' tiny registry (A.1(a) 40 % -> 60 %) plus a
Party (mx, AFR) that has not reported yet, and users of every role."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from cpbmonitor.national_reports.models import Answer, NationalReport, Party, ReportingCycle
from cpbmonitor.reporting.models import Role
from cpbmonitor.reporting.roles import grant
from tests.milestones.conftest import FULL, reports  # noqa: F401 (the fixture)
from tests.national_reports.factories import make_party, make_report


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def registry(reports) -> None:  # noqa: F811
    make_party("mx")


def import_new_report() -> NationalReport:
    """mx's first fifth report: fully in place."""
    report = make_report(
        Party.objects.get(iso2="mx"), ReportingCycle.objects.get(number=5), submitted="2026-03-01"
    )
    Answer.objects.create(report=report, question="Q007", value=FULL)
    return report


def correct_report() -> NationalReport:
    """A correction of jp's fifth report: none -> fully in place."""
    old = NationalReport.objects.get(government__iso2="jp", cycle__number=5, is_current=True)
    NationalReport.objects.filter(pk=old.pk).update(is_current=False)
    new = make_report(
        old.government, old.cycle, identifier="jp-5-corrected", submitted="2026-03-02"
    )
    Answer.objects.create(report=new, question="Q007", value=FULL)
    NationalReport.objects.filter(pk=old.pk).update(superseded_by=new)
    return new


@pytest.fixture
def users(db) -> dict[str, object]:
    model = get_user_model()
    found: dict[str, object] = {}
    for name, role in (
        ("secretariat", Role.SECRETARIAT),
        ("reviewer", Role.REVIEWER),
        ("admin", Role.ADMIN),
    ):
        user = model.objects.create_user(name, password="a-long-password-1")
        grant(user, role)
        found[name] = user
    found["public"] = model.objects.create_user("public", password="a-long-password-1")
    focal = model.objects.create_user("focal", password="a-long-password-1")
    grant(focal, Role.FOCAL_POINT, make_party("zz"))
    found["focal"] = focal
    return found
