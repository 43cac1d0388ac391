"""Indicator results for a cycle and baseline the caller chooses (the API's ``?cycle=``
and ``?baseline=``); without a choice, the current evaluation the pages show."""

from __future__ import annotations

from cpbmonitor.core.indicators import Evaluation, load_methodology
from cpbmonitor.core.plan import PlanVersion
from cpbmonitor.services.cache import cached
from cpbmonitor.services.evaluation import current_evaluation, evaluate_stored


class CycleChoiceError(ValueError):
    """A cycle or baseline the methodology does not measure, in one sentence."""


def _checked(plan: PlanVersion, cycle: int | None, baseline: int | None) -> int | None:
    """The baseline to use (given, or the methodology's cycle before ``cycle``)."""
    if cycle is None:
        raise CycleChoiceError("give the cycle measured with its baseline")
    cycles = sorted(load_methodology(plan.id).cycles)
    if cycle not in cycles:
        known = ", ".join(map(str, cycles))
        raise CycleChoiceError(
            f"cycle {cycle} is not measured by the methodology of {plan.id} (cycles: {known})"
        )
    if baseline is None:
        earlier = [c for c in cycles if c < cycle]
        return earlier[-1] if earlier else None
    if baseline not in cycles or baseline >= cycle:
        raise CycleChoiceError(f"the baseline must be an earlier cycle than {cycle}")
    return baseline


def chosen_evaluation(
    plan: PlanVersion, cycle: int | None = None, baseline: int | None = None
) -> Evaluation | None:
    """``cycle`` against ``baseline`` (cached under the data version); the current
    evaluation when neither is given. Raises :class:`CycleChoiceError`."""
    if cycle is None and baseline is None:
        return current_evaluation(plan)
    chosen = _checked(plan, cycle, baseline)
    assert cycle is not None
    return cached(
        "evaluation-of", lambda: evaluate_stored(plan.id, cycle, chosen), plan.id, cycle, chosen
    )
