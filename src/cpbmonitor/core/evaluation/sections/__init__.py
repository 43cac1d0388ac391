"""Section builders, in a registry: each takes the ``ReportInputs`` and returns one
``Section``; the document is the sections in the order of their ``order`` numbers.

A builder registers itself with ``@section("key", order)``. Built in: title page (10),
executive summary with the key messages (15), introduction (20), data and method (30),
findings by goal (40), challenges reported by Parties (45), capacity-building needs and
needs by region (50), milestones (60), conclusions (70), draft recommendations (80),
annex (90).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from cpbmonitor.core.evaluation.inputs import ReportInputs
from cpbmonitor.core.evaluation.model import Section

Builder = Callable[[ReportInputs], Section]
SECTIONS: dict[str, tuple[int, Builder]] = {}
"""Section key -> (order, builder)."""
BUILT_IN = (
    "front",
    "summary",
    "goals",
    "challenges",
    "capacity",
    "milestones",
    "conclusions",
    "annex",
)


def section(key: str, order: int) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        if key in SECTIONS:
            raise ValueError(f"section {key!r} is registered twice")
        SECTIONS[key] = (order, builder)
        return builder

    return register


def builders() -> dict[str, Builder]:
    """Every registered builder, in document order."""
    for name in BUILT_IN:
        importlib.import_module(f"{__name__}.{name}")
    ordered = sorted(SECTIONS.items(), key=lambda item: item[1][0])
    return {key: builder for key, (_order, builder) in ordered}
