"""The admin checks milestones with the core, and only managers of milestones (the policy
table: Secretariat, administrators) may change them."""

from __future__ import annotations

import pytest

from cpbmonitor.milestones.models import Milestone
from cpbmonitor.reporting.models import Role
from tests.reporting.conftest import make_user

pytestmark = pytest.mark.django_db
ADD = "/admin/milestones/milestone/add/"
FORM = {
    "plan": "draft-2020",
    "indicator": "A.1(a)",
    "group": "global",
    "target_value": "80",
    "target_date": "2030-12-31",
    "label": "",
    "decision": "CP-11/3",
}


@pytest.fixture
def admin_user(world, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_user("admin", Role.ADMIN)


def test_admin_adds_a_checked_milestone(client, admin_user) -> None:
    client.force_login(admin_user)
    response = client.post(ADD, FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    row = Milestone.objects.get()
    assert (row.indicator, row.target_value, row.decision) == ("A.1(a)", 80.0, "CP-11/3")


def test_admin_refuses_an_unknown_indicator_and_a_bad_group(client, admin_user) -> None:
    client.force_login(admin_user)
    page = client.post(ADD, {**FORM, "indicator": "A.1(z)", "group": "EUR"}).content.decode()
    assert "no such indicator in plan version draft-2020" in page
    assert "is not one of global, AFR, ASP, CEE, GRULAC, WEOG" in page
    assert Milestone.objects.count() == 0


def test_staff_without_the_secretariat_role_cannot_add(client, world) -> None:
    clerk = make_user("clerk", Role.FOCAL_POINT, "br")
    clerk.is_staff = True
    clerk.save()
    client.force_login(clerk)
    assert client.post(ADD, FORM).status_code == 403
    secretary = make_user("secretary", Role.SECRETARIAT)
    secretary.is_staff = True
    secretary.save()
    client.force_login(secretary)
    assert client.post(ADD, FORM).status_code == 302
