"""Who reported for a cycle: every Party to the Protocol on the cycle's deadline, with its
current report's submission date, completeness and timeliness, and totals by region.

Only governments that were Parties on the deadline count (reports from non-Parties, or
from Parties that joined later, are stored but left out).

The pages read a cycle's status through :func:`status` (cached) and :func:`by_group`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from cpbmonitor.core.indicators import GROUPS
from cpbmonitor.national_reports.models import Party, ReportingCycle
from cpbmonitor.national_reports.models.parties import Region
from cpbmonitor.services.cache import cached
from cpbmonitor.services.cycles import cycle as cycle_named

REGIONS: tuple[str, ...] = tuple(Region.values)


@dataclass(frozen=True)
class PartyStatus:
    government: str
    name: str
    region: str | None
    submitted_on: dt.date | None
    complete: bool
    on_time: bool

    @property
    def submitted(self) -> bool:
        return self.submitted_on is not None


@dataclass
class Totals:
    parties: int = 0
    submitted: int = 0
    complete: int = 0
    complete_on_time: int = 0

    def add(self, status: PartyStatus) -> None:
        self.parties += 1
        self.submitted += status.submitted
        self.complete += status.complete
        self.complete_on_time += status.complete and status.on_time


@dataclass(frozen=True)
class CycleStatus:
    cycle: ReportingCycle
    parties: list[PartyStatus]
    totals: dict[str, Totals] = field(default_factory=dict)
    """``global`` then one entry per regional group (the EU counts in ``global`` only)."""

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``cpb reports status --format json``."""
        return {
            "cycle": self.cycle.label,
            "parties": [
                {
                    "government": p.government,
                    "region": p.region,
                    "submitted_on": p.submitted_on.isoformat() if p.submitted_on else None,
                    "complete": p.complete,
                    "on_time": p.on_time,
                }
                for p in self.parties
            ],
            "totals": {key: asdict(totals) for key, totals in self.totals.items()},
        }


def cycle_status(cycle: int | str | ReportingCycle) -> CycleStatus:
    """The status of ``cycle`` (object, number or name) on its deadline."""
    if not isinstance(cycle, ReportingCycle):
        cycle = cycle_named(cycle)
    parties = Party.objects.protocol_parties_on(cycle.deadline).with_current_report(cycle)
    rows = [_party_status(party) for party in parties.order_by("iso2")]
    totals = {"global": Totals(), **{region: Totals() for region in REGIONS}}
    for row in rows:
        totals["global"].add(row)
        if row.region:
            totals[row.region].add(row)
    return CycleStatus(cycle, rows, totals)


def _party_status(party: Party) -> PartyStatus:
    reports = getattr(party, "current_reports", [])
    report = reports[0] if reports else None
    return PartyStatus(
        government=party.iso2,
        name=party.name,
        region=party.region or None,
        submitted_on=report.submitted_on.date() if report and report.submitted_on else None,
        complete=bool(report and report.complete),
        on_time=bool(report and report.on_time),
    )


# -- what the pages read (cached) ----------------------------------------------------


@dataclass(frozen=True)
class GroupStatus:
    group: str
    totals: Totals

    def share(self, count: int) -> float | None:
        return 100 * count / self.totals.parties if self.totals.parties else None

    @property
    def submitted_share(self) -> float | None:
        return self.share(self.totals.submitted)

    @property
    def complete_share(self) -> float | None:
        return self.share(self.totals.complete)

    @property
    def on_time_share(self) -> float | None:
        return self.share(self.totals.complete_on_time)


def current_cycle() -> ReportingCycle | None:
    """The latest cycle with reports, else the latest cycle known, else ``None``."""
    with_reports = ReportingCycle.objects.filter(reports__isnull=False).order_by("-year")
    return with_reports.first() or ReportingCycle.objects.order_by("-year").first()


def status(cycle: ReportingCycle) -> CycleStatus:
    return cached("status", lambda: cycle_status(cycle), cycle.pk)


def by_group(cycle_state: CycleStatus) -> list[GroupStatus]:
    """Global first, then each regional group."""
    return [GroupStatus(g, cycle_state.totals.get(g, Totals())) for g in GROUPS]
