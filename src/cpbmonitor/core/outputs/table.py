"""A table: the one shape every tabular output is written from.

Rows are mappings from column name to a plain value (text, number, boolean, date or
``None``; keys that are not columns are left out of every format); ``notices`` are
sentences every format must carry with the rows (for instance that the data are
demonstration data).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = ()
    notices: tuple[str, ...] = ()
    title: str = ""
    """A short name: the sheet's title in a workbook."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Named values a JSON document carries beside the rows (e.g. ``indicator``)."""

    @classmethod
    def of(
        cls,
        columns: Sequence[str],
        rows: Iterable[Mapping[str, Any]],
        notices: Iterable[str] = (),
        title: str = "",
        **extra: Any,
    ) -> Table:
        return cls(tuple(columns), tuple(rows), tuple(n for n in notices if n), title, extra)

    def records(self) -> list[dict[str, Any]]:
        """Every row with every column, in column order (``None`` where a row has none)."""
        return [{column: row.get(column) for column in self.columns} for row in self.rows]

    def with_notices(self, *notices: str | None) -> Table:
        added = tuple(n for n in notices if n and n not in self.notices)
        return Table(self.columns, self.rows, self.notices + added, self.title, self.extra)
