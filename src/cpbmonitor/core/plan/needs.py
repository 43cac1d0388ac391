"""Curated mapping from the capacity-building needs areas that Parties reported
(paragraph 37 of the 2020 note) to the key areas of the Capacity-Building Action Plan.

The mapping is data (``needs-coverage-<version>.yaml``); a key area is referred to as
``"<goal code or shared set id> <key area code>"``, e.g. ``"A.5 (1)"`` or ``"A.6-A.8 (3)"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.plan.model import KeyArea, PlanVersion
from cpbmonitor.core.yamlfile import Location, load_model

DATA_DIR = Path(__file__).parent / "data"


class NeedsAreaMapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key_areas: list[str] = Field(default_factory=list)
    note: str | None = None


class NeedsCoverage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plan: str
    areas: dict[str, NeedsAreaMapping]

    def key_areas_for(self, area_code: str) -> list[str]:
        mapping = self.areas.get(area_code)
        return list(mapping.key_areas) if mapping else []


def coverage_file(version: str) -> Path:
    return DATA_DIR / f"needs-coverage-{version}.yaml"


def resolve_key_area(plan: PlanVersion, reference: str) -> KeyArea | None:
    owner, _, code = reference.partition(" ")
    key_areas: list[KeyArea]
    try:
        key_areas = list(plan.shared_set(owner).key_areas)
    except KeyError:
        try:
            key_areas = plan.key_areas_of(plan.goal(owner))
        except KeyError:
            return None
    return next((area for area in key_areas if area.code == code), None)


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
            for index, reference in enumerate(mapping.key_areas):
                if resolve_key_area(plan, reference) is None:
                    yield (
                        ("areas", area_code, "key_areas", index),
                        (f"no key area '{reference}' in {plan.id}"),
                    )

    return load_model(path, NeedsCoverage, checks=[references_resolve])
