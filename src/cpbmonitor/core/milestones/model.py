"""Milestones that the meeting of the Parties may set (annex, section V, paragraph 25):
an indicator of a plan version, a target value and a date, for the world or one region.

A ``Milestone`` is one validated item. Problems found while reading or checking
milestones are ``MilestoneProblem``s; a reader collects every problem of a file and
raises one ``MilestoneInputError``, whose text is one line per problem naming the file,
the item, the field and the value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.indicators.inputs import GLOBAL

PLAN_PERIOD: tuple[dt.date, dt.date] = (dt.date(2021, 1, 1), dt.date(2030, 12, 31))
"""The period of the Implementation Plan (2021-2030): milestone dates fall within it."""

DEMONSTRATION_LABEL = "Demonstration milestone, not set by the meeting of the Parties"

MilestoneKey = tuple[str, str, str, dt.date]
"""(plan version, indicator, group, target date): what identifies a milestone."""

FIELDS: tuple[str, ...] = (
    "plan",
    "indicator",
    "group",
    "target_value",
    "target_date",
    "label",
    "decision",
    "demonstration",
)
"""The fields of a milestone, in the column order of CSV files and exports."""


class Milestone(BaseModel):
    """One milestone. ``group`` is ``global`` or a regional group (``AFR``...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: str = Field(pattern=r"^[a-z0-9-]+$")
    indicator: str = Field(pattern=r"^[AB]\.\d+\([a-z]\)$")
    group: str = GLOBAL
    target_value: float = Field(ge=0)
    target_date: dt.date
    label: str | None = None
    """A short name, e.g. the wording of the decision that set it."""
    decision: str | None = None
    """The decision that set it, e.g. ``CP-11/3``."""
    demonstration: bool = False
    """Made up to show the feature; never set by the meeting of the Parties."""

    @property
    def key(self) -> MilestoneKey:
        return (self.plan, self.indicator, self.group, self.target_date)

    def describe(self) -> str:
        """``A.1(a), global, 2030-12-31``: how messages name a milestone."""
        return f"{self.indicator}, {self.group}, {self.target_date.isoformat()}"

    def as_row(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in FIELDS}


@dataclass(frozen=True)
class MilestoneProblem:
    """One thing wrong with one milestone (``item`` empty: with the whole file)."""

    file: str
    item: str
    field: str | None
    value: object
    message: str

    def describe(self) -> str:
        parts = [self.file]
        if self.item:
            parts.append(self.item)
        if self.field:
            parts.append(f"field {self.field}")
        if self.value is not None:
            shown = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
            parts.append(f"value {shown!r}")
        return ": ".join([*parts, self.message])


class MilestoneInputError(ValueError):
    """Milestones cannot be read or stored; ``problems`` lists every reason."""

    def __init__(self, problems: Iterable[MilestoneProblem]) -> None:
        self.problems = list(problems)
        if not self.problems:
            raise ValueError("a MilestoneInputError needs at least one problem")
        super().__init__("\n".join(problem.describe() for problem in self.problems))

    @classmethod
    def single(cls, file: str, message: str) -> MilestoneInputError:
        return cls([MilestoneProblem(file, "", None, None, message)])
