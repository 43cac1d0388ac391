"""The contribution of capacity-building as the capacity-building and indicator pages
show it (``_contribution.html``): the rows of ``services.contribution`` for the
evaluation the pages show, and the caveat."""

from __future__ import annotations

from typing import Any

from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.services.contribution import page_contributions


def contribution_context(plan: PlanVersion, indicator: str | None = None) -> dict[str, Any]:
    """``contribution``: rows with someone reached or not (for one indicator when given);
    none when there is nothing to compare. The page words the caveat (``CAVEAT``) in
    the reader's language."""
    rows = [
        c
        for c in page_contributions(plan)
        if (indicator is None or c.indicator == indicator)
        and (c.reached.parties or c.not_reached.parties)
    ]
    return {"contribution": rows}
