"""Demonstration logins, one per role: ``fp-br`` (focal point of Brazil), ``au-br``
(authorized user of Brazil), ``fp-ng`` (focal point of Nigeria, another government),
``secretariat`` and ``admin``.

Passwords come from ``CPB_DEMO_PASSWORD`` (setting or environment: one password for
all) or are generated; :func:`create_demo_users` returns them so the caller can print
them. Nothing secret is stored in the repository.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from cpbmonitor.national_reports.models import Party
from cpbmonitor.reporting.models import Membership, Role
from cpbmonitor.reporting.roles import grant

DEMO_USERS: tuple[tuple[str, Role, str | None], ...] = (
    ("fp-br", Role.FOCAL_POINT, "br"),
    ("au-br", Role.AUTHORIZED_USER, "br"),
    ("fp-ng", Role.FOCAL_POINT, "ng"),
    ("secretariat", Role.SECRETARIAT, None),
    ("admin", Role.ADMIN, None),
)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    government: str | None


def demo_password() -> str | None:
    return getattr(settings, "CPB_DEMO_PASSWORD", None) or os.environ.get("CPB_DEMO_PASSWORD")


@transaction.atomic
def create_demo_users(password: str | None = None) -> list[DemoLogin]:
    """Create (or reset the password of) one login per role; governments missing from
    the registry are skipped. Returns the logins with their passwords, to print."""
    password = password or demo_password()
    users = get_user_model().objects
    logins = []
    for username, role, code in DEMO_USERS:
        government = Party.objects.filter(iso2=code).first() if code else None
        if code and government is None:
            continue
        secret = password or secrets.token_urlsafe(12)
        user, _ = users.get_or_create(username=username)
        user.set_password(secret)
        user.is_staff = role in (Role.SECRETARIAT, Role.ADMIN)
        user.is_superuser = role == Role.ADMIN
        user.save()
        Membership.objects.filter(user=user).exclude(role=role, government=government).delete()
        grant(user, role, government)
        logins.append(DemoLogin(username, secret, role.label, code))
    return logins


def format_logins(logins: list[DemoLogin]) -> str:
    """The logins as lines to print: ``user  password  role (government)``."""
    return "\n".join(
        f"{x.username:<12} {x.password:<20} {x.role}"
        + (f" ({x.government})" if x.government else "")
        for x in logins
    )
