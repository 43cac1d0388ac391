"""Whether the data shown are demonstration data."""

from __future__ import annotations

from django.core.cache import cache

from cpbmonitor.conf import setting
from cpbmonitor.national_reports.models import NationalReport

DEMO_CACHE_KEY = "portal:demo-data"


def demo_data() -> bool:
    """The setting ``CPB_DEMO_DATA`` forces it on; otherwise the database says so when it
    holds demonstration reports (every page then shows a banner, every download a notice)."""
    if setting("CPB_DEMO_DATA"):
        return True
    return bool(
        cache.get_or_set(
            DEMO_CACHE_KEY,
            lambda: NationalReport.objects.demonstration().exists(),
            setting("PORTAL_CACHE_SECONDS"),
        )
    )
