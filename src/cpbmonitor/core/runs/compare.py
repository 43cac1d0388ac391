"""What changed between two evaluation runs, and why.

The inputs are compared first: reports added, removed or corrected (a report of the same
government and cycle with another identifier or other answers), records added, removed or
changed, Parties changed, the methodology changed (per indicator). Then every figure
(indicator x group: numerator, denominator, value, change, status) that differs is listed
with the input changes that can explain it: the reports of its group's governments, the
indicator's methodology entry, the records, the Parties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from cpbmonitor.core.indicators import GLOBAL, Evaluation, GroupResult
from cpbmonitor.core.records import type_of
from cpbmonitor.core.runs.frozen import FrozenInputs, FrozenReport, _party

ReportKind = Literal["added", "removed", "corrected"]
FIGURES = ("numerator", "denominator", "value", "change", "status")


@dataclass(frozen=True)
class ReportChange:
    kind: ReportKind
    government: str
    cycle: int
    identifier: str
    """The report's identifier in the later run (the earlier one's, when removed)."""
    previous: str | None = None
    """The identifier in the earlier run (corrections and removals)."""

    def describe(self) -> str:
        if self.kind == "corrected":
            return (
                f"report {self.identifier} of {self.government} (cycle {self.cycle}) "
                f"corrected (was {self.previous})"
            )
        return f"report {self.identifier} of {self.government} (cycle {self.cycle}) {self.kind}"


@dataclass(frozen=True)
class FigureChange:
    indicator: str
    group: str
    figure: str
    before: object
    after: object
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    reports: tuple[ReportChange, ...]
    records: tuple[str, ...]
    """``type identifier added|removed|changed`` for each record that differs."""
    parties: tuple[str, ...]
    methodology: tuple[str, ...]
    """Codes of the indicators whose methodology entry differs (``*`` for the whole)."""
    figures: tuple[FigureChange, ...] = field(default=())

    @property
    def unchanged(self) -> bool:
        return not (self.reports or self.records or self.parties or self.methodology)


def report_changes(before: FrozenInputs, after: FrozenInputs) -> list[ReportChange]:
    old: dict[tuple[str, int], FrozenReport] = {r.key: r for r in before.reports}
    new: dict[tuple[str, int], FrozenReport] = {r.key: r for r in after.reports}
    changes: list[ReportChange] = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (k[1], k[0])):
        was, now = old.get(key), new.get(key)
        if was is None and now is not None:
            changes.append(ReportChange("added", key[0], key[1], now.identifier))
        elif now is None and was is not None:
            changes.append(ReportChange("removed", key[0], key[1], was.identifier, was.identifier))
        elif was and now and (was.identifier, was.content()) != (now.identifier, now.content()):
            changes.append(
                ReportChange("corrected", key[0], key[1], now.identifier, was.identifier)
            )
    return changes


def record_changes(before: FrozenInputs, after: FrozenInputs) -> list[str]:
    def index(inputs: FrozenInputs) -> dict[tuple[str, str], str]:
        return {(type_of(r).name, r.identifier): r.model_dump_json() for r in inputs.records}

    old, new = index(before), index(after)
    found = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            found.append(f"{key[0]} {key[1]} added")
        elif key not in new:
            found.append(f"{key[0]} {key[1]} removed")
        elif old[key] != new[key]:
            found.append(f"{key[0]} {key[1]} changed")
    return found


def party_changes(before: FrozenInputs, after: FrozenInputs) -> list[str]:
    old = {p.government: _party(p) for p in before.parties}
    new = {p.government: _party(p) for p in after.parties}
    found = []
    for code in sorted(old.keys() | new.keys()):
        if old.get(code) != new.get(code):
            kind = "added" if code not in old else "removed" if code not in new else "changed"
            found.append(f"Party {code} {kind}")
    return found


def methodology_changes(before: FrozenInputs, after: FrozenInputs) -> list[str]:
    old, new = before.methodology, after.methodology
    if old == new:
        return []
    codes = {i.code for i in old.indicators} | {i.code for i in new.indicators}
    changed = [c for c in sorted(codes) if old.entry(c) != new.entry(c)]
    return changed or ["*"]


def _regions(inputs: FrozenInputs) -> dict[str, str | None]:
    return {p.government: p.region for p in inputs.parties}


def _reasons(
    row: GroupResult,
    reports: Iterable[ReportChange],
    regions: dict[str, str | None],
    comparison: Comparison,
) -> tuple[str, ...]:
    reasons = [
        change.describe()
        for change in reports
        if change.cycle in (row.cycle, row.baseline_cycle)
        and (row.group == GLOBAL or regions.get(change.government) == row.group)
    ]
    if row.indicator in comparison.methodology or "*" in comparison.methodology:
        reasons.append(f"methodology of {row.indicator} changed")
    if not reasons and comparison.records:
        reasons.append(f"{len(comparison.records)} record(s) changed")
    if not reasons and comparison.parties:
        reasons.append(f"{len(comparison.parties)} Party entry(ies) changed")
    return tuple(reasons)


def compare_runs(
    before: FrozenInputs,
    after: FrozenInputs,
    evaluated_before: Evaluation,
    evaluated_after: Evaluation,
) -> Comparison:
    """Which inputs and which figures differ from ``before`` to ``after``, and why."""
    inputs = Comparison(
        reports=tuple(report_changes(before, after)),
        records=tuple(record_changes(before, after)),
        parties=tuple(party_changes(before, after)),
        methodology=tuple(methodology_changes(before, after)),
    )
    regions = {**_regions(before), **_regions(after)}
    old = {(g.indicator, g.group): g for g in evaluated_before.rows()}
    figures: list[FigureChange] = []
    for row in evaluated_after.rows():
        was = old.get((row.indicator, row.group))
        for name in FIGURES:
            then = getattr(was, name) if was else None
            now = getattr(row, name)
            if then != now:
                reasons = _reasons(row, inputs.reports, regions, inputs)
                figures.append(FigureChange(row.indicator, row.group, name, then, now, reasons))
    return Comparison(
        inputs.reports, inputs.records, inputs.parties, inputs.methodology, tuple(figures)
    )
