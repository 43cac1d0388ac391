"""Bearer tokens (``Authorization: Bearer <key>``, see ``reporting.models.ApiToken``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from cpbmonitor.reporting.models import ApiToken


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
