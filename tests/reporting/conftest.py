"""Reporting test set-up: the tiny world (root ``conftest``: br, ng... and the tiny
fifth-report format imported) and one user per role.

The tiny format: section 1 (Article2) Q007 single choice, Q008 multiple choice with the
exclusive ``instrument.none``, Q008_a text, Q009 with a text on ``true.some``; section 2
(Article22) Q122 yes/no enabling Q123 (multiple) and Q124.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from cpbmonitor.national_reports.models import Party, ReportingCycle
from cpbmonitor.reporting.models import Role
from cpbmonitor.reporting.roles import grant
from cpbmonitor.services import drafts as workflow

PASSWORD = "test-Passw0rd-not-secret"
ROLES = {
    "fp-br": (Role.FOCAL_POINT, "br"),
    "au-br": (Role.AUTHORIZED_USER, "br"),
    "fp-ng": (Role.FOCAL_POINT, "ng"),
    "secretariat": (Role.SECRETARIAT, None),
    "admin": (Role.ADMIN, None),
}
COMPLETE = {
    "Q007": {"value": "implementation.partiallyInPlace"},
    "Q008": [{"value": "instrument.nationalBiosafetyLaws"}],
    "Q009": {"value": "false"},
    "Q122": {"value": "false"},
}


def make_user(username: str, role: Role | None = None, government: str | None = None):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save()
    if role is not None:
        party = Party.objects.get(iso2=government) if government else None
        grant(user, role, party)
    return user


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A French request leaves French active in the test's thread (the middleware does
    not reset it); the next test's ``reverse`` calls must not inherit it."""
    yield
    translation.deactivate()


@pytest.fixture
def people(world, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    return {name: make_user(name, role, gov) for name, (role, gov) in ROLES.items()}


@pytest.fixture
def cycle5(world):
    return ReportingCycle.objects.get(name="5")


@pytest.fixture
def draft(people, cycle5):
    """Brazil's fifth-report draft, empty, started by its focal point."""
    return workflow.start(people["fp-br"], Party.objects.get(iso2="br"), cycle5)


@pytest.fixture
def complete_draft(draft, people):
    from cpbmonitor.reporting import editing

    changes = editing.answers_from_json(draft.cycle.schema, COMPLETE)
    workflow.save(people["fp-br"], draft, changes, draft.version)
    draft.refresh_from_db()
    return draft
