"""Curated mapping from the capacity-building needs areas that Parties reported
(paragraph 37 of the 2020 note) to the key areas and activities of the Capacity-Building
Action Plan.

The mapping is data (``needs-coverage-<version>.yaml``); a key area or an activity is
referred to as ``"<goal code or shared set id> <code>"``, e.g. ``"A.5 (1)"``,
``"A.6-A.8 (3)"`` or ``"A.5 (ii)"``. A goal that uses a shared set may name it by its own
code (``"A.7 (3)"``); ``canonical_reference`` turns such a reference into the shared set's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.plan.model import Activity, KeyArea, PlanVersion
from cpbmonitor.core.yamlfile import Location, load_model

DATA_DIR = Path(__file__).parent / "data"


class NeedsAreaMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key_areas: list[str] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    """Activities of the Action Plan whose own text addresses the needs area."""
    note: str | None = None


class NeedsCoverage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: str
    areas: dict[str, NeedsAreaMapping]

    def key_areas_for(self, area_code: str) -> list[str]:
        mapping = self.areas.get(area_code)
        return list(mapping.key_areas) if mapping else []

    def activities_for(self, area_code: str) -> list[str]:
        mapping = self.areas.get(area_code)
        return list(mapping.activities) if mapping else []

    def note_for(self, area_code: str) -> str | None:
        mapping = self.areas.get(area_code)
        return mapping.note if mapping else None

    def areas_served_by(self, references: Sequence[str]) -> set[str]:
        """The needs areas that any of ``references`` (key areas or activities, in
        canonical form) addresses according to the mapping."""
        wanted = set(references)
        return {
            code
            for code, mapping in self.areas.items()
            if wanted & (set(mapping.key_areas) | set(mapping.activities))
        }


def coverage_file(version: str) -> Path:
    return DATA_DIR / f"needs-coverage-{version}.yaml"


def _owner_items(plan: PlanVersion, owner: str) -> tuple[str, list[KeyArea], list[Activity]]:
    """(canonical owner, key areas, activities) of a goal code or shared set id."""
    try:
        shared = plan.shared_set(owner)
        return shared.id, list(shared.key_areas), list(shared.activities)
    except KeyError:
        goal = plan.goal(owner)  # KeyError when unknown
        canonical = goal.capacity_building_set or goal.code
        return canonical, plan.key_areas_of(goal), plan.activities_of(goal)


def resolve_key_area(plan: PlanVersion, reference: str) -> KeyArea | None:
    owner, _, code = reference.partition(" ")
    try:
        _, key_areas, _ = _owner_items(plan, owner)
    except KeyError:
        return None
    return next((area for area in key_areas if area.code == code), None)


def resolve_activity(plan: PlanVersion, reference: str) -> Activity | None:
    owner, _, code = reference.partition(" ")
    try:
        _, _, activities = _owner_items(plan, owner)
    except KeyError:
        return None
    return next((item for item in activities if item.code == code), None)


def canonical_reference(plan: PlanVersion, reference: str) -> str:
    """``reference`` with a goal of a shared set replaced by the set (``"A.7 (3)"`` ->
    ``"A.6-A.8 (3)"``); unknown owners are returned unchanged."""
    owner, _, code = reference.strip().partition(" ")
    try:
        canonical, _, _ = _owner_items(plan, owner)
    except KeyError:
        return reference.strip()
    return f"{canonical} {code.strip()}"


def load_needs_coverage(plan: PlanVersion) -> NeedsCoverage:
    """The curated coverage mapping of ``plan`` (empty when the version has none)."""
    path = coverage_file(plan.id)
    if not path.exists():
        return NeedsCoverage(plan=plan.id, areas={})

    def references_resolve(coverage: NeedsCoverage) -> Iterator[tuple[Location, str]]:
        known = {area.code for area in plan.needs.areas} if plan.needs else set()
        for area_code, mapping in coverage.areas.items():
            if area_code not in known:
                yield ("areas", area_code), f"no needs area {area_code} in {plan.id}"
            for field, resolve, noun in (
                ("key_areas", resolve_key_area, "key area"),
                ("activities", resolve_activity, "activity"),
            ):
                for index, reference in enumerate(getattr(mapping, field)):
                    if resolve(plan, reference) is None:
                        yield (
                            ("areas", area_code, field, index),
                            f"no {noun} '{reference}' in {plan.id}",
                        )
                    elif canonical_reference(plan, reference) != reference:
                        yield (
                            ("areas", area_code, field, index),
                            f"write '{canonical_reference(plan, reference)}' for '{reference}'",
                        )

    return load_model(path, NeedsCoverage, checks=[references_resolve])
