"""The frozen inputs of an evaluation run, serialised deterministically and hashed.

Everything the indicator engine reads for a run is here: the Parties, the current report
of each government in the run's cycles (its identifier, dates and answers, as the
evaluations read them), the records, the methodology and the cycles measured. So is what
the run's evaluation document reads besides (layout 2): the plan version's milestones and
the free texts the document quotes; and the engine's settings (the change threshold and
the few-data threshold) configured when the run was made. The serialisation is canonical
JSON (sorted keys, sorted answers, no spaces), so the same inputs always give the same
bytes and the same SHA-256 (the run's *data fingerprint*).

Layouts: ``FORMAT`` is written; every layout of ``READABLE`` is read. Layout 1 (the
first runs) has no milestones and no texts: read back, they are ``None`` (not frozen),
and a layout-1 input is written back in layout 1, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from cpbmonitor.core.analysis import TextAnswer
from cpbmonitor.core.demo.design import IDENTIFIER_PREFIX
from cpbmonitor.core.indicators import CycleInfo, PartyFacts, ReportFacts, Settings
from cpbmonitor.core.indicators.methodology import Methodology
from cpbmonitor.core.milestones.model import Milestone
from cpbmonitor.core.records import RecordSet, record_type_named, type_of

FORMAT = 2
"""The layout written: 2 adds the milestones and the quoted texts to layout 1."""
READABLE = (1, 2)
"""The layouts read (a reader refuses another)."""


@dataclass(frozen=True)
class FrozenReport:
    """A report as a run holds it: its BCH identifier and what the engine reads."""

    identifier: str
    facts: ReportFacts

    @property
    def key(self) -> tuple[str, int]:
        return self.facts.government, self.facts.cycle

    def content(self) -> str:
        """A short hash of what the engine reads of the report (its answers and dates)."""
        return hashlib.sha256(_canonical(_report(self))).hexdigest()[:16]

    @property
    def demonstration(self) -> bool:
        """A report of the generated demonstration data (by its identifier)."""
        return self.identifier.startswith(IDENTIFIER_PREFIX)


@dataclass(frozen=True)
class FrozenInputs:
    plan: str
    cycles: tuple[CycleInfo, ...]
    """The cycles measured, the current one first, then the baseline (if any)."""
    as_of: dt.date
    parties: tuple[PartyFacts, ...]
    reports: tuple[FrozenReport, ...]
    records: RecordSet
    methodology: Methodology
    milestones: tuple[Milestone, ...] | None = None
    """The plan version's milestones on the day the run was created; ``None``: a run of
    layout 1, frozen before milestones were."""
    texts: tuple[TextAnswer, ...] | None = None
    """The texts the document quotes: what the Parties wrote in their published reports of
    the cycle measured in answer to the questions on challenges and needs (of the frozen
    reports only); ``None``: a run of layout 1."""
    settings: Settings | None = None
    """The engine's settings when the run was made (layout 2); ``None``: a run of layout
    1, evaluated with the engine's defaults."""

    @property
    def layout(self) -> int:
        """The layout these inputs are written in (1: nothing beyond the engine's inputs)."""
        return 1 if self.milestones is None and self.texts is None else FORMAT

    @property
    def cycle(self) -> CycleInfo:
        return self.cycles[0]

    @property
    def baseline(self) -> CycleInfo | None:
        return self.cycles[1] if len(self.cycles) > 1 else None

    def report_facts(self) -> list[ReportFacts]:
        return [r.facts for r in self.reports]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _report(report: FrozenReport) -> dict[str, Any]:
    facts = report.facts
    return {
        "identifier": report.identifier,
        "government": facts.government,
        "cycle": facts.cycle,
        "submitted_on": _date(facts.submitted_on),
        "first_submitted_on": _date(facts.first_submitted_on),
        "complete": facts.complete,
        "answers": {key: sorted(values) for key, values in facts.answers.items()},
    }


def _party(party: PartyFacts) -> dict[str, Any]:
    return {
        "government": party.government,
        "region": party.region,
        "cp_party_since": _date(party.cp_party_since),
        "sp_party_since": _date(party.sp_party_since),
        "gef_eligible": party.gef_eligible,
    }


def _records(records: RecordSet) -> list[dict[str, Any]]:
    rows = [
        {"type": type_of(record).name, "record": record.model_dump(mode="json")}
        for record in records
    ]
    return sorted(rows, key=lambda row: (row["type"], str(row["record"].get("identifier"))))


def _milestones(milestones: tuple[Milestone, ...]) -> list[dict[str, Any]]:
    return [m.model_dump(mode="json") for m in sorted(milestones, key=lambda m: m.key)]


def _texts(texts: tuple[TextAnswer, ...]) -> list[dict[str, Any]]:
    rows = [asdict(text) for text in texts]
    order = ("cycle", "government", "question", "option", "text", "declared")
    return sorted(rows, key=lambda row: tuple(str(row[name] or "") for name in order))


def as_data(inputs: FrozenInputs) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": inputs.layout,
        "plan": inputs.plan,
        "as_of": inputs.as_of.isoformat(),
        "cycles": [
            {"number": c.number, "schema": c.schema, "deadline": c.deadline.isoformat()}
            for c in inputs.cycles
        ],
        "parties": sorted((_party(p) for p in inputs.parties), key=lambda p: p["government"]),
        "reports": sorted(
            (_report(r) for r in inputs.reports), key=lambda r: (r["cycle"], r["government"])
        ),
        "records": _records(inputs.records),
        "methodology": inputs.methodology.model_dump(mode="json"),
    }
    if inputs.layout >= 2:
        data["milestones"] = _milestones(inputs.milestones or ())
        data["texts"] = _texts(inputs.texts or ())
        data["settings"] = asdict(inputs.settings or Settings())
    return data


def serialise(inputs: FrozenInputs) -> bytes:
    """The canonical bytes of ``inputs`` (same inputs, same bytes)."""
    return _canonical(as_data(inputs))


def fingerprint(data: bytes) -> str:
    """The SHA-256 of serialised inputs: the run's data fingerprint."""
    return hashlib.sha256(data).hexdigest()


def methodology_fingerprint(methodology: Methodology) -> str:
    """The SHA-256 of the methodology's data: its version, as runs record it."""
    return fingerprint(_canonical(methodology.model_dump(mode="json")))


class FrozenInputsError(ValueError):
    """Stored inputs that cannot be read back (another layout, or altered)."""


def parse(data: bytes, expected: str | None = None) -> FrozenInputs:
    """Read serialised inputs back; with ``expected``, check their fingerprint first."""
    if expected is not None and fingerprint(data) != expected:
        raise FrozenInputsError(f"frozen inputs do not match their fingerprint {expected}")
    raw: Mapping[str, Any] = json.loads(data)
    if raw.get("format") not in READABLE:
        known = ", ".join(map(str, READABLE))
        raise FrozenInputsError(f"frozen inputs of format {raw.get('format')!r}, not {known}")
    later = raw["format"] >= 2
    return FrozenInputs(
        plan=raw["plan"],
        cycles=tuple(
            CycleInfo(c["number"], c["schema"], dt.date.fromisoformat(c["deadline"]))
            for c in raw["cycles"]
        ),
        as_of=dt.date.fromisoformat(raw["as_of"]),
        parties=tuple(
            PartyFacts(
                government=p["government"],
                region=p["region"],
                cp_party_since=_day(p["cp_party_since"]),
                sp_party_since=_day(p["sp_party_since"]),
                gef_eligible=p["gef_eligible"],
            )
            for p in raw["parties"]
        ),
        reports=tuple(
            FrozenReport(
                r["identifier"],
                ReportFacts(
                    government=r["government"],
                    cycle=r["cycle"],
                    submitted_on=_day(r["submitted_on"]),
                    complete=r["complete"],
                    answers={k: frozenset(v) for k, v in r["answers"].items()},
                    first_submitted_on=_day(r["first_submitted_on"]),
                ),
            )
            for r in raw["reports"]
        ),
        records=RecordSet.of(
            record_type_named(row["type"]).model.model_validate(row["record"])
            for row in raw["records"]
        ),
        methodology=Methodology.model_validate(raw["methodology"]),
        milestones=tuple(Milestone.model_validate(m) for m in raw["milestones"]) if later else None,
        texts=tuple(TextAnswer(**row) for row in raw["texts"]) if later else None,
        settings=Settings(**raw["settings"]) if later and "settings" in raw else None,
    )
