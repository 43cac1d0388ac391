"""The governments the demonstration data are generated for, read from ``data/parties.csv``.

A plain reader (no Django): the registry's ``cpb parties load`` validates and stores the
same file; the generator needs only code, name, region and Protocol membership.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

SHIPPED_PARTIES_FILE = Path(__file__).resolve().parents[2] / "data" / "parties.csv"


@dataclass(frozen=True)
class DemoParty:
    iso2: str
    name: str
    region: str | None
    """AFR, ASP, CEE, GRULAC or WEOG; ``None`` for the European Union."""
    cp_party: bool
    cp_party_since: dt.date | None
    gef_eligible: bool = False

    def is_party_on(self, day: dt.date) -> bool:
        """The Cartagena Protocol was in force for this government on ``day``."""
        return self.cp_party and self.cp_party_since is not None and self.cp_party_since <= day


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


def read_parties(path: Path | None = None) -> list[DemoParty]:
    """The governments of a parties file (default: the shipped one); ``#`` lines are comments."""
    path = path or SHIPPED_PARTIES_FILE
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [
        DemoParty(
            iso2=row["iso2"].strip().lower(),
            name=row["name"].strip(),
            region=row["region"].strip().upper() or None,
            cp_party=row["cp_party"].strip().lower() == "true",
            cp_party_since=_date(row["cp_party_since"]),
            gef_eligible=(row.get("gef_eligible") or "").strip().lower() == "true",
        )
        for row in csv.DictReader(lines)
    ]
