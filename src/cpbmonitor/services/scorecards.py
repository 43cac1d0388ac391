"""A Party's scorecard: each binary indicator, met or not, in the current and baseline
cycles, beside its region's and the world's value (from the current evaluation)."""

from __future__ import annotations

from cpbmonitor.core.indicators import PartyCycleScore
from cpbmonitor.services.evaluation import current_evaluation


def party_scorecard(government: str) -> list[PartyCycleScore] | None:
    """``None`` while nothing is computed."""
    evaluation = current_evaluation()
    if evaluation is None:
        return None
    return evaluation.party_cycle_scores(government)
