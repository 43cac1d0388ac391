"""Load the list of governments (``data/parties.csv`` or a file of the same shape).

Reading and validating the file is separate from writing it: ``read_parties`` returns
typed records (errors name file, line and field); ``load_parties`` upserts them in one
transaction, keeping edited ``gef_eligible`` flags unless ``reset`` is set.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cpbmonitor.national_reports.models import NationalReport, Party
from cpbmonitor.national_reports.models.parties import Region

REQUIRED_COLUMNS = ("iso2", "iso3", "name", "region", "cp_party", "cp_party_since")


class PartiesFileError(ValueError):
    """The parties file is malformed; the message names file, line and field."""


class PartyRow(BaseModel):
    """One row of the parties file."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    iso2: str = Field(pattern=r"^[a-z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=1)
    region: Region | None = None
    cp_party: bool = False
    cp_party_since: dt.date | None = None
    sp_party: bool = False
    sp_party_since: dt.date | None = None
    gef_eligible: bool = False
    notes: str = ""

    @field_validator("iso2", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("iso3", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("region", "cp_party_since", "sp_party_since", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    def fields(self) -> dict[str, object]:
        """The model fields of ``Party`` this record sets (``gef_eligible`` apart)."""
        return {
            "iso3": self.iso3,
            "name": self.name,
            "region": self.region.value if self.region else "",
            "cp_party": self.cp_party,
            "cp_party_since": self.cp_party_since if self.cp_party else None,
            "sp_party": self.sp_party,
            "sp_party_since": self.sp_party_since if self.sp_party else None,
            "notes": self.notes,
        }


SHIPPED_PARTIES_FILE = Path(__file__).resolve().parents[1] / "data" / "parties.csv"


def read_parties(path: Path | None = None) -> list[PartyRow]:
    """Read and validate a parties file (default: the shipped one). Lines starting ``#``
    are comments."""
    path = path or SHIPPED_PARTIES_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PartiesFileError(f"{path}: cannot read: {error}") from error
    numbered = [(n, line) for n, line in enumerate(lines, 1) if not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PartiesFileError(f"{path}: missing column(s): {', '.join(missing)}")
    records: list[PartyRow] = []
    seen: dict[str, int] = {}
    for (line_no, _), row in zip(numbered[1:], reader, strict=False):
        try:
            record = PartyRow.model_validate(row)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise PartiesFileError(
                f"{path}: line {line_no} ({row.get('iso3') or '?'}): {field}: {first['msg']}"
            ) from error
        if record.iso2 in seen:
            raise PartiesFileError(
                f"{path}: line {line_no}: iso2: {record.iso2!r} already on line {seen[record.iso2]}"
            )
        seen[record.iso2] = line_no
        records.append(record)
    return records


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


def load_parties(records: list[PartyRow], *, reset: bool = False) -> LoadResult:
    """Upsert ``records`` by iso2. ``gef_eligible`` is taken from the file only for new
    governments, or for all when ``reset``. Report flags are refreshed afterwards."""
    created = updated = unchanged = 0
    with transaction.atomic():
        existing = {p.iso2: p for p in Party.objects.all()}
        for record in records:
            party = existing.get(record.iso2)
            values = record.fields()
            if party is None:
                Party.objects.create(iso2=record.iso2, gef_eligible=record.gef_eligible, **values)
                created += 1
                continue
            if reset:
                values["gef_eligible"] = record.gef_eligible
            changed = {k: v for k, v in values.items() if getattr(party, k) != v}
            if changed:
                for name, value in changed.items():
                    setattr(party, name, value)
                party.save(update_fields=list(changed))
                updated += 1
            else:
                unchanged += 1
        NationalReport.objects.refresh_party_flags()
    return LoadResult(created, updated, unchanged)


# -- what the pages and the API read ---------------------------------------------------------


def government(code: str) -> Party:
    """The government of an ISO code (2 or 3 letters); ``UnknownGovernment`` otherwise."""
    return Party.objects.resolve(code)


def any_party() -> bool:
    return Party.objects.exists()


def reports_of(party: Party) -> list[NationalReport]:
    """Every stored report of ``party``, the latest cycle and submission first."""
    return list(
        NationalReport.objects.filter(government=party)
        .select_related("cycle")
        .order_by("-cycle__year", "-submitted_on")
    )
