"""One cycle's Parties and their reports as rows of bit columns (see ``columns``).

Row ``i`` is the ``i``-th Party of the cycle, with its report's answers (none when it
did not report). Measurers combine sets of rows (the Parties that reported, that are in
a population, that meet a rule) and count them per group; the groups are those of
``sources.tally``: every Party counts in ``global``, and in its region's group when it
has one (the European Union has none). Per-Party results are ``PartyFlags``: two sets of
rows read as a mapping from government to met or not.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress, repeat

from cpbmonitor.core.indicators.columns import NO_ANSWERS, Rows, marks, rows_of
from cpbmonitor.core.indicators.compiler import CompiledRule
from cpbmonitor.core.indicators.inputs import GLOBAL, REGIONS, PartyFacts, ReportFacts
from cpbmonitor.core.indicators.results import Measure
from cpbmonitor.core.indicators.sheet import Accessors, Sheet


class PartyFlags(Mapping[str, bool]):
    """Government -> whether it meets an indicator, for each Party of ``rows``: the sets of
    rows ``rows`` and ``met`` of a table, read as a mapping (in row order)."""

    def __init__(self, table: ReportTable, rows: Rows, met: Rows) -> None:
        self._index = table.index
        self._governments = table.governments
        self._rows = marks(rows, table.size)
        self._met = marks(met, table.size)

    def __getitem__(self, government: str) -> bool:
        row = self._index.get(government)
        if row is None or self._rows[row] != "1":
            raise KeyError(government)
        return self._met[row] == "1"

    def __contains__(self, government: object) -> bool:
        row = self._index.get(government) if isinstance(government, str) else None
        return row is not None and self._rows[row] == "1"

    def __iter__(self) -> Iterator[str]:
        return compress(self._governments, map(_IS_ONE, self._rows))

    def __len__(self) -> int:
        return self._rows.count("1")

    def __repr__(self) -> str:
        return f"PartyFlags({dict(self)!r})"


_IS_ONE = "1".__eq__


class ReportTable:
    """The Parties of a cycle (rows, in the order given) and their reports."""

    def __init__(
        self,
        parties: Mapping[str, PartyFacts],
        reports: Mapping[str, ReportFacts],
        accessors: Accessors,
    ) -> None:
        self.parties = parties
        self.governments: Sequence[str] = list(parties)
        self.index = dict(zip(self.governments, range(len(self.governments)), strict=True))
        self.reports = [reports.get(government) for government in self.governments]
        self.sheet: Sheet = accessors.sheet(
            [NO_ANSWERS if r is None else r.answers for r in self.reports]
        )
        self.size = self.sheet.size
        self.everyone = self.sheet.everyone
        self._where: dict[str, Rows] = {}
        self.reported = rows_of(bytes(map(operator.is_not, self.reports, repeat(None))))
        """The Parties that reported in the cycle."""
        self.complete = self.reporting("complete", lambda report: report.complete)
        """The Parties whose report is complete."""
        regions = [parties[government].region for government in self.governments]
        self.groups: dict[str, Rows] = {GLOBAL: self.everyone}
        for region in REGIONS:
            self.groups[region] = rows_of(bytes(map(operator.eq, regions, repeat(region))))

    def meeting(self, rule: CompiledRule) -> Rows:
        """The Parties whose report meets ``rule``."""
        return self.reported & rule.rows(self.sheet)

    def answering(self, rule: CompiledRule) -> Rows:
        """The Parties whose report answered a question ``rule`` reads (conditions aside)."""
        return rule.answered_rows(self.sheet)

    def where(self, name: str, test: Callable[[PartyFacts], bool]) -> Rows:
        """The Parties that pass ``test``, remembered under ``name``."""
        key = f"party {name}"
        if key not in self._where:
            parties = map(self.parties.__getitem__, self.governments)
            self._where[key] = rows_of(bytes(map(test, parties)))
        return self._where[key]

    def reporting(self, name: str, test: Callable[[ReportFacts], bool]) -> Rows:
        """The Parties whose report passes ``test``, remembered under ``name``."""
        key = f"report {name}"
        if key not in self._where:
            passed = bytes(report is not None and test(report) for report in self.reports)
            self._where[key] = rows_of(passed)
        return self._where[key]

    def flags(self, rows: Rows, met: Rows) -> PartyFlags:
        """Government -> whether it is in ``met``, for each Party in ``rows``."""
        return PartyFlags(self, rows, met)

    def measures(self, met: Rows, counted: Rows, used: Rows) -> dict[str, Measure]:
        """Per group: Parties in ``met`` out of those ``counted``, and reports ``used``."""
        return {
            group: Measure(
                (met & rows).bit_count(), (counted & rows).bit_count(), (used & rows).bit_count()
            )
            for group, rows in self.groups.items()
        }
