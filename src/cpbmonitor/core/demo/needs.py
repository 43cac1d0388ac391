"""Capacity-building needs: the 17 areas of the needs question, (a) to (q).

Fourth cycle: each area is given to exactly the number of Parties that paragraph 37 of
the 2020 note reports (``allocate_exact``), Parties with lower implementation levels
being likelier to name it. Fifth cycle: each Party keeps or drops its earlier needs and
adds some (``next_needs``); new reporters draw from the fourth-cycle rates.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from cpbmonitor.core.formats import Question
from cpbmonitor.core.plan import load_plan
from cpbmonitor.core.reports import Answer

OTHER_TEXT = (
    "Risk assessment and risk management of organisms developed through new "
    "biotechnologies (demonstration text)."
)
KEEP_RATE = 0.8
"""Chance that a Party still names, in the fifth cycle, an area it named in the fourth."""
ADD_RATE = 0.2
"""Chance that it names an area it did not name before."""
OTHER_RATE_5 = 0.12


def paragraph_counts(version: str) -> tuple[int, tuple[int, ...]]:
    """(reporting Parties, Parties per area (a)-(q)) of the plan's needs survey."""
    survey = load_plan(version).needs
    if survey is None:
        raise ValueError(f"plan {version} quotes no capacity-building needs survey")
    return survey.reporting_parties, tuple(area.parties for area in survey.areas)


def _weighted_sample(rng: random.Random, weights: Mapping[str, float], count: int) -> set[str]:
    """``count`` distinct keys, each likelier the heavier it is (Efraimidis-Spirakis)."""
    keyed = sorted(weights, key=lambda k: rng.random() ** (1.0 / weights[k]), reverse=True)
    return set(keyed[:count])


def allocate_exact(
    rng: random.Random, weights: Mapping[str, float], counts: Sequence[int]
) -> dict[str, set[int]]:
    """Areas per government such that area ``j`` is named by exactly ``counts[j]`` of them
    and every government names at least one."""
    if max(counts) > len(weights):
        raise ValueError(f"{max(counts)} Parties name one area, but only {len(weights)} have needs")
    if sum(counts) < len(weights):
        raise ValueError(
            f"{sum(counts)} area choices cannot give each of {len(weights)} Parties one"
        )
    areas: dict[str, set[int]] = {code: set() for code in sorted(weights)}
    for index, count in enumerate(counts):
        for code in _weighted_sample(rng, weights, count):
            areas[code].add(index)
    for code in sorted(areas):
        if areas[code]:
            continue
        donor = max(sorted(areas), key=lambda c: len(areas[c]))
        moved = min(areas[donor])
        areas[donor].discard(moved)
        areas[code].add(moved)
    return areas


def next_needs(
    rng: random.Random, before: set[int] | None, rates: Sequence[float], pressure: float
) -> set[int]:
    """Fifth-cycle areas: ``before`` kept or dropped and new ones added, or drawn from the
    fourth-cycle ``rates`` (scaled by ``pressure``) for a government without ``before``."""
    last = len(rates) - 1  # "Other"
    if before is not None:
        chosen = {j for j in range(last) if rng.random() < (KEEP_RATE if j in before else ADD_RATE)}
    else:
        chosen = {j for j in range(last) if rng.random() < min(0.95, rates[j] * pressure)}
    if rng.random() < OTHER_RATE_5:
        chosen.add(last)
    return chosen or {max(range(last), key=lambda j: rates[j])}


def needs_answers(
    question: Question, areas_question: Question, areas: set[int] | None
) -> dict[str, Answer]:
    """The Yes/No answer and, for Yes, the areas answer (with a text for "Other")."""
    if areas is None:
        return {question.key: Answer(question.key, ("false",))}
    options = areas_question.options
    values = tuple(options[j].value for j in sorted(areas))
    additional = {options[j].value: {"en": OTHER_TEXT} for j in areas if options[j].takes_text}
    return {
        question.key: Answer(question.key, ("true",)),
        areas_question.key: Answer(areas_question.key, values, additional=additional, listed=True),
    }
