"""Reporting status of a cycle, from the registry's ``cycle_status`` service (cached)."""

from __future__ import annotations

from dataclasses import dataclass

from cpbmonitor.portal.results import GROUPS, cached
from cpbmonitor.registry.models import ReportingCycle
from cpbmonitor.registry.services.status import CycleStatus, Totals, cycle_status


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
    return cached("status", lambda: cycle_status(cycle), cycle.pk)  # type: ignore[no-any-return]


def by_group(cycle_state: CycleStatus) -> list[GroupStatus]:
    """Global first, then each regional group."""
    return [GroupStatus(g, cycle_state.totals.get(g, Totals())) for g in GROUPS]
