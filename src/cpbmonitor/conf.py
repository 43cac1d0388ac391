"""Every setting of CPB Monitor, declared once: its name, default and what it does.

The CLI, the pages, the API and the evaluation document read a setting through
:func:`setting`, which takes the value from Django settings when set there (the
``web.settings`` modules fill some from the environment), else the default declared
here. ``docs/settings.md`` lists them; a test fails when one is undocumented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {}


def declare(name: str, default: Any, help: str) -> Setting:
    declared = Setting(name, default, help)
    SETTINGS[name] = declared
    return declared


declare(
    "CPB_PLAN_VERSION",
    "draft-2020",
    "The plan version measured by the pages, the API and the CLI's defaults.",
)
declare(
    "CPB_DEMO_DATA",
    False,
    "The loaded data are demonstration data: every page shows a banner saying so (also "
    "shown whenever the database holds demonstration reports).",
)
declare(
    "CPB_RESULTS_SOURCE",
    "cpbmonitor.services.evaluation_runs.PublishedRunSource",
    "Dotted path of the class whose ``evaluate(plan)`` gives the core's ``Evaluation`` "
    "the pages and the API show (tests swap in a fixture source): by default the latest "
    "published evaluation run, or the live figures (``EngineSource``) while none is.",
)
declare(
    "PORTAL_CACHE_SECONDS",
    600,
    "How long computed results stay cached; the cache key also holds the data version, "
    "so new data show at once.",
)
declare(
    "PORTAL_CONTENT_SECURITY_POLICY",
    DEFAULT_CSP,
    "The ``Content-Security-Policy`` header of every page.",
)
declare(
    "CPB_IMPORT_MAX_BYTES",
    100 * 1024 * 1024,
    "Largest national report file an import reads, in bytes (environment variable of the "
    "same name); a larger file is refused with one message before it is read.",
)


def setting(name: str) -> Any:
    """The value of declared setting ``name``."""
    from django.conf import settings

    return getattr(settings, name, SETTINGS[name].default)


def plan_version() -> str:
    return str(setting("CPB_PLAN_VERSION"))
