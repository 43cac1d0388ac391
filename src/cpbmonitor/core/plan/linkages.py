"""Linkages of a plan version to other frameworks, as data: the Kunming-Montreal Global
Biodiversity Framework (KMGBF) and the Sustainable Development Goals (SDGs).

``linkages-<plan version>.yaml`` lists the targets referred to (with short titles in the
project's own words), the links the seed states for the plan as a whole (annex,
paragraphs 4 and 7 of draft-2020), and the links of each goal. Every link says on what
it rests (``basis``):

- ``seed``: the seed states this link for this item;
- ``seed-plan-level``: the seed states it for the whole plan; the project applies it to
  the goal;
- ``reading``: the project's own reading of the goal; the seed says nothing of it.

A plan version without such a file (draft-2019, whose seed only lists the relationship
with the framework as a topic for a future chapeau) has no linkages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cpbmonitor.core.plan.loader import available_versions, load_plan
from cpbmonitor.core.plan.model import PlanVersion
from cpbmonitor.core.yamlfile import DataFileError, Location, load_model

DATA_DIR = Path(__file__).parent / "data"

Framework = Literal["kmgbf", "sdg"]
Basis = Literal["seed", "seed-plan-level", "reading"]

FRAMEWORK_LABELS: dict[str, str] = {
    "kmgbf": "Kunming-Montreal Global Biodiversity Framework",
    "sdg": "Sustainable Development Goals",
}
BASIS_LABELS: dict[str, str] = {
    "seed": "stated in the plan",
    "seed-plan-level": "stated in the plan for the plan as a whole",
    "reading": "the project's reading",
}

LinkagesError = DataFileError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Target(_Strict):
    """A goal or target of another framework (``KMGBF Target 17``, ``SDG 2``)."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    framework: Framework
    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    """A short title in the project's own words (not the framework's text)."""
    note: str | None = None


class Link(_Strict):
    target: str
    """Id of a ``Target`` of the same file."""
    basis: Basis
    paragraph: int | None = None
    """The paragraph of the plan's annex the link rests on, if any."""
    note: str | None = None


class GoalLinks(_Strict):
    code: str = Field(pattern=r"^[AB]\.\d+$")
    links: list[Link] = Field(min_length=1)


class Linkages(_Strict):
    plan: str
    targets: list[Target] = Field(default_factory=list)
    plan_links: list[Link] = Field(default_factory=list)
    """What the seed says of the plan as a whole."""
    goals: list[GoalLinks] = Field(default_factory=list)

    def target(self, target_id: str) -> Target:
        for target in self.targets:
            if target.id == target_id:
                return target
        raise KeyError(target_id)

    def resolve(self, links: list[Link]) -> list[ResolvedLink]:
        return [ResolvedLink(self.target(link.target), link) for link in links]

    def for_goal(self, code: str) -> list[ResolvedLink]:
        """The links of goal ``code`` (empty when it has none)."""
        for entry in self.goals:
            if entry.code == code:
                return self.resolve(entry.links)
        return []

    def for_plan(self) -> list[ResolvedLink]:
        return self.resolve(self.plan_links)


@dataclass(frozen=True)
class ResolvedLink:
    """A link with its target: what the CLI, the pages and the document show."""

    target: Target
    link: Link

    @property
    def framework_label(self) -> str:
        return FRAMEWORK_LABELS[self.target.framework]

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.link.basis]

    def as_row(self, goal: str = "") -> dict[str, object]:
        return {
            "goal": goal,
            "framework": self.target.framework,
            "target": self.target.code,
            "title": self.target.title,
            "basis": self.link.basis,
            "paragraph": self.link.paragraph,
            "note": self.link.note,
        }


@dataclass(frozen=True)
class GoalLink:
    """One link as flat text, for documents: ``framework`` and ``basis`` as labels,
    ``target`` as ``Target 17: Biosafety: ...`` (the shape the evaluation document reads)."""

    goal: str
    framework: str
    target: str
    basis: str
    note: str | None = None


def _flat(goal: str, resolved: ResolvedLink) -> GoalLink:
    paragraph = resolved.link.paragraph
    where = f" (annex, paragraph {paragraph})" if paragraph is not None else ""
    return GoalLink(
        goal=goal,
        framework=resolved.framework_label,
        target=f"{resolved.target.code}: {resolved.target.title}",
        basis=f"{resolved.basis_label}{where}",
        note=resolved.link.note,
    )


def goal_links(plan: PlanVersion, plan_level: str | None = None) -> list[GoalLink]:
    """Every goal's links in plan order, flat; with ``plan_level`` (e.g. ``"plan"``), the
    links of the plan as a whole first, under that name."""
    linkages = load_linkages(plan)
    found = [_flat(plan_level, r) for r in linkages.for_plan()] if plan_level else []
    for goal in plan.goals():
        found += [_flat(goal.code, r) for r in linkages.for_goal(goal.code)]
    return found


def linkages_file(version: str) -> Path:
    return DATA_DIR / f"linkages-{version}.yaml"


def load_linkages(plan: PlanVersion) -> Linkages:
    """The linkages of ``plan`` (none when the version has no linkages file)."""
    if plan.id in available_versions() and plan is load_plan(plan.id):
        return _load_shipped(plan.id)
    return _load(plan)


@cache
def _load_shipped(version: str) -> Linkages:
    return _load(load_plan(version))


def _load(plan: PlanVersion) -> Linkages:
    path = linkages_file(plan.id)
    if not path.exists():
        return Linkages(plan=plan.id)
    return load_linkages_file(path, plan)


def load_linkages_file(path: Path, plan: PlanVersion) -> Linkages:
    """Read and check ``path`` against ``plan``: one ``LinkagesError`` naming the file,
    line, item and field on the first problem."""

    def references(linkages: Linkages) -> Iterator[tuple[Location, str]]:
        yield from _problems(linkages, plan)

    return load_model(path, Linkages, checks=[references])


def _problems(linkages: Linkages, plan: PlanVersion) -> Iterator[tuple[Location, str]]:
    if linkages.plan != plan.id:
        yield ("plan",), f"the file is for plan version {linkages.plan}, not {plan.id}"
    seen: set[str] = set()
    for index, target in enumerate(linkages.targets):
        if target.id in seen:
            yield ("targets", index, "id"), f"duplicated target id {target.id}"
        seen.add(target.id)
    goal_codes = {goal.code for goal in plan.goals()}
    paragraphs = {p.number for p in plan.narrative.linkages}
    yield from _link_problems(linkages.plan_links, ("plan_links",), seen, paragraphs)
    listed: set[str] = set()
    for index, entry in enumerate(linkages.goals):
        where: Location = ("goals", index)
        if entry.code not in goal_codes:
            yield (*where, "code"), f"no goal {entry.code} in plan version {plan.id}"
        if entry.code in listed:
            yield (*where, "code"), f"goal {entry.code} is listed twice"
        listed.add(entry.code)
        yield from _link_problems(entry.links, (*where, "links"), seen, paragraphs)


def _link_problems(
    links: list[Link], where: Location, targets: set[str], paragraphs: set[int]
) -> Iterator[tuple[Location, str]]:
    for index, link in enumerate(links):
        if link.target not in targets:
            yield (*where, index, "target"), f"no target '{link.target}' in this file"
        if link.paragraph is not None and link.paragraph not in paragraphs:
            known = ", ".join(map(str, sorted(paragraphs))) or "none"
            yield (
                (*where, index, "paragraph"),
                f"paragraph {link.paragraph} is not a linkage paragraph (known: {known})",
            )
        if link.basis != "reading" and link.paragraph is None:
            yield (
                (*where, index, "paragraph"),
                f"a link with basis '{link.basis}' names its paragraph",
            )
        if link.basis == "reading" and not link.note:
            yield (*where, index, "note"), "a link that is the project's reading says why in a note"
