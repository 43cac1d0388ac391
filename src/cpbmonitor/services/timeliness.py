"""Timeliness is judged on the first submission of a government's report for a cycle.

A correction (a later submission, imported or made online) supersedes the report but
keeps its timeliness: a report first submitted by the deadline stays on time. The first
submission is the earliest of the stored submissions of the government for the cycle
and of the online submissions of its drafts (a draft submitted on time, returned by the
Secretariat and submitted again after the deadline was first submitted on time).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Min
from django.utils import timezone

from cpbmonitor.core.reports import is_on_time
from cpbmonitor.national_reports.models import NationalReport, Party, ReportingCycle
from cpbmonitor.reporting.models import Action, DraftVersion

Pair = tuple[int, int]
"""(government id, cycle id)."""


def first_submissions(cycle_ids: Iterable[int] | None = None) -> dict[Pair, dt.datetime]:
    """The first submission of each government's report for each cycle, in two queries."""
    reports = NationalReport.objects.filter(submitted_on__isnull=False)
    online = DraftVersion.objects.filter(action=Action.SUBMIT)
    if cycle_ids is not None:
        ids = list(cycle_ids)
        reports = reports.filter(cycle_id__in=ids)
        online = online.filter(draft__cycle_id__in=ids)
    first: dict[Pair, dt.datetime] = {}
    rows = [
        *reports.values_list("government_id", "cycle_id").annotate(first=Min("submitted_on")),
        *online.values_list("draft__government_id", "draft__cycle_id").annotate(first=Min("at")),
    ]
    for government_id, cycle_id, moment in rows:
        pair = (government_id, cycle_id)
        if pair not in first or moment < first[pair]:
            first[pair] = moment
    return first


def first_submission(government: Party, cycle: ReportingCycle) -> dt.datetime | None:
    return first_submissions([cycle.pk]).get((government.pk, cycle.pk))


def settle_timeliness(government: Party, cycle: ReportingCycle) -> bool:
    """Mark every stored submission of ``government`` for ``cycle`` on time or late by
    the first submission; returns whether it is on time."""
    on_time = is_on_time(first_submission(government, cycle), cycle.deadline)
    NationalReport.objects.filter(government=government, cycle=cycle).update(on_time=on_time)
    return on_time


def settle_timeliness_of(pairs: set[Pair]) -> None:
    """``settle_timeliness`` for many (government id, cycle id) pairs in a few queries."""
    if not pairs:
        return
    cycles = {
        cycle.pk: cycle for cycle in ReportingCycle.objects.filter(pk__in={c for _, c in pairs})
    }
    first = first_submissions(cycles)
    reports = NationalReport.objects.filter(
        government_id__in={g for g, _ in pairs}, cycle_id__in=set(cycles)
    ).values_list("pk", "government_id", "cycle_id")
    late: list[int] = []
    on_time: list[int] = []
    for pk, government_id, cycle_id in reports:
        pair = (government_id, cycle_id)
        if pair in pairs:
            timely = is_on_time(first.get(pair), cycles[cycle_id].deadline)
            (on_time if timely else late).append(pk)
    NationalReport.objects.filter(pk__in=on_time).update(on_time=True)
    NationalReport.objects.filter(pk__in=late).update(on_time=False)


def late_if_submitted_now(government: Party, cycle: ReportingCycle) -> bool:
    """Whether submitting now would make the government's report late: no submission for
    the cycle yet, and the deadline has passed."""
    if first_submission(government, cycle) is not None:
        return False
    return not is_on_time(timezone.now(), cycle.deadline)
