"""Random draws shared by the demonstration record generators (``records``,
``records_capacity``): one seeded generator per kind of record, so that changing one kind
does not change the others; and the scaling of their counts to a smaller world."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K", bound=str)

WORLD_PARTIES = 173
"""The Parties to the Protocol that the record counts are designed for."""


def scaled(count: int, parties: int) -> int:
    """``count`` for ``WORLD_PARTIES`` Parties or more; for fewer, proportionally fewer,
    but at least one (unless ``count`` or ``parties`` is 0)."""
    if parties >= WORLD_PARTIES or count == 0:
        return count
    if parties <= 0:
        return 0
    return max(1, round(count * parties / WORLD_PARTIES))


def rng_for(seed: int, part: str) -> random.Random:
    return random.Random(f"cpb-demo-records:{seed}:{part}")


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day from ``first`` to ``last`` (inclusive); ``first`` when ``last`` is earlier."""
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def weighted_choice(rng: random.Random, weights: Mapping[K, float]) -> K:
    keys = sorted(key for key in weights if weights[key] > 0)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def weighted_sample(rng: random.Random, weights: Mapping[K, float], count: int) -> list[K]:
    """``count`` distinct keys, heavier ones likelier, keys of weight 0 never
    (Efraimidis-Spirakis)."""
    keys = sorted(key for key in weights if weights[key] > 0)
    keys.sort(key=lambda key: rng.random() ** (1.0 / weights[key]), reverse=True)
    return keys[:count]
