"""Bearer tokens (``Authorization: Bearer <key>``, see ``reporting.models.ApiToken``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from cpbmonitor.reporting import policy
from cpbmonitor.reporting.models import ApiToken
from cpbmonitor.reporting.policy import Act


class TokenAuth(HttpBearer):
    """A valid token is required; the request acts as the token's user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.authenticate(token)
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class OptionalToken(TokenAuth):
    """Reads: anonymous (or the signed-in session's user) without a token; a token given
    must be valid."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.headers.get(self.header):
            user = getattr(request, "user", None)
            return user if user is not None and user.is_authenticated else AnonymousUser()
        return super().__call__(request)


def user_of(request: HttpRequest) -> Any:
    return getattr(request, "auth", None) or AnonymousUser()


PermissionCheck = Callable[..., None]
"""``check(user, **path_parameters)``: raises ``PermissionDenied`` when ``user`` may not."""


class TokenFor(TokenAuth):
    """A valid token whose user may ``act``, checked before the request's body is read
    (django-ninja authenticates before it parses parameters), so that a user without
    the role gets 403 whatever the body holds.

    ``check`` sees the path's parameters and may narrow the question to the government
    concerned (a draft's, a stored record's); by default the user must hold the role for
    at least one government."""

    def __init__(self, act: Act, check: PermissionCheck | None = None, refusal: str = "") -> None:
        super().__init__()
        self.act = act
        self.check = check
        self.refusal = refusal or f"your roles do not allow this ({act.value.replace('_', ' ')})"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = super().authenticate(request, token)
        if user is None:
            return None
        if not policy.allowed(user, self.act):
            raise PermissionDenied(self.refusal)
        match = request.resolver_match
        if self.check is not None:
            self.check(user, **(match.kwargs if match else {}))
        return user
