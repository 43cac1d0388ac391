"""Security headers the portal adds to every response."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware

from cpbmonitor.portal.conf import setting


class ContentSecurityPolicyMiddleware:
    """Send ``Content-Security-Policy`` (no inline scripts, nothing from other origins)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = setting("PORTAL_CONTENT_SECURITY_POLICY")
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):  # type: ignore[misc]  # untyped package
    """WhiteNoise, serving the apps' static folders (``WHITENOISE_USE_FINDERS``) and
    ``STATIC_ROOT`` only when ``collectstatic`` has filled it (no warning otherwise)."""

    def add_files(self, root: str, prefix: str | None = None) -> None:
        if Path(root).is_dir():
            super().add_files(root, prefix)
