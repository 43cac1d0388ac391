"""Factories for registry objects: small functions with sensible defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cpbmonitor.national_reports.models import NationalReport, Party, ReportingCycle

_NAMES = {
    "br": ("BRA", "Brazil", "GRULAC"),
    "ng": ("NGA", "Nigeria", "AFR"),
    "jp": ("JPN", "Japan", "ASP"),
    "fr": ("FRA", "France", "WEOG"),
    "pl": ("POL", "Poland", "CEE"),
    "eu": ("EUU", "European Union", ""),
}


def make_party(
    iso2: str = "br", *, cp_since: dt.date | None = dt.date(2004, 1, 1), **fields: Any
) -> Party:
    iso3, name, region = _NAMES.get(iso2, (iso2.upper() + "X", f"Country {iso2}", "AFR"))
    values: dict[str, Any] = {
        "iso3": iso3,
        "name": name,
        "region": region,
        "cp_party": cp_since is not None,
        "cp_party_since": cp_since,
    }
    values.update(fields)
    return Party.objects.create(iso2=iso2, **values)


def make_cycle(
    number: int = 5, *, deadline: dt.date = dt.date(2026, 2, 28), **fields: Any
) -> ReportingCycle:
    values: dict[str, Any] = {
        "schema": f"cpbNationalReport{number}",
        "year": 2024,
        "name": str(number),
    }
    values.update(fields)
    return ReportingCycle.objects.create(number=number, deadline=deadline, **values)


def at(day: str) -> dt.datetime:
    """A UTC timestamp at noon on an ISO date."""
    return dt.datetime.fromisoformat(day).replace(hour=12, tzinfo=dt.UTC)


def make_report(
    government: Party,
    cycle: ReportingCycle,
    *,
    identifier: str | None = None,
    submitted: str = "2025-06-01",
    complete: bool = True,
    **fields: Any,
) -> NationalReport:
    submitted_on = at(submitted)
    values: dict[str, Any] = {
        "identifier": identifier or f"{government.iso2}-{cycle.number}-{submitted}",
        "submitted_on": submitted_on,
        "published_on": submitted_on,
        "body": {},
        "status": "published",
        "complete": complete,
        "on_time": submitted_on.date() <= cycle.deadline,
        "by_party": government.is_protocol_party_on(submitted_on.date()),
    }
    values.update(fields)
    return NationalReport.objects.create(government=government, cycle=cycle, **values)
