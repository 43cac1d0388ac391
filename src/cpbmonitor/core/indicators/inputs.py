"""What the indicator engine reads: plain frozen records, built by adapters elsewhere.

The Django layer (or a test, or a script) turns its rows into these; the engine never
sees a database. Reports passed in are the current, non-superseded ones; reports of
non-Parties may be passed and are left out of every Party percentage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

REGIONS: tuple[str, ...] = ("AFR", "ASP", "CEE", "GRULAC", "WEOG")
"""The five UN regional groups. The European Union has no region (``None``)."""
GLOBAL = "global"
GROUPS: tuple[str, ...] = (GLOBAL, *REGIONS)


@dataclass(frozen=True)
class PartyFacts:
    government: str
    """Lower-case ISO alpha-2 code (``eu`` for the European Union)."""
    region: str | None
    cp_party_since: dt.date | None
    """Date the Cartagena Protocol entered into force for it; ``None``: not a Party."""
    sp_party_since: dt.date | None = None
    """Same for the Supplementary Protocol."""
    gef_eligible: bool = False

    def is_party_on(self, day: dt.date) -> bool:
        return self.cp_party_since is not None and self.cp_party_since <= day

    def is_sp_party_on(self, day: dt.date) -> bool:
        return self.sp_party_since is not None and self.sp_party_since <= day


@dataclass(frozen=True)
class ReportFacts:
    government: str
    cycle: int
    submitted_on: dt.date | None
    complete: bool
    answers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Question key -> chosen values (option values; a number as its text)."""
    first_submitted_on: dt.date | None = None
    """The first submission of the government's report for the cycle, when earlier than
    this one (a correction keeps the timeliness of the first submission)."""

    def on_time(self, deadline: dt.date) -> bool:
        """Whether the report was first submitted by ``deadline``."""
        first = self.first_submitted_on or self.submitted_on
        return first is not None and first <= deadline


@dataclass(frozen=True)
class CycleInfo:
    number: int
    schema: str
    deadline: dt.date


@dataclass(frozen=True)
class Settings:
    change_threshold: float = 1.0
    """A change of at least this many percentage points (or units, for counts) is
    ``improved`` or ``declined``; a smaller one is ``no change``."""
    apply_conditions: bool = True
    """Ignore answers left in questions that the format's conditions disable."""
    min_denominator: int = 10
    """A percentage over fewer than this many Parties or records is marked as resting on
    few data, and a change involving it has the status ``insufficient data``."""
