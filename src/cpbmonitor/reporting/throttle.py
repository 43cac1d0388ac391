"""Login rate limiting: after ``MAX_FAILURES`` failed sign-ins for one user name from one
address within ``WINDOW_SECONDS``, further attempts are refused until the window ends.

Counters live in Django's cache (per process by default; configure a shared cache, e.g.
the database cache, when several web processes serve one database).
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.casefold()}|{address}".encode()).hexdigest()[:32]
    return f"login-failures:{digest}"


def failures(username: str, address: str) -> int:
    return int(cache.get(_key(username, address), 0))


def record_failure(username: str, address: str) -> None:
    key = _key(username, address)
    cache.add(key, 0, WINDOW_SECONDS)
    cache.incr(key)


def clear(username: str, address: str) -> None:
    cache.delete(_key(username, address))


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing attempts once too many have failed."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed sign-in attempts. Try again in 15 minutes."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        if failures(username, address) >= MAX_FAILURES:
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            record_failure(username, address)
            raise
        clear(username, address)
        return cleaned
