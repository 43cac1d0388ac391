"""The numbers the demonstration data are built to: how many reports per cycle and
region, how many late or incomplete, and each region's average implementation level.

Tests assert these numbers; change them here, not in the generator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

LABEL = "Demonstration data: generated, not real national reports"
IDENTIFIER_PREFIX = "demo-"
DEMO_MARK = "cpbMonitorDemo"
"""Top-level property of every generated BCH document body: ``{"label", "seed"}``.
The registry stores it with the body, so a stored report says it is generated."""

DEFAULT_SEED = 2021
PLAN_VERSION = "draft-2020"
"""The plan version whose needs survey (paragraph 37) fixes the fourth-cycle counts."""

Region = str | None
"""A UN regional group code; ``None`` for the European Union."""

REGION_LEVEL: Mapping[Region, float] = {
    "AFR": 0.40,
    "ASP": 0.47,
    "CEE": 0.62,
    "GRULAC": 0.55,
    "WEOG": 0.78,
    None: 0.85,
}
"""Average implementation level (0-1) of a region's Parties in the fourth cycle."""
LEVEL_SPREAD = 0.13
"""Standard deviation of a Party's level around its region's average."""
IMPROVEMENT = (0.07, 0.07)
"""Mean and standard deviation of the change of level from the fourth to the fifth
cycle: most Parties improve, some decline."""


@dataclass(frozen=True)
class CycleDesign:
    schema: str
    tag: str
    """In identifiers: ``demo-<tag>-<iso2>``."""
    quotas: Mapping[Region, int]
    """Reporting Parties per region."""
    late: int
    """Party reports submitted after the deadline."""
    incomplete: int
    """Current Party reports leaving enabled mandatory questions unanswered."""
    opens: dt.date
    """Earliest submission date."""
    closes: dt.date
    """Latest submission date (late reports fall after the deadline, up to this day)."""
    needs_question: str
    """'Still has capacity-building needs?' (Yes enables ``areas_question``)."""
    areas_question: str
    """The 17 capacity-building areas, in the order (a)-(q) of paragraph 37."""
    non_party_submitted: dt.date
    """When the non-Party's report of this cycle is submitted."""

    @property
    def parties(self) -> int:
        return sum(self.quotas.values())


CYCLE4 = CycleDesign(
    schema="cpbNationalReport4",
    tag="nr4",
    quotas={"AFR": 30, "ASP": 24, "CEE": 16, "GRULAC": 14, "WEOG": 14, None: 1},
    late=21,
    incomplete=6,
    opens=dt.date(2019, 3, 1),
    closes=dt.date(2020, 1, 15),
    needs_question="Q134",
    areas_question="Q135",
    non_party_submitted=dt.date(2019, 11, 4),
)
CYCLE5 = CycleDesign(
    schema="cpbNationalReport5",
    tag="nr5",
    quotas={"AFR": 42, "ASP": 36, "CEE": 20, "GRULAC": 24, "WEOG": 17, None: 1},
    late=14,
    incomplete=8,
    opens=dt.date(2025, 3, 1),
    closes=dt.date(2026, 6, 30),
    needs_question="Q122",
    areas_question="Q123",
    non_party_submitted=dt.date(2026, 1, 20),
)
CYCLES = (CYCLE4, CYCLE5)

FOURTH_CYCLE_NO_NEEDS = 15
"""Fourth-cycle Parties answering No to 'still has needs' (the rest, 84, answer Yes)."""
NON_PARTY_CANDIDATES = ("ar", "ca", "au")
"""The first of these that is not a Party reports in each cycle (stored, not counted)."""
SUPERSEDED_CYCLE = CYCLE5
"""One government of this cycle submits an incomplete report, then a revised one."""
MISSING_IN_INCOMPLETE = (1, 4)
"""How many mandatory answers an incomplete report leaves out (inclusive range)."""
