"""Django groups mirroring the roles, for the admin site: each role's group holds the
model permissions that :data:`policy.TABLE` grants it. The policy table stays the one
source of truth; the groups are kept in step after every migration and membership."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from cpbmonitor.reporting.models import Membership, Role
from cpbmonitor.reporting.policy import TABLE, Act

CODENAMES: dict[Act, str] = {
    Act.VIEW: "view_reportdraft",
    Act.CREATE: "add_reportdraft",
    Act.EDIT: "change_reportdraft",
    Act.SUBMIT: "submit_reportdraft",
    Act.RETURN: "return_reportdraft",
    Act.PUBLISH: "publish_reportdraft",
    Act.REOPEN: "reopen_reportdraft",
}
GROUP_NAMES: dict[Role, str] = {role: f"CPB {role.label}" for role in Role}


def sync_role_groups(using: str = "default") -> None:
    """Create or update one group per role with the permissions of its table rows."""
    perms = {
        p.codename: p
        for p in Permission.objects.using(using).filter(
            content_type__app_label="reporting", codename__in=CODENAMES.values()
        )
    }
    if not perms:
        return
    for role in Role:
        group, _ = Group.objects.using(using).get_or_create(name=GROUP_NAMES[role])
        wanted = [perms[c] for act, c in CODENAMES.items() if role in TABLE[act] and c in perms]
        group.permissions.set(wanted)


def grant(user: Any, role: Role, government: Any = None) -> Membership:
    """Give ``user`` a role (national roles need a government) and its group."""
    membership, _ = Membership.objects.get_or_create(user=user, role=role, government=government)
    sync_role_groups()
    user.groups.add(Group.objects.get(name=GROUP_NAMES[role]))
    if hasattr(user, "_cpb_grants"):
        del user._cpb_grants
    return membership
