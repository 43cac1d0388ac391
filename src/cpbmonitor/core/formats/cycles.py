"""National reporting cycles (schema, number, year, deadline), from ``data/cycles.yaml``."""

from __future__ import annotations

import datetime as dt
from functools import cache

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.dataclasses import dataclass

from cpbmonitor.core.formats.shipped import read_data_yaml, validation_error

CYCLES_FILE = "cycles.yaml"


@dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class Cycle:
    """One reporting cycle, as read (and validated) from the cycles file. ``number`` is
    ``None`` for the interim report. A pydantic dataclass rather than a model: a model
    reserves the name ``schema``."""

    schema: str
    number: int | None
    name: str
    year: int
    deadline: dt.date
    note: str | None = None
    party_count: int | None = None
    party_report_count: int | None = None


class _CyclesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cycles: list[Cycle]


@cache
def _load() -> tuple[Cycle, ...]:
    try:
        parsed = _CyclesFile.model_validate(read_data_yaml(CYCLES_FILE))
    except ValidationError as exc:
        raise validation_error(CYCLES_FILE, exc) from exc
    return tuple(parsed.cycles)


def cycles() -> list[Cycle]:
    """Every reporting cycle, oldest first."""
    return list(_load())


def cycle(number: int | str) -> Cycle:
    """The cycle with this number (``4``, ``5``) or name (``"interim"``)."""
    for item in _load():
        if number == item.number or str(number) == item.name:
            return item
    raise KeyError(f"no reporting cycle {number!r}")


def cycle_for_schema(schema: str) -> Cycle:
    for item in _load():
        if item.schema == schema:
            return item
    raise KeyError(f"no reporting cycle for schema {schema!r}")
