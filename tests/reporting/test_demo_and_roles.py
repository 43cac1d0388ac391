"""Demo logins, role groups, the policy table."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth.models import Group

from cpbmonitor.reporting import policy
from cpbmonitor.reporting.demo import create_demo_users
from cpbmonitor.reporting.models import Membership, Role
from cpbmonitor.reporting.policy import Act
from cpbmonitor.reporting.roles import GROUP_NAMES


def test_demo_users_one_per_role(world, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CPB_DEMO_PASSWORD = None
    logins = create_demo_users()
    assert [(x.username, x.government) for x in logins] == [
        ("fp-br", "br"),
        ("au-br", "br"),
        ("fp-ng", "ng"),
        ("secretariat", None),
        ("admin", None),
    ]
    assert len({x.password for x in logins}) == 5  # generated, one each
    for login in logins:
        assert authenticate(username=login.username, password=login.password) is not None
    again = create_demo_users("same-for-all")
    assert {x.password for x in again} == {"same-for-all"}
    assert Membership.objects.count() == 5
    fp = Membership.objects.get(user__username="fp-br")
    assert fp.role == Role.FOCAL_POINT and fp.government.iso2 == "br"
    assert fp.user.groups.filter(name=GROUP_NAMES[Role.FOCAL_POINT]).exists()


def test_groups_mirror_the_policy_table(db):
    from cpbmonitor.reporting.roles import sync_role_groups

    sync_role_groups()
    secretariat = Group.objects.get(name=GROUP_NAMES[Role.SECRETARIAT])
    codes = set(secretariat.permissions.values_list("codename", flat=True))
    assert codes == {
        "view_reportdraft",
        "return_reportdraft",
        "publish_reportdraft",
        "reopen_reportdraft",
    }


def test_policy_ownership(people):
    from cpbmonitor.national_reports.models import Party

    br, ng = Party.objects.get(iso2="br"), Party.objects.get(iso2="ng")
    assert policy.allowed(people["fp-br"], Act.SUBMIT, br)
    assert not policy.allowed(people["fp-br"], Act.SUBMIT, ng)
    assert not policy.allowed(people["au-br"], Act.SUBMIT, br)
    assert policy.allowed(people["au-br"], Act.EDIT, br)
    assert not policy.allowed(people["secretariat"], Act.EDIT, br)
    assert policy.allowed(people["secretariat"], Act.PUBLISH, ng)
    assert policy.governments(people["fp-br"], Act.VIEW) == [br.pk]
    assert policy.governments(people["admin"], Act.VIEW) is None
