"""A set of records of every type, and its views as on a date or over a period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from cpbmonitor.core.records.model import RECORD_TYPES, RecordModel, type_of

T = TypeVar("T", bound=RecordModel)


@dataclass(frozen=True)
class RecordSet:
    """Records by type name; immutable. ``RecordSet.of(records)`` sorts them by type."""

    by_type: dict[str, tuple[RecordModel, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[RecordModel]) -> RecordSet:
        grouped: dict[str, list[RecordModel]] = {}
        for record in records:
            grouped.setdefault(type_of(record).name, []).append(record)
        return cls({name: tuple(items) for name, items in grouped.items()})

    def all(self, model: type[T]) -> tuple[T, ...]:
        """Every record of ``model``'s type, whatever its dates."""
        name = next(n for n, kind in RECORD_TYPES.items() if kind.model is model)
        return self.by_type.get(name, ())  # type: ignore[return-value]

    def on(self, model: type[T], day: dt.date) -> tuple[T, ...]:
        """The records of ``model``'s type that hold on ``day``."""
        return tuple(r for r in self.all(model) if r.holds_on(day))

    def __iter__(self) -> Iterator[RecordModel]:
        for records in self.by_type.values():
            yield from records

    def __len__(self) -> int:
        return sum(len(records) for records in self.by_type.values())

    def counts(self) -> dict[str, int]:
        return {name: len(self.by_type.get(name, ())) for name in RECORD_TYPES}
