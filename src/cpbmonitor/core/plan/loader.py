"""Loading plan versions from the YAML files shipped in ``plan/data``.

Integrity rules that make a file unusable (a duplicated code, a link to a missing
objective, a goal code that does not match its items) are errors of the data file.
Properties of the drafts themselves (an objective without indicator, a goal without
outcome) are findings reported by ``check``, not errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.yamlfile import DataFileError, Location, load_model

DATA_DIR = Path(__file__).parent / "data"

PlanDataError = DataFileError


def available_versions() -> list[str]:
    """Ids of the plan versions shipped with the package, oldest first."""
    return sorted(
        path.stem
        for path in DATA_DIR.glob("*.yaml")
        if path.stem.startswith("draft-") or path.stem.startswith("adopted-")
    )


def plan_file(version: str) -> Path:
    return DATA_DIR / f"{version}.yaml"


@cache
def load_plan(version: str) -> PlanVersion:
    """The plan version ``version`` (e.g. ``draft-2020``), validated."""
    path = plan_file(version)
    if not path.exists():
        known = ", ".join(available_versions()) or "none"
        raise PlanDataError(path, f"no plan version '{version}' (known: {known})")
    return load_plan_file(path)


def load_plan_file(path: Path) -> PlanVersion:
    plan = load_model(path, PlanVersion, checks=[integrity_problems])
    if plan.id != path.stem and path.parent == DATA_DIR:
        raise PlanDataError(path, f"field 'id' is '{plan.id}' but the file is named '{path.name}'")
    return plan


def integrity_problems(plan: PlanVersion) -> Iterator[tuple[Location, str]]:
    yield from _duplicate_goal_codes(plan)
    for s, section in enumerate(plan.sections):
        for g in range(len(section.goals)):
            where: Location = ("sections", s, "goals", g)
            yield from _goal_problems(plan, goal_location=where, section_code=section.code)
    yield from _shared_set_problems(plan)


def _repeated_indexes(codes: Iterable[str]) -> set[int]:
    """Indexes of the codes that already occurred earlier in the list."""
    seen: set[str] = set()
    repeated: set[int] = set()
    for index, code in enumerate(codes):
        if code in seen:
            repeated.add(index)
        seen.add(code)
    return repeated


def _duplicate_goal_codes(plan: PlanVersion) -> Iterator[tuple[Location, str]]:
    seen: set[str] = set()
    for s, section in enumerate(plan.sections):
        for g, goal in enumerate(section.goals):
            if goal.code in seen:
                yield ("sections", s, "goals", g, "code"), f"duplicated goal code {goal.code}"
            seen.add(goal.code)


def _goal_problems(
    plan: PlanVersion, goal_location: Location, section_code: str
) -> Iterator[tuple[Location, str]]:
    section_index, goal_index = int(goal_location[1]), int(goal_location[3])
    goal = plan.sections[section_index].goals[goal_index]
    if not goal.code.startswith(f"{section_code}."):
        yield (*goal_location, "code"), f"goal {goal.code} is not in section {section_code}"
    for field in ("objectives", "indicators", "key_areas", "activities"):
        items = getattr(goal, field)
        for index in sorted(_repeated_indexes(item.code for item in items)):
            yield (*goal_location, field, index, "code"), f"duplicated code {items[index].code}"
    for index, objective in enumerate(goal.objectives):
        if not objective.code.startswith(f"{goal.code}."):
            yield (
                (*goal_location, "objectives", index, "code"),
                (f"objective {objective.code} does not belong to goal {goal.code}"),
            )
    objective_codes = {objective.code for objective in goal.objectives}
    for index, indicator in enumerate(goal.indicators):
        if not indicator.code.startswith(f"{goal.code}("):
            yield (
                (*goal_location, "indicators", index, "code"),
                (f"indicator {indicator.code} does not belong to goal {goal.code}"),
            )
        for link_index, link in enumerate(indicator.objectives):
            if link not in objective_codes:
                yield (
                    (*goal_location, "indicators", index, "objectives", link_index),
                    (
                        f"indicator {indicator.code} is linked to objective {link}, "
                        f"which goal {goal.code} does not have"
                    ),
                )
    yield from _capacity_building_problems(plan, goal_location)


def _capacity_building_problems(
    plan: PlanVersion, goal_location: Location
) -> Iterator[tuple[Location, str]]:
    goal = plan.sections[int(goal_location[1])].goals[int(goal_location[3])]
    has_own = bool(goal.key_areas or goal.activities)
    if not plan.has_capacity_building and (has_own or goal.capacity_building_set):
        yield (
            (*goal_location, "key_areas"),
            (
                "this plan version has no Capacity-Building Action Plan "
                "(has_capacity_building is false)"
            ),
        )
    if goal.capacity_building_set is None:
        return
    set_ids = {shared.id for shared in plan.shared_capacity_building}
    if goal.capacity_building_set not in set_ids:
        yield (
            (*goal_location, "capacity_building_set"),
            (f"no shared capacity-building set '{goal.capacity_building_set}'"),
        )
    elif goal.code not in plan.shared_set(goal.capacity_building_set).goals:
        yield (
            (*goal_location, "capacity_building_set"),
            (f"shared set '{goal.capacity_building_set}' does not list goal {goal.code}"),
        )
    if has_own:
        yield (
            (*goal_location, "key_areas"),
            (
                "a goal with a shared capacity-building set cannot also have its own key areas "
                "or activities"
            ),
        )


def _shared_set_problems(plan: PlanVersion) -> Iterator[tuple[Location, str]]:
    goal_codes = {goal.code: goal for goal in plan.goals()}
    for index, shared in enumerate(plan.shared_capacity_building):
        for goal_index, code in enumerate(shared.goals):
            goal = goal_codes.get(code)
            if goal is None:
                yield (
                    ("shared_capacity_building", index, "goals", goal_index),
                    (f"no goal {code} in this plan version"),
                )
            elif goal.capacity_building_set != shared.id:
                yield (
                    ("shared_capacity_building", index, "goals", goal_index),
                    (f"goal {code} does not use shared set '{shared.id}'"),
                )
        for field in ("key_areas", "activities"):
            items = getattr(shared, field)
            for item_index in sorted(_repeated_indexes(item.code for item in items)):
                yield (
                    ("shared_capacity_building", index, field, item_index, "code"),
                    (f"duplicated code {items[item_index].code}"),
                )
