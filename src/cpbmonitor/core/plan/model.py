"""Typed model of one version of the Implementation Plan and Capacity-Building Action Plan.

A plan version is read from one YAML file (see ``loader``). The model follows the
plan's own vocabulary: sections hold goals; a goal has objectives, indicators (each
linked to the objectives it measures), outcomes and, in versions with a
Capacity-Building Action Plan, key areas for capacity-building and capacity-building
activities, either its own or a set shared with other goals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AppliesTo = Literal[
    "all",
    "parties-to-supplementary-protocol",
    "parties-choosing-socio-economic-considerations",
]

APPLIES_TO_LABELS: dict[str, str] = {
    "all": "all Parties",
    "parties-to-supplementary-protocol": "Parties to the Supplementary Protocol",
    "parties-choosing-socio-economic-considerations": (
        "Parties that choose to take socio-economic considerations into account"
    ),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Objective(_Strict):
    code: str = Field(pattern=r"^[AB]\.\d+\.\d+$")
    text: str = Field(min_length=1)


class Indicator(_Strict):
    code: str = Field(pattern=r"^[AB]\.\d+\([a-z]\)$")
    text: str = Field(min_length=1)
    objectives: list[str] = Field(default_factory=list)
    link_note: str | None = None
    """Why the indicator is linked to these objectives, where the link is not obvious."""

    @property
    def letter(self) -> str:
        return self.code[self.code.index("(") :]


class KeyArea(_Strict):
    code: str = Field(pattern=r"^\(\d+\)$")
    text: str = Field(min_length=1)


class Activity(_Strict):
    code: str = Field(pattern=r"^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)\)$")
    text: str = Field(min_length=1)


class CapacityBuildingSet(_Strict):
    """Key areas and activities that the seed presents once for several goals."""

    id: str
    goals: list[str] = Field(min_length=2)
    key_areas: list[KeyArea] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)


class Goal(_Strict):
    code: str = Field(pattern=r"^[AB]\.\d+$")
    title: str = Field(min_length=1)
    applies_to: AppliesTo = "all"
    objectives: list[Objective] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    key_areas: list[KeyArea] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    capacity_building_set: str | None = None
    """Id of a shared ``CapacityBuildingSet`` used instead of own key areas and activities."""


class Section(_Strict):
    code: Literal["A", "B"]
    title: str
    goals: list[Goal]


class Paragraph(_Strict):
    number: int
    text: str = Field(min_length=1)


class NeedsArea(_Strict):
    """One area in which Parties reported needing further capacity-building."""

    code: str = Field(pattern=r"^\([a-z]\)$")
    text: str = Field(min_length=1)
    parties: int = Field(ge=0)


class NeedsSurvey(_Strict):
    """The capacity-building needs that the plan document quotes from national reports."""

    paragraph: int
    question: str
    cycle: int
    reporting_parties: int = Field(ge=0)
    as_of: dt.date
    areas: list[NeedsArea]


class Narrative(_Strict):
    purpose: list[Paragraph] = Field(default_factory=list)
    linkages: list[Paragraph] = Field(default_factory=list)
    evaluation_and_review: list[Paragraph] = Field(default_factory=list)
    priorities_and_programming: list[Paragraph] = Field(default_factory=list)
    chapeau_placeholders: list[str] = Field(default_factory=list)
    """Draft-2019: the topics that a future narrative chapeau could address."""


class Source(_Strict):
    document: str
    date: dt.date
    seed: str
    """File name of the seed document in ``shared/seeds`` the texts were taken from."""


class PlanVersion(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    source: Source
    has_capacity_building: bool
    narrative: Narrative = Field(default_factory=Narrative)
    needs: NeedsSurvey | None = None
    shared_capacity_building: list[CapacityBuildingSet] = Field(default_factory=list)
    sections: list[Section]

    # -- navigation -------------------------------------------------------------
    def goals(self) -> Iterator[Goal]:
        for section in self.sections:
            yield from section.goals

    def goal(self, code: str) -> Goal:
        for goal in self.goals():
            if goal.code == code:
                return goal
        raise KeyError(code)

    def objectives(self) -> Iterator[Objective]:
        for goal in self.goals():
            yield from goal.objectives

    def indicators(self) -> Iterator[Indicator]:
        for goal in self.goals():
            yield from goal.indicators

    def indicator(self, code: str) -> Indicator:
        for indicator in self.indicators():
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def goal_of(self, code: str) -> Goal:
        """The goal that an objective or indicator code belongs to."""
        goal_code = code.split("(")[0]
        if goal_code.count(".") == 2:
            goal_code = goal_code.rsplit(".", 1)[0]
        return self.goal(goal_code)

    def shared_set(self, set_id: str) -> CapacityBuildingSet:
        for shared in self.shared_capacity_building:
            if shared.id == set_id:
                return shared
        raise KeyError(set_id)

    def key_areas_of(self, goal: Goal) -> list[KeyArea]:
        if goal.capacity_building_set:
            return list(self.shared_set(goal.capacity_building_set).key_areas)
        return list(goal.key_areas)

    def activities_of(self, goal: Goal) -> list[Activity]:
        if goal.capacity_building_set:
            return list(self.shared_set(goal.capacity_building_set).activities)
        return list(goal.activities)

    def find(self, code: str) -> Goal | Objective | Indicator:
        """A goal, objective or indicator by its code."""
        for goal in self.goals():
            if goal.code == code:
                return goal
            for objective in goal.objectives:
                if objective.code == code:
                    return objective
            for indicator in goal.indicators:
                if indicator.code == code:
                    return indicator
        raise KeyError(code)
