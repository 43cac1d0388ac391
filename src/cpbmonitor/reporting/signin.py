"""Sign-in lockout through django-axes (settings ``AXES_*`` in ``web.settings.common``).

Failed sign-ins are counted in the database per user name and address, so every web
process of one database sees the same counters: after ``AXES_FAILURE_LIMIT`` failures
the pair is locked out for ``AXES_COOLOFF_TIME``, even with the right password.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKED_OUT_STATUS = 429


class SignInGuard(AxesStandaloneBackend):  # type: ignore[misc]
    """Axes' lockout check for sign-ins made through a request (the sign-in page, the
    admin); a sign-in without a request (a shell, ``Client.login`` in tests) has no
    address to count and goes straight to the user table."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def client_address(request: HttpRequest) -> str:
    """The address that counts: the connection's own, never a forwarded header a client
    could forge."""
    return str(request.META.get("REMOTE_ADDR", ""))


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """The sign-in page again, saying the attempt was refused (status 429)."""
    context = {
        "form": AuthenticationForm(request),
        "locked_out": _("Too many failed sign-in attempts. Try again in 15 minutes."),
    }
    return render(request, "reporting/login.html", context, status=LOCKED_OUT_STATUS)
