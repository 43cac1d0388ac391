"""Reporting cycles added as data: directories of extra cycle files, read beside the
shipped ones.

A new reporting cycle needs no code: a directory named in the environment variable
``CPB_FORMATS_DIR`` (several separated by ``os.pathsep``) may hold

- ``cycles.yaml``: more cycles, in the shape of the shipped file (number, schema, year,
  deadline);
- ``<schema>.yaml``: the format of a new schema, written in full like the shipped ones or
  derived from an earlier format (``extends:`` with renamed, dropped and added questions
  and options; see ``derived``);
- ``crosswalk-*.yaml``: question crosswalks between two formats (``schema_from`` newer,
  ``schema_to`` older); every question they name must be in its format (when that
  format is shipped or in an extra directory);
- ``methodology-<plan version>-cycle-<n>.yaml``: the methodology rules of cycle ``n`` for
  a plan version (see ``indicators.cycle_rules``).

Each loader is cached on the tuple of directories, so changing the variable (a test, a
new deployment) is seen at the next call without clearing any cache.
"""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT_VARIABLE = "CPB_FORMATS_DIR"


def extra_dirs() -> tuple[Path, ...]:
    """The extra data directories, in the order given (existing ones only)."""
    text = os.environ.get(ENVIRONMENT_VARIABLE, "")
    return tuple(Path(p) for p in text.split(os.pathsep) if p and Path(p).is_dir())


def extra_file(name: str, dirs: tuple[Path, ...] | None = None) -> Path | None:
    """The first extra directory's file called ``name``, if any."""
    for directory in extra_dirs() if dirs is None else dirs:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


def extra_files(pattern: str, dirs: tuple[Path, ...] | None = None) -> list[Path]:
    """Every extra directory's files matching the glob ``pattern``, sorted by name."""
    found: list[Path] = []
    for directory in extra_dirs() if dirs is None else dirs:
        found.extend(sorted(directory.glob(pattern)))
    return found
