"""National reporting cycles (schema, number, year, deadline), from ``data/cycles.yaml``."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic.dataclasses import dataclass

from cpbmonitor.core.formats.errors import FormatError
from cpbmonitor.core.formats.extra import extra_dirs, extra_file
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


def _parse(data: object, name: str) -> list[Cycle]:
    try:
        return _CyclesFile.model_validate(data).cycles
    except ValidationError as exc:
        raise validation_error(name, exc) from exc


def _read_extra(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FormatError(str(path), "(file)", "-", f"cannot be read: {exc}") from exc


@cache
def _load_from(dirs: tuple[Path, ...]) -> tuple[Cycle, ...]:
    """The shipped cycles, then those of the extra directories' ``cycles.yaml``; a cycle
    repeating a known number or schema is an error naming the file and the cycle."""
    known = _parse(read_data_yaml(CYCLES_FILE), CYCLES_FILE)
    path = extra_file(CYCLES_FILE, dirs)
    if path is not None:
        for i, item in enumerate(_parse(_read_extra(path), str(path))):
            for held in known:
                clash = "schema" if held.schema == item.schema else None
                if item.number is not None and held.number == item.number:
                    clash = "number"
                if clash:
                    value = getattr(item, clash)
                    raise FormatError(str(path), f"cycles/{i}", clash, f"{value} is already known")
            known.append(item)
    return tuple(sorted(known, key=lambda c: c.deadline))


def _load() -> tuple[Cycle, ...]:
    return _load_from(extra_dirs())


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
