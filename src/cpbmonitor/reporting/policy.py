"""Who may do what: one table of (action, role) -> scope, and one ownership check.

Every page and API endpoint of online reporting asks :func:`allowed` (or :func:`require`)
before acting. ``OWN``: only for the government of the user's membership; ``ANY``: for
every government. A role absent from an action's row may not do it. Superusers act as
administrators. Whether the report's *state* permits an action (only a submitted report
can be published...) is the workflow's business, not the policy's.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied

from cpbmonitor.reporting.models import Membership, Role


class Act(StrEnum):
    VIEW = "view"
    """Open a draft, its history and earlier versions."""
    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    RETURN = "return"
    PUBLISH = "publish"
    REOPEN = "reopen"
    READ_UNPUBLISHED = "read_unpublished"
    """Read stored reports that were submitted but not published."""
    RECORD_CREATE = "record_create"
    """Register a BCH or capacity-building record (``cpbmonitor.records``; reading is public).
    ``OWN``: every government the record concerns is the user's; a record concerning no
    government needs ``ANY``."""
    RECORD_EDIT = "record_edit"
    """Change or end a stored record (same scope rule as ``RECORD_CREATE``)."""
    MANAGE_MILESTONES = "manage_milestones"
    """Add, change or delete the milestones of the plan (``cpbmonitor.milestones``;
    reading is public)."""
    VIEW_BCH_SYNC = "view_bch_sync"
    """See the BCH sync's runs and quarantined documents (``cpbmonitor.bch``)."""
    USE_API = "use_api"
    """Create and revoke one's own API tokens (a token acts with its user's roles)."""
    MANAGE_EVALUATIONS = "manage_evaluations"
    """Create, compare and publish evaluation runs and write their text
    (``cpbmonitor.evaluations``)."""
    REVIEW_EVALUATIONS = "review_evaluations"
    """Read the draft text of unpublished evaluation runs and comment on its sections."""


OWN = "own"
ANY = "any"

TABLE: dict[Act, dict[Role, str]] = {
    Act.VIEW: {
        Role.FOCAL_POINT: OWN,
        Role.AUTHORIZED_USER: OWN,
        Role.SECRETARIAT: ANY,
        Role.ADMIN: ANY,
    },
    Act.CREATE: {Role.FOCAL_POINT: OWN, Role.AUTHORIZED_USER: OWN, Role.ADMIN: ANY},
    Act.EDIT: {Role.FOCAL_POINT: OWN, Role.AUTHORIZED_USER: OWN, Role.ADMIN: ANY},
    Act.SUBMIT: {Role.FOCAL_POINT: OWN, Role.ADMIN: ANY},
    Act.RETURN: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.PUBLISH: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.REOPEN: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.READ_UNPUBLISHED: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.RECORD_CREATE: {Role.FOCAL_POINT: OWN, Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.RECORD_EDIT: {Role.FOCAL_POINT: OWN, Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.MANAGE_MILESTONES: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.VIEW_BCH_SYNC: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.USE_API: {
        Role.FOCAL_POINT: OWN,
        Role.AUTHORIZED_USER: OWN,
        Role.SECRETARIAT: ANY,
        Role.ADMIN: ANY,
    },
    Act.MANAGE_EVALUATIONS: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY},
    Act.REVIEW_EVALUATIONS: {Role.SECRETARIAT: ANY, Role.ADMIN: ANY, Role.REVIEWER: ANY},
}

Grant = tuple[Role, int | None]
"""A role, and the primary key of its government (``None`` for non-national roles)."""


def grants(user: Any) -> list[Grant]:
    """The roles ``user`` holds (cached on the user object for one request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    cached: list[Grant] | None = getattr(user, "_cpb_grants", None)
    if cached is None:
        rows = Membership.objects.filter(user=user).values_list("role", "government_id")
        cached = [(Role(role), gov) for role, gov in rows]
        if user.is_superuser:
            cached.append((Role.ADMIN, None))
        user._cpb_grants = cached
    return cached


def allowed(user: Any, action: Act, government: Any = None) -> bool:
    """Whether ``user`` may do ``action`` for ``government`` (a ``Party`` or its primary
    key). With ``government=None``: for at least one government."""
    row = TABLE[action]
    gov_id = getattr(government, "pk", government)
    for role, own in grants(user):
        scope = row.get(role)
        if scope == ANY or (scope == OWN and (gov_id is None or gov_id == own)):
            return True
    return False


def require(user: Any, action: Act, government: Any = None) -> None:
    if not allowed(user, action, government):
        raise PermissionDenied(f"not allowed to {action.value} this report")


def governments(user: Any, action: Act) -> list[int] | None:
    """The governments ``user`` may do ``action`` for: ``None`` means all of them."""
    row = TABLE[action]
    own: list[int] = []
    for role, gov in grants(user):
        scope = row.get(role)
        if scope == ANY:
            return None
        if scope == OWN and gov is not None:
            own.append(gov)
    return own
