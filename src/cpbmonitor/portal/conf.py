"""The portal reads its settings from ``cpbmonitor.conf`` (declared there once)."""

from __future__ import annotations

from cpbmonitor.conf import DEFAULT_CSP, plan_version, setting
from cpbmonitor.services.demonstration import DEMO_CACHE_KEY, demo_data

__all__ = ["DEFAULT_CSP", "DEMO_CACHE_KEY", "demo_data", "plan_version", "setting"]
