"""The portal's settings. Each is read from Django settings when set there, else the
default below; this docstring is their reference.

- ``CPB_DEMO_DATA`` (bool, ``False``): the loaded data are demonstration data; every page
  then shows a banner saying so. Read through :func:`demo_data`, the one place to rewire
  when the database records the flag itself.
- ``CPB_PLAN_VERSION`` (str, ``"draft-2020"``): the plan version the public pages measure.
- ``PORTAL_RESULTS_SOURCE`` (dotted path, ``"cpbmonitor.services.results.EngineSource"``):
  the class that supplies indicator results (tests swap in a fixture source).
- ``PORTAL_CACHE_SECONDS`` (int, ``600``): how long computed results stay cached; the cache
  key also holds the data version, so new data show at once.
- ``PORTAL_CONTENT_SECURITY_POLICY`` (str): the ``Content-Security-Policy`` header.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

DEFAULTS: dict[str, Any] = {
    "CPB_DEMO_DATA": False,
    "CPB_PLAN_VERSION": "draft-2020",
    "PORTAL_RESULTS_SOURCE": "cpbmonitor.services.results.EngineSource",
    "PORTAL_CACHE_SECONDS": 600,
    "PORTAL_CONTENT_SECURITY_POLICY": DEFAULT_CSP,
}


def setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])


DEMO_CACHE_KEY = "portal:demo-data"


def demo_data() -> bool:
    """Whether the data shown are demonstration data (banner on every page): the setting
    forces it on; otherwise the database says so when it holds demonstration reports."""
    if setting("CPB_DEMO_DATA"):
        return True
    from django.core.cache import cache

    from cpbmonitor.national_reports.models import NationalReport

    return bool(
        cache.get_or_set(
            DEMO_CACHE_KEY,
            lambda: NationalReport.objects.demonstration().exists(),
            setting("PORTAL_CACHE_SECONDS"),
        )
    )


def plan_version() -> str:
    return str(setting("CPB_PLAN_VERSION"))
