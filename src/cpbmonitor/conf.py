"""Every setting of CPB Monitor, declared once: its name, default and what it does.

The CLI, the pages, the API and the evaluation document read a setting through
:func:`setting`: the value in Django settings when set there (tests override them so),
else the environment variable of the same name, else the default declared here.
:func:`default` reads the environment and the default only (the CLI's option defaults,
read before Django is set up). ``docs/settings.md`` lists them; a test fails when one is
undocumented.
"""

from __future__ import annotations

import os
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
    "CPB_DEFAULT_CYCLE",
    5,
    "The reporting cycle measured when none is given (CLI options, pages' defaults).",
)
declare(
    "CPB_DEFAULT_BASELINE",
    4,
    "The baseline cycle when none is given: the fourth national reports.",
)
declare(
    "CPB_CHANGE_THRESHOLD",
    1.0,
    "A change of at least this many percentage points (or units, for counts) is improved "
    "or declined; a smaller one is no change.",
)
declare(
    "CPB_MIN_DENOMINATOR",
    10,
    "A percentage over fewer Parties or records than this is marked as resting on few "
    "data, and a change involving it has the status insufficient data (not counted).",
)
declare(
    "CPB_CACHE_URL",
    "",
    "A Redis URL (``redis://host:6379/0``) for the cache shared by every worker and "
    "process; empty: the database cache (table ``cpb_cache``).",
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
    "PORTAL_PAGE_CACHE",
    True,
    "Keep the rendered content of the home, goal, indicator and question pages in the "
    "shared cache, per data version, language and query parameters (the navigation, which "
    "depends on the user, is rendered on every request); off: render every request.",
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


def default(name: str) -> Any:
    """Setting ``name`` from the environment (parsed as its default's type), else its
    declared default."""
    declared = SETTINGS[name]
    text = os.environ.get(name)
    if text is None or text == "":
        return declared.default
    kind = type(declared.default)
    if kind is bool:
        return text.lower() in ("1", "true", "yes", "on")
    return kind(text)


def setting(name: str) -> Any:
    """The value of declared setting ``name`` (Django settings first, see above)."""
    from django.conf import settings

    if settings.configured and hasattr(settings, name):
        return getattr(settings, name)
    return default(name)


def plan_version() -> str:
    return str(setting("CPB_PLAN_VERSION"))
