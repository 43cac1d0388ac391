"""Which figures the public pages show: the latest published evaluation run (cited) or
the live figures. Computed only when a template reads it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def _source() -> dict[str, Any]:
    from cpbmonitor.conf import plan_version
    from cpbmonitor.services.evaluation_runs import figures_source as source

    found = source(plan_version())
    return {"run": found.as_dict() if found else None}


def figures_source(request: HttpRequest) -> dict[str, Any]:
    return {"figures_source": SimpleLazyObject(_source)}
