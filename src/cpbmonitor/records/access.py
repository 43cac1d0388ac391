"""Who may register and change records, from the one permission table of
``reporting.policy`` (``Act.RECORD_CREATE``, ``Act.RECORD_EDIT``).

Reading records is public. A scope ``ANY`` (Secretariat, administrators) covers every
record; a scope ``OWN`` (a national focal point) covers a record only when every
government it concerns is the user's own: a decision of its government, an activity
whose governments are all its own. Records that concern no government (LMOs, detection
methods, usage statistics, global activities...) and the types the Secretariat alone keeps
(the Compliance Committee's issues and reviews, GEF funding: a Party does not record its
own compliance or funding) need ``ANY``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.core.exceptions import PermissionDenied

from cpbmonitor.core.records import RECORD_TYPES, RecordModel, RecordType, type_of
from cpbmonitor.national_reports.models import Party
from cpbmonitor.reporting import policy
from cpbmonitor.reporting.policy import Act

CREATE = Act.RECORD_CREATE
EDIT = Act.RECORD_EDIT


def own_codes(user: Any, act: Act) -> frozenset[str] | None:
    """The governments (ISO codes) ``user`` may do ``act`` for; ``None``: all of them."""
    ids = policy.governments(user, act)
    if ids is None:
        return None
    return frozenset(Party.objects.filter(pk__in=ids).values_list("iso2", flat=True))


def may(user: Any, act: Act, governments: Collection[str]) -> bool:
    """Whether ``user`` may do ``act`` on a record concerning ``governments`` (codes)."""
    if not policy.allowed(user, act):
        return False
    own = own_codes(user, act)
    if own is None:
        return True
    return bool(governments) and set(governments) <= own


def held_by(record: RecordModel) -> tuple[str, ...]:
    """The governments whose focal points may hold ``record``: those it concerns, or none
    for a type the Secretariat alone keeps."""
    return () if type_of(record).secretariat_only else record.governments_concerned


def require(user: Any, act: Act, governments: Collection[str]) -> None:
    if not may(user, act, governments):
        raise PermissionDenied("not allowed to change this record")


def concerns_governments(kind: RecordType) -> bool:
    """Records of ``kind`` can concern governments (so a focal point may hold some)."""
    return not kind.secretariat_only and (kind.by_government or "governments" in kind.fields)


def creatable_types(user: Any) -> list[RecordType]:
    """The record types ``user`` may register at least one record of."""
    if not policy.allowed(user, CREATE):
        return []
    if own_codes(user, CREATE) is None:
        return list(RECORD_TYPES.values())
    return [kind for kind in RECORD_TYPES.values() if concerns_governments(kind)]
